"""Fixtures for the ergonomic client's tests: a hub on the (session) mock."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from ango_hub import AngoHub
from ango_hub.mock.server import MockServer
from client_helpers import FAST


@pytest.fixture
def mock(ango_hub_mock_session: MockServer) -> MockServer:
    """The session mock, reset."""
    return ango_hub_mock_session


@pytest.fixture
def hub(mock: MockServer) -> Iterator[AngoHub]:
    """A client on the mock, no retry back-off to speak of."""
    with AngoHub(api_key=mock.api_key, base_url=mock.base_url, retry_policy=FAST) as client:
        yield client
