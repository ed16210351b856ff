"""Fixtures for the ergonomic client's tests. Every test that asks for ``hub``, ``make_hub``,
``wire_hub`` or ``http_client`` runs twice: on ``AngoHub`` and on ``AsyncAngoHub`` (driven
through :class:`blocking.Blocking`), so a fix that lands on one client only fails a test."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from ango_hub import AngoHub, AsyncAngoHub
from ango_hub.mock.server import MockServer
from blocking import Blocking
from client_helpers import FAST, KEY, HttpClient, MakeHub, Wire, WireHub


@pytest.fixture
def mock(ango_hub_mock_session: MockServer) -> MockServer:
    """The session mock, reset."""
    return ango_hub_mock_session


@pytest.fixture(params=["sync", "async"])
def client_kind(request: pytest.FixtureRequest) -> str:
    """Which client the test runs on."""
    return str(request.param)


@pytest.fixture
def make_hub(client_kind: str) -> Iterator[MakeHub]:
    """``make_hub(**kwargs)``: ``AngoHub(**kwargs)``, or the async client behind a sync view."""
    with asyncio.Runner() as runner:

        def make(**kwargs: Any) -> AngoHub:
            if client_kind == "sync":
                return AngoHub(**kwargs)
            return Blocking(AsyncAngoHub(**kwargs), runner)  # type: ignore[return-value]

        yield make


@pytest.fixture
def http_client(client_kind: str) -> HttpClient:
    """The httpx client the test's hub needs: ``httpx.Client`` or ``httpx.AsyncClient``."""

    def build(transport: httpx.MockTransport) -> httpx.Client | httpx.AsyncClient:
        if client_kind == "sync":
            return httpx.Client(transport=transport)
        return httpx.AsyncClient(transport=transport)

    return build


@pytest.fixture
def hub(mock: MockServer, make_hub: MakeHub) -> Iterator[AngoHub]:
    """A client on the mock, no retry back-off to speak of."""
    with make_hub(api_key=mock.api_key, base_url=mock.base_url, retry_policy=FAST) as client:
        yield client


@pytest.fixture
def wire_hub(make_hub: MakeHub, http_client: HttpClient) -> WireHub:
    """``wire_hub(reply, **kwargs)``: a hub whose requests ``reply`` answers, and their record."""

    def build(
        reply: Callable[[httpx.Request], httpx.Response], **kwargs: Any
    ) -> tuple[AngoHub, Wire]:
        wire = Wire(reply)
        kwargs.setdefault("retry_policy", FAST)
        http = http_client(httpx.MockTransport(wire))
        hub = make_hub(api_key=KEY, base_url="https://hub.test/v2", http_client=http, **kwargs)
        return hub, wire

    return build
