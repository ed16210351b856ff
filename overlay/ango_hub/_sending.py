"""Retry bookkeeping, deadline, caps, typed errors and DEBUG logging for the send loop.

:class:`Attempts` does no I/O: the send loop (``ango_hub/_async/sending.py``, and its produced
sync twin) asks it before each attempt how long to wait (pacing), after each failure whether to
wait and retry or to raise, and while reading a body whether a cap or the deadline is passed.
"""

from __future__ import annotations

import logging
import time
from typing import Any

import httpx

from ._pacing import Pacer
from ._redact import redacted_url, scrub
from ._retry import RetryPolicy, error_is_retryable, status_is_retryable
from .errors import (
    AngoHubError,
    APIConnectionError,
    APITimeoutError,
    DeadlineExceededError,
    RateLimitError,
    RedirectError,
    ResponseTooLargeError,
    UnexpectedResponseError,
    error_from_response,
)

logger = logging.getLogger("ango_hub")

_TIMEOUT_PHASES = ("connect", "read", "write", "pool")


def attempt_budget(timeout: httpx.Timeout) -> float | None:
    """The default deadline of one attempt of a plain API call (no file streamed either way):
    its connect, write and read timeouts added up, or None when one of them is unbounded.

    A call without ``deadline=`` thus ends within ``(max_retries + 1)`` times this plus the
    waits between attempts (each at most the retry policy's ``max_delay``, or its
    ``max_retry_after`` for a server's ``Retry-After``)."""
    phases = (timeout.connect, timeout.write, timeout.read)
    if any(phase is None for phase in phases):
        return None
    return sum(phase for phase in phases if phase is not None)


class Attempts:
    """Counts attempts and decides, after each failure, to wait and retry or to raise."""

    def __init__(
        self,
        policy: RetryPolicy,
        max_retries: int,
        *,
        idempotent: bool,
        secret: str = "",
        deadline: float | None = None,
        pacer: Pacer | None = None,
        slots: Any = None,
        max_response_bytes: int | None = None,
        attempt_budget: float | None = None,
    ) -> None:
        self.policy = policy
        self.max_retries = max_retries
        self.idempotent = idempotent
        self.secret = secret
        self.deadline = deadline
        self.pacer = pacer
        # The client's bound on requests in flight (a Semaphore of the client's kind), or None.
        self.slots = slots
        self.max_response_bytes = max_response_bytes
        # A plain call without a deadline: seconds each attempt has from sending to its whole
        # answer (see :func:`attempt_budget`).
        self.attempt_budget = attempt_budget
        self.attempt = 0
        self.started = 0.0
        self.ends_at = None if deadline is None else time.monotonic() + deadline
        self.request: httpx.Request | None = None

    def remaining(self) -> float | None:
        """Seconds left before the deadline, or None without one."""
        return None if self.ends_at is None else self.ends_at - time.monotonic()

    def start(self, request: httpx.Request) -> None:
        """An attempt begins: each of its timeouts is cut to what is left of the deadline."""
        self.request = request
        self.started = time.perf_counter()
        left = self.remaining()
        if left is None:
            return
        if left <= 0:
            raise self.exceeded()
        timeouts = dict(request.extensions.get("timeout") or {})
        for phase in _TIMEOUT_PHASES:
            value = timeouts.get(phase)
            timeouts[phase] = left if value is None else min(value, left)
        request.extensions = {**request.extensions, "timeout": timeouts}

    def pace(self) -> float:
        """Seconds to wait before the next attempt may be sent (0: go now)."""
        if self.pacer is None:
            return 0.0
        wait = self.pacer.reserve()
        if wait > 0:
            left = self.remaining()
            if left is not None and wait >= left:
                raise self.exceeded()
        return wait

    def abandon(self) -> None:
        """The attempt ended without an answer to pace by (a cap, the deadline, a cancel)."""
        if self.pacer is not None:
            self.pacer.cancel()

    def exceeded(self) -> DeadlineExceededError:
        """The error for a call whose deadline has passed."""
        request = self.request
        method = request.method if request is not None else "?"
        url = redacted_url(request.url) if request is not None else "?"
        return DeadlineExceededError(self.deadline or 0.0, method=method, url=url)

    def check_body(self, size: int) -> None:
        """Raise when the body read so far outgrew its cap, or the deadline passed."""
        if self.max_response_bytes is not None and size > self.max_response_bytes:
            request = self.request
            where = f" of {request.method} {redacted_url(request.url)}" if request else ""
            raise ResponseTooLargeError(
                f"the answer{where}", self.max_response_bytes, "max_response_bytes"
            )
        left = self.remaining()
        if left is not None and left <= 0:
            raise self.exceeded()
        budget = self.attempt_budget
        if budget is not None and time.perf_counter() - self.started > budget:
            # httpx's read timeout bounds each wait for a byte, not the answer: a server
            # trickling one byte a second would hold the call for as long as its body lasts.
            raise httpx.ReadTimeout(
                f"the answer took longer than {budget:g} s (the call's default deadline per "
                "attempt: its connect + write + read timeouts)",
                request=self.request,
            )

    def _elapsed_ms(self) -> float:
        return (time.perf_counter() - self.started) * 1000

    def _scrub(self, text: str) -> str:
        return scrub(text, (self.secret,))

    def after_error(self, exc: httpx.TransportError, request: httpx.Request) -> float:
        """Seconds to wait before retrying; raises the typed error when out of retries."""
        if self.pacer is not None:
            self.pacer.observe(None, {})
        url = redacted_url(request.url)
        text = self._scrub(f"{type(exc).__name__}: {exc}")
        logger.debug(
            "%s %s failed after %.1f ms: %s", request.method, url, self._elapsed_ms(), text
        )
        if self.attempt < self.max_retries and error_is_retryable(exc, idempotent=self.idempotent):
            delay = self._next(None)
            if self._time_for(delay):
                return delay
        left = self.remaining()
        if left is not None and left <= 0.001:  # the deadline cut this attempt short
            raise self.exceeded() from None
        cls = APITimeoutError if isinstance(exc, httpx.TimeoutException) else APIConnectionError
        # The cause stays attached unless its message held the key (a traceback prints it).
        cause = exc if text == f"{type(exc).__name__}: {exc}" else None
        raise cls(text, method=request.method, url=url) from cause

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
            delay = self._next(retry_after)
            if self._time_for(delay):
                return delay
        raise error

    def _time_for(self, delay: float) -> bool:
        """Whether a retry after ``delay`` seconds still fits in the deadline."""
        left = self.remaining()
        return left is None or delay < left

    def log(self, request: httpx.Request, response: httpx.Response) -> None:
        if self.pacer is not None:
            self.pacer.observe(response.status_code, response.headers)
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
