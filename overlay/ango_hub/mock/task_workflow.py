"""A task's way through its project's workflow stages, and how tasks are shown and selected.

One task per asset (its fields live on :class:`~.state.Asset`). A new task waits in the Start
stage; the first action on it (assign, annotate) takes it into the stage after Start, as Ango
does when a labeller opens it. Submitting moves it to the stage's first ``next``; a review
moves it to the first ``next`` (accepted) or the second (rejected; without one, back to the
Label stage it was submitted from). Entering a Complete stage completes it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from .ids import iso_now, parse_iso
from .state import COMPLETED_STATUS, INITIAL_STATUS, Asset, Project
from .validation import RequestInvalid

ALWAYS_SHOWN = ("_id", "project", "asset")


def stage(project: Project, stage_id: str) -> dict[str, Any] | None:
    return next((s for s in project.stages if s.get("id") == stage_id), None)


def stage_type(project: Project, stage_id: str) -> str:
    found = stage(project, stage_id)
    return str(found.get("type", "")) if found else ""


def require_stage(project: Project, field: str, stage_id: str) -> None:
    if stage(project, stage_id) is None:
        ids = ", ".join(str(s.get("id")) for s in project.stages)
        raise RequestInvalid(f"{field}: no stage {stage_id!r} in the workflow (stages: {ids})")


def working_stage(project: Project, asset: Asset) -> str:
    """Where work on the task happens: the stage after Start for a task still waiting there."""
    current = stage(project, asset.stage)
    if current is not None and current.get("type") == "Start":
        return next_stage(project, asset.stage) or asset.stage
    return asset.stage


def next_stage(project: Project, stage_id: str, branch: int = 0) -> str | None:
    """The stage ``next[branch]`` names; None when there is none or it names no stage (the
    workflow is stored as sent, so a dangling ``next`` is met here, as "no next stage")."""
    current = stage(project, stage_id)
    targets = (current or {}).get("next") or []
    if len(targets) <= branch or stage(project, str(targets[branch])) is None:
        return None
    return str(targets[branch])


def move(project: Project, asset: Asset, to_stage: str, user: str) -> None:
    """Put the task in ``to_stage``; a Complete stage completes it."""
    asset.stage = to_stage
    if stage_type(project, to_stage) == "Complete":
        asset.status = COMPLETED_STATUS
        asset.completed_at = asset.completed_at or iso_now()
    else:
        asset.status = INITIAL_STATUS
        asset.completed_at = None
    asset.updated_by = user
    asset.touch()


def rejected_stage(project: Project, asset: Asset, review_stage: str) -> str:
    """Where a rejection sends the task: the review stage's second ``next``, else the Label
    stage it was last submitted from, else the workflow's first Label stage."""
    branch = next_stage(project, review_stage, 1)
    if branch is not None:
        return branch
    for entry in reversed(asset.history):
        if entry["action"] == "submit" and stage_type(project, entry["stage"]) == "Label":
            return str(entry["stage"])
    label = next((s for s in project.stages if s.get("type") == "Label"), None)
    return str(label["id"]) if label else review_stage


def task_view(
    project: Project, asset: Asset, answer: bool = False, fields: Iterable[str] | None = None
) -> dict[str, Any]:
    """The task as the API shows it (the ``Task`` schema)."""
    task: dict[str, Any] = {
        "_id": asset.task_id,
        "project": project.id,
        "asset": asset.id,
        "externalId": asset.external_id,
        "stage": asset.stage,
        "status": asset.status,
        "assignee": asset.assignee,
        "batches": list(asset.batches),
        "priority": asset.priority,
        "isBenchmark": asset.is_benchmark,
        "isDraft": asset.is_draft,
        "reviewStatus": asset.review_status,
        "createdAt": asset.created_at,
        "updatedAt": asset.updated_at,
        "completedAt": asset.completed_at,
        "duration": asset.duration,
    }
    if fields is not None:
        wanted = set(fields) | set(ALWAYS_SHOWN)
        task = {k: v for k, v in task.items() if k in wanted}
        answer = "answer" in wanted
    if answer:
        task["answer"] = task_answer(asset.answer)
    return task


def task_answer(stored: dict[str, Any] | None) -> dict[str, Any]:
    """The answer as a task shows it: annotations posted as ``objects`` come back as
    ``tools`` (like the export), and a task without one shows empty lists (the official SDK
    merges new annotations into these lists)."""
    answer = dict(stored or {})
    tools = answer.pop("objects", answer.pop("tools", []))
    return {
        **answer,
        "tools": list(tools),
        "classifications": list(answer.get("classifications", [])),
        "relations": list(answer.get("relations", [])),
    }


# -- selection (requeueTasks, updatePriority: the TaskSelection schema) -------------------


def select(project: Project, selection: dict[str, Any]) -> list[Asset]:
    """The project's tasks every list of ``selection`` matches, materialised for changes."""
    wanted = {
        attribute: set(selection[key])
        for key, attribute in (
            ("taskIds", "task_id"),
            ("externalIds", "external_id"),
            ("assetIds", "id"),
            ("fromStageIds", "stage"),
        )
        if key in selection
    }
    batch_ids = None
    if "batches" in selection:
        batch_ids = set(project.resolve_batches(list(selection["batches"]), create=False))

    def chosen_one(asset: Asset) -> bool:
        if batch_ids is not None and not batch_ids.intersection(asset.batches):
            return False
        return all(getattr(asset, attribute) in ids for attribute, ids in wanted.items())

    chosen = [a.id for a in project.iter_assets() if chosen_one(a)]
    return [asset for asset in map(project.get_asset, chosen) if asset is not None]


# -- the listing's filter object (the TaskFilter schema) -----------------------------------

_DATE_FIELDS = {"createdAt", "updatedAt", "completedAt"}


class _Incomparable(Exception):
    """A condition the mock cannot evaluate (a date that is not ISO 8601, values that do not
    compare, a `$regex` that does not compile): it holds for no task. No source says the server
    refuses these, so the mock does not either (docs/MOCK.md)."""


def _comparable(field: str, value: Any) -> Any:
    if field in _DATE_FIELDS and isinstance(value, str):
        try:
            return parse_iso(value)
        except ValueError as exc:
            raise _Incomparable from exc
    return value


def _equals(field: str, actual: Any, expected: Any) -> bool:
    if isinstance(actual, list):
        return expected in actual
    if actual is None or expected is None:
        return actual is expected
    return bool(_comparable(field, actual) == _comparable(field, expected))


def _order(field: str, actual: Any, op: str, bound: Any) -> bool:
    if actual is None or isinstance(actual, list):
        return False
    left, right = _comparable(field, actual), _comparable(field, bound)
    try:
        return bool(
            {
                "$gt": left > right,
                "$gte": left >= right,
                "$lt": left < right,
                "$lte": left <= right,
            }[op]
        )
    except TypeError as exc:
        raise _Incomparable from exc


def _operator(field: str, actual: Any, op: str, operand: Any) -> bool:
    if op in ("$eq", "$ne"):
        return _equals(field, actual, operand) == (op == "$eq")
    if op in ("$in", "$nin"):
        return any(_equals(field, actual, item) for item in operand) == (op == "$in")
    if op == "$exists":
        return (actual is not None) == bool(operand)
    if op == "$regex":
        try:
            return re.search(operand, str(actual or "")) is not None
        except re.error as exc:
            raise _Incomparable from exc
    return _order(field, actual, op, operand)


def matches(task: dict[str, Any], conditions: dict[str, Any]) -> bool:
    """Whether a task (``task_view`` plus the filter-only fields) meets every condition."""
    try:
        for field, condition in conditions.items():
            actual = task.get(field)
            if isinstance(condition, dict):
                if not all(_operator(field, actual, op, v) for op, v in condition.items()):
                    return False
            elif not _equals(field, actual, condition):
                return False
    except _Incomparable:
        return False
    return True


def filter_fields(asset: Asset, open_issues: int) -> dict[str, Any]:
    """The fields a filter may name that the task view does not show."""
    return {
        "type": asset.task_type,
        "createdBy": asset.created_by,
        "updatedBy": asset.updated_by,
        "totalDuration": asset.duration,
        "openIssuesCount": open_issues,
        "isSkipped": False,
    }


def sort_tasks(tasks: list[dict[str, Any]], sort: str) -> None:
    """Sort in place by ``-a,b`` keys (None first when ascending); Python's sort is stable."""
    for key in reversed(sort.split(",")):
        name = key.lstrip("-")

        def by(task: dict[str, Any], name: str = name) -> tuple[bool, str, Any]:
            # Any key may be asked for (no source lists the sortable fields): values of
            # different kinds, or lists and objects, must still compare.
            value = task.get(name)
            if value is None or isinstance(value, bool | int | float | str):
                kind = "number" if isinstance(value, int | float) else type(value).__name__
                return (value is not None, kind, value if value is not None else 0)
            return (True, "json", json.dumps(value, sort_keys=True, default=str))

        tasks.sort(key=by, reverse=key.startswith("-"))
