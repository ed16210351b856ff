"""The mock's gateway page (an HTML 5xx) is an answer the spec declares, for each 5xx it lists."""

from __future__ import annotations

import httpx
import pytest
from ango_hub.testing import run_mock_server

from tests.spec.spec_wire import WireResponse, response_errors, wire_request

PROJECT = "507f1f77bcf86cd799439011"  # the mock's default project


def faulted_listing(status: int) -> list[str]:
    """Spec violations of the mock's answer to a listing it fails with ``status``."""
    with run_mock_server() as mock:
        mock.add_fault("server_error", nth=1, status=status)
        url = f"{mock.base_url}/project/{PROJECT}/assets"
        headers = [("apikey", mock.api_key)]
        answer = httpx.get(url, headers=dict(headers))
    assert answer.status_code == status
    assert answer.headers["content-type"] == "text/html"
    response = WireResponse(status, answer.content, content_type="text/html")
    # Judged as if sent to the spec's first server (openapi-core matches the server URL).
    spec_url = f"https://imeritapi.ango.ai/v2/project/{PROJECT}/assets"
    return response_errors(wire_request("GET", spec_url, headers), response)


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_gateway_page_is_declared(status: int) -> None:
    assert faulted_listing(status) == []


def test_undeclared_status_is_a_violation() -> None:
    assert faulted_listing(505) != []
