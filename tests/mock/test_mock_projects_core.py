"""Project set-up on the mock: state kept across create, update, batches, clone, purge,
delete; other organisations see 404; every answer conforms to the spec."""

from __future__ import annotations

import httpx
from ango_hub.mock import MockConfig
from ango_hub.testing import run_mock_server
from mock_helpers import assert_conforms

KEY_A, KEY_B = "key-a", "key-b"


def _client(base_url: str, key: str) -> httpx.Client:
    return httpx.Client(
        base_url=base_url, headers={"apikey": key}, event_hooks={"response": [assert_conforms]}
    )


def test_project_state_through_its_life() -> None:
    config = MockConfig.from_keys_and_projects([KEY_A, KEY_B], ["a" * 24, "b" * 24])
    with run_mock_server(config=config) as mock, _client(mock.base_url, KEY_A) as api:
        made = api.post("/project", json={"name": "P", "type": "pct"})
        assert made.status_code == 201
        pid = made.json()["data"]["project"]["_id"]
        stored = mock.state.projects[pid]
        assert (stored.type, [s["id"] for s in stored.stages]) == (
            "pct",
            ["Start", "Label", "Complete"],
        )
        api.post(f"/project/{pid}", json={"benchmarkEnabled": True, "benchmarkCutoff": True})
        assert stored.benchmark == {"benchmarkEnabled": True, "benchmarkCutoff": True}
        # No source refuses `name` and `batches` together or neither: both add, neither is a no-op.
        both = api.post(f"/batches/{pid}", json={"name": "x", "batches": [{"name": "w"}]})
        assert [b["name"] for b in both.json()["data"]["project"]["batches"]] == ["w", "x"]
        neither = api.post(f"/batches/{pid}", json={})
        assert [b["name"] for b in neither.json()["data"]["project"]["batches"]] == ["w", "x"]
        listed = api.post(f"/batches/{pid}", json={"batches": [{"name": "y"}]})
        assert [b["name"] for b in listed.json()["data"]["project"]["batches"]] == ["w", "x", "y"]
        cloud = {"assets": [{"data": "https://e.com/1.jpg"}, {"data": "https://e.com/2.jpg"}]}
        assert api.post(f"/project/{pid}/cloud", json=cloud).status_code in (200, 201)
        assert stored.live_count() == 2
        clone = api.post(f"/project/{pid}/clone", json={"workflow": False}).json()
        clone_id = clone["data"]["project"]["_id"]
        assert mock.state.projects[clone_id].live_count() == 0  # assets are never cloned
        assert [b["name"] for b in clone["data"]["project"]["batches"]] == ["w", "x", "y"]
        with _client(mock.base_url, KEY_B) as other:
            for method, path in (("GET", ""), ("DELETE", ""), ("POST", "/clone")):
                body = {} if method == "POST" else None
                assert other.request(method, f"/project/{pid}{path}", json=body).status_code == 404
        api.post(f"/project/{pid}/purge", json={"confirmName": "P"})
        assert (stored.live_count(), pid in mock.state.projects) == (0, True)
        assert api.delete(f"/project/{pid}").status_code == 200
        assert api.get(f"/project/{pid}").status_code == 404
        assert api.post(f"/batches/{pid}", json={"name": "z"}).status_code == 404
