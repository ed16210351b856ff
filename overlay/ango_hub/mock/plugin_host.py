"""The mock's local plugin host: the ``/plugin`` Socket.IO namespace a plugin connects to.

What the hub does is known only from the official SDK (docs/research/PLUGIN-PROTOCOL.md): a
plugin connects (websocket only), authenticates with a ``heartbeat`` ``{id, secret}``, receives
``plugin`` events and answers with ``response`` (matched by ``session``, whatever connection it
arrives on) and ``log`` events. The mock's own choices (refusing a wrong secret by
disconnecting, what it records) are in docs/MOCK.md. Plugins are registered and triggered
through the admin API (plugin_host_admin.py); every frame is kept for ``GET /_mock/plugins``.
"""

from __future__ import annotations

import hmac
import secrets
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any

import socketio  # type: ignore[import-untyped]

from .state import MockState

NAMESPACE = "/plugin"
KINDS = ("model", "export", "input", "fileExplorer", "batchModel", "markdown")
FRAMES_KEPT = 1000
REDACTED = "<redacted>"
ANSWER_KEYS = ("objects", "classifications", "relations")


class NotConnected(RuntimeError):
    """A run for a socket plugin that has no authenticated connection (answered 409)."""


@dataclass
class PluginRun:
    """One ``plugin`` event the host sent, and everything that came back for its session."""

    session: str
    plugin_id: str
    payload: dict[str, Any]
    sent_at: float
    answers: list[dict[str, Any]] = field(default_factory=list)
    logs: list[dict[str, Any]] = field(default_factory=list)
    # REST connector: the plugin's HTTP reply to POST /plugin
    http_status: int | None = None
    http_body: Any = None
    prelabeled: bool = False  # a model answer stored as the task's pre-label

    def to_api(self) -> dict[str, Any]:
        payload = {**self.payload, "apiKey": REDACTED}
        return {
            "session": self.session,
            "pluginId": self.plugin_id,
            "payload": payload,
            "sentAt": self.sent_at,
            "answers": self.answers,
            "logs": self.logs,
            "httpStatus": self.http_status,
            "httpBody": self.http_body,
            "prelabeled": self.prelabeled,
        }


@dataclass
class RegisteredPlugin:
    """A plugin the admin API registered: who may connect as it, and what it did."""

    id: str
    secret: str = field(repr=False)
    kind: str
    organisation: str
    api_key: str = field(repr=False)
    url: str | None = None  # set: the plugin runs the REST connector at this address
    sid: str | None = None  # the authenticated connection, if any
    heartbeats: list[float] = field(default_factory=list)
    connections: int = 0
    logs: deque[dict[str, Any]] = field(default_factory=lambda: deque(maxlen=FRAMES_KEPT))

    def to_api(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "connector": "REST" if self.url else "WS",
            "url": self.url,
            "connected": self.sid is not None,
            "connections": self.connections,
            "heartbeats": len(self.heartbeats),
            "lastHeartbeat": self.heartbeats[-1] if self.heartbeats else None,
            "logs": list(self.logs),
        }


class PluginHost:
    """The registry, the Socket.IO server and the record of frames of one mock instance."""

    def __init__(self, state: MockState) -> None:
        self.state = state
        self.sio = socketio.AsyncServer(
            async_mode="asgi", cors_allowed_origins="*", logger=False, engineio_logger=False
        )
        self.sio.register_namespace(_PluginNamespace(self))
        self.asgi = socketio.ASGIApp(self.sio, socketio_path="socket.io")
        self.plugins: dict[str, RegisteredPlugin] = {}
        self.runs: dict[str, PluginRun] = {}
        self.refused: deque[dict[str, Any]] = deque(maxlen=FRAMES_KEPT)
        self.frames: deque[dict[str, Any]] = deque(maxlen=FRAMES_KEPT)
        self._sid_plugin: dict[str, str] = {}

    def reset(self) -> None:
        self.plugins.clear()
        self.runs.clear()
        self.refused.clear()
        self.frames.clear()
        self._sid_plugin.clear()

    def register(self, plugin: RegisteredPlugin) -> None:
        old = self.plugins.get(plugin.id)
        if old is not None:
            plugin.sid, plugin.heartbeats = old.sid, old.heartbeats
        self.plugins[plugin.id] = plugin

    def record(self, sid: str, event: str, data: Any) -> None:
        """Keep a received frame, secrets replaced (the admin API shows frames)."""
        shown = data
        if isinstance(data, dict):
            shown = {k: (REDACTED if k in {"secret", "apiKey"} else v) for k, v in data.items()}
        entry = {"sid": sid, "event": event, "data": shown, "time": time.time()}
        entry["keys"] = list(data) if isinstance(data, dict) else None
        entry["pluginId"] = self._sid_plugin.get(sid)
        self.frames.append(entry)

    async def trigger(self, plugin: RegisteredPlugin, payload: dict[str, Any]) -> PluginRun:
        """Send one ``plugin`` event (WS) to the plugin's connection; the caller handles REST."""
        session = payload.setdefault("session", secrets.token_hex(12))
        run = PluginRun(session, plugin.id, dict(payload), time.time())
        self.runs[session] = run
        if plugin.url is None:
            if plugin.sid is None:
                del self.runs[session]
                raise NotConnected(f"pluginId: plugin {plugin.id!r} is not connected")
            self.record(plugin.sid, "plugin", payload)
            await self.sio.emit("plugin", payload, to=plugin.sid, namespace=NAMESPACE)
        return run

    def authenticate(self, sid: str, data: Any) -> RegisteredPlugin | None:
        plugin_id = data.get("id") if isinstance(data, dict) else None
        secret = data.get("secret") if isinstance(data, dict) else None
        plugin = self.plugins.get(plugin_id) if isinstance(plugin_id, str) else None
        if plugin is None or not isinstance(secret, str):
            return None
        if not hmac.compare_digest(secret.encode(), plugin.secret.encode()):
            return None
        return plugin

    def plugin_of(self, sid: str) -> RegisteredPlugin | None:
        plugin_id = self._sid_plugin.get(sid)
        return self.plugins.get(plugin_id) if plugin_id else None

    def bind(self, sid: str, plugin: RegisteredPlugin) -> None:
        if plugin.sid != sid:
            plugin.connections += 1
        plugin.sid = sid
        plugin.heartbeats.append(time.time())
        self._sid_plugin[sid] = plugin.id

    def unbind(self, sid: str) -> None:
        plugin = self.plugin_of(sid)
        self._sid_plugin.pop(sid, None)
        if plugin is not None and plugin.sid == sid:
            plugin.sid = None

    def answer(self, plugin_id: str | None, data: Any, via: str) -> None:
        """A ``response`` (socket) or ``pluginResponse`` (REST), matched to its run by session."""
        session = data.get("session") if isinstance(data, dict) else None
        run = self.runs.get(session) if isinstance(session, str) else None
        if run is not None:
            run.answers.append({"via": via, "pluginId": plugin_id, **data})
            self._prelabel(run, data)

    def _prelabel(self, run: PluginRun, data: dict[str, Any]) -> None:
        """A model plugin's answer outside workflow mode becomes the task's pre-label (the
        mock's guess at what the hub does with it; docs/MOCK.md)."""
        from .handlers_issues import find_task  # noqa: PLC0415  (handlers import the context)

        plugin = self.plugins.get(run.plugin_id)
        answer, task_id = data.get("response"), run.payload.get("taskId")
        if plugin is None or plugin.kind != "model" or run.payload.get("workflow") is True:
            return
        if data.get("error") or not isinstance(answer, dict) or not isinstance(task_id, str):
            return
        with self.state.lock:
            found = find_task(self.state, str(run.payload.get("apiKey", "")), task_id)
            if found is None:
                return
            _, asset = found
            asset.answer = {
                k: answer.get(k, []) for k in ("objects", "classifications", "relations")
            }
            asset.is_prelabeled = True
            asset.touch()
        run.prelabeled = True

    def log(self, plugin_id: str | None, data: Any) -> None:
        if not isinstance(data, dict):
            return
        plugin = self.plugins.get(plugin_id or str(data.get("pluginId")))
        if plugin is not None:
            plugin.logs.append(data)
        session = data.get("session")
        run = self.runs.get(session) if isinstance(session, str) else None
        if run is not None:
            run.logs.append(data)


class _PluginNamespace(socketio.AsyncNamespace):  # type: ignore[misc]
    def __init__(self, host: PluginHost) -> None:
        super().__init__(NAMESPACE)
        self.host = host

    async def on_connect(self, sid: str, environ: dict[str, Any], auth: Any = None) -> None:
        # The SDK sends no credentials on connect: the heartbeat authenticates.
        self.host.record(sid, "connect", auth)

    async def on_disconnect(self, sid: str, reason: Any = None) -> None:
        self.host.record(sid, "disconnect", str(reason))
        self.host.unbind(sid)

    async def on_heartbeat(self, sid: str, data: Any) -> None:
        self.host.record(sid, "heartbeat", data)
        plugin = self.host.authenticate(sid, data)
        if plugin is None:
            claimed = data.get("id") if isinstance(data, dict) else None
            reason = "unknown plugin id" if claimed not in self.host.plugins else "wrong secret"
            self.host.refused.append({"sid": sid, "id": claimed, "reason": reason})
            await self.disconnect(sid)
            return
        self.host.bind(sid, plugin)

    async def on_response(self, sid: str, data: Any) -> None:
        self.host.record(sid, "response", data)
        plugin = self.host.plugin_of(sid)
        self.host.answer(plugin.id if plugin else None, data, "socket")

    async def on_log(self, sid: str, data: Any) -> None:
        self.host.record(sid, "log", data)
        plugin = self.host.plugin_of(sid)
        self.host.log(plugin.id if plugin else None, data)
