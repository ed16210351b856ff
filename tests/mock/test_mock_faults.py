"""Fault injection as an httpx client sees it; control from Python, admin API and CLI syntax."""

from __future__ import annotations

import httpx
import pytest
from ango_hub.cli.mock_cmd import parse_fault
from ango_hub.mock import FaultInjector, FaultRule
from ango_hub.mock.faults import gateway_page
from ango_hub.mock.server import MockServer
from ango_hub.testing import run_mock_server


def listing(mock: MockServer) -> httpx.Response:
    return httpx.get(
        f"{mock.base_url}/project/{mock.project_id}/assets", headers={"apikey": mock.api_key}
    )


def test_no_faults_by_default(mock: MockServer) -> None:
    assert all(listing(mock).status_code == 200 for _ in range(20))


def test_rate_limit_is_429_with_retry_after(mock: MockServer) -> None:
    mock.add_fault("rate_limit", nth=1, retry_after=7)
    response = listing(mock)
    assert response.status_code == 429
    assert response.headers["retry-after"] == "7"
    assert response.json() == {"status": "fail", "message": "Too many requests"}
    assert listing(mock).status_code == 200  # the first call only


def test_server_error_is_a_non_json_gateway_page(mock: MockServer) -> None:
    mock.add_fault("server_error", nth=1, status=503)
    response = listing(mock)
    assert response.status_code == 503
    assert response.headers["content-type"] == "text/html"
    assert response.text.startswith("<html>")
    assert "<title>503 Service Unavailable</title>" in response.text  # the status it answers
    with pytest.raises(ValueError, match="Expecting value"):
        response.json()


@pytest.mark.parametrize(
    ("status", "title"),
    [(500, "500 Internal Server Error"), (502, "502 Bad Gateway"), (599, "599")],
)
def test_gateway_page_names_its_own_status(status: int, title: str) -> None:
    assert f"<title>{title}</title>" in gateway_page(status).decode()


def test_drop_breaks_the_connection_mid_body(mock: MockServer) -> None:
    mock.add_fault("drop", nth=2)
    assert listing(mock).status_code == 200
    with pytest.raises(httpx.RemoteProtocolError):
        listing(mock)
    assert listing(mock).status_code == 200


def test_delay_answers_normally_after_waiting(mock: MockServer) -> None:
    mock.add_fault("delay", nth=1, delay_seconds=0.3)
    with pytest.raises(httpx.ReadTimeout):
        httpx.get(
            f"{mock.base_url}/project/{mock.project_id}/assets",
            headers={"apikey": mock.api_key},
            timeout=0.05,
        )
    mock.add_fault("delay", delay_seconds=0.2, times=1)
    assert listing(mock).status_code == 200


def test_faults_can_target_one_operation_or_path(mock: MockServer) -> None:
    mock.add_fault("rate_limit", operation="exportTasks")
    mock.add_fault("server_error", path="/v2/getUploadUrl")
    headers = {"apikey": mock.api_key}
    assert listing(mock).status_code == 200
    assert (
        httpx.get(
            f"{mock.base_url}/export", params={"project": mock.project_id}, headers=headers
        ).status_code
        == 429
    )
    assert (
        httpx.get(
            f"{mock.base_url}/exportV3", params={"project": mock.project_id}, headers=headers
        ).status_code
        == 200
    )
    assert httpx.get(f"{mock.base_url}/getUploadUrl", headers=headers).status_code == 502


@pytest.mark.slow  # heavy: not in `make test-fast`
def test_rate_is_seeded_and_reproducible() -> None:
    def pattern(seed: int) -> list[int]:
        with run_mock_server(
            fault_seed=seed, faults=[FaultRule(kind="rate_limit", rate=0.3)]
        ) as mock:
            return [listing(mock).status_code for _ in range(40)]

    first, again, other = pattern(5), pattern(5), pattern(6)
    assert first == again
    assert first != other
    assert 3 <= first.count(429) <= 25


def test_times_caps_how_often_a_rule_fires() -> None:
    injector = FaultInjector(seed=1, rules=[FaultRule(kind="drop", times=2)])
    fired = [injector.decide("/v2/x", None).rule is not None for _ in range(5)]
    assert fired == [True, True, False, False, False]
    assert injector.decide("/_mock/faults", None).rule is None  # admin never faulted by default


def test_admin_api_sets_lists_and_clears_faults(mock: MockServer, admin: httpx.Client) -> None:
    created = admin.post(
        "/faults", json={"kind": "rate_limit", "nth": 1, "operation": "listAssets"}
    )
    assert created.status_code == 201
    assert created.json()["data"]["rules"][0]["operation"] == "listAssets"
    assert listing(mock).status_code == 429
    rules = admin.get("/faults").json()["data"]["rules"]
    assert (rules[0]["calls"], rules[0]["fired"]) == (1, 1)
    admin.post("/faults", json={"rules": [{"kind": "server_error"}]}).raise_for_status()
    assert listing(mock).status_code == 502
    assert admin.delete("/faults").status_code == 200
    assert listing(mock).status_code == 200
    log = admin.get("/requests").json()["data"]
    assert [e["status"] for e in log["requests"]] == [429, 502, 200]
    assert log["counts"]["listAssets"] == 3


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        ({"kind": "meteor"}, "kind: must be one of rate_limit, server_error, drop, delay"),
        ({"kind": "rate_limit", "rate": 2}, "rate: must be between 0 and 1"),
        ({"kind": "drop", "nth": 0}, "nth: must be at least 1"),
        ({"kind": "server_error", "status": 404}, "status: must be a 5xx code"),
        ({"kind": "drop", "when": "now"}, "when: unknown fault field"),
        ({"rate": 0.5}, "kind: required"),
    ],
)
def test_admin_api_rejects_bad_rules(
    admin: httpx.Client, rule: dict[str, object], message: str
) -> None:
    response = admin.post("/faults", json=rule)
    assert response.status_code == 400
    assert response.json()["message"].startswith(message)


def test_cli_fault_syntax() -> None:
    assert parse_fault("rate_limit:rate=0.25,operation=listAssets,retry_after=3") == {
        "kind": "rate_limit",
        "rate": 0.25,
        "operation": "listAssets",
        "retry_after": 3,
    }
    assert parse_fault('{"kind": "drop", "nth": 3}') == {"kind": "drop", "nth": 3}
    assert parse_fault("delay") == {"kind": "delay"}


def test_admin_projects_seed_reset_and_request_log(mock: MockServer, admin: httpx.Client) -> None:
    created = admin.post("/projects", json={"name": "bench"})
    assert created.status_code == 201
    new_id = created.json()["data"]["project"]["_id"]
    seeded = admin.post(
        f"/projects/{new_id}/seed", json={"count": 100_000, "labeled": True, "batches": ["B"]}
    )
    assert seeded.json()["data"]["total"] == 100_000
    page = httpx.get(
        f"{mock.base_url}/project/{new_id}/assets",
        params={"limit": 1},
        headers={"apikey": mock.api_key},
    ).json()["data"]
    assert page["total"] == 100_000
    assert page["assets"][0]["isPreLabeled"] is True
    assert len(page["assets"][0]["batches"]) == 1
    projects = {
        p["_id"]: p["assetCount"] for p in admin.get("/projects").json()["data"]["projects"]
    }
    assert projects == {mock.project_id: 0, new_id: 100_000}
    assert admin.post(f"/projects/{new_id}/seed", json={"count": -1}).status_code == 400
    assert (
        admin.post("/projects/ffffffffffffffffffffffff/seed", json={"count": 1}).status_code == 404
    )
    assert admin.post("/projects", json={"id": "not-hex"}).status_code == 400
    assert admin.post("/projects", content=b"{broken").status_code == 400
    # Someone else's project ID cannot be claimed.
    admin.post("/projects", json={"id": "d" * 24, "apiKey": "k2"}).raise_for_status()
    assert admin.post("/projects", json={"id": "d" * 24}).status_code == 409
    assert admin.post("/reset").status_code == 200
    assert {p["_id"] for p in admin.get("/projects").json()["data"]["projects"]} == {
        mock.project_id
    }
    assert admin.get("/requests").json()["data"]["requests"] == []
