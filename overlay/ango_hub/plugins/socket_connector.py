"""The socket connector (the SDK's default, ``CONNECTOR=WS``): Socket.IO over a websocket to
the hub's ``/plugin`` namespace, a heartbeat ``{id, secret}`` on every connect and then every
``heartbeat_interval`` seconds, ``plugin`` events in, ``response`` and ``log`` events out.

Unlike the SDK's: work never runs on the connection's task (sync callbacks run in threads),
so heartbeats keep their beat; a lost connection is reopened with backoff and jitter instead
of a bare reconnect or ``os._exit``; an answer waits for a connection and goes out on
whichever one is open (the hub matches it by ``session``); a hub that closes the connection
right after the heartbeat is taken as refusing the id or secret, and said so in the log.
"""

from __future__ import annotations

import asyncio
import random
import time
from typing import Any

import socketio  # type: ignore[import-untyped]

from .events import PluginEvent
from .log import LOCAL, Sink
from .runtime import Answer, PluginRefused, PluginRuntime

NAMESPACE = "/plugin"
CONNECT_TIMEOUT = 10.0
DELIVERY_GRACE = 5.0  # after the drain deadline, to send the error answers


class SocketConnector:
    """Keeps one connection to the hub open until :meth:`PluginRuntime.drain` is done."""

    def __init__(self, runtime: PluginRuntime) -> None:
        self.runtime = runtime
        self.settings = runtime.settings
        self._sio: Any = None
        self._connected = asyncio.Event()
        self._worked = False
        self.heartbeats_sent = 0

    async def serve(self) -> None:
        """Run until the runtime is asked to stop; then drain and disconnect."""
        loop_task = asyncio.create_task(self._keep_connected())
        stop_task = asyncio.create_task(self.runtime.stopping.wait())
        await asyncio.wait({loop_task, stop_task}, return_when=asyncio.FIRST_COMPLETED)
        try:
            if loop_task.done():
                stop_task.cancel()
                loop_task.result()  # PluginRefused
                return
            grace = self.settings.drain_timeout + DELIVERY_GRACE
            try:
                await asyncio.wait_for(self.runtime.drain(self.deliver), grace)
            except TimeoutError:
                LOCAL.error("shutting down: some answers could not be sent (no connection)")
        finally:
            loop_task.cancel()
            await asyncio.gather(loop_task, return_exceptions=True)
            if self._sio is not None:
                await self._sio.disconnect()

    async def _keep_connected(self) -> None:
        attempt = refusals = 0
        while True:
            sio = socketio.AsyncClient(reconnection=False, logger=False, engineio_logger=False)
            closed = asyncio.Event()
            sio.on("plugin", self._on_plugin, namespace=NAMESPACE)
            sio.on("disconnect", _setter(closed), namespace=NAMESPACE)
            try:
                await sio.connect(
                    self.settings.host,
                    namespaces=[NAMESPACE],
                    transports=["websocket"],
                    wait_timeout=CONNECT_TIMEOUT,
                )
                await self._beat(sio)
            except (socketio.exceptions.SocketIOError, OSError) as exc:
                LOCAL.warning("could not connect to %s: %s", self.settings.host, exc)
                await sio.disconnect()
                await self._pause(attempt)
                attempt += 1
                continue
            opened, self._worked, self._sio = time.monotonic(), False, sio
            self._connected.set()
            LOCAL.info("connected to %s as plugin %s", self.settings.host, self.settings.plugin_id)
            beats = asyncio.create_task(self._beat_every(sio))
            try:
                await closed.wait()
            finally:
                self._connected.clear()
                beats.cancel()
                await sio.disconnect()
            if not self._worked and time.monotonic() - opened < self.settings.refusal_window:
                refusals += 1
                LOCAL.error(
                    "the hub closed the connection right after the heartbeat: it refused "
                    "plugin id %r or its secret (check ANGO_PLUGIN_ID and ANGO_PLUGIN_SECRET; "
                    "%d of %d tries)",
                    self.settings.plugin_id,
                    refusals,
                    self.settings.max_refusals,
                )
                if refusals >= self.settings.max_refusals:
                    raise PluginRefused(
                        f"the hub refused plugin {self.settings.plugin_id!r} {refusals} times"
                    )
            else:
                refusals = attempt = 0
                LOCAL.warning("disconnected from %s; reconnecting", self.settings.host)
            await self._pause(attempt)
            attempt += 1

    async def _pause(self, attempt: int) -> None:
        wait = min(self.settings.backoff_cap, self.settings.backoff_base * 2**attempt)
        await asyncio.sleep(wait * random.uniform(0.5, 1.0))  # noqa: S311  (jitter, not crypto)

    async def _beat(self, sio: Any) -> None:
        creds = {"id": self.settings.plugin_id, "secret": self.settings.secret}
        await sio.emit("heartbeat", creds, namespace=NAMESPACE)
        self.heartbeats_sent += 1

    async def _beat_every(self, sio: Any) -> None:
        while True:
            await asyncio.sleep(self.settings.heartbeat_interval)
            try:
                await self._beat(sio)
            except socketio.exceptions.SocketIOError as exc:
                LOCAL.warning("heartbeat not sent (%s); the connection will be reopened", exc)
                return

    async def _on_plugin(self, data: Any) -> None:
        # Returns at once (the event's ack carries nothing, as the SDK's): the run is a task.
        self._worked = True
        session = data.get("session", "") if isinstance(data, dict) else ""
        task = asyncio.create_task(self._run(data))
        self.runtime.track(task, session if isinstance(session, str) else "")

    async def _run(self, data: Any) -> None:
        answer = await self.runtime.handle(data, self._log_sink)
        if answer is not None:
            await self.deliver(answer)

    def _log_sink(self, event: PluginEvent) -> Sink:
        async def send(line: dict[str, Any]) -> None:
            await self._emit("log", line)

        return send

    async def deliver(self, answer: Answer) -> None:
        """Send an answer on the open connection, waiting for one if needed."""
        await self._emit("response", answer)

    async def _emit(self, event: str, payload: dict[str, Any]) -> None:
        while True:
            await self._connected.wait()
            try:
                await self._sio.emit(event, payload, namespace=NAMESPACE)
            except socketio.exceptions.SocketIOError:
                await asyncio.sleep(0.05)  # the connection is going: wait for the next one
                continue
            return


def _setter(flag: asyncio.Event) -> Any:
    """A disconnect handler (any arguments: python-socketio passes a reason since 5.12)."""

    def handler(*_: Any) -> None:
        flag.set()

    return handler
