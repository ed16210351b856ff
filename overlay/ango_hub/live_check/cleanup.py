"""Delete what a write-mode run created, found from the ledger rather than from answers (which
a failed run may never have read), and say what is left."""

from __future__ import annotations

import json
from typing import Any

from .context import Run
from .ledger import Leftover
from .steps_org_llms import clean_up as clean_up_org_llms

_DELETE_CHUNK = 100
_PAGE = 100


def clean_up(run: Run) -> None:
    """Delete every asset the run may have created; record what could not be removed."""
    run.recorder.step, run.recorder.expect_rejection = "cleanup", False
    ledger = run.ledger
    _clean_up_issues_and_storages(run)
    clean_up_org_llms(run)
    created = _find_created(run)
    pending = [asset_id for asset_id in created if asset_id not in ledger.removed]
    for start in range(0, len(pending), _DELETE_CHUNK):
        chunk = pending[start : start + _DELETE_CHUNK]
        try:
            run.call("deleteAssets", {"projectId": run.project}, body={"assets": chunk})
        except Exception as exc:
            reason = f"deleteAssets failed: {run.brief(exc)}"
            ledger.leftovers += [Leftover("asset", f"{i} ({created[i]})", reason) for i in chunk]
        else:
            ledger.removed.extend(chunk)
    reported = {item.name.split(" ", 1)[0] for item in ledger.leftovers}
    for asset_id, label in _find_created(run, report_errors=False).items():
        if asset_id not in reported:
            ledger.leftovers.append(
                Leftover("asset", f"{asset_id} ({label})", "still listed after deleteAssets")
            )
    _delete_projects(run)
    ledger.leftovers += [
        Leftover(
            "batch", name, "the spec has no operation to delete a batch; remove it in Ango Hub"
        )
        for name in ledger.batches
    ]
    ledger.leftovers += ledger.undoable_only_in_hub


def _find_created(run: Run, *, report_errors: bool = True) -> dict[str, str]:
    """Asset ID -> how it was found (its external ID or batch), for everything in the ledger."""
    found: dict[str, str] = {}
    lookups: list[tuple[str, dict[str, Any], str | None]] = [
        (f"externalId {x}", {"externalId": x}, x) for x in run.ledger.external_ids
    ] + [(f"batch {b}", {"batches": json.dumps([b])}, None) for b in run.ledger.asset_batches]
    for label, query, external_id in lookups:
        try:
            for asset in _all_pages(run, query):
                if external_id is None or asset.get("externalId") == external_id:
                    found.setdefault(str(asset["_id"]), label)
        except Exception as exc:
            if report_errors:
                run.ledger.leftovers.append(
                    Leftover("asset", label, f"could not look it up: {run.brief(exc)}")
                )
    return found


def _all_pages(run: Run, query: dict[str, Any]) -> list[dict[str, Any]]:
    assets: list[dict[str, Any]] = []
    page = 1
    while True:
        params = {"projectId": run.project, "page": page, "limit": _PAGE, **query}
        answer = run.call("listAssets", params)
        batch = answer["data"]["assets"]
        assets.extend(batch)
        if len(batch) < _PAGE or len(assets) >= int(answer["data"].get("total", 0)):
            return assets
        page += 1


def _clean_up_issues_and_storages(run: Run) -> None:
    """Delete the run's issues (found by their text) and storages (by name)."""
    ledger = run.ledger
    lookups = [
        ("issue", ledger.issues, "listIssues", {"project": run.project}, "issue", "content"),
        ("storage", ledger.storages, "listStorages", {}, "storages", "name"),
    ]
    for kind, names, listing, query, key, field in lookups:
        if not names:
            continue
        try:
            found = _listed(run, listing, query, key)
        except Exception as exc:
            reason = f"could not look it up: {run.brief(exc)}"
            ledger.leftovers += [Leftover(kind, name, reason) for name in names]
            continue
        for item in found:
            if item.get(field) not in names:
                continue
            try:
                if kind == "issue":
                    run.call("deleteIssue", {"issueId": item["_id"], "project": run.project})
                else:
                    run.call("deleteStorage", {"storageId": item["_id"]})
            except Exception as exc:
                reason = f"delete failed: {run.brief(exc)}"
                ledger.leftovers.append(Leftover(kind, f"{item['_id']} ({item[field]})", reason))


def _listed(run: Run, listing: str, query: dict[str, Any], key: str) -> list[dict[str, Any]]:
    """Every item of a listing without a total (a short page is the last)."""
    items: list[dict[str, Any]] = []
    page = 1
    while True:
        batch = run.call(listing, {**query, "page": page, "limit": _PAGE})["data"][key]
        items.extend(batch)
        if len(batch) < _PAGE:
            return items
        page += 1


def _delete_projects(run: Run) -> None:
    """Delete the projects the ledger names, found by name in the listing (an ID may be lost)."""
    if not run.ledger.projects:
        return
    try:
        listed: list[dict[str, Any]] = []
        page = 1
        while True:
            answer = run.call("listProjects", {"page": page, "limit": _PAGE})
            listed += answer["data"]["projects"]
            if len(answer["data"]["projects"]) < _PAGE:
                break
            page += 1
    except Exception as exc:
        reason = f"could not list projects: {run.brief(exc)}"
        run.ledger.leftovers += [Leftover("project", n, reason) for n in run.ledger.projects]
        return
    for name in list(run.ledger.projects):
        for project in [p for p in listed if p.get("name") == name]:
            try:
                run.call("deleteProject", {"projectId": str(project["_id"])})
            except Exception as exc:
                reason = f"deleteProject failed: {run.brief(exc)}"
                run.ledger.leftovers.append(Leftover("project", name, reason))
        run.ledger.projects.remove(name)
