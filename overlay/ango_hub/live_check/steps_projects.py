"""Live-check steps for project set-up: create, get, label set / workflow, batches, clone,
purge, delete. Write mode works in a project the run creates (never in ``run.project``, which
it only reads): its name is in the ledger before the call, so cleanup deletes it even after a
failure. When it cannot be created, every step that needs it is skipped."""

from __future__ import annotations

from .context import Mode, Run, Skipped

STAGES = [
    {"id": "Start", "type": "Start", "name": "Start", "next": ["Label"]},
    {"id": "Label", "type": "Label", "name": "Label", "next": ["Review"]},
    {"id": "Review", "type": "Review", "name": "Review", "next": ["Complete"]},
    {"id": "Complete", "type": "Complete", "name": "Complete", "next": []},
]


def _name(run: Run) -> str:
    return run.project_name()


def _own(run: Run) -> str:
    """The project this run created (write mode), the user's project to read (read mode)."""
    return run.own_project() if run.mode is Mode.WRITE else run.project


def create_project(run: Run) -> None:
    name = _name(run)
    run.ledger.expect("project", name)
    try:
        answer = run.call("createProject", body={"name": name, "description": "live check"})
    except Exception as exc:
        run.failed["project"] = run.brief(exc)
        raise
    run.found["own_project"] = answer["data"]["project"]["_id"]


def get_project(run: Run) -> None:
    run.call("getProject", {"projectId": _own(run)})


def update_project(run: Run) -> None:
    schema: dict[str, list[object]] = {"tools": [], "classifications": [], "relations": []}
    run.call("updateProject", {"projectId": _own(run)}, body={"categorySchema": schema})
    run.call("updateProject", {"projectId": _own(run)}, body={"stages": STAGES})


def create_batches(run: Run) -> None:
    # In the run's own project: deleting the project removes the batch.
    name = f"{run.tag}-batch-a"
    project = _own(run)
    run.ledger.expect("batch", name)
    run.call("createBatches", {"projectId": project}, body={"batches": [{"name": name}]})


def clone_project(run: Run) -> None:
    project = _own(run)
    run.ledger.expect("project", f"{_name(run)} copy")
    try:
        answer = run.call("cloneProject", {"projectId": project}, body={"batches": False})
    except Exception as exc:
        run.failed["project copy"] = run.brief(exc)
        raise
    run.found["clone"] = answer["data"]["project"]["_id"]


def purge_project(run: Run) -> None:
    run.call("purgeProject", {"projectId": _own(run)}, body={"confirmName": _name(run)})


def delete_project(run: Run) -> None:
    """Deletes the clone (the run's own project stays for the later steps; cleanup deletes
    it)."""
    if "clone" not in run.found:
        raise Skipped(run.why_missing("project copy"))
    run.call("deleteProject", {"projectId": run.found.pop("clone")})
