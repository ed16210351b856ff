"""Workflow stages named by the caller, by name or ID, checked against the project's workflow
(no I/O).

A stage the workflow lacks matches nothing on the server: a task listing or an export with a
misspelt stage returns no task, silently, and a requeue to it fails late or not at all. So a
stage is looked up in the project's workflow (one read of the project per call) and an unknown
one is refused before anything is sent, listing the workflow's stages. Each is then sent in the
form its field takes: an ID (``toStageId``, ``fromStageIds``, the task listing's ``stage``) or
a name (the export's ``stage``). ``hub.call`` sends any stage unchecked (the escape hatch).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal

from ._schema_check import did_you_mean
from .errors import AngoHubValidationError

StageForm = Literal["id", "name"]


def workflow(project: Mapping[str, Any]) -> list[tuple[str, str]]:
    """``(id, name)`` of each stage of a project's JSON (``stages``); a stage with no name is
    called by its ID, one with no ID by its name (as the builders in :mod:`ango_hub.labels`)."""
    found = []
    for stage in project.get("stages") or ():
        if not isinstance(stage, Mapping):
            continue
        ident, name = stage.get("id"), stage.get("name")
        ident = ident if isinstance(ident, str) and ident else None
        name = name if isinstance(name, str) and name else None
        if ident or name:
            found.append((ident or name or "", name or ident or ""))
    return found


def stage_refs(
    field: str,
    project_id: str,
    given: Iterable[str],
    stages: Sequence[tuple[str, str]],
    form: StageForm,
) -> list[str]:
    """``given`` (names or IDs) as the stages' ``form``; the first the workflow lacks raises
    :class:`~ango_hub.AngoHubValidationError` naming the closest and listing every stage."""
    by_ref: dict[str, tuple[str, str]] = {}
    for ident, name in stages:
        by_ref.setdefault(name, (ident, name))
        by_ref[ident] = (ident, name)
    refs = []
    for ref in given:
        stage = by_ref.get(ref)
        if stage is None:
            raise unknown_stage(field, project_id, ref, stages)
        refs.append(stage[0] if form == "id" else stage[1])
    return refs


def unknown_stage(
    field: str, project_id: str, ref: str, stages: Sequence[tuple[str, str]]
) -> AngoHubValidationError:
    """The error for a stage the project's workflow lacks: the closest suggested, all listed."""
    names = [name for _, name in stages] + [ident for ident, _ in stages]
    listed = ", ".join(name if name == ident else f"{name} ({ident})" for ident, name in stages)
    problem = f"no stage {ref!r} in the workflow of project {project_id}" + did_you_mean(ref, names)
    problem += " (hub.call sends a stage unchecked)"
    return AngoHubValidationError(field, problem, listed or "none: the project has no workflow")


def check_next(stages: Sequence[Any]) -> None:
    """A workflow the caller is about to send: each stage's ``next`` names a stage ``id`` of
    the same list. A typo there leaves tasks with nowhere to go, and no source says the server
    refuses it, so the client does (``hub.call`` sends a workflow unchecked)."""
    dicts = [stage if isinstance(stage, Mapping) else {} for stage in stages]
    ids = [stage["id"] for stage in dicts if isinstance(stage.get("id"), str)]
    for i, stage in enumerate(dicts):
        following = stage.get("next")
        for target in following if isinstance(following, list) else ():
            if target not in ids:
                problem = f"{target!r} is not the id of a stage in this workflow"
                problem += did_you_mean(str(target), ids) + " (hub.call sends it unchecked)"
                raise AngoHubValidationError(f"stages[{i}].next", problem, ", ".join(ids))
