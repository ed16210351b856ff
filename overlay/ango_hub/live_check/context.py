"""What a live-check step works with: the library client, the project, the run ID, the
cleanup ledger, and a raw sender for requests the library would refuse to build."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

import httpx

from ..client import AngoHub
from .ledger import Ledger
from .recorder import Recorder
from .redact import scrub


class Mode(Enum):
    """READ steps only read; WRITE steps create, change or delete data in the project."""

    READ = "read"
    WRITE = "write"


class NothingToRead(Exception):
    """A read step found nothing to read (say, tasks in an empty project in read-only mode):
    its operation is reported skipped, with this reason, rather than failed."""


class Skipped(NothingToRead):
    """A step needs an object the run could not create (its project, its task, ...): it is
    reported skipped with this reason, and nothing runs in its place."""


@dataclass
class Run:
    """State shared by the steps of one live-check run."""

    hub: AngoHub  # built on ``http``
    http: httpx.Client  # the recorder's client: paced, every exchange kept
    project: str
    run_id: str
    mode: Mode
    ledger: Ledger
    recorder: Recorder
    api_key: str = field(repr=False)
    found: dict[str, Any] = field(default_factory=dict)  # what earlier steps learned
    nothing_to_read: dict[str, str] = field(default_factory=dict)  # operation -> why skipped
    # Why an object a step depends on is missing ("project" -> the scrubbed error).
    failed: dict[str, str] = field(default_factory=dict)

    @property
    def tag(self) -> str:
        """Prefix of every external ID and batch name this run creates."""
        return f"ango-hub-live-check-{self.run_id}"

    def project_name(self) -> str:
        return f"{self.tag}-project"

    def own_project(self) -> str:
        """The ID of the project this run created; :class:`Skipped` when it could not be.
        Never falls back to the user's project, which write mode only reads."""
        project_id = self.found.get("own_project")
        if project_id is None:
            raise Skipped(self.why_missing("project"))
        return str(project_id)

    def why_missing(self, what: str) -> str:
        cause = self.failed.get(what, "not reached")
        return f"skipped: the run's {what} could not be created ({cause})"

    def brief(self, exc: BaseException) -> str:
        """One line for a failure, with the key and signed-URL queries scrubbed."""
        return scrub(f"{type(exc).__name__}: {exc}", (self.api_key,))

    def call(
        self,
        operation_id: str,
        params: Mapping[str, Any] | None = None,
        *,
        body: Any = None,
        files: Mapping[str, Any] | None = None,
    ) -> Any:
        """Send one operation through the library (its checks, retries and parsing)."""
        return self.hub.call(operation_id, params, body=body, files=files)

    def raw(
        self,
        method: str,
        path: str,
        params: Mapping[str, Any] | None = None,
        body: Any = None,
        *,
        attempts: int = 4,
    ) -> httpx.Response:
        """Send a request as given, bypassing the library's input checks (deliberately bad
        requests); a 429 is sent again once the pacer has waited out its ``Retry-After``."""
        content = None if body is None else json.dumps(body).encode()
        headers = {"apikey": self.api_key}
        if content is not None:
            headers["content-type"] = "application/json"
        url = self.recorder.api_root.rstrip("/") + path
        for _ in range(attempts):
            response = self.http.request(
                method, url, params=dict(params or {}), content=content, headers=headers
            )
            if response.status_code != 429:
                break
        return response
