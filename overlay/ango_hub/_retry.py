"""When to retry, and how long to wait.

Requests that are safe to repeat (reads, deletes, updates that set state, PUTs of the same
bytes) are retried on connection errors, timeouts, 408, 429 and 5xx. Requests that create data
(cloud import, chat upload, attachment and label import) are retried only when the server
provably did not act on them: the connection could not be opened, or it answered 429.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import httpx

RETRY_STATUSES = frozenset({408, 429})

# Errors raised before a single byte of the request left the machine.
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


@dataclass(frozen=True)
class RetryPolicy:
    """Exponential backoff with full jitter, capped; ``Retry-After`` wins when given."""

    base_delay: float = 0.5
    max_delay: float = 8.0
    max_retry_after: float = 60.0

    def delay(self, attempt: int, retry_after: float | None = None) -> float:
        """Seconds to wait before retry number ``attempt`` (0-based)."""
        if retry_after is not None:
            return min(retry_after, self.max_retry_after)
        ceiling = min(self.max_delay, self.base_delay * (2**attempt))
        return random.uniform(ceiling / 2, ceiling)  # noqa: S311  (jitter, not crypto)


def status_is_retryable(status: int, *, idempotent: bool) -> bool:
    """Whether an answer with this status may be retried."""
    if status == 429:
        return True
    if not idempotent:
        return False
    return status in RETRY_STATUSES or status >= 500


def error_is_retryable(exc: httpx.TransportError, *, idempotent: bool) -> bool:
    """Whether a transport failure may be retried."""
    if isinstance(exc, _NOT_SENT):
        return True
    return idempotent
