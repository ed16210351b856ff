"""Storage integrations of the key's organisation, and their files.

Every storage the mock knows is backed by the mock's own object store: a storage's files are
what the organisation uploaded through ``getUploadUrl`` (keys ``<project>/<type>/<name>``), so
their URLs work with ``getSignedUrl`` and as assets' ``data`` whichever storage lists them.
The credentials a storage is created with are never kept (see :mod:`.org_records`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from starlette.responses import Response

from .api import ApiError, Call, Handler, success
from .handlers_assets import _new_asset
from .ids import iso_now, new_id
from .org_records import PROVIDER_OF_TYPE, StorageRecord
from .storage import STORAGE_PREFIX


def _org_id(call: Call) -> str:
    org = call.ctx.state.organisation_for_key(call.api_key)
    if org is None:  # pragma: no cover - the dispatcher refuses unknown keys first
        raise ApiError(401, "apikey: missing or unknown API key")
    return org.id


def _storage(call: Call, storage_id: str, field: str = "storageId") -> StorageRecord:
    storage = call.ctx.state.storages.get(storage_id)
    if storage is None or storage.organization_id != _org_id(call):
        raise ApiError(404, f"{field}: no storage {storage_id!r} in this organisation")
    return storage


def _check_bucket(storage: StorageRecord, bucket: str | None, field: str) -> None:
    if bucket and storage.bucket and bucket != storage.bucket:
        raise ApiError(404, f"{field}: storage {storage.id!r} has bucket {storage.bucket!r}")


async def list_storages(call: Call) -> Response:
    query = call.op.query
    page, limit = query.get("page", 1), query.get("limit", 10)
    with call.ctx.state.lock:
        org_id = _org_id(call)
        mine = [
            s.to_api()
            for s in call.ctx.state.storages.values()
            if s.organization_id == org_id and query.get("_id") in (None, s.id)
        ]
    start = (page - 1) * limit
    return success({"storages": mine[start : start + limit]})


async def create_storage(call: Call) -> Response:
    # Only the named, non-secret fields are read: anything else in the body is dropped here.
    # With both spellings of the cloud, the reference page's `type` decides.
    body = call.op.body
    kind, provider = body.get("type"), body.get("provider")
    with call.ctx.state.lock:
        storage = StorageRecord(
            id=new_id(),
            organization_id=_org_id(call),
            name=body["name"],
            provider=PROVIDER_OF_TYPE[kind] if kind is not None else provider,
            created_at=iso_now(),
            bucket=body.get("bucket"),
            region=body.get("region"),
        )
        call.ctx.state.storages[storage.id] = storage
        return success({"storage": storage.to_api()})


async def delete_storage(call: Call) -> Response:
    with call.ctx.state.lock:
        storage = _storage(call, call.op.path["storageId"])
        del call.ctx.state.storages[storage.id]
        return success({"storage": storage.to_api()})


def _stored_keys(call: Call, prefix: str) -> list[tuple[str, int]]:
    """(key, size) of the organisation's stored files whose key starts with ``prefix``."""
    with call.ctx.state.lock:
        projects = [p.id for p in call.ctx.state.projects_of(call.api_key)]
    root: Path = call.ctx.store.root
    found = []
    for project_id in projects:
        base = root / project_id
        if not base.is_dir():
            continue
        for path in base.rglob("*"):
            if path.is_file() and not path.name.startswith(".upload-"):
                key = path.relative_to(root).as_posix()
                if key.startswith(prefix):
                    found.append((key, path.stat().st_size))
    return sorted(found)


def _file(call: Call, key: str, size: int, signed: bool) -> dict[str, Any]:
    url = f"{call.root_url}{STORAGE_PREFIX}{key}"
    item: dict[str, Any] = {"key": key, "name": key.rsplit("/", 1)[-1], "size": size, "url": url}
    if signed:
        item["signedUrl"] = f"{url}?{call.ctx.signer.query('get', key)}"
    return item


async def list_storage_files(call: Call) -> Response:
    query = call.op.query
    with call.ctx.state.lock:
        storage = _storage(call, call.op.path["storageId"])
    _check_bucket(storage, query.get("bucketName"), "bucketName")
    signed = query.get("getSignedUrls", "true") == "true"
    files = [_file(call, k, s, signed) for k, s in _stored_keys(call, query.get("path") or "")]
    return success({"files": files})


async def file_explorer(call: Call) -> Response:
    body = call.op.body
    with call.ctx.state.lock:
        storage = _storage(call, body["storageId"])
    _check_bucket(storage, body.get("bucket"), "bucket")
    folder = (body.get("folder") or "").strip("/")
    prefix = f"{folder}/" if folder else ""
    names, extensions = body.get("files"), body.get("extensions")
    folders: set[str] = set()
    files = []
    for key, size in _stored_keys(call, prefix):
        rest = key[len(prefix) :]
        if "/" in rest:
            folders.add(prefix + rest.split("/", 1)[0])
            continue
        if names and rest not in names:
            continue
        if extensions and not any(rest.endswith(e) for e in extensions):
            continue
        files.append(_file(call, key, size, signed=False))
    created = 0
    if body.get("upload"):
        created = _import(call, body, [f["url"] for f in files])
    return success(
        {"folders": sorted(folders), "files": files, "scrollToken": None, "assetsCreated": created}
    )


def _import(call: Call, body: dict[str, Any], urls: list[str]) -> int:
    if not body.get("projectId"):
        raise ApiError(400, "projectId: required with upload: true")
    with call.ctx.state.lock:
        project = call.project(body["projectId"])
        batches = project.resolve_batches(list(body.get("batches") or []))
        for url in urls:
            project.add_asset(_new_asset(project, url, batches=list(batches)))
    return len(urls)


HANDLERS: dict[str, Handler] = {
    "listStorages": list_storages,
    "createStorage": create_storage,
    "deleteStorage": delete_storage,
    "listStorageFiles": list_storage_files,
    "fileExplorer": file_explorer,
}
