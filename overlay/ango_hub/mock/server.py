"""Run the mock with uvicorn in a background thread (tests, notebooks, scripts)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import uvicorn
from starlette.applications import Starlette

from .app import create_app
from .config import MockConfig
from .context import MockContext, RequestLog
from .faults import FaultInjector, FaultRule
from .state import MockState, Project

START_TIMEOUT_SECONDS = 20.0


@dataclass
class MockServer:
    """A running mock: where it is, who may call it, and handles to steer it from Python."""

    app: Starlette
    host: str
    port: int
    api_key: str = field(repr=False)  # never in reprs or logs
    project_id: str = ""

    @property
    def root_url(self) -> str:
        """``http://127.0.0.1:<port>``: the official SDK's ``host``."""
        return f"http://{self.host}:{self.port}"

    @property
    def base_url(self) -> str:
        """``<root_url>/v2``: the API base URL, as in openapi.yaml's ``servers``."""
        return f"{self.root_url}/v2"

    @property
    def ctx(self) -> MockContext:
        ctx: MockContext = self.app.state.mock
        return ctx

    @property
    def state(self) -> MockState:
        return self.ctx.state

    @property
    def faults(self) -> FaultInjector:
        """Add/clear :class:`FaultRule` objects while the server runs."""
        return self.ctx.faults

    @property
    def requests(self) -> RequestLog:
        """What the mock was asked: ``.entries`` (method, path, operation, status), ``.counts``."""
        return self.ctx.requests

    @property
    def project(self) -> Project:
        project = self.state.projects[self.project_id]
        return project

    def add_fault(self, kind: str, **options: Any) -> FaultRule:
        """Shortcut: ``server.add_fault("rate_limit", nth=1, operation="listAssets")``."""
        rule = FaultRule.from_dict({"kind": kind, **options})
        self.faults.add(rule)
        return rule

    def seed(self, count: int, labeled: bool = False, project_id: str | None = None) -> None:
        """Create ``count`` synthetic assets (with tasks) in a project (default: the main one)."""
        project = self.state.projects[project_id or self.project_id]
        self.state.seed(project, count, labeled)

    def reset(self) -> None:
        """Back to the configured start (state, faults, request log, files)."""
        self.ctx.reset()


@contextmanager
def run_mock_server(
    config: MockConfig | None = None,
    *,
    host: str = "127.0.0.1",
    port: int = 0,
    faults: list[FaultRule] | None = None,
    log_level: str = "warning",
    **settings: Any,
) -> Iterator[MockServer]:
    """Serve a mock on ``host:port`` (0: a free port) in a daemon thread until the block ends.

    Usable outside pytest::

        with run_mock_server() as mock:
            client = SDK(mock.api_key, host=mock.root_url)
    """
    config = config or MockConfig(**settings)
    app = create_app(config, faults=faults)
    server = uvicorn.Server(
        uvicorn.Config(
            app, host=host, port=port, log_level=log_level, lifespan="on", access_log=False
        )
    )
    thread = threading.Thread(target=server.run, name="ango-hub-mock", daemon=True)
    thread.start()
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError(f"mock server did not start on {host}:{port}")
        time.sleep(0.01)
    bound = server.servers[0].sockets[0].getsockname()[1]
    project_id = next(iter(config.projects))
    try:
        yield MockServer(app, host, bound, config.projects[project_id], project_id)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
