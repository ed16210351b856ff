"""A per-key quota (`rate_limit` with `limit` and `window`): each API key gets `limit` calls
in any `window` seconds, the rest are 429 with Retry-After, and every answer says how much
of the quota is left (X-RateLimit-*)."""

from __future__ import annotations

import time

import httpx
import pytest
from ango_hub.cli.mock_cmd import parse_fault
from ango_hub.mock import FaultRule, MockConfig
from ango_hub.mock.server import MockServer
from ango_hub.testing import run_mock_server
from mock_helpers import assert_conforms

KEYS = ["key-a", "key-b"]
PROJECTS = ["a" * 24, "b" * 24]


def _list(mock: MockServer, key: str, project: str) -> httpx.Response:
    response = httpx.get(f"{mock.base_url}/project/{project}/assets", headers={"apikey": key})
    assert_conforms(response)  # 429 and its headers as openapi.yaml declares them
    return response


def test_each_key_gets_its_own_quota_then_429_with_retry_after() -> None:
    config = MockConfig.from_keys_and_projects(KEYS, PROJECTS)
    with run_mock_server(config=config) as mock:
        mock.add_fault("rate_limit", limit=3, window=60)
        answers = [_list(mock, "key-a", PROJECTS[0]) for _ in range(4)]
        assert [a.status_code for a in answers] == [200, 200, 200, 429]
        assert [a.headers["x-ratelimit-remaining"] for a in answers] == ["2", "1", "0", "0"]
        assert all(a.headers["x-ratelimit-limit"] == "3" for a in answers)
        refused = answers[-1]
        assert refused.json() == {"status": "fail", "message": "Too many requests"}
        assert 58 <= int(refused.headers["retry-after"]) <= 60  # when the oldest call expires
        assert refused.headers["x-ratelimit-reset"] == refused.headers["retry-after"]
        # Another key (another organisation) has its own quota.
        assert _list(mock, "key-b", PROJECTS[1]).status_code == 200
        statuses = [(e["organisation"] is not None, e["status"]) for e in mock.requests.entries]
        assert [s for _, s in statuses] == [200, 200, 200, 429, 200]


def test_the_quota_frees_up_as_the_window_slides(mock: MockServer) -> None:
    mock.add_fault("rate_limit", limit=2, window=1)
    assert [_list(mock, mock.api_key, mock.project_id).status_code for _ in range(3)] == [
        200,
        200,
        429,
    ]
    time.sleep(1.1)
    assert _list(mock, mock.api_key, mock.project_id).status_code == 200


def test_a_refused_call_does_not_use_up_the_quota(mock: MockServer) -> None:
    mock.add_fault("rate_limit", limit=1, window=1)
    assert _list(mock, mock.api_key, mock.project_id).status_code == 200
    for _ in range(5):
        assert _list(mock, mock.api_key, mock.project_id).status_code == 429
    time.sleep(1.1)
    assert _list(mock, mock.api_key, mock.project_id).status_code == 200


def test_a_quota_can_be_set_from_the_admin_api_and_the_cli_syntax(
    mock: MockServer, admin: httpx.Client
) -> None:
    created = admin.post("/faults", json={"kind": "rate_limit", "limit": 2, "window": 30})
    assert created.status_code == 201
    (rule,) = created.json()["data"]["rules"]
    assert (rule["limit"], rule["window"], rule["rate"]) == (2, 30, None)
    assert [_list(mock, mock.api_key, mock.project_id).status_code for _ in range(3)] == [
        200,
        200,
        429,
    ]
    assert admin.get("/faults").json()["data"]["rules"][0]["fired"] == 1
    from_cli = FaultRule.from_dict(parse_fault("rate_limit:limit=100,window=60"))
    assert (from_cli.limit, from_cli.window) == (100, 60)


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        ({"kind": "rate_limit", "limit": 0}, "limit: must be at least 1"),
        ({"kind": "rate_limit", "limit": 5, "rate": 0.5}, "limit: give either limit"),
        ({"kind": "drop", "limit": 5}, "limit: only for kind rate_limit"),
        ({"kind": "rate_limit", "limit": 5, "window": 0}, "window: must be more than 0"),
        ({"kind": "rate_limit", "limit": "100/min"}, "limit: must be an integer or null"),
    ],
)
def test_bad_quotas_are_refused(admin: httpx.Client, rule: dict[str, object], message: str) -> None:
    response = admin.post("/faults", json=rule)
    assert response.status_code == 400
    assert response.json()["message"].startswith(message)
