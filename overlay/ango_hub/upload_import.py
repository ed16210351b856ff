"""The import stage of a bulk upload: one cloud import per chunk, never a blind re-send.

A cloud import creates assets, so it is not retried like a read. When it fails in a way that
leaves its outcome unknown (connection lost, 5xx), the project is checked for the chunk's
externalIds and only the files still missing are imported again, after a back-off, for up to
``max_retries`` rounds. :class:`ChunkImport` holds that bookkeeping without doing I/O; the
driver is ``import_chunk`` in ``ango_hub/_async/upload_run.py`` (and its produced sync twin).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .errors import AngoHubError, APIConnectionError, InternalServerError

if TYPE_CHECKING:
    from ._retry import RetryPolicy
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
