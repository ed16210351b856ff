"""Admin routes of the local plugin host (``/_mock/plugins``): register a plugin, trigger a
run for a task, a batch or an export, and read what came back (answers, logs, frames).

A run's ``pluginResponse``/``pluginLog`` REST calls (the REST connector's way to answer) are
matched to it by ``session`` just like the socket's ``response``/``log`` events.
"""

from __future__ import annotations

from typing import Any

import httpx
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from .admin import AdminError, _json_object, admin
from .api import failure, success
from .context import MockContext
from .handlers_issues import find_task
from .plugin_host import KINDS, NotConnected, PluginHost, PluginRun, RegisteredPlugin

REST_TIMEOUT_SECONDS = 120.0
RUN_FIELDS = (
    "taskId",
    "projectId",
    "batches",
    "workflow",
    "overwrite",
    "configJSON",
    "stage",
    "session",
    "fileExplorerOptions",
    "fields",
)


def _host(ctx: MockContext) -> PluginHost:
    return ctx.plugins


def _organisation(request: Request, ctx: MockContext) -> str:
    org = ctx.state.organisation_for_key(request.headers["apikey"])
    assert org is not None  # noqa: S101  (admin() let only known keys in)
    return org.id


def _mine(request: Request, ctx: MockContext) -> RegisteredPlugin:
    plugin = _host(ctx).plugins.get(request.path_params["plugin_id"])
    if plugin is None or plugin.organisation != _organisation(request, ctx):
        raise LookupError(f"pluginId: no plugin {request.path_params['plugin_id']!r}")
    return plugin


async def plugins(request: Request, ctx: MockContext) -> Response:
    host, org = _host(ctx), _organisation(request, ctx)
    if request.method == "GET":
        mine = [p for p in host.plugins.values() if p.organisation == org]
        ids = {p.id for p in mine}
        return success(
            {
                "plugins": [p.to_api() for p in mine],
                "refused": [r for r in host.refused if r["id"] in ids or r["id"] is None],
                "frames": [f for f in host.frames if f["pluginId"] in ids or f["pluginId"] is None],
            }
        )
    payload = await _json_object(request, ("id", "secret", "kind", "url"))
    for name in ("id", "secret"):
        if not isinstance(payload.get(name), str) or not payload[name]:
            raise AdminError(f"{name}: must be a non-empty string")
    kind = payload.get("kind", "model")
    if kind not in KINDS:
        raise AdminError(f"kind: must be one of {', '.join(KINDS)}")
    url = payload.get("url")
    if url is not None and (not isinstance(url, str) or not url.startswith("http")):
        raise AdminError("url: the REST connector's base URL (http://host:port)")
    existing = host.plugins.get(payload["id"])
    if existing is not None and existing.organisation != org:
        return failure(409, f"id: plugin {payload['id']!r} belongs to another organisation")
    plugin = RegisteredPlugin(
        payload["id"], payload["secret"], kind, org, request.headers["apikey"], url
    )
    host.register(plugin)
    return success({"plugin": plugin.to_api()}, 201)


def _run_payload(request: Request, ctx: MockContext, body: dict[str, Any]) -> dict[str, Any]:
    """The ``plugin`` event as the hub would send it: the caller's key, organisation and
    name, the task's project and data, and whatever else the body sets (as given, so that a
    test can send ``"false"`` strings or an object ``configJSON``)."""
    key = request.headers["apikey"]
    org = ctx.state.organisation_for_key(key)
    assert org is not None  # noqa: S101
    payload: dict[str, Any] = {"apiKey": key, "orgId": org.id, "runBy": org.owner_email}
    task_id = body.get("taskId")
    if task_id is not None:
        if not isinstance(task_id, str):
            raise AdminError("taskId: must be a string")
        with ctx.state.lock:
            found = find_task(ctx.state, key, task_id)
            if found is None:
                raise LookupError(f"taskId: no task {task_id!r} in this organisation")
            project, asset = found
            payload |= {"taskId": task_id, "projectId": project.id, "dataURL": asset.data}
            payload |= {"externalId": asset.external_id, "assetId": asset.id}
    extra = body.get("fields", {})
    if not isinstance(extra, dict):
        raise AdminError("fields: must be an object (added to the event as they are)")
    payload |= {k: v for k, v in body.items() if k not in {"taskId", "fields"}}
    payload.setdefault("configJSON", "{}")
    return payload | extra


async def runs(request: Request, ctx: MockContext) -> Response:
    host = _host(ctx)
    try:
        plugin = _mine(request, ctx)
        if request.method == "GET":
            mine = [r.to_api() for r in host.runs.values() if r.plugin_id == plugin.id]
            return success({"runs": [_with_rest(ctx, r) for r in mine]})
        body = await _json_object(request, RUN_FIELDS)
        payload = _run_payload(request, ctx, body)
        run = await host.trigger(plugin, payload)
    except LookupError as exc:  # no such plugin or task
        return failure(404, str(exc))
    except NotConnected as exc:
        return failure(409, str(exc))
    if plugin.url is not None:
        await _post_rest(host, plugin, run)
    return success({"run": run.to_api()}, 202)


async def one_run(request: Request, ctx: MockContext) -> Response:
    try:
        plugin = _mine(request, ctx)
    except LookupError as exc:
        return failure(404, str(exc))
    run = _host(ctx).runs.get(request.path_params["session"])
    if run is None or run.plugin_id != plugin.id:
        return failure(404, f"session: no run {request.path_params['session']!r}")
    return success({"run": _with_rest(ctx, run.to_api())})


async def disconnect(request: Request, ctx: MockContext) -> Response:
    """Close the plugin's connection from the hub's side (a namespace DISCONNECT)."""
    try:
        plugin = _mine(request, ctx)
    except LookupError as exc:
        return failure(404, str(exc))
    sid = plugin.sid
    if sid is None:
        return failure(409, f"pluginId: plugin {plugin.id!r} is not connected")
    await _host(ctx).sio.disconnect(sid, namespace="/plugin")
    return success({"disconnected": sid})


def _with_rest(ctx: MockContext, run: dict[str, Any]) -> dict[str, Any]:
    """Add what arrived for the run through ``pluginResponse``/``pluginLog`` (REST)."""
    session = run["session"]
    with ctx.state.lock:
        for org in ctx.state.organisations.values():
            people = org.people
            run["answers"] += [
                {"via": "pluginResponse", **r}
                for r in people.plugin_responses
                if r.get("session") == session
            ]
            run["logs"] += [r for r in people.plugin_logs if r.get("session") == session]
    return run


async def _post_rest(host: PluginHost, plugin: RegisteredPlugin, run: PluginRun) -> None:
    """The REST connector: the hub POSTs the event to the plugin with its ``Secret``."""
    async with httpx.AsyncClient(timeout=REST_TIMEOUT_SECONDS) as client:
        try:
            reply = await client.post(
                f"{plugin.url}/plugin", json=run.payload, headers={"Secret": plugin.secret}
            )
        except httpx.HTTPError as exc:
            run.http_status, run.http_body = 0, f"{type(exc).__name__}: {exc}"
            return
    run.http_status = reply.status_code
    try:
        run.http_body = reply.json()
    except ValueError:
        run.http_body = reply.text
    if isinstance(run.http_body, dict) and "session" in run.http_body:
        host.answer(plugin.id, run.http_body, "http")


PLUGIN_ADMIN_ROUTES = [
    Route("/_mock/plugins", admin(plugins), methods=["GET", "POST"]),
    Route("/_mock/plugins/{plugin_id}/runs", admin(runs), methods=["GET", "POST"]),
    Route("/_mock/plugins/{plugin_id}/runs/{session}", admin(one_run), methods=["GET"]),
    Route("/_mock/plugins/{plugin_id}/disconnect", admin(disconnect), methods=["POST"]),
]
