"""The REST connector (``CONNECTOR=REST`` in the SDK): the hub POSTs each event to
``/plugin`` with the plugin's secret in the ``Secret`` header; ``GET /heartbeat`` answers
``"ok"`` to the same secret. Starlette on uvicorn, sharing the socket connector's runtime.

As the SDK's: a wrong or missing secret is 401 ``{"detail": "Unauthorized"}`` (the body is
not read); a body that is not a JSON object is 422; log lines go out as ``pluginLog`` calls
with the event's key. The answer is the HTTP reply (``{response, session}``); an export's
signed URL and every ``{error: true}`` also go to ``pluginResponse``, as the SDK sends them
there. Unlike the SDK's, a failed run answers 500 with ``{error: true, session}`` as JSON
(the SDK: a bare "Internal Server Error"), and the secret is compared in constant time.
"""

from __future__ import annotations

import asyncio
import hmac
import json
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from .events import PluginEvent
from .log import LOCAL, Sink
from .runtime import Answer, PluginRuntime

UNAUTHORIZED = {"detail": "Unauthorized"}


class RestConnector:
    """The plugin's own HTTP server; :meth:`serve` runs it until SIGTERM/SIGINT."""

    def __init__(self, runtime: PluginRuntime, host: str = "0.0.0.0", port: int = 8080) -> None:  # noqa: S104  (the SDK binds all interfaces; --bind narrows it)
        self.runtime = runtime
        self.bind, self.port = host, port
        self.app = Starlette(
            routes=[
                Route("/plugin", self._plugin, methods=["POST"]),
                Route("/heartbeat", self._heartbeat, methods=["GET"]),
            ]
        )
        self.server: uvicorn.Server | None = None

    def _authorised(self, request: Request) -> bool:
        given = request.headers.get("secret", "")
        return hmac.compare_digest(given.encode(), self.runtime.settings.secret.encode())

    async def _heartbeat(self, request: Request) -> Response:
        if not self._authorised(request):
            LOCAL.warning("GET /heartbeat refused: wrong or missing Secret header")
            return JSONResponse(UNAUTHORIZED, 401)
        return JSONResponse("ok")

    async def _plugin(self, request: Request) -> Response:
        if not self._authorised(request):
            LOCAL.warning("POST /plugin refused: wrong or missing Secret header")
            return JSONResponse(UNAUTHORIZED, 401)
        try:
            raw = json.loads(await request.body())
        except ValueError:
            raw = None
        if not isinstance(raw, dict):
            detail = [{"type": "dict_type", "loc": ["body"], "msg": "must be a JSON object"}]
            return JSONResponse({"detail": detail}, 422)
        session = raw.get("session")
        session = session if isinstance(session, str) else ""
        task = asyncio.create_task(self.runtime.handle(raw, self._log_sink))
        self.runtime.track(task, session)
        try:
            answer = await task
        except asyncio.CancelledError:  # shutdown past the drain deadline
            await self.deliver_out_of_band({"error": True, "session": session}, raw.get("apiKey"))
            raise
        if answer is None:
            return JSONResponse({"detail": "session already taken"}, 409)
        await self.deliver_out_of_band(answer, raw.get("apiKey"))
        return JSONResponse(answer, 500 if answer.get("error") else 200)

    def _log_sink(self, event: PluginEvent) -> Sink:
        async def send(line: dict[str, Any]) -> None:
            await self.runtime.hub(event.api_key).call("postPluginLog", body=line)

        return send

    async def deliver_out_of_band(self, answer: Answer, api_key: Any) -> None:
        """Exports and errors go to ``pluginResponse`` too, as the SDK sends them."""
        if not (answer.get("export") or answer.get("error")):
            return
        try:
            hub = self.runtime.hub(api_key if isinstance(api_key, str) else "")
            await hub.call("postPluginResponse", body=answer)
        except Exception as exc:  # the HTTP reply still carries the answer
            LOCAL.error("pluginResponse not sent: %s", self.runtime.scrub(str(exc)))

    async def serve(self) -> None:
        config = uvicorn.Config(
            self.app,
            host=self.bind,
            port=self.port,
            log_level="warning",
            access_log=False,
            lifespan="off",
            timeout_graceful_shutdown=int(self.runtime.settings.drain_timeout) or 1,
        )
        self.server = uvicorn.Server(config)
        watch = asyncio.create_task(self._stop_when_asked(self.server))
        try:
            await self.server.serve()
        finally:
            watch.cancel()
            self.runtime.stopping.set()

    async def _stop_when_asked(self, server: uvicorn.Server) -> None:
        await self.runtime.stopping.wait()
        server.should_exit = True
