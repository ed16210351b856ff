"""The import stage of a bulk upload: one cloud import per chunk, never a blind re-send.

A cloud import creates assets, so it is not retried like a read. When it fails in a way that
leaves its outcome unknown (connection lost, 5xx), the project is checked for the chunk's
externalIds and only the files still missing are imported again, after a back-off, for up to
``max_retries`` rounds. :class:`ChunkImport` holds that bookkeeping without doing I/O, so the
sync and async drivers below only differ in ``await``.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .errors import AngoHubError, APIConnectionError, InternalServerError

if TYPE_CHECKING:
    from ._retry import RetryPolicy
    from .client import AngoHub, AsyncAngoHub
    from .upload import UploadItem

# Failures after which the import may or may not have happened on the server.
AMBIGUOUS = (APIConnectionError, InternalServerError)


def cloud_assets(items: Sequence[UploadItem]) -> list[dict[str, Any]]:
    """The import body's ``assets`` for uploaded files."""
    return [{"data": item.data_url, "externalId": item.external_id} for item in items]


@dataclass
class ChunkImport:
    """What is left to import of one chunk, and whether to check, re-send or give up."""

    missing: list[UploadItem]
    max_rounds: int  # re-sends allowed after the first import (the hub's max_retries)
    policy: RetryPolicy
    error: BaseException | None = None
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

    def failed(self, exc: AngoHubError) -> bool:
        """After a failed import: True when the project must be checked (outcome unknown)."""
        self.error = exc
        if isinstance(exc, AMBIGUOUS):
            return True
        self.give_up(exc)
        return False

    def checked(self, present: set[str]) -> float | None:
        """After the check: seconds to wait before re-sending what is missing, or ``None``."""
        for item in self.missing:
            if item.external_id in present:
                item.status = "created"
        self.missing = [item for item in self.missing if item.status == "pending"]
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


def import_chunk_sync(
    hub: AngoHub,
    project: str,
    job: ChunkImport,
    *,
    batches: Sequence[str] | None,
    existing: Callable[[list[str]], set[str]],
) -> None:
    """Drive ``job`` to the end: every item created or failed."""
    while job.missing:
        try:
            hub.assets.import_from_cloud(
                project, cloud_assets(job.missing), batches=batches, upload_local=True
            )
            job.imported()
            continue
        except AngoHubError as exc:
            if not job.failed(exc):
                continue
        try:
            delay = job.checked(existing(job.external_ids))
        except AngoHubError as exc:  # the check itself failed: nothing more can be known
            job.give_up(exc)
            continue
        if delay is not None:
            time.sleep(delay)


async def import_chunk_async(
    hub: AsyncAngoHub,
    project: str,
    job: ChunkImport,
    *,
    batches: Sequence[str] | None,
    existing: Callable[[list[str]], Awaitable[set[str]]],
) -> None:
    """The async twin of :func:`import_chunk_sync`."""
    while job.missing:
        try:
            await hub.assets.import_from_cloud(
                project, cloud_assets(job.missing), batches=batches, upload_local=True
            )
            job.imported()
            continue
        except AngoHubError as exc:
            if not job.failed(exc):
                continue
        try:
            delay = job.checked(await existing(job.external_ids))
        except AngoHubError as exc:
            job.give_up(exc)
            continue
        if delay is not None:
            await asyncio.sleep(delay)
