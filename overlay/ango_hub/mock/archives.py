"""Export archives on disk, each kept exactly as long as its signed URL is valid.

An archive is deleted only once its URL has expired, never to make room for another one, so
one organisation's exports can never evict another's (or its own still-downloadable ones).
The registry is the source of truth: pruning never lists or stats the directory, so two
prunes at once cannot trip over each other's deletions.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path


class ExportArchives:
    """Archive file names and their URL expiry times (epoch seconds); thread-safe."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._expiry: dict[str, float] = {}
        self._lock = threading.Lock()

    def keep(self, name: str, expires: float) -> None:
        """Keep ``name`` until ``expires``, then remove it on a later :meth:`prune`."""
        with self._lock:
            self._expiry[name] = expires

    def prune(self, now: float | None = None) -> list[str]:
        """Delete every archive whose URL has expired; returns their names."""
        moment = time.time() if now is None else now
        with self._lock:
            expired = [name for name, until in self._expiry.items() if until < moment]
            for name in expired:
                del self._expiry[name]
        for name in expired:
            (self.directory / name).unlink(missing_ok=True)
        return expired

    def names(self) -> list[str]:
        with self._lock:
            return list(self._expiry)

    def forget_all(self) -> None:
        """After the directory was emptied (reset)."""
        with self._lock:
            self._expiry.clear()
