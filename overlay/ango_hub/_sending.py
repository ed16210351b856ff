"""Sending requests: retries, typed errors and DEBUG logging, for sync and async httpx clients.

The retry bookkeeping lives in :class:`Attempts`, which does no I/O, so the sync and async send
loops stay a few lines each and behave the same.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

import httpx

from ._config import Settings
from ._retry import RetryPolicy, error_is_retryable, status_is_retryable
from .errors import (
    APIConnectionError,
    APITimeoutError,
    RateLimitError,
    error_from_response,
    redacted_url,
)

logger = logging.getLogger("ango_hub")


class Attempts:
    """Counts attempts and decides, after each failure, to wait and retry or to raise."""

    def __init__(self, policy: RetryPolicy, max_retries: int, *, idempotent: bool) -> None:
        self.policy = policy
        self.max_retries = max_retries
        self.idempotent = idempotent
        self.attempt = 0
        self.started = 0.0

    def start(self) -> None:
        self.started = time.perf_counter()

    def _elapsed_ms(self) -> float:
        return (time.perf_counter() - self.started) * 1000

    def after_error(self, exc: httpx.TransportError, request: httpx.Request) -> float:
        """Seconds to wait before retrying; raises the typed error when out of retries."""
        url = redacted_url(request.url)
        logger.debug("%s %s failed after %.1f ms: %s", request.method, url, self._elapsed_ms(), exc)
        if self.attempt < self.max_retries and error_is_retryable(exc, idempotent=self.idempotent):
            return self._next(None)
        cls = APITimeoutError if isinstance(exc, httpx.TimeoutException) else APIConnectionError
        raise cls(f"{type(exc).__name__}: {exc}", method=request.method, url=url) from exc

    def after_status(self, response: httpx.Response) -> float:
        """Seconds to wait before retrying a non-2xx answer; raises the typed error otherwise."""
        error = error_from_response(response)
        if self.attempt < self.max_retries and status_is_retryable(
            response.status_code, idempotent=self.idempotent
        ):
            retry_after = error.retry_after if isinstance(error, RateLimitError) else None
            return self._next(retry_after)
        raise error

    def log(self, request: httpx.Request, response: httpx.Response) -> None:
        if not logger.isEnabledFor(logging.DEBUG):  # redacting the URL costs ~5% of a request
            return
        logger.debug(
            "%s %s -> %d in %.1f ms",
            request.method,
            redacted_url(request.url),
            response.status_code,
            self._elapsed_ms(),
        )

    def _next(self, retry_after: float | None) -> float:
        delay = self.policy.delay(self.attempt, retry_after)
        self.attempt += 1
        logger.debug("retry %d/%d in %.2f s", self.attempt, self.max_retries, delay)
        return delay


def api_request(settings: Settings, kwargs: dict[str, Any]) -> dict[str, Any]:
    """Turn a generated ``request_kwargs`` output into ``build_request`` arguments."""
    args = dict(kwargs)
    headers = dict(args.pop("headers", {}) or {})
    if "files" in args:
        # The generated code pins the multipart boundary to "+++", which a file containing
        # "--+++" can forge; httpx picks a random boundary when we leave the header out.
        headers.pop("Content-Type", None)
    headers["apikey"] = settings.api_key
    args["headers"] = headers
    args["url"] = settings.base_url + args["url"]
    return args


def send_sync(
    client: httpx.Client,
    build: Callable[[], httpx.Request],
    attempts: Attempts,
    *,
    stream: bool = False,
) -> httpx.Response:
    """Send with retries; returns a 2xx response (unread when ``stream``), raises otherwise."""
    while True:
        request = build()
        attempts.start()
        try:
            response = client.send(request, stream=stream)
            if not response.is_success:
                response.read()
        except httpx.TransportError as exc:
            time.sleep(attempts.after_error(exc, request))
            continue
        attempts.log(request, response)
        if response.is_success:
            return response
        response.close()
        time.sleep(attempts.after_status(response))


async def send_async(
    client: httpx.AsyncClient,
    build: Callable[[], httpx.Request],
    attempts: Attempts,
    *,
    stream: bool = False,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
) -> httpx.Response:
    """The async twin of :func:`send_sync`."""
    while True:
        request = build()
        attempts.start()
        try:
            response = await client.send(request, stream=stream)
            if not response.is_success:
                await response.aread()
        except httpx.TransportError as exc:
            await sleep(attempts.after_error(exc, request))
            continue
        attempts.log(request, response)
        if response.is_success:
            return response
        await response.aclose()
        await sleep(attempts.after_status(response))
