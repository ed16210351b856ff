"""Retry bookkeeping, typed errors and DEBUG logging for the send loop.

:class:`Attempts` does no I/O: the send loop (``ango_hub/_async/sending.py``, and its produced
sync twin) asks it after each failure whether to wait and retry or to raise.
"""

from __future__ import annotations

import logging
import time

import httpx

from ._retry import RetryPolicy, error_is_retryable, status_is_retryable
from .errors import (
    AngoHubError,
    APIConnectionError,
    APITimeoutError,
    RateLimitError,
    RedirectError,
    UnexpectedResponseError,
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

    def unusable(
        self, exc: httpx.HTTPError | httpx.StreamError, request: httpx.Request
    ) -> AngoHubError:
        """The typed error for an answer that cannot be used; never retried (the same request
        gets the same answer)."""
        method, url = request.method, redacted_url(request.url)
        logger.debug("%s %s unusable answer: %s", method, url, exc)
        if isinstance(exc, httpx.TooManyRedirects):
            return RedirectError(f"redirect loop: {exc}", method=method, url=url)
        if isinstance(exc, httpx.StreamError):  # httpx followed a 307/308 with a streamed body
            problem = "redirected, but a streamed body cannot be sent twice"
            return RedirectError(problem, method=method, url=url)
        problem = f"the body does not decode ({type(exc).__name__}: {exc})"
        return UnexpectedResponseError(problem, method=method, url=url)

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
