"""Attachments and label import: kept on the asset's task, visible in exports."""

from __future__ import annotations

from typing import Any

from starlette.responses import Response

from .answer_refs import warn_unknown_schema_ids
from .api import Call, Handler, success
from .state import COMPLETE_STAGE, COMPLETED_STATUS, Asset, Project


def _targets(project: Project, item: dict[str, Any]) -> list[Asset]:
    """The live assets an item names, by ``assetId`` first, else by ``externalId``."""
    if item.get("assetId"):
        asset = project.get_asset(item["assetId"])
        return [asset] if asset is not None else []
    if item.get("externalId") is not None:
        return project.find_by_external_id(item["externalId"])
    return []


async def import_attachments(call: Call) -> Response:
    body = call.op.body
    imported = 0
    updated: set[str] = set()
    with call.ctx.state.lock:
        project = call.project(body["project"])
        for item in body["attachments"]:
            for asset in _targets(project, item):
                asset.attachments.append(
                    {"type": item.get("attachmentType", "document"), "value": item["attachmentUrl"]}
                )
                asset.touch()
                updated.add(asset.id)
                imported += 1
    return success({"project": {"attachmentsImported": imported, "assetsUpdated": len(updated)}})


async def import_labels(call: Call) -> Response:
    body = call.op.body
    labels = body.get("labels") or body.get("jsonContent") or []
    labeled: set[str] = set()
    with call.ctx.state.lock:
        project = call.project(body["project"])
        for number, item in enumerate(labels):
            warn_unknown_schema_ids(project, item["answer"], f"body.labels[{number}]")
            for asset in _targets(project, item):
                asset.answer = dict(item["answer"])
                asset.is_prelabeled = True
                if item.get("status"):
                    asset.status = item["status"]
                    if item["status"].lower() in ("completed", "complete"):
                        asset.status = COMPLETED_STATUS
                        asset.stage = COMPLETE_STAGE
                asset.touch()
                labeled.add(asset.task_id)
    return success({"project": f"{len(labeled)} / {len(labels)} tasks are labeled."})


HANDLERS: dict[str, Handler] = {
    "importAttachments": import_attachments,
    "importLabels": import_labels,
}
