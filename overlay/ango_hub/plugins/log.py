"""``event.log``: log lines that reach the hub (a ``log`` event over the socket, or one
``pluginLog`` call each under the REST connector), with the run's key and the plugin's
secret scrubbed from every string.

The record is the SDK's (PLUGIN-PROTOCOL.md §2): the caller's extra fields, then ``level``,
``organization``, ``pluginId``, ``runBy``, ``session``, ``msg`` (ours win over the caller's).
Callable from the loop or from a callback's thread; :meth:`PluginLog.flush` waits until every
line was handed over, so that a run's lines precede its answer.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Awaitable, Callable, Iterable
from concurrent.futures import Future
from typing import Any

REDACTED = "<redacted>"
LOCAL = logging.getLogger("ango_hub.plugins")

Sink = Callable[[dict[str, Any]], Awaitable[None]]


def scrub(value: Any, secrets: Iterable[str]) -> Any:
    """``value`` with each secret (of four characters or more) replaced, recursively."""
    secrets = [s for s in secrets if len(s) >= 4]
    if isinstance(value, str):
        for secret in secrets:
            value = value.replace(secret, REDACTED)
        return value
    if isinstance(value, dict):
        return {k: scrub(v, secrets) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [scrub(v, secrets) for v in value]
    return value


class PluginLog:
    """The run's logger (``event.log``): ``info("%d tasks", n, step="count")``."""

    def __init__(
        self,
        sink: Sink,
        loop: asyncio.AbstractEventLoop,
        *,
        plugin_id: str,
        org_id: str,
        run_by: str,
        session: str,
        secrets: Iterable[str],
    ) -> None:
        self._sink, self._loop = sink, loop
        self._fields = {"organization": org_id, "pluginId": plugin_id, "runBy": run_by}
        self._session = session
        self._secrets = [s for s in secrets if s]
        self._pending: list[Future[None] | asyncio.Task[None]] = []
        self._lock = threading.Lock()

    def record(self, level: int, msg: str, args: tuple[Any, ...], fields: dict[str, Any]) -> None:
        """Build, scrub and hand over one line (never raises: a log line is not worth a run)."""
        try:
            text = msg % args if args else str(msg)
        except (TypeError, ValueError):
            text = f"{msg} {args}"
        line = {**fields, "level": logging.getLevelName(level), **self._fields}
        line |= {"session": self._session, "msg": text}
        line = scrub(line, self._secrets)
        LOCAL.log(level, "[%s] %s", self._session, line["msg"])
        send = self._send(line)
        with self._lock:
            if _on_loop(self._loop):
                self._pending.append(self._loop.create_task(send))
            else:
                self._pending.append(asyncio.run_coroutine_threadsafe(send, self._loop))

    async def _send(self, line: dict[str, Any]) -> None:
        try:
            await self._sink(line)
        except Exception as exc:  # the line is also in the local log
            LOCAL.warning("a log line did not reach the hub: %s", scrub(str(exc), self._secrets))

    async def flush(self) -> None:
        """Wait until every line so far was sent (or failed)."""
        with self._lock:
            pending, self._pending = self._pending, []
        for item in pending:
            await (asyncio.wrap_future(item) if isinstance(item, Future) else item)

    def debug(self, msg: str, *args: Any, **fields: Any) -> None:
        self.record(logging.DEBUG, msg, args, fields)

    def info(self, msg: str, *args: Any, **fields: Any) -> None:
        self.record(logging.INFO, msg, args, fields)

    def warning(self, msg: str, *args: Any, **fields: Any) -> None:
        self.record(logging.WARNING, msg, args, fields)

    def error(self, msg: str, *args: Any, **fields: Any) -> None:
        self.record(logging.ERROR, msg, args, fields)

    def critical(self, msg: str, *args: Any, **fields: Any) -> None:
        self.record(logging.CRITICAL, msg, args, fields)


def _on_loop(loop: asyncio.AbstractEventLoop) -> bool:
    try:
        return asyncio.get_running_loop() is loop
    except RuntimeError:
        return False
