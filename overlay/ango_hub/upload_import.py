"""The import stage of a bulk upload: one cloud import per chunk, never sent twice while the
first may still be running.

A cloud import creates assets and carries no idempotency key, so how it failed decides what is
safe (:func:`after_failure`):

* ``refused``: the server did not act (a 4xx, a 429 past the retries, or a connection that was
  never opened). The chunk's files fail at stage ``import``.
* ``settled``: the server itself answered 500, 503 or another 5xx but 502/504. Its work on the
  request is over, so a check of the project is final: files found are ``created``, and only
  the missing ones are imported again, after a back-off, for up to ``max_retries`` rounds.
* ``in_flight``: the outcome is unknown and the import may still be running: a timeout, a
  connection lost after sending, a 502/504 from a gateway (the server behind it carries on), a
  redirect loop, or a 2xx answer that cannot be read. The chunk is never sent again. The
  project is watched instead (:class:`Watch`) until every file is found or nothing has changed
  for ``settle_seconds``; files found are ``created``, the others ``unknown``.

So a file is reported ``created`` only when the import answered 2xx for it or it was seen in
the project, and the client never sends a file's import while an earlier one may still land.
:class:`ChunkImport` and :class:`Watch` hold that bookkeeping without doing I/O; the driver is
``import_chunk`` in ``ango_hub/_async/upload_run.py`` (and its produced sync twin).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

import httpx

from .errors import AngoHubError, APIConnectionError, APIStatusError, InternalServerError

if TYPE_CHECKING:
    from ._retry import RetryPolicy
    from .upload import UploadItem

Failure = Literal["refused", "settled", "in_flight"]
# Gateway statuses: the gateway gave up, the server behind it may still be working.
GATEWAY_GAVE_UP = frozenset({502, 504})
# Errors raised before a byte of the request left the machine.
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
DEFAULT_SETTLE_SECONDS = 30.0

RERUN = "run the same upload again later: files already in the project are then skipped"


def after_failure(exc: AngoHubError) -> Failure:
    """What a failed import leaves behind (see the module docstring)."""
    if isinstance(exc, InternalServerError):
        return "in_flight" if exc.status_code in GATEWAY_GAVE_UP else "settled"
    if isinstance(exc, APIConnectionError):
        return "refused" if isinstance(exc.__cause__, _NOT_SENT) else "in_flight"
    return "refused" if isinstance(exc, APIStatusError) else "in_flight"  # 4xx: refused


def cloud_assets(
    items: Sequence[UploadItem], storage_id: str | None = None
) -> list[dict[str, Any]]:
    """The import body's ``assets`` for uploaded files (``metadata``, ``contextData`` and
    ``storage`` when given, as the official SDK's ``upload_files`` sends them)."""
    assets = []
    for item in items:
        asset: dict[str, Any] = {"data": item.data_url, "externalId": item.external_id}
        if item.metadata is not None:
            asset["metadata"] = dict(item.metadata)
        if item.context_data is not None:
            asset["contextData"] = dict(item.context_data)
        if storage_id is not None:
            asset["storage"] = storage_id
        assets.append(asset)
    return assets


@dataclass
class ChunkImport:
    """What is left to import of one chunk, and whether to check, watch, re-send or stop."""

    missing: list[UploadItem]
    max_rounds: int  # re-sends allowed after a settled failure (the hub's max_retries)
    policy: RetryPolicy
    settle_seconds: float = DEFAULT_SETTLE_SECONDS
    error: AngoHubError | None = None
    round: int = field(default=0, init=False)  # re-sends so far

    @property
    def external_ids(self) -> list[str]:
        """The externalIds still to import (what the check asks about)."""
        return [item.external_id for item in self.missing]

    def imported(self) -> None:
        """The import answered 2xx: every file sent is created."""
        for item in self.missing:
            item.status = "created"
        self.missing = []

    def failed(self, exc: AngoHubError) -> Failure:
        """After a failed import: ``refused`` ends the chunk (its files failed); ``settled``
        calls for a check, ``in_flight`` for a watch."""
        self.error = exc
        failure = after_failure(exc)
        if failure == "refused":
            self.give_up(exc)
        return failure

    def found(self, present: set[str]) -> None:
        """Files whose externalId is in the project are created."""
        for item in self.missing:
            if item.external_id in present:
                item.status = "created"
        self.missing = [item for item in self.missing if item.status == "pending"]

    def checked(self, present: set[str]) -> float | None:
        """After a settled failure's check: seconds to wait before re-sending what is missing,
        or ``None`` when nothing is left to send (or the rounds are used up)."""
        self.found(present)
        if not self.missing:
            return None
        if self.round == self.max_rounds:
            self.give_up(self.error)
            return None
        delay = self.policy.delay(self.round)
        self.round += 1
        return delay

    def give_up(self, error: BaseException | None) -> None:
        """Every file still missing fails at stage ``import`` with ``error``."""
        for item in self.missing:
            item.fail("import", error or "the import did not create this asset")
        self.missing = []

    def unsure(self, why: str) -> None:
        """Every file still missing is ``unknown``: its import may still land."""
        for item in self.missing:
            item.unsure("import", f"outcome unknown: {why}; not sent again. {RERUN}")
        self.missing = []

    def watch(self, now: float) -> Watch:
        return Watch(self.settle_seconds, now, len(self.missing))


@dataclass
class Watch:
    """Checks of the project after an import that may still be running: they go on until
    every file is found, or until the count of files found has not changed for ``settle``
    seconds (an import landing bit by bit keeps the watch going)."""

    settle: float
    last_change: float
    remaining: int

    @property
    def interval(self) -> float:
        """Seconds between checks: a tenth of the settle time, within 0.05..2 s."""
        return min(max(self.settle / 10, 0.05), 2.0)

    def go_on(self, remaining: int, now: float) -> bool:
        """After a check that left ``remaining`` files unfound: True to check again."""
        if remaining != self.remaining:
            self.remaining, self.last_change = remaining, now
        return remaining > 0 and now - self.last_change < self.settle
