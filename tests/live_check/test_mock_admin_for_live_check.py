"""The mock's additions the live check's state-diff test relies on: the `refuse` fault (a 4xx
such as a key without the right), the organisation snapshot, and the checkpoint."""

from __future__ import annotations

import httpx
import pytest
from ango_hub.mock.faults import FaultRule
from ango_hub.mock.server import MockServer


def admin(mock: MockServer, method: str, path: str, body: object = None) -> httpx.Response:
    return httpx.request(
        method,
        f"{mock.root_url}/_mock/{path}",
        headers={"apikey": mock.api_key},
        json=body,
        timeout=60,
    )


def test_refuse_answers_the_given_4xx_as_json(ango_hub_mock: MockServer) -> None:
    ango_hub_mock.add_fault("refuse", status=403, nth=1, operation="createProject")
    sent = httpx.post(
        f"{ango_hub_mock.base_url}/project",
        headers={"apikey": ango_hub_mock.api_key},
        json={"name": "x"},
        timeout=60,
    )
    assert sent.status_code == 403
    assert sent.json() == {"status": "fail", "message": "Forbidden"}
    assert len(ango_hub_mock.state.projects) == 1  # the handler never ran
    with pytest.raises(ValueError, match="status: must be a 4xx code for refuse, not 502"):
        FaultRule(kind="refuse")


def test_checkpoint_puts_the_snapshot_back(ango_hub_mock: MockServer) -> None:
    assert admin(ango_hub_mock, "PUT", "checkpoint").status_code == 409
    ango_hub_mock.seed(2)
    assert admin(ango_hub_mock, "POST", "checkpoint").status_code == 201
    saved = admin(ango_hub_mock, "GET", "organisation/snapshot").json()["data"]
    assert len(saved["projects"][0]["assets"]) == 2

    httpx.post(
        f"{ango_hub_mock.base_url}/project",
        headers={"apikey": ango_hub_mock.api_key},
        json={"name": "later"},
        timeout=60,
    )
    ango_hub_mock.seed(3)
    changed = admin(ango_hub_mock, "GET", "organisation/snapshot").json()["data"]
    assert changed != saved

    assert admin(ango_hub_mock, "PUT", "checkpoint").status_code == 200
    assert admin(ango_hub_mock, "GET", "organisation/snapshot").json()["data"] == saved
    assert list(ango_hub_mock.requests.entries) == []
