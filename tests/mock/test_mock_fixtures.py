"""The pytest plugin (`ango_hub.testing`) and `run_mock_server` as users see them."""

from __future__ import annotations

import subprocess
import sys

import httpx
from ango_hub.mock import DEFAULT_API_KEY, DEFAULT_PROJECT_ID, FaultRule, MockConfig
from ango_hub.mock.server import MockServer
from ango_hub.testing import run_mock_server


def test_plugin_module_imports_no_web_stack() -> None:
    heavy = ("starlette", "uvicorn", "openapi_core", "ango_hub.mock")
    code = (
        "import sys, ango_hub.testing;"
        f"loaded = [m for m in {heavy!r} if m in sys.modules];"
        "assert not loaded, loaded"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_fixture_yields_a_running_mock(ango_hub_mock: MockServer) -> None:
    assert ango_hub_mock.base_url == f"{ango_hub_mock.root_url}/v2"
    assert (ango_hub_mock.api_key, ango_hub_mock.project_id) == (
        DEFAULT_API_KEY,
        DEFAULT_PROJECT_ID,
    )
    response = httpx.get(
        f"{ango_hub_mock.base_url}/project/{ango_hub_mock.project_id}/assets",
        headers={"apikey": ango_hub_mock.api_key},
    )
    assert response.json()["data"]["total"] == 0
    ango_hub_mock.seed(3)
    assert ango_hub_mock.project.live_count() == 3
    ango_hub_mock.faults.add(FaultRule(kind="rate_limit", nth=1))
    assert httpx.get(f"{ango_hub_mock.base_url}/export", headers={"apikey": "x"}).status_code == 429


def test_session_fixture_is_reset_between_tests(ango_hub_mock_session: MockServer) -> None:
    assert ango_hub_mock_session.project.live_count() == 0
    assert not ango_hub_mock_session.faults.rules
    ango_hub_mock_session.seed(5)
    ango_hub_mock_session.add_fault("drop")


def test_session_fixture_is_reset_between_tests_again(ango_hub_mock_session: MockServer) -> None:
    assert ango_hub_mock_session.project.live_count() == 0
    assert not ango_hub_mock_session.faults.rules


def test_run_mock_server_with_own_keys_and_projects() -> None:
    config = MockConfig.from_keys_and_projects(["k1", "k2"], ["a" * 24, "b" * 24, "c" * 24])
    assert config.projects == {"a" * 24: "k1", "b" * 24: "k2", "c" * 24: "k2"}
    with run_mock_server(config=config) as mock:
        assert (mock.api_key, mock.project_id) == ("k1", "a" * 24)
        ok = httpx.get(f"{mock.base_url}/project/{'c' * 24}/assets", headers={"apikey": "k2"})
        assert ok.status_code == 200
    # Stopped: the port no longer answers.
    try:
        httpx.get(mock.root_url + "/_mock/health", timeout=2)
    except httpx.TransportError:
        pass
    else:
        raise AssertionError("mock still serving after the block")
