"""Fixtures for the generated client's tests: a client whose transport records each request."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from ango_hub_api import AuthenticatedClient

from tests.generated.generated_harness import BASE_URL, KEY, Recorder


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def make_client(recorder: Recorder) -> Iterator[Callable[[], AuthenticatedClient]]:
    """A factory for the generated client, configured as docs/GENERATOR-NOTES.md says for the apikey
    header, talking to ``recorder`` instead of the network."""
    clients: list[AuthenticatedClient] = []

    def make() -> AuthenticatedClient:
        client = AuthenticatedClient(
            base_url=BASE_URL,
            token=KEY,
            prefix="",
            auth_header_name="apikey",
            httpx_args={"transport": httpx.MockTransport(recorder.handle)},
        )
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.get_httpx_client().close()


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "generator: runs the code generator (a few seconds; part of CI)"
    )
