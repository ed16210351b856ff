"""One function per operation: call it through the library on what the run created, in the
project it created (write mode), or on what the user's project already holds (read mode).
Listed, in order, in :mod:`.plan`."""

from __future__ import annotations

import json
from typing import Any

from .context import Mode, Run, Skipped

ASSET_COUNT = 3
# The assets' files: never fetched by the check itself; a URL any server accepts as `data`.
ASSET_DATA_URL = "https://example.com/ango-hub-live-check/{external_id}.jpg"
CHAT_CONVERSATIONS = [{"messages": [{"role": "user", "content": "Hello from the live check"}]}]


def list_projects(run: Run) -> None:
    run.call("listProjects", {"page": 1, "limit": 10, "sort": "-createdAt"})


def get_upload_url(run: Run) -> None:
    # Asks for a URL only: nothing is uploaded, so nothing is left in storage.
    run.call("getUploadUrl", {"project": run.project, "name": f"{run.tag}.txt", "type": "assets"})


def _project(run: Run) -> str:
    """Where the step works: the run's own project (write), the user's (read)."""
    return run.own_project() if run.mode is Mode.WRITE else run.project


def import_cloud_assets(run: Run) -> None:
    project = run.own_project()
    ids = [f"{run.tag}-{n}" for n in range(1, ASSET_COUNT + 1)]
    for external_id in ids:
        run.ledger.expect("asset", external_id)
    assets = [
        {
            "data": ASSET_DATA_URL.format(external_id=x),
            "externalId": x,
            "metadata": {"liveCheck": run.run_id},
        }
        for x in ids
    ]
    run.call("importCloudAssets", {"projectId": project}, body={"assets": assets})


def upload_chat_assets(run: Run) -> None:
    # In the run's own project: deleting the project deletes the chat asset, whatever
    # external ID the server gives it.
    project = run.own_project()
    batch = f"{run.tag}-chat"
    run.ledger.expect("batch", batch)
    run.ledger.expect("asset", f"{batch} (chat asset)")
    conversations = json.dumps(CHAT_CONVERSATIONS).encode()
    run.call(
        "uploadChatAssets",
        {"projectId": project},
        files={
            "file": ("conversations.json", conversations, "application/json"),
            "batches": (None, json.dumps([batch])),
        },
    )


def list_assets(run: Run) -> None:
    project = _project(run)
    if run.mode is Mode.WRITE:
        found: list[dict[str, Any]] = []
        for n in range(1, ASSET_COUNT + 1):
            external_id = f"{run.tag}-{n}"
            page = run.call(
                "listAssets", {"projectId": project, "externalId": external_id, "limit": 10}
            )
            # Only the run's own assets, whatever the server's filter returned.
            found.extend(a for a in page["data"]["assets"] if a.get("externalId") == external_id)
        run.found["assets"] = found
    else:
        page = run.call("listAssets", {"projectId": project, "page": 1, "limit": 5})
        run.found["assets"] = page["data"]["assets"]
    filtered = {"isPreLabeled": False}
    run.call("listAssets", {"projectId": project, "limit": 1, "filters": json.dumps(filtered)})


def get_signed_url(run: Run) -> None:
    # An asset's file URL; in an empty project, a URL outside the project's storage (which
    # the server signs or returns as it is).
    urls = [a["data"] for a in run.found.get("assets", []) if isinstance(a.get("data"), str)]
    url = urls[0] if urls else ASSET_DATA_URL.format(external_id=run.tag)
    run.call("getSignedUrl", {"url": url})


def _created(run: Run, index: int) -> str:
    run.own_project()  # no project of its own: no asset either
    assets = run.found.get("assets") or []
    if len(assets) <= index:
        raise Skipped(f"skipped: the run's asset #{index + 1} was not found in the listing")
    return str(assets[index]["_id"])


def update_asset(run: Run) -> None:
    run.call(
        "updateAsset",
        {"assetId": _created(run, 0)},
        body={"metadata": {"liveCheck": run.run_id, "updated": True}},
    )


def assign_batches(run: Run) -> None:
    batch = f"{run.tag}-batch"
    asset = _created(run, 0)
    run.ledger.expect("batch", batch)
    run.call(
        "assignBatches",
        body={"assets": [asset], "batches": [batch], "projectId": run.own_project()},
    )


def import_attachments(run: Run) -> None:
    attachment = {
        "assetId": _created(run, 0),
        "attachmentType": "pdf",
        "attachmentUrl": "https://example.com/ango-hub-live-check/attachment.pdf",
    }
    body = {"project": run.own_project(), "attachments": [attachment]}
    run.call("importAttachments", body=body)


def import_labels(run: Run) -> None:
    label = {
        "assetId": _created(run, 1),
        "answer": {"objects": [], "classifications": [], "relations": []},
    }
    run.call("importLabels", body={"project": run.own_project(), "labels": [label]})


def _export_params(run: Run) -> dict[str, Any]:
    params: dict[str, Any] = {
        "project": _project(run),
        "format": "json",
        "sendEmail": "false",
        "doNotNotify": "true",
    }
    return params


def export_tasks(run: Run) -> None:
    run.call("exportTasks", _export_params(run))


def export_tasks_v3(run: Run) -> None:
    run.call("exportTasksV3", _export_params(run))


def delete_assets(run: Run) -> None:
    asset_id = _created(run, ASSET_COUNT - 1)
    run.call("deleteAssets", {"projectId": run.own_project()}, body={"assets": [asset_id]})
    run.ledger.removed.append(asset_id)
