"""The request pipeline for ``/v2``: route by the spec, authenticate, read, validate, dispatch."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from ..spec_validation import WireRequest
from .context import MockContext
from .dot_segments import dot_segment_problem
from .state import Project
from .validation import (
    RequestInvalid,
    Validated,
    allowed_methods,
    is_form,
    operation_for,
    validate_form,
    validate_request,
)
from .write_only import scrub

MAX_FORM_FIELDS = 100
INLINE_VALIDATION_BYTES = 64 * 1024


def routed_path(path: str) -> str:
    """The path an operation is looked up by, from the spellings the official SDK sends.

    * A trailing slash on some (``/v2/storages/``, ``/v2/llms/``), answered like the bare path.
    * ``rerun_webhook``'s ``/v2//project/...``: a leading empty segment is dropped (only
      there, so an empty path parameter cannot move a request onto another operation).
    """
    if path.startswith("/v2//"):
        path = "/v2/" + path[len("/v2//") :]
    return path[:-1] if path.endswith("/") and path.count("/") > 2 else path


class ApiError(Exception):
    """An answer other than success, with the ErrorResponse body."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


@dataclass
class Call:
    """One validated API call, as handlers see it."""

    ctx: MockContext
    request: Request
    api_key: str
    op: Validated
    files: dict[str, bytes] = field(default_factory=dict)
    # Each file part's (file name, Content-Type); a part without a type is octet-stream.
    file_meta: dict[str, tuple[str, str]] = field(default_factory=dict)

    @property
    def root_url(self) -> str:
        """Scheme, host and port the client used to reach the mock (no trailing slash)."""
        return str(self.request.base_url).rstrip("/")

    def project(self, project_id: str) -> Project:
        """The caller's project, or 404 (other organisations' projects look absent)."""
        project = self.ctx.state.project_for(self.api_key, project_id)
        if project is None:
            raise ApiError(404, f"project: no project {project_id!r} in this organisation")
        return project


Handler = Callable[[Call], Awaitable[Response]]


def success(data: Any, status: int = 200) -> JSONResponse:
    return JSONResponse({"status": "success", "data": data}, status_code=status)


def failure(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    kind = "error" if status >= 500 else "fail"
    return JSONResponse({"status": kind, "message": message}, status_code=status, headers=headers)


async def read_body(request: Request, limit: int) -> bytes:
    """The body, refusing more than ``limit`` bytes without reading them all."""
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > limit):
        raise RequestInvalid(f"body: larger than the mock's limit of {limit} bytes")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise RequestInvalid(f"body: larger than the mock's limit of {limit} bytes")
        chunks.append(chunk)
    body = b"".join(chunks)
    request._body = body  # lets request.form() parse the bytes already read
    return body


async def _read_form(
    request: Request, op: str, content_type: str
) -> tuple[dict[str, Any], dict[str, bytes], dict[str, tuple[str, str]]]:
    try:
        form = await request.form(max_files=1, max_fields=MAX_FORM_FIELDS)
    except Exception as exc:  # python-multipart / starlette raise various errors on bad input
        raise RequestInvalid(f"body: malformed form data ({exc})") from exc
    fields: list[tuple[str, str]] = []
    files: dict[str, bytes] = {}
    meta: dict[str, tuple[str, str]] = {}
    for name, value in form.multi_items():
        if isinstance(value, str):
            fields.append((name, value))
        else:
            files[name] = await value.read()
            meta[name] = (value.filename or name, value.content_type or "application/octet-stream")
    await form.close()
    return validate_form(op, content_type, fields, list(files)), files, meta


class ApiDispatcher:
    """Maps operationIds to handlers; serves ``/v2/...`` as an ASGI endpoint."""

    def __init__(self, handlers: dict[str, Handler]) -> None:
        self.handlers = handlers

    async def handle(self, request: Request) -> Response:
        """Starlette endpoint for every path under ``/v2``."""
        ctx: MockContext = request.app.state.mock
        path = routed_path(request.url.path)
        raw_path = request.scope.get("raw_path") or request.url.path.encode()
        dots = dot_segment_problem(raw_path.decode("latin-1").split("?", 1)[0])
        op_id = None if dots else operation_for(request.method, path)
        try:
            response: Response
            if dots:  # before anything else: it names no operation
                response = failure(400, dots)
            else:
                response = await self._handle(request, ctx, op_id, path)
        except RequestInvalid as exc:
            headers = {"Allow": ", ".join(exc.allow)} if exc.allow else None
            response = failure(exc.status, exc.message, headers)
        except ApiError as exc:
            response = failure(exc.status, exc.message, exc.headers)
        ctx.record(
            request.method,
            request.url.path,
            op_id,
            response.status_code,
            request.headers.get("apikey"),
        )
        return response

    async def _handle(
        self, request: Request, ctx: MockContext, op_id: str | None, path: str
    ) -> Response:
        if op_id is None:
            allow = allowed_methods(path)
            if allow:
                raise RequestInvalid(
                    f"method: {request.method} is not allowed on {path}", 405, allow
                )
        api_key = request.headers.get("apikey", "")
        if not api_key or ctx.state.organisation_for_key(api_key) is None:
            raise ApiError(401, "apikey: missing or unknown API key")
        if op_id is None:
            raise ApiError(404, f"path: {path} is not an API path")
        body = await read_body(request, ctx.config.max_body_bytes)
        content_type = request.headers.get("content-type", "")
        form: dict[str, Any] | None = None
        files: dict[str, bytes] = {}
        meta: dict[str, tuple[str, str]] = {}
        if is_form(content_type):
            form, files, meta = await _read_form(request, op_id, content_type)
        wire = WireRequest(
            method=request.method,
            path=path,
            query=request.query_params.multi_items(),
            headers=request.headers,
            body=body if body else None,
            content_type=content_type or "application/octet-stream",
            host_url=str(request.base_url).rstrip("/"),
        )
        # openapi-core takes ~70 µs per array item: big bodies are checked off the event loop.
        try:
            if len(body) > INLINE_VALIDATION_BYTES:
                validated = await run_in_threadpool(validate_request, wire)
            else:
                validated = validate_request(wire)
            if form is not None:
                validated.body = form
            return await self.handlers[op_id](Call(ctx, request, api_key, validated, files, meta))
        except (RequestInvalid, ApiError) as exc:  # neither quotes a write-only value
            exc.message = scrub(exc.message, op_id, body)
            raise
