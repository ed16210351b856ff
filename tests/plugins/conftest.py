"""Fixtures for the plugin tests: a live mock with seeded tasks and its plugin admin API."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from ango_hub.mock.server import MockServer
from ango_hub.testing import run_mock_server
from plugin_helpers import PluginAdmin


@pytest.fixture
def mock() -> Iterator[MockServer]:
    with run_mock_server() as server:
        server.seed(3)
        yield server


@pytest.fixture
def plugins(mock: MockServer) -> Iterator[PluginAdmin]:
    admin = PluginAdmin(mock)
    yield admin
    admin.http.close()
