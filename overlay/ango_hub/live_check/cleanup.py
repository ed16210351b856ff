"""Delete what a write-mode run created, found from the ledger rather than from answers (which
a failed run may never have read), and say what is left, by kind and ID, with the manual step.

Every object is looked up by its tagged name in a listing (the request guard learns its ID
there), then deleted by that ID: the guard lets a delete out only for an ID the run owns.
Objects inside the run's project (assets, tasks, batches, instructions, a template) go with the
project.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .context import Run
from .ledger import UNDELETABLE, Entry, Leftover

_PAGE = 100
# Kinds that live inside the run's project and are deleted with it.
CONTAINED = frozenset({"asset", "batch", "template", "instructions"})
# Kind -> (listing, query, list key): where cleanup looks an object up by its name.
_LISTINGS: dict[str, tuple[str, Callable[[Run, str], dict[str, Any]], str]] = {
    "project": ("listProjects", lambda run, _: {}, "projects"),
    "storage": ("listStorages", lambda run, _: {}, "storages"),
    "llm": ("listLlms", lambda run, _: {}, "llms"),
    "issue": ("listIssues", lambda run, project: {"project": project}, "issue"),
}
_DELETES: dict[str, tuple[str, str]] = {
    "project": ("deleteProject", "projectId"),
    "storage": ("deleteStorage", "storageId"),
    "llm": ("deleteLlm", "llmId"),
}


class CleanupStopped(BaseException):
    """A second SIGINT: cleanup stops where it is and the report lists what is left."""


def clean_up(run: Run) -> None:
    """Delete everything the ledger names that still exists; record what could not be."""
    run.recorder.step, run.recorder.expect_rejection = "cleanup", False
    failures: dict[tuple[str, str], str] = {}
    try:
        # Projects are listed first: the listing also names the organisation (invites).
        projects = _look_up(run, "project", [""], failures)
        scopes = _live_ids(run, "project", projects)
        _delete_issues(run, scopes, _look_up(run, "issue", scopes, failures), failures)
        for kind in ("storage", "llm"):
            _delete_owned(run, kind, _look_up(run, kind, [""], failures), failures)
        _withdraw_invites(run, failures)
        _delete_owned(run, "project", projects, failures)
    except CleanupStopped:
        list_leftovers(run, failures, stopped=True)
        raise
    list_leftovers(run, failures)


def _pending(run: Run, kind: str) -> list[Entry]:
    return [e for e in run.ledger.named(kind) if e.state in ("planned", "created")]


def _live_ids(run: Run, kind: str, present: set[str] | None) -> list[str]:
    """The run's IDs of ``kind`` not known deleted (and listed, when the listing worked)."""
    deleted = {e.id for e in run.ledger.named(kind) if e.state == "deleted"}
    owned = [i for i in run.ledger.owned.get(kind, []) if i not in deleted]
    return owned if present is None else [i for i in owned if i in present]


def _look_up(
    run: Run, kind: str, scopes: list[str], failures: dict[tuple[str, str], str]
) -> set[str] | None:
    """List ``kind`` (in each scope): the guard learns the IDs of the ledger's names. Returns
    the IDs listed under a ledger name (None if the listing failed); a name a complete
    listing does not show is gone (never made, or deleted by a step whose answer was lost)."""
    pending = _pending(run, kind)
    if not pending:
        return set()
    listing, query, key = _LISTINGS[kind]
    name_field = "content" if kind == "issue" else "name"
    names = {e.name for e in pending}
    present: dict[str, str] = {}  # ID -> name
    try:
        for scope in scopes:
            page = 1
            while True:
                params = {**query(run, scope), "page": page, "limit": _PAGE}
                items = run.call(listing, params)["data"][key]
                for item in items:
                    if isinstance(item, dict) and item.get(name_field) in names:
                        present[str(item["_id"])] = str(item[name_field])
                if len(items) < _PAGE:
                    break
                page += 1
    except Exception as exc:
        for entry in pending:
            failures[(kind, entry.name)] = f"could not look it up: {run.brief(exc)}"
        return None
    for entry in pending:
        if entry.name not in present.values():
            run.ledger.mark(entry, "absent")
    return set(present)


def _delete_owned(
    run: Run, kind: str, present: set[str] | None, failures: dict[tuple[str, str], str]
) -> None:
    operation, parameter = _DELETES[kind]
    for object_id in _live_ids(run, kind, present):
        try:
            run.call(operation, {parameter: object_id})
        except Exception as exc:
            name = _name_of(run, kind, object_id)
            failures[(kind, name)] = f"{operation} failed: {run.brief(exc)}"


def _delete_issues(
    run: Run, projects: list[str], present: set[str] | None, failures: dict[tuple[str, str], str]
) -> None:
    project = projects[0] if projects else ""
    for issue_id in _live_ids(run, "issue", present):
        try:
            run.call("deleteIssue", {"issueId": issue_id, "project": project})
        except Exception as exc:
            name = _name_of(run, "issue", issue_id)
            failures[("issue", name)] = f"deleteIssue failed: {run.brief(exc)}"


def _withdraw_invites(run: Run, failures: dict[tuple[str, str], str]) -> None:
    pending = _pending(run, "invite")
    if not pending:
        return
    if run.ledger.organization is None:
        for entry in pending:
            failures[("invite", entry.name)] = "the organisation's ID is unknown"
        return
    try:
        body = {"invites": [e.name for e in pending]}
        run.call("deleteOrganizationInvites", {"orgId": run.ledger.organization}, body=body)
    except Exception as exc:
        for entry in pending:
            failures[("invite", entry.name)] = f"deleteOrganizationInvites failed: {run.brief(exc)}"
        return
    for entry in pending:  # withdrawn, or never sent: the address is invited no longer
        run.ledger.mark(entry, "deleted")


def _name_of(run: Run, kind: str, object_id: str) -> str:
    entry = next((e for e in run.ledger.named(kind) if e.id == object_id), None)
    return entry.name if entry is not None else object_id


def list_leftovers(
    run: Run, failures: dict[tuple[str, str], str], *, stopped: bool = False
) -> None:
    """Every ledger entry that may still exist, by kind, name and ID, with the manual step."""
    ledger = run.ledger
    projects_left = [e for e in ledger.named("project") if e.state in ("planned", "created")]
    left: list[Leftover] = []
    for entry in ledger.entries:
        if entry.state not in ("planned", "created"):
            continue
        if entry.kind in CONTAINED:
            if not projects_left:
                continue  # deleted with the run's project (or never made: it had none)
            where = projects_left[0].name
            reason = f"inside the run's project {where}, which is still there"
            left.append(
                Leftover(
                    entry.kind,
                    entry.name,
                    reason,
                    entry.id,
                    f"delete {where}",
                    confirmed=entry.state == "created",
                )
            )
            continue
        if entry.kind in UNDELETABLE:
            reason = "no operation of the API deletes it"
            if entry.state == "planned":
                reason += " (the answer was lost: the server may not have made it)"
        elif stopped:
            reason = "cleanup stopped by a second interrupt"
        else:
            reason = failures.get((entry.kind, entry.name), "still listed after cleanup")
        left.append(
            Leftover(entry.kind, entry.name, reason, entry.id, confirmed=entry.state == "created")
        )
    ledger.leftovers = left
    ledger.save()
