"""Task operations: listing, reading, history, assigning, annotating, reviewing, requeueing,
priority and benchmark flags. Every action leaves a history entry (see task_workflow.py for
how a task moves through the stages)."""

from __future__ import annotations

from typing import Any

from starlette.responses import Response

from . import task_workflow as flow
from .answer_refs import warn_unknown_schema_ids
from .api import ApiError, Call, Handler, success
from .handlers_issues import find_task
from .parsing import string_list
from .state import Asset, Project
from .validation import RequestInvalid, Unreadable


def _with_answer(query: dict[str, Any]) -> bool:
    """Only ``false`` leaves the answer out: the official SDK's ``annotate_task`` reads the
    answer after ``get_task`` sent ``includeAnswer=False`` (Python's spelling), so the server
    must treat that as a yes (docs/DISCREPANCIES.md row 67)."""
    return bool(query.get("includeAnswer", "false") != "false")


def _actor(call: Call) -> str:
    org = call.ctx.state.organisation_for_key(call.api_key)
    if org is None:  # pragma: no cover - the dispatcher refuses unknown keys first
        raise ApiError(401, "apikey: missing or unknown API key")
    return org.owner_email


def _task(call: Call, task_id: str) -> tuple[Project, Asset]:
    found = find_task(call.ctx.state, call.api_key, task_id)
    if found is None:
        raise ApiError(404, f"taskId: no task {task_id!r} in this organisation")
    return found


def _open_issues(call: Call) -> dict[str, int]:
    counts: dict[str, int] = {}
    for issue in call.ctx.state.issues.values():
        if issue.status == "Open":
            counts[issue.task_id] = counts.get(issue.task_id, 0) + 1
    return counts


Condition = tuple[str, Any]


def _conditions(query: dict[str, Any]) -> list[Condition]:
    """Every filter of the query as (field, TaskFilter condition) pairs; all must hold."""
    conditions: list[Condition] = []
    for name in ("filters", "filter"):
        if isinstance(query.get(name), dict):
            conditions.extend(query[name].items())
        elif isinstance(query.get(name), Unreadable):  # not a JSON object: selects nothing
            conditions.append(("_id", {"$in": []}))
    for name, field in (("status", "status"), ("status[eq]", "status"), ("stage", "stage")):
        if query.get(name):
            conditions.append((field, {"$eq": query[name]}))
    if query.get("assignee"):
        conditions.append(("assignee", {"$eq": query["assignee"]}))
    refs = string_list("query.batches", query.get("batches"), lenient=True)
    if refs:
        conditions.append(("batches", {"$in": refs}))
    return conditions


def _filtered(call: Call, project: Project, conditions: list[Condition]) -> list[dict[str, Any]]:
    issues = _open_issues(call) if any(f == "openIssuesCount" for f, _ in conditions) else {}
    found = []
    for asset in project.iter_assets():
        task = flow.task_view(project, asset)
        subject = {**task, **flow.filter_fields(asset, issues.get(asset.task_id, 0))}
        subject["batches"] = [*asset.batches, *project.batch_names(asset.batches)]
        if all(flow.matches(subject, {field: condition}) for field, condition in conditions):
            found.append(task)
    return found


async def list_tasks(call: Call) -> Response:
    query = call.op.query
    page, limit = query.get("page", 1), query.get("limit", 10)
    answer = _with_answer(query)
    fields = query["fields"].split(",") if query.get("fields") else None
    state = call.ctx.state
    with state.lock:
        project = call.project(call.op.path["projectId"])
        conditions = _conditions(query)
        if not conditions and not query.get("sort"):  # the fast path: a page of the assets
            assets = project.page((page - 1) * limit, limit)
            tasks = [flow.task_view(project, a, answer, fields) for a in assets]
            return success({"tasks": tasks, "total": project.live_count()})
        views = _filtered(call, project, conditions)
        if query.get("sort"):
            flow.sort_tasks(views, query["sort"])
        chosen = views[(page - 1) * limit : page * limit]
        tasks = []
        for view in chosen:
            asset = project.get_asset(view["asset"])
            if asset is not None:
                tasks.append(flow.task_view(project, asset, answer, fields))
        return success({"tasks": tasks, "total": len(views)})


async def get_task(call: Call) -> Response:
    answer = _with_answer(call.op.query)
    with call.ctx.state.lock:
        project, asset = _task(call, call.op.path["taskId"])
        return success({"task": flow.task_view(project, asset, answer)})


async def get_task_history(call: Call) -> Response:
    page, limit = call.op.query.get("page", 1), call.op.query.get("limit", 10)
    with call.ctx.state.lock:
        _, asset = _task(call, call.op.path["taskId"])
        entries = [dict(e) for e in asset.history[(page - 1) * limit : page * limit]]
        return success({"taskHistory": entries, "history": entries, "total": len(asset.history)})


async def get_task_history_entry(call: Call) -> Response:
    entry_id = call.op.path["taskHistoryId"]
    state = call.ctx.state
    with state.lock:
        for project in state.projects_of(call.api_key):
            asset = project.history_index.get(entry_id) or _seeded_creator(project, entry_id)
            if asset is not None and project.get_asset(asset.id) is asset:
                entry = next((e for e in asset.history if e["_id"] == entry_id), None)
                if entry is not None:
                    return success({"taskHistory": dict(entry)})
        raise ApiError(404, f"taskHistoryId: no history entry {entry_id!r} in this organisation")


def _seeded_creator(project: Project, entry_id: str) -> Asset | None:
    """The seeded task whose creation entry this is (seeded tasks are made on demand)."""
    for block in project.seed_blocks:
        if block.history_prefix and entry_id.startswith(block.history_prefix):
            try:
                index = int(entry_id[len(block.history_prefix) :], 16)
            except ValueError:
                return None
            return project.get_asset(block.asset_id(index)) if index < block.count else None
    return None


def _project_tasks(project: Project, field: str, task_ids: list[str]) -> list[Asset]:
    """The listed tasks, all of this project, or a 400 naming the first that is not."""
    by_task = {a.task_id: a.id for a in project.iter_assets()}
    found: list[Asset] = []
    for number, task_id in enumerate(task_ids):
        asset = project.get_asset(by_task.get(task_id, ""))
        if asset is None:
            raise RequestInvalid(f"{field}[{number}]: no task {task_id!r} in project {project.id}")
        if asset not in found:
            found.append(asset)
    return found


async def assign_tasks(call: Call) -> Response:
    body = call.op.body
    state = call.ctx.state
    with state.lock:
        project = call.project(body["project"])
        org = state.organisation_for_key(call.api_key)
        if org is None or org.member(body["user"]) is None:
            raise RequestInvalid(f"user: {body['user']!r} is not a member of the organisation")
        tasks = _project_tasks(project, "tasks", body["tasks"])
        wanted = body.get("stage")
        if wanted is not None:
            flow.require_stage(project, "stage", wanted)
            for number, asset in enumerate(tasks):
                if flow.working_stage(project, asset) != wanted:
                    raise RequestInvalid(
                        f"tasks[{number}]: task {asset.task_id!r} is in stage "
                        f"{asset.stage!r}, not {wanted!r}"
                    )
        actor, assigned = _actor(call), 0
        for asset in tasks:
            to = flow.working_stage(project, asset)
            if asset.assignee == body["user"] and to == asset.stage:
                continue  # already so: repeating the call changes nothing
            project.record(asset, "assign", actor, to_stage=to, assignee=body["user"])
            asset.assignee = body["user"]
            flow.move(project, asset, to, actor)
            assigned += 1
        views = [flow.task_view(project, a) for a in tasks]
        return success({"assigned": assigned, "tasks": views})


async def annotate_task(call: Call) -> Response:
    submit = call.op.query.get("nextStage", "false") == "true"
    body = call.op.body
    with call.ctx.state.lock:
        project, asset = _task(call, call.op.path["taskId"])
        here = flow.working_stage(project, asset)
        to = flow.next_stage(project, here) if submit else here
        if to is None:
            raise RequestInvalid(
                f"nextStage: task {asset.task_id!r} is in stage {here!r}, which has no next stage"
            )
        actor, duration = _actor(call), float(body.get("duration") or 0)
        answer = dict(body["answer"])
        warn_unknown_schema_ids(project, answer, "body")
        project.record(
            asset, "submit" if submit else "save", actor, to_stage=to,
            answer=answer, duration=duration,
        )  # fmt: skip
        asset.answer, asset.is_draft = answer, not submit
        asset.duration += duration
        asset.is_prelabeled = False
        flow.move(project, asset, to, actor)
        return success({"label": flow.task_view(project, asset, answer=True)})


async def review_task(call: Call) -> Response:
    decision = call.op.body["reviewStatus"]
    with call.ctx.state.lock:
        project, asset = _task(call, call.op.path["taskId"])
        here = flow.working_stage(project, asset)
        if flow.stage_type(project, here) != "Review":
            kind = flow.stage_type(project, here) or "unknown"
            raise RequestInvalid(
                f"taskId: task {asset.task_id!r} is in stage {here!r} (type {kind}), "
                "not a Review stage"
            )
        if decision == "Accepted":
            to = flow.next_stage(project, here) or here
        elif decision == "Rejected":
            to = flow.rejected_stage(project, asset, here)
        else:  # Todo, Fixed: recorded, the task stays
            to = here
        actor = _actor(call)
        project.record(asset, "review", actor, to_stage=to, reviewStatus=decision)
        asset.review_status = decision
        flow.move(project, asset, to, actor)
        return success({"task": flow.task_view(project, asset)})


async def requeue_tasks(call: Call) -> Response:
    body = call.op.body
    options = body.get("options") or {}
    clear_answer = options.get("removeAnnotations") or options.get("resetAnswer")
    unassign = options.get("removeAssignee") or options.get("unassign")
    with call.ctx.state.lock:
        project = call.project(call.op.path["projectId"])
        to = body["toStageId"]
        flow.require_stage(project, "toStageId", to)
        actor = _actor(call)
        tasks = flow.select(project, body.get("filters") or {})
        for asset in tasks:
            if options.get("removeStageHistory"):
                for entry in asset.history:
                    project.history_index.pop(entry["_id"], None)
                asset.history.clear()
            project.record(asset, "requeue", actor, to_stage=to)
            if clear_answer:
                asset.answer, asset.is_draft = None, False
            if unassign:
                asset.assignee = None
            asset.review_status = None
            flow.move(project, asset, to, actor)
        return success({"modifiedCount": {"modified": len(tasks), "toStageId": to}})


# Task attribute -> (history action, entry field) for the flags set in bulk.
_BULK_FIELDS = {"priority": ("priority", "priority"), "is_benchmark": ("benchmark", "isBenchmark")}


def _set_on_each(
    project: Project, tasks: list[Asset], actor: str, attribute: str, value: Any
) -> int:
    """Set ``attribute`` on every task that differs, one history entry each; the count set."""
    action, entry = _BULK_FIELDS[attribute]
    modified = 0
    for asset in tasks:
        if getattr(asset, attribute) != value:
            project.record(asset, action, actor, **{entry: value})
            setattr(asset, attribute, value)
            asset.updated_by = actor
            asset.touch()
            modified += 1
    return modified


async def update_tasks_priority(call: Call) -> Response:
    body = call.op.body
    with call.ctx.state.lock:
        project = call.project(call.op.path["projectId"])
        tasks = flow.select(project, body.get("filters") or {})
        modified = _set_on_each(project, tasks, _actor(call), "priority", body["priority"])
        return success({"result": {"matchedCount": len(tasks), "modifiedCount": modified}})


async def set_tasks_benchmark(call: Call) -> Response:
    body = call.op.body
    flag = body.get("isBenchmark", True)
    with call.ctx.state.lock:
        project = call.project(call.op.path["projectId"])
        tasks = _project_tasks(project, "tasks", body["tasks"])
        modified = _set_on_each(project, tasks, _actor(call), "is_benchmark", flag)
        return success({"modified": modified, "isBenchmark": flag})


HANDLERS: dict[str, Handler] = {
    "listTasks": list_tasks,
    "getTask": get_task,
    "getTaskHistory": get_task_history,
    "getTaskHistoryEntry": get_task_history_entry,
    "assignTasks": assign_tasks,
    "annotateTask": annotate_task,
    "reviewTask": review_task,
    "requeueTasks": requeue_tasks,
    "updateTasksPriority": update_tasks_priority,
    "setTasksBenchmark": set_tasks_benchmark,
}
