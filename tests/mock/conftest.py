"""Fixtures for the mock's tests: a live mock per test and a client whose every answer from a
spec operation is checked against openapi.yaml with openapi-core."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from ango_hub.mock import validation
from ango_hub.mock.server import MockServer
from ango_hub.testing import run_mock_server


def assert_conforms(response: httpx.Response) -> None:
    """Fail if ``response`` to a spec operation breaks openapi.yaml."""
    request = response.request
    if validation.operation_for(request.method, request.url.path) is None:
        return
    response.read()
    try:
        body = request.content or None
    except httpx.RequestNotRead:  # streamed multipart: the response check needs no body
        body = None
    wire_request = validation.WireRequest(
        method=request.method,
        path=request.url.path,
        query=list(request.url.params.multi_items()),
        headers=dict(request.headers),
        body=body,
        content_type=request.headers.get("content-type", "application/octet-stream"),
    )
    wire_response = validation.WireResponse(
        status_code=response.status_code,
        data=response.content,
        content_type=response.headers.get("content-type", ""),
        headers=dict(response.headers),
    )
    errors = validation.response_errors(wire_request, wire_response)
    assert not errors, f"{request.method} {request.url} -> {response.status_code}: {errors}"


@pytest.fixture
def mock() -> Iterator[MockServer]:
    with run_mock_server() as server:
        yield server


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
