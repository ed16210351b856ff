"""listProjects on the mock: the key's organisation's projects, paged and sorted."""

from __future__ import annotations

import httpx
from ango_hub.mock import MockConfig
from ango_hub.testing import run_mock_server
from mock_helpers import assert_conforms

KEY_A, KEY_B = "key-a", "key-b"
A_PROJECTS = [f"{n:024x}" for n in range(1, 6)]
B_PROJECT = "b" * 24


def _client(base_url: str, key: str) -> httpx.Client:
    return httpx.Client(
        base_url=base_url, headers={"apikey": key}, event_hooks={"response": [assert_conforms]}
    )


def test_lists_only_the_keys_organisation_paged_and_sorted() -> None:
    config = MockConfig.from_keys_and_projects([KEY_A, KEY_B], [A_PROJECTS[0], B_PROJECT])
    config.projects.update({pid: KEY_A for pid in A_PROJECTS})
    with run_mock_server(config=config) as mock, _client(mock.base_url, KEY_A) as api:
        for pid in A_PROJECTS:  # distinct names, in reverse alphabetical order of creation
            mock.state.projects[pid].name = f"project {9 - int(pid, 16)}"
        first = api.get("/listProjects", params={"limit": 2, "sort": "_id"}).json()["data"]
        assert first["total"] == 5
        assert [p["_id"] for p in first["projects"]] == A_PROJECTS[:2]
        third = api.get("/listProjects", params={"page": 3, "limit": 2, "sort": "_id"})
        assert [p["_id"] for p in third.json()["data"]["projects"]] == A_PROJECTS[4:]
        by_name = api.get("/listProjects", params={"sort": "name"}).json()["data"]["projects"]
        assert [p["_id"] for p in by_name] == A_PROJECTS[::-1]
        descending = api.get("/listProjects", params={"sort": "-_id"}).json()["data"]["projects"]
        assert [p["_id"] for p in descending] == A_PROJECTS[::-1]
        item = first["projects"][0]
        assert set(item) == {"_id", "name", "description", "organization", "createdAt"}
        assert B_PROJECT not in {p["_id"] for p in by_name}
        with _client(mock.base_url, KEY_B) as other:
            theirs = other.get("/listProjects").json()["data"]
        assert [p["_id"] for p in theirs["projects"]] == [B_PROJECT]
        assert theirs["projects"][0]["organization"] != item["organization"]


def test_limit_out_of_bounds_and_no_key(api: httpx.Client) -> None:
    too_many = api.get("/listProjects", params={"limit": 101})
    assert too_many.status_code == 400
    assert "limit" in too_many.json()["message"]
    anonymous = httpx.get(str(api.base_url).rstrip("/") + "/listProjects")
    assert anonymous.status_code == 401
