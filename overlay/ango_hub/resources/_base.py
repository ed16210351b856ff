"""Resources reach their client through these two small bases."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..client import AngoHub, AsyncAngoHub


class SyncResource:
    def __init__(self, hub: AngoHub) -> None:
        self._hub = hub


class AsyncResource:
    def __init__(self, hub: AsyncAngoHub) -> None:
        self._hub = hub
