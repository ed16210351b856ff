"""Everything one mock instance owns, shared by its handlers (``app.state.mock``)."""

from __future__ import annotations

import shutil
import tempfile
import threading
import time
from collections import Counter, deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .config import MockConfig
from .faults import FaultInjector
from .state import MockState
from .storage import ObjectStore, Signer

REQUEST_LOG_SIZE = 10_000


@dataclass
class RequestLog:
    """The last requests (method, path, operation, status) and a per-operation counter."""

    entries: deque[dict[str, Any]] = field(default_factory=lambda: deque(maxlen=REQUEST_LOG_SIZE))
    counts: Counter[str] = field(default_factory=Counter)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, method: str, path: str, operation: str | None, status: int) -> None:
        with self.lock:
            self.entries.append(
                {
                    "method": method,
                    "path": path,
                    "operation": operation,
                    "status": status,
                    "time": time.time(),
                }
            )
            self.counts[operation or f"{method} {path}"] += 1

    def clear(self) -> None:
        with self.lock:
            self.entries.clear()
            self.counts.clear()


class MockContext:
    """Config, state, storage, signer, faults and request log of one mock instance."""

    def __init__(self, config: MockConfig) -> None:
        self.config = config
        self._own_dir: Path | None = None
        if config.storage_dir is None:
            self._own_dir = Path(tempfile.mkdtemp(prefix="ango-hub-mock-"))
            root = self._own_dir
        else:
            root = config.storage_dir
        self.store = ObjectStore(root / "objects")
        self.exports_dir = (root / "exports").resolve()
        self.exports_dir.mkdir(parents=True, exist_ok=True)
        self.signer = Signer(config.signing_secret, config.url_ttl_seconds)
        self.faults = FaultInjector(seed=config.fault_seed)
        self.state = MockState()
        self.requests = RequestLog()
        self.populate()

    def populate(self) -> None:
        """Create the configured organisations and (empty) projects."""
        for key in self.config.api_keys:
            self.state.organisation_for_key(key, create=True)
        for project_id, key in self.config.projects.items():
            self.state.create_project(key, project_id)

    def reset(self) -> None:
        """Back to the configured start: state, faults, request log and stored files."""
        self.state.reset()
        self.faults.clear()
        self.requests.clear()
        for directory in (self.store.root, self.exports_dir):
            shutil.rmtree(directory, ignore_errors=True)
            directory.mkdir(parents=True, exist_ok=True)
        self.populate()

    def close(self) -> None:
        """Remove the private storage directory, if the mock made one."""
        if self._own_dir is not None:
            shutil.rmtree(self._own_dir, ignore_errors=True)
