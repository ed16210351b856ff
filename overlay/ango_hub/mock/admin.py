"""The mock's own admin API under ``/_mock/`` (not part of openapi.yaml).

Every route but ``GET /_mock/health`` needs a known ``apikey`` header; the server also binds
to 127.0.0.1 by default.
"""

from __future__ import annotations

import re
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from . import strict_json
from .api import failure, read_body, success
from .context import MockContext
from .faults import FaultRule
from .ids import HEX24
from .validation import RequestInvalid

MAX_SEED = 10_000_000
# A fault generator's seed (``DELETE /_mock/faults?seed=N``): ASCII digits, bounded.
SEED = re.compile(r"-?[0-9]{1,18}")
MAX_ADMIN_BODY = 1_000_000


def _ctx(request: Request) -> MockContext:
    ctx: MockContext = request.app.state.mock
    return ctx


def _authorised(request: Request) -> bool:
    key = request.headers.get("apikey", "")
    return bool(key) and _ctx(request).state.organisation_for_key(key) is not None


async def _json(request: Request) -> Any:
    """The JSON body, read in chunks and refused past :data:`MAX_ADMIN_BODY` bytes (the
    Content-Length is checked first, so an oversized body is never read)."""
    body = await read_body(request, MAX_ADMIN_BODY)
    if not body:
        return {}
    try:
        return strict_json.loads(body, "body")
    except strict_json.JsonRefused:
        raise
    except ValueError as exc:
        raise AdminError(f"body: not valid JSON ({exc})") from exc


async def _json_object(request: Request, fields: tuple[str, ...]) -> dict[str, Any]:
    """The JSON body as an object with no field outside ``fields``."""
    payload = await _json(request)
    if not isinstance(payload, dict):
        raise AdminError("body: must be a JSON object")
    unknown = sorted(set(payload) - set(fields))
    if unknown:
        raise AdminError(f"{unknown[0]}: unknown field; use {', '.join(fields)}")
    return payload


class AdminError(ValueError):
    """A bad admin request; the message names the field."""


def admin(handler: Any) -> Any:
    async def endpoint(request: Request) -> Response:
        if not _authorised(request):
            return failure(401, "apikey: missing or unknown API key")
        try:
            response: Response = await handler(request, _ctx(request))
        except RequestInvalid as exc:
            response = failure(exc.status, exc.message)
        except (AdminError, strict_json.JsonRefused) as exc:
            response = failure(400, str(exc))
        return response

    return endpoint


async def health(request: Request) -> Response:
    return JSONResponse({"status": "ok"})


async def reset(request: Request, ctx: MockContext) -> Response:
    ctx.reset()
    return success({"reset": True})


async def faults(request: Request, ctx: MockContext) -> Response:
    if request.method == "GET":
        return success({"rules": ctx.faults.snapshot()})
    if request.method == "DELETE":
        seed = request.query_params.get("seed")
        if seed is not None and not SEED.fullmatch(seed):
            too_long = re.fullmatch(r"-?[0-9]+", seed)
            problem = "at most 18 digits" if too_long else f"must be an integer, not {seed[:40]!r}"
            raise AdminError(f"seed: {problem}")
        ctx.faults.clear(int(seed) if seed else None)
        return success({"rules": []})
    payload = await _json(request)
    items = payload.get("rules", [payload]) if isinstance(payload, dict) else payload
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise AdminError('body: a fault rule object, a list of them, or {"rules": [...]}')
    rules = []
    for index, item in enumerate(items):
        try:
            rules.append(FaultRule.from_dict(item))
        except ValueError as exc:
            where = f"rules.{index}." if len(items) > 1 else ""
            raise AdminError(f"{where}{exc}") from exc
    for rule in rules:  # all or nothing: a bad rule in a list adds none
        ctx.faults.add(rule)
    return success({"rules": ctx.faults.snapshot()}, 201)


async def projects(request: Request, ctx: MockContext) -> Response:
    caller = request.headers["apikey"]
    if request.method == "GET":
        with ctx.state.lock:
            mine = ctx.state.projects_of(caller)
            return success(
                {"projects": [{**p.to_api(), "assetCount": p.live_count()} for p in mine]}
            )
    payload = await _json_object(request, ("id", "apiKey", "name"))
    project_id = payload.get("id")
    api_key = payload.get("apiKey", caller)
    name = payload.get("name")
    if project_id is not None and (
        not isinstance(project_id, str) or not HEX24.fullmatch(project_id)
    ):
        raise AdminError("id: must be a 24-hex-digit string")
    if not isinstance(api_key, str) or not api_key:
        raise AdminError("apiKey: must be a non-empty string")
    if name is not None and not isinstance(name, str):
        raise AdminError("name: must be a string")
    try:
        project = ctx.state.create_project(api_key, project_id, name)
    except ValueError as exc:
        return failure(409, f"id: {exc}")
    return success({"project": project.to_api()}, 201)


async def seed(request: Request, ctx: MockContext) -> Response:
    if not HEX24.fullmatch(request.path_params["project_id"]):
        raise AdminError("projectId: must be a 24-hex-digit string")
    payload = await _json_object(request, ("count", "labeled", "batches"))
    count = payload.get("count")
    if not isinstance(count, int) or isinstance(count, bool) or not 0 <= count <= MAX_SEED:
        raise AdminError(f"count: must be an integer from 0 to {MAX_SEED}")
    labeled = payload.get("labeled", False)
    if not isinstance(labeled, bool):
        raise AdminError("labeled: must be true or false")
    batches = payload.get("batches", [])
    if not isinstance(batches, list) or not all(isinstance(b, str) for b in batches):
        raise AdminError("batches: must be a list of batch names or IDs")
    project = ctx.state.project_for(request.headers["apikey"], request.path_params["project_id"])
    if project is None:
        return failure(404, "projectId: no such project in this organisation")
    block = ctx.state.seed(project, count, labeled, batches)
    return success(
        {"seeded": count, "firstAssetId": block.asset_id(0), "total": project.live_count()}, 201
    )


async def requests_log(request: Request, ctx: MockContext) -> Response:
    """The caller's organisation's requests only: paths name other organisations' projects."""
    organisation = ctx.organisation_of(request.headers["apikey"], request.url.path)
    if organisation is None:  # pragma: no cover - admin() let only known keys in
        return failure(401, "apikey: missing or unknown API key")
    if request.method == "DELETE":
        ctx.requests.clear(organisation)
        return success({"requests": [], "counts": {}})
    entries, counts = ctx.requests.view(organisation)
    return success({"requests": entries, "counts": counts})


ADMIN_ROUTES = [
    Route("/_mock/health", health, methods=["GET"]),
    Route("/_mock/reset", admin(reset), methods=["POST"]),
    Route("/_mock/faults", admin(faults), methods=["GET", "POST", "DELETE"]),
    Route("/_mock/projects", admin(projects), methods=["GET", "POST"]),
    Route("/_mock/projects/{project_id}/seed", admin(seed), methods=["POST"]),
    Route("/_mock/requests", admin(requests_log), methods=["GET", "DELETE"]),
]
