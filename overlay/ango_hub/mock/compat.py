"""Endpoints outside openapi.yaml that the official SDK calls around the 12 operations.

* ``GET /v2/project/{id}``: ``upload_files`` and batch-name lookups (``get_batches``) read
  ``data.project`` (its ``type`` and ``batches``).
* ``GET /v2/batches/{id}``: the project's batches; ``POST /v2/batches/{id}`` with ``{"name"}``
  (``create_batch``) or ``{"batches": [{"name"}...]}`` (``create_batches``) creates them.

They are not validated against the spec (it does not describe them).
"""

from __future__ import annotations

import re

from starlette.requests import Request
from starlette.responses import Response

from . import strict_json
from .api import ApiError, CompatRoute, failure, read_body, success
from .context import MockContext

_PROJECT = re.compile(r"^/v2/project/([^/]+)$")
_BATCHES = re.compile(r"^/v2/batches/([^/]+)$")


async def project_route(request: Request, ctx: MockContext, api_key: str) -> Response | None:
    match = _PROJECT.match(request.url.path)
    if match is None:
        return None
    if request.method != "GET":
        return failure(
            405, f"method: {request.method} is not allowed on {request.url.path}", {"Allow": "GET"}
        )
    with ctx.state.lock:
        project = ctx.state.project_for(api_key, match.group(1))
        if project is None:
            raise ApiError(404, "projectId: no such project in this organisation")
        return success({"project": project.to_api()})


async def batches_route(  # noqa: PLR0911
    request: Request, ctx: MockContext, api_key: str
) -> Response | None:
    match = _BATCHES.match(request.url.path)
    if match is None:
        return None
    if request.method not in ("GET", "POST"):
        return failure(
            405,
            f"method: {request.method} is not allowed on {request.url.path}",
            {"Allow": "GET, POST"},
        )
    body = await read_body(request, ctx.config.max_body_bytes) if request.method == "POST" else b""
    with ctx.state.lock:
        project = ctx.state.project_for(api_key, match.group(1))
        if project is None:
            raise ApiError(404, "projectId: no such project in this organisation")
        if request.method == "GET":
            return success({"batches": [b.to_api() for b in project.batches.values()]})
        try:
            payload = strict_json.loads(body or b"{}", "body")
        except strict_json.JsonRefused as exc:
            return failure(400, exc.message)
        except ValueError:
            return failure(400, "body: not valid JSON")
        if isinstance(payload, dict) and isinstance(payload.get("name"), str) and payload["name"]:
            (batch_id,) = project.resolve_batches([payload["name"]])
            return success({"project": project.batches[batch_id].to_api()})
        items = payload.get("batches") if isinstance(payload, dict) else None
        if not isinstance(items, list) or not all(
            isinstance(i, dict) and isinstance(i.get("name"), str) for i in items
        ):
            return failure(400, 'body: give {"name": ...} or {"batches": [{"name": ...}]}')
        project.resolve_batches([i["name"] for i in items])
        return success({"project": {"batches": [b.to_api() for b in project.batches.values()]}})


COMPAT_ROUTES: list[CompatRoute] = [project_route, batches_route]
