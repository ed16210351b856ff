"""Capture every request/response pair the library sends, and pace them.

An ``httpx.Client`` with event hooks is handed to ``AngoHub(http_client=...)``: the library
builds and sends requests as it always does, and the hooks keep a copy of each exchange for the
spec check. Pacing lives in the same hooks so that library retries are paced too.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

import httpx

from ..errors import parse_retry_after

# The real service allows about 100 requests a minute per key; stay under it by default.
DEFAULT_RATE_PER_MINUTE = 90.0
# The longest Retry-After honoured (the library's retry policy caps its waits the same way).
MAX_RETRY_AFTER = 60.0


@dataclass(frozen=True)
class Exchange:
    """One request as sent and the answer to it (bodies read)."""

    request: httpx.Request
    request_body: bytes
    response: httpx.Response
    step: str
    expect_rejection: bool


@dataclass
class Pacer:
    """At most ``per_minute`` requests a minute, and none before a ``Retry-After`` has passed."""

    per_minute: float | None
    clock: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] = time.sleep
    _next_at: float = 0.0

    def before_request(self) -> None:
        wait = self._next_at - self.clock()
        if wait > 0:
            self.sleep(wait)
        interval = 60.0 / self.per_minute if self.per_minute else 0.0
        self._next_at = max(self._next_at, self.clock() + interval)

    def after_response(self, response: httpx.Response) -> None:
        if response.status_code == 429:
            retry_after = parse_retry_after(response)
            wait = min(retry_after if retry_after is not None else 1.0, MAX_RETRY_AFTER)
            self._next_at = max(self._next_at, self.clock() + wait)


@dataclass
class Recorder:
    """Keeps the exchanges with the API (storage URLs are paced, not recorded)."""

    api_root: str
    pacer: Pacer
    exchanges: list[Exchange] = field(default_factory=list)
    step: str = ""
    expect_rejection: bool = False

    def is_api(self, url: httpx.URL) -> bool:
        return str(url).startswith(self.api_root)

    def on_request(self, request: httpx.Request) -> None:
        self.pacer.before_request()

    def on_response(self, response: httpx.Response) -> None:
        self.pacer.after_response(response)
        request = response.request
        if not self.is_api(request.url):
            return
        response.read()
        try:
            body = request.read()
        except httpx.StreamConsumed:  # a one-shot stream: nothing to re-read
            body = b""
        self.exchanges.append(Exchange(request, body, response, self.step, self.expect_rejection))

    def client(
        self,
        timeout: httpx.Timeout,
        transport: httpx.BaseTransport,
        learn: Callable[[httpx.Request, httpx.Response], None],
    ) -> httpx.Client:
        """The run's one client: every request goes through ``transport`` (the request
        guard), and ``learn`` sees every answer (read) after the recorder."""

        def on_response(response: httpx.Response) -> None:
            self.on_response(response)
            if self.is_api(response.request.url):
                learn(response.request, response)

        return httpx.Client(
            timeout=timeout,
            follow_redirects=True,
            transport=transport,
            event_hooks={"request": [self.on_request], "response": [on_response]},
        )
