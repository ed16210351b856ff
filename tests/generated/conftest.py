"""Fixtures for the generated client's tests: a client whose transport records each request."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
from ango_hub_api import AuthenticatedClient

# The spec helpers and the docs transcription live beside the spec tests.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "spec"))

BASE_URL = "https://imeritapi.ango.ai/v2"
KEY = "test-key-0123456789"


@dataclass
class Recorder:
    """Answers every request with ``status``/``body`` and keeps the requests it saw."""

    status: int = 200
    body: bytes = b'{"status": "success", "data": {}}'
    content_type: str = "application/json"
    requests: list[httpx.Request] = field(default_factory=list)

    def handle(self, request: httpx.Request) -> httpx.Response:
        request.read()  # multipart bodies are streams: read them while they are open
        self.requests.append(request)
        return httpx.Response(
            self.status, content=self.body, headers={"content-type": self.content_type}
        )

    @property
    def only(self) -> httpx.Request:
        """The single request sent."""
        assert len(self.requests) == 1, self.requests
        return self.requests[0]


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def make_client(recorder: Recorder) -> Iterator[Callable[[], AuthenticatedClient]]:
    """A factory for the generated client, configured as GENERATOR-NOTES says for the apikey
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
