"""Signed upload/download URLs and the ``/_storage/...`` endpoint that honours them."""

from __future__ import annotations

import os
import tempfile

from starlette.requests import Request
from starlette.responses import FileResponse, Response

from .api import ApiError, Call, Handler, failure, success
from .context import MockContext
from .storage import STORAGE_PREFIX, StorageError
from .validation import RequestInvalid

EXPORTS_KEY_PREFIX = "_exports/"


async def get_upload_url(call: Call) -> Response:
    query = call.op.query
    project = call.project(query["project"])
    try:
        key = call.ctx.store.make_key(project.id, query.get("type", "assets"), query["name"])
    except StorageError as exc:
        raise RequestInvalid(f"query.{exc}") from exc
    signed = call.ctx.signer.query("put", key)
    return success({"uploadUrl": f"{call.root_url}{STORAGE_PREFIX}{key}?{signed}"}, 201)


async def get_signed_url(call: Call) -> Response:
    """Sign a GET for a mock storage URL; other URLs (e.g. your S3) come back unchanged."""
    query = call.op.query
    url = query.get("url") or query.get("name")
    if not url:  # both are optional in the spec; naming no file finds none
        raise ApiError(404, "url: no file named (give `url`, or the SDK's `name`)")
    key = call.ctx.store.key_from_url(url)
    if key is None:
        return success({"signedUrl": url}, 201)
    try:
        path = call.ctx.store.path_for(key)
    except StorageError as exc:
        raise ApiError(404, "url: no such stored file") from exc
    # Signed whether or not the file is there yet, as a bucket signs any key: the SDK's export
    # plugin asks for the signed URL before it PUTs the file (docs/research/PLUGIN-PROTOCOL.md).
    if call.ctx.state.project_for(call.api_key, call.ctx.store.project_of(key)) is None:
        raise ApiError(404, "url: no such stored file")
    del path  # path_for checked the key stays under the storage directory
    signed = call.ctx.signer.query("get", key)
    return success({"signedUrl": f"{call.root_url}{STORAGE_PREFIX}{key}?{signed}"}, 201)


HANDLERS: dict[str, Handler] = {
    "getUploadUrl": get_upload_url,
    "getSignedUrl": get_signed_url,
}


async def storage_endpoint(request: Request) -> Response:
    """``PUT`` (upload, streamed, size-capped) and ``GET`` of signed storage URLs."""
    ctx: MockContext = request.app.state.mock
    key = request.url.path[len(STORAGE_PREFIX) :]
    op = "put" if request.method == "PUT" else "get"
    reason = ctx.signer.verify(key, request.url.query, op)
    response: Response
    if reason is not None:
        response = failure(403, f"signature: {reason}")
    else:
        try:
            response = await (_put(request, ctx, key) if op == "put" else _get(ctx, key))
        except StorageError as exc:
            response = failure(400, f"key: {exc}")
    ctx.record(request.method, request.url.path, None, response.status_code)
    return response


def _file_for(ctx: MockContext, key: str) -> str:
    if key.startswith(EXPORTS_KEY_PREFIX):
        name = key[len(EXPORTS_KEY_PREFIX) :]
        if "/" in name or not name.endswith(".zip") or name.startswith("."):
            raise StorageError("invalid export name")
        return str(ctx.exports_dir / name)
    return str(ctx.store.path_for(key))


async def _get(ctx: MockContext, key: str) -> Response:
    path = _file_for(ctx, key)
    if not os.path.isfile(path):  # noqa: ASYNC240  (a stat on a local disk)
        return failure(404, "key: no such stored file")
    media = "application/zip" if path.endswith(".zip") else "application/octet-stream"
    return FileResponse(path, media_type=media)


async def _put(request: Request, ctx: MockContext, key: str) -> Response:
    if key.startswith(EXPORTS_KEY_PREFIX):
        return failure(403, "key: exports are read-only")
    target = ctx.store.path_for(key)
    limit = ctx.config.max_upload_bytes
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        return failure(413, f"body: larger than the upload limit of {limit} bytes")
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=".upload-")
    size = 0
    try:
        with os.fdopen(fd, "wb") as out:
            async for chunk in request.stream():
                size += len(chunk)
                if size > limit:
                    raise _TooLarge  # noqa: TRY301
                out.write(chunk)
        os.replace(tmp_name, target)
    except _TooLarge:
        os.unlink(tmp_name)
        return failure(413, f"body: larger than the upload limit of {limit} bytes")
    except BaseException:
        os.unlink(tmp_name)
        raise
    return Response(status_code=200)


class _TooLarge(Exception):
    pass
