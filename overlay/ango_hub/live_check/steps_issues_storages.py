"""Live-check steps for issues and storages (listed, in order, in :mod:`.plan`).

Issues are opened on the run's own first asset and deleted by the run (cleanup deletes any
left: they carry the run's tag in their text). A storage cannot be created on a real account
without real credentials: write mode creates one named with the run's tag from the body in
the file ``ANGO_LIVE_CHECK_STORAGE`` names (real, ideally read-only, credentials), or else
with placeholder credentials that name no real bucket, which a server that checks them
refuses (the report then shows ``createStorage``'s call failing). Either way the storage is
in the ledger before the call and deleted by ``deleteStorage`` or cleanup. Files are listed
and browsed read-only, under a prefix that matches nothing (the run's tag), on an existing
storage of the organisation, or the run's own.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from .context import Mode, Run, Skipped

STORAGE_BODY_ENV = "ANGO_LIVE_CHECK_STORAGE"
PLACEHOLDER_STORAGE = {
    "type": "aws",
    "bucket": "ango-hub-live-check-placeholder",
    "region": "eu-central-1",
    "credentials": {
        "accessKeyId": "ango-hub-live-check-placeholder",
        "secretAccessKey": "ango-hub-live-check-placeholder",
    },
}


def list_issues(run: Run) -> None:
    run.call("listIssues", {"project": run.project, "page": 1, "limit": 10})
    run.call("listIssues", {"project": run.project, "status": "Open", "limit": 1})


def _first_task(run: Run) -> str:
    run.own_project()
    assets = run.found.get("assets") or []
    tasks = assets[0].get("labelTasks") if assets else None
    if not tasks:
        raise Skipped("skipped: the run's first asset (with its task) was not found")
    return str(tasks[0])


def create_issue(run: Run) -> None:
    content = f"{run.tag}: issue opened by the live check"
    task = _first_task(run)
    run.ledger.expect("issue", content)
    try:
        answer = run.call("createIssue", body={"labelTask": task, "content": content})
    except Exception as exc:
        run.failed["issue"] = run.brief(exc)
        raise
    run.found["issue"] = answer["data"]["issue"]["_id"]


def _issue(run: Run) -> str:
    if "issue" not in run.found:
        raise Skipped(run.why_missing("issue"))
    return str(run.found["issue"])


def update_issue(run: Run) -> None:
    run.call("updateIssue", {"issueId": _issue(run)}, body={"status": "Resolved"})


def comment_on_issue(run: Run) -> None:
    body = {"content": f"{run.tag}: comment by the live check"}
    run.call("commentOnIssue", {"issueId": _issue(run)}, body=body)


def delete_issue(run: Run) -> None:
    issue = _issue(run)
    run.call("deleteIssue", {"issueId": issue, "project": run.own_project()})
    run.found.pop("issue")


def list_storages(run: Run) -> None:
    answer = run.call("listStorages", {"page": 1, "limit": 100})
    run.found["storages"] = answer["data"]["storages"]


def _storage_body(run: Run) -> dict[str, Any]:
    source = os.environ.get(STORAGE_BODY_ENV)
    body = json.loads(Path(source).read_text()) if source else dict(PLACEHOLDER_STORAGE)
    return {**body, "name": run.tag}


def create_storage(run: Run) -> None:
    body = _storage_body(run)
    run.ledger.expect("storage", run.tag)
    try:
        answer = run.hub.storages.create(
            body["name"],
            type=body.get("type"),
            provider=body.get("provider"),
            bucket=body.get("bucket"),
            region=body.get("region"),
            credentials=body.get("credentials"),
            private_key=body.get("privateKey"),
            public_key=body.get("publicKey"),
        )
    except Exception as exc:
        run.failed["storage"] = run.brief(exc)
        raise
    run.found["storage"] = answer.to_dict()


def _storage_to_list(run: Run) -> dict[str, Any]:
    existing = [s for s in run.found.get("storages") or [] if s.get("name") != run.tag]
    if existing:
        return dict(existing[0])
    if run.mode is Mode.WRITE and "storage" in run.found:
        return dict(run.found["storage"])
    raise Skipped(run.why_missing("storage"))


def list_storage_files(run: Run) -> None:
    storage = _storage_to_list(run)
    params = {"storageId": storage["_id"], "path": f"{run.tag}/", "getSignedUrls": "false"}
    if storage.get("bucket"):
        params["bucketName"] = storage["bucket"]
    run.call("listStorageFiles", params)


def file_explorer(run: Run) -> None:
    storage = _storage_to_list(run)
    body = {"bucket": storage.get("bucket") or "", "storageId": storage["_id"]}
    run.call("fileExplorer", body={**body, "folder": run.tag, "upload": False})


def delete_storage(run: Run) -> None:
    if "storage" not in run.found:
        raise Skipped(run.why_missing("storage"))
    run.call("deleteStorage", {"storageId": run.found.pop("storage")["_id"]})
