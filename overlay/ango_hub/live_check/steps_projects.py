"""Live-check steps for project set-up: create, get, label set / workflow, batches, clone,
purge, delete. Write mode works in a project the run creates (never in ``run.project``): its
name is in the ledger before the call, so cleanup deletes it even after a failure."""

from __future__ import annotations

from .context import Run

STAGES = [
    {"id": "Start", "type": "Start", "name": "Start", "next": ["Label"]},
    {"id": "Label", "type": "Label", "name": "Label", "next": ["Review"]},
    {"id": "Review", "type": "Review", "name": "Review", "next": ["Complete"]},
    {"id": "Complete", "type": "Complete", "name": "Complete", "next": []},
]


def _name(run: Run) -> str:
    return f"{run.tag}-project"


def _own(run: Run) -> str:
    """The project this run created (the run's given project in read mode)."""
    return run.ledger.project_ids.get(_name(run), run.project)


def create_project(run: Run) -> None:
    name = _name(run)
    run.ledger.expect_project(name)
    answer = run.call("createProject", body={"name": name, "description": "live check"})
    run.ledger.project_ids[name] = answer["data"]["project"]["_id"]


def get_project(run: Run) -> None:
    run.call("getProject", {"projectId": _own(run)})


def update_project(run: Run) -> None:
    schema: dict[str, list[object]] = {"tools": [], "classifications": [], "relations": []}
    run.call("updateProject", {"projectId": _own(run)}, body={"categorySchema": schema})
    run.call("updateProject", {"projectId": _own(run)}, body={"stages": STAGES})


def create_batches(run: Run) -> None:
    # In the run's own project: deleting the project removes the batch.
    body = {"batches": [{"name": f"{run.tag}-batch-a"}]}
    run.call("createBatches", {"projectId": _own(run)}, body=body)


def clone_project(run: Run) -> None:
    copy = f"{_name(run)} copy"
    run.ledger.expect_project(copy)
    answer = run.call("cloneProject", {"projectId": _own(run)}, body={"batches": False})
    run.ledger.project_ids[copy] = answer["data"]["project"]["_id"]


def purge_project(run: Run) -> None:
    run.call("purgeProject", {"projectId": _own(run)}, body={"confirmName": _name(run)})


def delete_project(run: Run) -> None:
    for name in (f"{_name(run)} copy", _name(run)):
        project_id = run.ledger.project_ids.get(name)
        if project_id is not None:
            run.call("deleteProject", {"projectId": project_id})
            run.ledger.project_ids.pop(name)
            run.ledger.projects.remove(name)
