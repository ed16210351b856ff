"""One function per operation: call it through the library on what the run created (write
mode) or on what the project already holds (read mode). Listed, in order, in :mod:`.plan`."""

from __future__ import annotations

import json
from typing import Any

from .context import Mode, Run

ASSET_COUNT = 3
# The assets' files: never fetched by the check itself; a URL any server accepts as `data`.
ASSET_DATA_URL = "https://example.com/ango-hub-live-check/{external_id}.jpg"
CHAT_CONVERSATIONS = [{"messages": [{"role": "user", "content": "Hello from the live check"}]}]


def list_projects(run: Run) -> None:
    run.call("listProjects", {"page": 1, "limit": 10, "sort": "-createdAt"})


def get_upload_url(run: Run) -> None:
    # Asks for a URL only: nothing is uploaded, so nothing is left in storage.
    run.call("getUploadUrl", {"project": run.project, "name": f"{run.tag}.txt", "type": "assets"})


def import_cloud_assets(run: Run) -> None:
    ids = [f"{run.tag}-{n}" for n in range(1, ASSET_COUNT + 1)]
    run.ledger.expect_assets(ids)
    assets = [
        {
            "data": ASSET_DATA_URL.format(external_id=x),
            "externalId": x,
            "metadata": {"liveCheck": run.run_id},
        }
        for x in ids
    ]
    run.call("importCloudAssets", {"projectId": run.project}, body={"assets": assets})


def upload_chat_assets(run: Run) -> None:
    batch = f"{run.tag}-chat"
    run.ledger.expect_batch(batch)
    # Chat assets get external IDs the server picks: cleanup finds them by this new batch, so
    # first make sure the server's batch filter is honoured (nothing is in it yet).
    before = run.call(
        "listAssets", {"projectId": run.project, "batches": json.dumps([batch]), "limit": 1}
    )
    if before["data"]["assets"]:
        raise LookupError(f"listAssets batches={batch}: lists assets in a batch not yet used")
    run.ledger.asset_batches.append(batch)
    conversations = json.dumps(CHAT_CONVERSATIONS).encode()
    run.call(
        "uploadChatAssets",
        {"projectId": run.project},
        files={
            "file": ("conversations.json", conversations, "application/json"),
            "batches": (None, json.dumps([batch])),
        },
    )


def list_assets(run: Run) -> None:
    if run.mode is Mode.WRITE:
        found: list[dict[str, Any]] = []
        for external_id in run.ledger.external_ids:
            page = run.call(
                "listAssets", {"projectId": run.project, "externalId": external_id, "limit": 10}
            )
            # Only the run's own assets, whatever the server's filter returned.
            found.extend(a for a in page["data"]["assets"] if a.get("externalId") == external_id)
        run.found["assets"] = found
    else:
        page = run.call("listAssets", {"projectId": run.project, "page": 1, "limit": 5})
        run.found["assets"] = page["data"]["assets"]
    filtered = {"isPreLabeled": False}
    run.call("listAssets", {"projectId": run.project, "limit": 1, "filters": json.dumps(filtered)})


def get_signed_url(run: Run) -> None:
    # An asset's file URL; in an empty project, a URL outside the project's storage (which
    # the server signs or returns as it is).
    urls = [a["data"] for a in run.found.get("assets", []) if isinstance(a.get("data"), str)]
    url = urls[0] if urls else ASSET_DATA_URL.format(external_id=run.tag)
    run.call("getSignedUrl", {"url": url})


def _created(run: Run, index: int) -> str:
    assets = run.found.get("assets") or []
    if len(assets) <= index:
        raise LookupError(f"the run's asset #{index + 1} was not found in the listing")
    return str(assets[index]["_id"])


def update_asset(run: Run) -> None:
    run.call(
        "updateAsset",
        {"assetId": _created(run, 0)},
        body={"metadata": {"liveCheck": run.run_id, "updated": True}},
    )


def assign_batches(run: Run) -> None:
    batch = f"{run.tag}-batch"
    run.ledger.expect_batch(batch)
    run.call(
        "assignBatches",
        body={"assets": [_created(run, 0)], "batches": [batch], "projectId": run.project},
    )


def import_attachments(run: Run) -> None:
    attachment = {
        "assetId": _created(run, 0),
        "attachmentType": "pdf",
        "attachmentUrl": "https://example.com/ango-hub-live-check/attachment.pdf",
    }
    run.call("importAttachments", body={"project": run.project, "attachments": [attachment]})


def import_labels(run: Run) -> None:
    label = {
        "assetId": _created(run, 1),
        "answer": {"objects": [], "classifications": [], "relations": []},
    }
    run.call("importLabels", body={"project": run.project, "labels": [label]})


def _export_params(run: Run) -> dict[str, Any]:
    params: dict[str, Any] = {
        "project": run.project,
        "format": "json",
        "sendEmail": "false",
        "doNotNotify": "true",
    }
    if run.mode is Mode.WRITE:  # only this run's tasks: small, whatever the project holds
        params["batches"] = json.dumps([f"{run.tag}-batch"])
    return params


def export_tasks(run: Run) -> None:
    run.call("exportTasks", _export_params(run))


def export_tasks_v3(run: Run) -> None:
    run.call("exportTasksV3", _export_params(run))


def delete_assets(run: Run) -> None:
    asset_id = _created(run, ASSET_COUNT - 1)
    run.call("deleteAssets", {"projectId": run.project}, body={"assets": [asset_id]})
    run.ledger.removed.append(asset_id)
