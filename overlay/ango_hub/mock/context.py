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

from .archives import ExportArchives
from .config import MockConfig
from .faults import FaultInjector
from .plugin_host import PluginHost
from .state import MockState
from .storage import STORAGE_PREFIX, ObjectStore, Signer, project_of_storage_path

REQUEST_LOG_SIZE = 10_000


@dataclass
class RequestLog:
    """The last requests (method, path, operation, status, organisation) and per-operation
    counters, overall and per organisation (the admin API shows a key only its own)."""

    entries: deque[dict[str, Any]] = field(default_factory=lambda: deque(maxlen=REQUEST_LOG_SIZE))
    counts: Counter[str] = field(default_factory=Counter)
    counts_by_organisation: dict[str | None, Counter[str]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(
        self,
        method: str,
        path: str,
        operation: str | None,
        status: int,
        organisation: str | None = None,
    ) -> None:
        name = operation or f"{method} {path}"
        with self.lock:
            self.entries.append(
                {
                    "method": method,
                    "path": path,
                    "operation": operation,
                    "status": status,
                    "organisation": organisation,
                    "time": time.time(),
                }
            )
            self.counts[name] += 1
            self.counts_by_organisation.setdefault(organisation, Counter())[name] += 1

    def view(self, organisation: str) -> tuple[list[dict[str, Any]], dict[str, int]]:
        """One organisation's entries and counts."""
        with self.lock:
            mine = [e for e in self.entries if e["organisation"] == organisation]
            return mine, dict(self.counts_by_organisation.get(organisation, {}))

    def clear(self, organisation: str | None = None) -> None:
        """Forget every entry, or only ``organisation``'s."""
        with self.lock:
            if organisation is None:
                self.entries.clear()
                self.counts.clear()
                self.counts_by_organisation.clear()
                return
            kept = [e for e in self.entries if e["organisation"] != organisation]
            self.entries.clear()
            self.entries.extend(kept)
            self.counts -= self.counts_by_organisation.pop(organisation, Counter())


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
        self.archives = ExportArchives(self.exports_dir)
        self.signer = Signer(config.signing_secret, config.url_ttl_seconds)
        self.faults = FaultInjector(seed=config.fault_seed)
        self.state = MockState()
        self.requests = RequestLog()
        self.plugins = PluginHost(self.state)
        self.populate()

    def record(
        self,
        method: str,
        path: str,
        operation: str | None,
        status: int,
        api_key: str | None = None,
    ) -> None:
        """Log a request under the organisation it concerns: the key's, or for storage URLs
        (which carry no key) the organisation owning the file's project."""
        self.requests.record(method, path, operation, status, self.organisation_of(api_key, path))

    def organisation_of(self, api_key: str | None, path: str) -> str | None:
        with self.state.lock:
            org_id = self.state.key_to_org.get(api_key or "")
            if org_id is None and path.startswith(STORAGE_PREFIX):
                project = self.state.projects.get(project_of_storage_path(path))
                org_id = project.organization_id if project else None
            return org_id

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
        self.plugins.reset()
        for directory in (self.store.root, self.exports_dir):
            shutil.rmtree(directory, ignore_errors=True)
            directory.mkdir(parents=True, exist_ok=True)
        self.archives.forget_all()
        self.populate()

    def close(self) -> None:
        """Remove the private storage directory, if the mock made one."""
        if self._own_dir is not None:
            shutil.rmtree(self._own_dir, ignore_errors=True)
