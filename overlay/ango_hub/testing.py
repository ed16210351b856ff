"""Pytest fixtures for testing code against the mock Ango Hub server.

Registered as a pytest plugin (entry point ``ango_hub``), so this module must import cheaply:
the mock (starlette, uvicorn, openapi-core) is imported only when a fixture is used.

* ``ango_hub_mock``: a fresh mock per test (``MockServer``: ``.base_url``, ``.root_url``,
  ``.api_key``, ``.project_id``, ``.faults``, ``.state``, ``.seed()``, ``.add_fault()``).
* ``ango_hub_mock_session``: one mock for the whole session, reset before each use.
* ``free_port()``: a loopback port nothing listens on (a dead server, or one to start).
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from ango_hub.mock.server import MockServer

__all__ = ["ango_hub_mock", "ango_hub_mock_session", "free_port", "run_mock_server"]


def free_port() -> int:
    """A free TCP port on 127.0.0.1, as the system hands them out (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def run_mock_server(**kwargs: Any) -> Iterator[MockServer]:
    """Run a mock in a background thread; see :func:`ango_hub.mock.run_mock_server`."""
    # Without the [mock] extra: an ImportError whose message is the line that installs it.
    from ango_hub.mock.server import run_mock_server as _run  # noqa: PLC0415  (lazy, see above)

    with _run(**kwargs) as server:
        yield server


@pytest.fixture
def ango_hub_mock() -> Iterator[MockServer]:
    """A fresh mock server (default key and project) for one test."""
    with run_mock_server() as server:
        yield server


@pytest.fixture(scope="session")
def _ango_hub_mock_shared() -> Iterator[MockServer]:
    with run_mock_server() as server:
        yield server


@pytest.fixture
def ango_hub_mock_session(_ango_hub_mock_shared: MockServer) -> MockServer:
    """A session-wide mock server, reset to its start state before each test (faster)."""
    _ango_hub_mock_shared.reset()
    return _ango_hub_mock_shared
