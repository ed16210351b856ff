"""Asset operations: cloud import, chat upload, listing, update, delete, batch assignment."""

from __future__ import annotations

import json
import uuid
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from . import strict_json
from .api import ApiError, Call, Handler, success
from .ids import iso_now, new_id
from .listing import AssetFilter, filtered_page
from .parsing import json_object, string_list
from .state import Asset, Project
from .validation import RequestInvalid, Unreadable

MAX_CHAT_CONVERSATIONS = 10_000
# Filtered listings checking more assets than this one by one run in a worker thread.
INLINE_LISTING_ASSETS = 20_000


def _new_asset(project: Project, data: str, **fields: Any) -> Asset:
    return Asset(
        id=new_id(),
        project_id=project.id,
        organization_id=project.organization_id,
        data=data,
        task_id=new_id(),
        created_at=iso_now(),
        created_by=f"api-key@{project.organization_id}",
        **fields,
    )


def _imported(count: int) -> dict[str, Any]:
    return {
        "assets": {
            "assetsCreated": count,
            "tasksCreated": count,
            "preLabelsCount": 0,
            "validPreLabelsCount": 0,
        }
    }


async def import_cloud_assets(call: Call) -> Response:
    body = call.op.body
    query_batches = string_list("query.batches", call.op.query.get("batches"))
    with call.ctx.state.lock:
        project = call.project(call.op.path["projectId"])
        common = project.resolve_batches(query_batches)
        for item in body["assets"]:
            own = project.resolve_batches(list(item.get("batches") or []))
            asset = _new_asset(
                project,
                item["data"],
                external_id=item.get("externalId"),
                metadata=item.get("metadata"),
                context_data=item.get("contextData"),
                batches=list(dict.fromkeys(common + own)),
                priority=body.get("priority") or 0,
            )
            project.add_asset(asset)
    return success(_imported(len(body["assets"])), 201)


def _conversations(call: Call, form: dict[str, Any]) -> list[Any]:
    """The conversations of the file or the `conversations` field (a JSON array, or one JSON
    object). Text that is not one of those is treated as no conversations given (the spec
    types both as free text/bytes): `numberOfConversations` empty ones are created, as the
    SDK's docstring says of a request without conversations (docs/MOCK.md)."""
    value: Any = None
    text: str | None
    if "file" in call.files:
        source, text = "body.file", call.files["file"].decode("utf-8", errors="replace")
    else:
        source, text = "body.conversations", form.get("conversations")
    if text is not None:
        try:
            value = strict_json.loads(text, source)
        except strict_json.JsonRefused as exc:  # JSON with NaN/Infinity or too deep: refused
            raise RequestInvalid(str(exc)) from exc  # as in every other JSON the mock reads
        except ValueError:
            value = None
    if isinstance(value, dict):
        value = [value]
    if isinstance(value, list):
        if len(value) > MAX_CHAT_CONVERSATIONS:
            raise RequestInvalid(f"{source}: at most {MAX_CHAT_CONVERSATIONS} in the mock")
        return value
    count = int(form.get("numberOfConversations") or 0)
    if count > MAX_CHAT_CONVERSATIONS:
        raise RequestInvalid(
            f"body.numberOfConversations: at most {MAX_CHAT_CONVERSATIONS} in the mock"
        )
    return [{"messages": []} for _ in range(count)]


async def upload_chat_assets(call: Call) -> Response:
    form: dict[str, Any] = call.op.body or {}
    project_id = call.op.path["projectId"]  # the path decides; a form `projectId` is not read
    naming = json_object("body.namingStrategy", form.get("namingStrategy"), "type") or {
        "type": "random"
    }
    llm = json_object("body.llmConfig", form.get("llmConfig"), "id")
    batches = string_list("body.batches", form.get("batches"))
    conversations = _conversations(call, form)
    store = call.ctx.store
    with call.ctx.state.lock:
        project = call.project(project_id)
        batch_ids = project.resolve_batches(batches)
        for index, conversation in enumerate(conversations):
            random_name = naming.get("type") == "random"
            asset = _new_asset(
                project,
                "",
                external_id=uuid.uuid4().hex if random_name else f"conversation-{index + 1}",
                context_data={"llmConfig": llm} if llm else None,
                batches=list(batch_ids),
                priority=form.get("priority") or 0,
            )
            # The conversation is stored first, so the asset's URL never points at nothing.
            key = store.make_key(project.id, "assets", f"{asset.id}.json")
            path = store.path_for(key)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(conversation))
            asset.data = f"{call.root_url}/_storage/{key}"
            project.add_asset(asset)
    return success(_imported(len(conversations)), 201)


async def list_assets(call: Call) -> Response:
    query = call.op.query
    if isinstance(query.get("filters"), Unreadable):  # not a JSON object: selects nothing
        with call.ctx.state.lock:
            call.project(call.op.path["projectId"])
        return success({"assets": [], "total": 0})
    filters: dict[str, Any] = dict(query.get("filters") or {})
    if "externalId" in query:
        filters["externalId"] = query["externalId"]
    refs = list(filters.pop("batches", []) or [])
    refs += string_list("query.batches", query.get("batches"), lenient=True)
    page, limit = query.get("page", 1), query.get("limit", 10)
    offset = (page - 1) * limit
    with call.ctx.state.lock:
        project = call.project(call.op.path["projectId"])
        flt = AssetFilter(filters, project.resolve_batches(refs, create=False))
        if not filters and not flt.batch_ids:
            total = project.live_count()
            assets = [a.to_api() for a in project.page(offset, limit)]
            return success({"assets": assets, "total": total})
        one_by_one = len(project.assets) + len(project.touched)
        if one_by_one <= INLINE_LISTING_ASSETS:
            total, found = filtered_page(project, flt, offset, limit)
            return success({"assets": [a.to_api() for a in found], "total": total})
        snapshot = project.snapshot()
    # Many assets to check one by one: off the event loop, on a snapshot, without the lock.
    total, found = await run_in_threadpool(filtered_page, snapshot, flt, offset, limit)
    return success({"assets": [a.to_api() for a in found], "total": total})


async def delete_assets(call: Call) -> Response:
    body = call.op.body
    project_id = call.op.path["projectId"]  # the path decides; the SDK's body `project` is not read
    deleted = failed = 0
    with call.ctx.state.lock:
        project = call.project(project_id)
        for asset_id in dict.fromkeys(body["assets"]):
            asset = project.get_asset(asset_id)
            if asset is None:
                failed += 1
                continue
            asset.deleted = True
            asset.touch()
            deleted += 1
    return success({"deleted": deleted, "failed": failed})


async def update_asset(call: Call) -> Response:
    body = call.op.body
    asset_id = call.op.path["assetId"]
    with call.ctx.state.lock:
        asset = call.ctx.state.find_asset(call.api_key, asset_id)
        if asset is None:
            raise ApiError(404, f"assetId: no asset {asset_id!r} in this organisation")
        if "metadata" in body:
            asset.metadata = body["metadata"]
        if "contextData" in body:
            asset.context_data = body["contextData"]
        if "data" in body:
            asset.data = body["data"]
        if "overlay" in body:
            asset.overlay = list(body["overlay"])
        if "externalId" in body:
            asset.external_id = body["externalId"]
        asset.touch()
        return success({"asset": asset.to_api()})


async def assign_batches(call: Call) -> Response:
    body = call.op.body
    # With both, the reference page's `project` decides. Every `mode` adds: `add` is the only
    # value any source shows (docs/MOCK.md, "The mock's own rules").
    project_id = body.get("project") or body.get("projectId")
    asset_ids = list(body.get("assets") or []) + list(body.get("assetIds") or [])
    modified = 0
    with call.ctx.state.lock:
        project = call.project(project_id)
        batch_ids = project.resolve_batches(list(body["batches"]))
        for asset_id in dict.fromkeys(asset_ids):
            asset = project.get_asset(asset_id)
            if asset is None:
                continue
            new = [b for b in batch_ids if b not in asset.batches]
            if new:
                asset.batches.extend(new)
                asset.touch()
                modified += 1
    return success({"assets": {"modifiedCount": modified, "batches": batch_ids}})


HANDLERS: dict[str, Handler] = {
    "importCloudAssets": import_cloud_assets,
    "uploadChatAssets": upload_chat_assets,
    "listAssets": list_assets,
    "deleteAssets": delete_assets,
    "updateAsset": update_asset,
    "assignBatches": assign_batches,
}
