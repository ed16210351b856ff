"""The connector-agnostic core: settings, bounded concurrency, one answer per session, and
the drain on shutdown. The socket and REST connectors feed it events and deliver its answers.
"""

from __future__ import annotations

import asyncio
import os
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import httpx

from .events import PayloadError, PluginEvent, PluginKind
from .handlers import RUNS, Callback, error_answer
from .log import LOCAL, PluginLog, Sink, scrub

Answer = dict[str, Any]
Deliver = Callable[[Answer], Awaitable[None]]
SinkFor = Callable[[PluginEvent], Sink]
SESSIONS_KEPT = 10_000
ID_ENV, SECRET_ENV = "ANGO_PLUGIN_ID", "ANGO_PLUGIN_SECRET"
USER_AGENT = "ango-hub-client-plugins"  # tells the runtime's REST calls apart in a hub's logs


class PluginRefused(RuntimeError):
    """The hub kept refusing the plugin's id and secret."""


@dataclass
class PluginSettings:
    """How a plugin runs. ``host`` is the hub's root URL (no ``/v2``): the socket and every
    REST call go there. ``concurrency`` runs at once, ``max_pending`` more wait their turn,
    beyond that a run is answered ``{error: true}`` at once. ``heartbeat_interval`` seconds
    between heartbeats (the SDK's 60). Reconnection waits ``backoff_base * 2**attempt``,
    capped at ``backoff_cap``, times a random factor in [0.5, 1). ``drain_timeout``: how long
    a shutdown lets runs in flight finish before answering them ``{error: true}``."""

    plugin_id: str
    secret: str = field(repr=False)
    kind: PluginKind | str
    host: str = "https://imeritapi.ango.ai"
    concurrency: int = 4
    max_pending: int = 64
    heartbeat_interval: float = 60.0
    backoff_base: float = 0.5
    backoff_cap: float = 30.0
    drain_timeout: float = 30.0
    max_refusals: int = 3
    refusal_window: float = 5.0

    def __post_init__(self) -> None:
        self.kind = PluginKind(self.kind)
        self.host = self.host.rstrip("/")
        if self.concurrency < 1:
            raise ValueError(f"concurrency: must be 1 or more, not {self.concurrency}")
        if not self.plugin_id or not self.secret:
            raise ValueError(f"plugin id and secret: set {ID_ENV} and {SECRET_ENV}")

    @classmethod
    def from_env(cls, kind: PluginKind | str, **options: Any) -> PluginSettings:
        """Id and secret from ``ANGO_PLUGIN_ID`` and ``ANGO_PLUGIN_SECRET``."""
        return cls(os.environ.get(ID_ENV, ""), os.environ.get(SECRET_ENV, ""), kind, **options)


class PluginRuntime:
    """Runs events through the callback: at most ``concurrency`` at once, each session once."""

    def __init__(self, callback: Callback, settings: PluginSettings) -> None:
        self.callback, self.settings = callback, settings
        self.stopping = asyncio.Event()
        self._slots = asyncio.Semaphore(settings.concurrency)
        self._waiting = 0
        self._sessions: OrderedDict[str, None] = OrderedDict()
        self._inflight: dict[asyncio.Task[Any], str] = {}
        self._http: httpx.AsyncClient | None = None

    @property
    def http(self) -> httpx.AsyncClient:
        """One connection pool for every run's REST calls."""
        if self._http is None:
            self._http = httpx.AsyncClient(
                timeout=60, follow_redirects=True, headers={"User-Agent": USER_AGENT}
            )
        return self._http

    def hub(self, api_key: str) -> Any:
        from ango_hub import AsyncAngoHub  # noqa: PLC0415  (the client loads on first use)

        if not api_key:
            raise PayloadError("apiKey: the event carries no API key for the hub's REST calls")
        return AsyncAngoHub(api_key, base_url=f"{self.settings.host}/v2", http_client=self.http)

    def scrub(self, text: str, *more: str) -> str:
        scrubbed: str = scrub(text, [self.settings.secret, *more])
        return scrubbed

    def track(self, task: asyncio.Task[Any], session: str) -> None:
        """Count ``task`` (running ``handle``) among the runs a shutdown drains."""
        self._inflight[task] = session
        task.add_done_callback(lambda done: self._inflight.pop(done, None))

    def seen(self, session: str) -> bool:
        """True when ``session`` was taken before (a resent event): it is not run again."""
        if not session:
            return False
        if session in self._sessions:
            return True
        self._sessions[session] = None
        while len(self._sessions) > SESSIONS_KEPT:
            self._sessions.popitem(last=False)
        return False

    async def handle(self, raw: Any, sink_for: SinkFor) -> Answer | None:
        """One ``plugin`` event to its answer; None for a session already taken."""
        session = raw.get("session") if isinstance(raw, dict) else None
        session = session if isinstance(session, str) else ""
        if not isinstance(raw, dict):
            LOCAL.error("a plugin event that is not a JSON object was answered with an error")
            return error_answer(session)
        if self.seen(session):
            LOCAL.warning("[%s] event received again: already taken, not run twice", session)
            return None
        if self.stopping.is_set():
            LOCAL.warning("[%s] refused: the plugin is shutting down", session)
            return error_answer(session)
        if self._waiting >= self.settings.max_pending:
            LOCAL.warning("[%s] refused: %d runs already wait", session, self._waiting)
            return error_answer(session)
        self._waiting += 1
        try:
            await self._slots.acquire()
        finally:
            self._waiting -= 1
        try:
            return await self._run(raw, session, sink_for)
        finally:
            self._slots.release()

    async def _run(self, raw: dict[str, Any], session: str, sink_for: SinkFor) -> Answer:
        try:
            event = PluginEvent.parse(raw)
        except PayloadError as exc:
            LOCAL.error("[%s] bad plugin event: %s", session, exc)
            return error_answer(session)
        log = PluginLog(
            sink_for(event),
            asyncio.get_running_loop(),
            plugin_id=self.settings.plugin_id,
            org_id=event.org_id,
            run_by=event.run_by,
            session=session,
            secrets=[self.settings.secret, event.api_key],
        )
        event.log = log
        try:
            run = RUNS[PluginKind(self.settings.kind)]
            return await run(event, self.callback, lambda: self.hub(event.api_key))
        except Exception as exc:  # any failure is one error answer; we stay up
            LOCAL.debug("[%s] traceback", session, exc_info=True)
            log.error("Plugin callback failed: %s", exc)  # noqa: TRY400  (no traceback to the hub)
            return error_answer(session)
        finally:
            await log.flush()

    async def drain(self, deliver: Deliver) -> None:
        """Stop taking work, let runs in flight finish for ``drain_timeout`` seconds, then
        cancel the rest and answer each ``{error: true}``."""
        self.stopping.set()
        inflight = dict(self._inflight)
        if not inflight:
            return
        LOCAL.warning("shutting down: %d runs in flight", len(inflight))
        _, late = await asyncio.wait(inflight, timeout=self.settings.drain_timeout)
        for task in late:
            task.cancel()
        await asyncio.gather(*late, return_exceptions=True)
        for task in late:
            LOCAL.error("[%s] not finished by the drain deadline: answered error", inflight[task])
            await deliver(error_answer(inflight[task]))

    async def aclose(self) -> None:
        if self._http is not None:
            await self._http.aclose()
