"""Turn an unexpected exception into a logged, recorded 500 that keeps the connection alive.

Starlette's own handler for ``Exception`` answers the 500 and then re-raises (so the server can
log it); uvicorn, seeing an exception after a complete answer, closes the kept-alive
connection. A real server keeps it, and clients that pool connections should not pay a
reconnect for the mock's bug, so this middleware answers, logs and records, and does not
re-raise (unless the answer had already started, when only closing can tell the client).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable

from starlette.requests import ClientDisconnect
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .validation import operation_for

_log = logging.getLogger("ango_hub.mock")

# (method, path, operation, status, api key) -> None
Recorder = Callable[[str, str, str | None, int, str | None], None]

CLIENT_GONE = 499  # nginx's "client closed request": logged, never sent


class CrashGuard:
    """ASGI middleware: any exception before the answer starts becomes a JSON 500."""

    def __init__(self, app: ASGIApp, record: Recorder) -> None:
        self.app = app
        self.record = record

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def watched_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, watched_send)
        except ClientDisconnect:
            self._record(scope, CLIENT_GONE)  # nobody to answer
        except Exception as exc:
            if started:
                raise
            _log.exception("mock internal error on %s %s", scope["method"], scope["path"])
            self._record(scope, 500)
            body = json.dumps(
                {"status": "error", "message": f"mock internal error: {type(exc).__name__}"}
            ).encode()
            headers = [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
            ]
            await send({"type": "http.response.start", "status": 500, "headers": headers})
            await send({"type": "http.response.body", "body": body})

    def _record(self, scope: Scope, status: int) -> None:
        headers = dict(scope.get("headers") or [])
        key = headers.get(b"apikey", b"").decode("latin-1") or None
        path: str = scope["path"]
        self.record(scope["method"], path, operation_for(scope["method"], path), status, key)
