"""Client-side pacing of API calls: a requests-per-window budget, and the server's own figures.

:class:`Pacer` does no I/O: the send loop asks :meth:`Pacer.reserve` before each API request
(0 means go, else seconds to wait and ask again) and reports each answer to
:meth:`Pacer.observe`. Two sources of pace, both optional:

* ``requests_per_minute`` (or per ``window`` seconds): never more than that many requests in any
  window, counted when they are sent (a sliding window, like the server's);
* the server's headers: ``X-RateLimit-Remaining`` (calls left), ``X-RateLimit-Reset`` (seconds
  until one frees, or an epoch time), and ``Retry-After`` on a 429. When the server says none
  are left, every request of the client waits until the reset, then one goes first to learn
  the new figures.

A lock keeps it safe for the sync client's worker threads (it never waits while holding it).
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable, Mapping

# How often a request waiting for the server's next figures looks again.
POLL = 0.05
# A reset beyond this many seconds is an epoch time, not a delay.
_EPOCH = 1e9


def _number(headers: Mapping[str, str], name: str) -> float | None:
    try:
        return float(headers[name])
    except (KeyError, ValueError):
        return None


class Pacer:
    """Decides when the next API request may go (see the module docstring)."""

    def __init__(
        self,
        requests_per_minute: float | None = None,
        *,
        window: float = 60.0,
        max_wait: float = 120.0,
    ) -> None:
        if requests_per_minute is not None and requests_per_minute <= 0:
            raise ValueError("requests_per_minute: must be a positive number or None")
        if window <= 0:
            raise ValueError("rate_window: must be a positive number of seconds")
        self.window = window
        self.limit = None if requests_per_minute is None else max(1, int(requests_per_minute))
        self.max_wait = max_wait
        # Called with the seconds to wait when the client starts waiting for the rate limit
        # (the bulk upload's progress bar shows it).
        self.on_wait: Callable[[float], None] | None = None
        self._lock = threading.Lock()
        self._sent: deque[float] = deque()
        self._blocked_until = 0.0
        self._allowance: int | None = None  # calls the server will still take; None: unknown
        self._in_flight = 0
        self._announced = 0.0

    def reserve(self) -> float:
        """0.0 when a request may go now (it is counted); else seconds to wait first."""
        with self._lock:
            wait = self._wait(time.monotonic())
            announce = wait > POLL and self._blocked_until != self._announced
            if announce:
                self._announced = self._blocked_until
        if announce and self.on_wait is not None:
            self.on_wait(wait)
        return wait

    def _wait(self, now: float) -> float:
        if now < self._blocked_until:
            return self._blocked_until - now
        if self._allowance is not None and self._allowance <= 0 and self._in_flight > 0:
            return POLL  # the answers in flight will tell how many are left
        if self.limit is not None:
            while self._sent and self._sent[0] <= now - self.window:
                self._sent.popleft()
            if len(self._sent) >= self.limit:
                # A small margin: the server counts arrivals, which come a little later.
                self._blocked_until = self._sent[0] + self.window * 1.02 + 0.05
                return self._blocked_until - now
            self._sent.append(now)
        self._in_flight += 1
        if self._allowance is not None:
            self._allowance -= 1
        return 0.0

    def observe(self, status: int | None, headers: Mapping[str, str]) -> None:
        """Take in an answer (``status`` None: the request failed without one)."""
        with self._lock:
            self._in_flight = max(0, self._in_flight - 1)
            now = time.monotonic()
            if status == 429:
                retry_after = _number(headers, "retry-after")
                self._block(now, 1.0 if retry_after is None else retry_after)
                return
            remaining = _number(headers, "x-ratelimit-remaining")
            if remaining is None:
                return
            if remaining <= 0:
                reset = _number(headers, "x-ratelimit-reset")
                if reset is not None and reset > _EPOCH:
                    reset -= time.time()
                self._block(now, 1.0 if reset is None else reset)
            else:
                # Requests still in flight were sent after the server counted this one.
                self._allowance = int(remaining) - self._in_flight

    def _block(self, now: float, seconds: float) -> None:
        self._blocked_until = max(self._blocked_until, now + min(max(seconds, 0.0), self.max_wait))
        self._allowance = 1  # one request learns the new figures for the others

    def cancel(self) -> None:
        """A reserved request was not sent (no answer will come)."""
        with self._lock:
            self._in_flight = max(0, self._in_flight - 1)
