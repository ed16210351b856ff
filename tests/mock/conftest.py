"""Fixtures for the mock's tests: a live mock, reset for each test, and a client whose every
answer from a spec operation is checked against openapi.yaml with openapi-core."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from ango_hub.mock import validation
from ango_hub.mock.server import MockServer
from mock_helpers import assert_conforms


@pytest.fixture(scope="session", autouse=True)
def _spec_objects_built() -> None:
    """openapi-core's view of the spec, built once per process before any test's clock runs:
    under pytest-xdist a worker's first test would otherwise pay seconds for it, inside a
    one-second rate window or URL lifetime."""
    validation.openapi()
    validation.compiled_operations()


@pytest.fixture
def mock(ango_hub_mock_session: MockServer) -> MockServer:
    """The worker's mock, reset to its start (state, faults, request log, files), as the
    client's and the CLI's suites use it: a server per test cost a stop (uvicorn polls for it)
    each. A test that needs its own configuration starts one with ``run_mock_server``."""
    return ango_hub_mock_session


@pytest.fixture
def api(mock: MockServer) -> Iterator[httpx.Client]:
    """A client on ``/v2`` with the mock's key; every answer is checked against the spec."""
    with httpx.Client(
        base_url=mock.base_url,
        headers={"apikey": mock.api_key},
        event_hooks={"response": [assert_conforms]},
        timeout=60,
    ) as client:
        yield client


@pytest.fixture
def admin(mock: MockServer) -> Iterator[httpx.Client]:
    with httpx.Client(
        base_url=f"{mock.root_url}/_mock", headers={"apikey": mock.api_key}
    ) as client:
        yield client
