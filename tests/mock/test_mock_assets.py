"""State behaviour of the asset operations, through the HTTP API."""

from __future__ import annotations

import json
import re

import httpx
from ango_hub.mock.server import MockServer
from mock_helpers import export_tasks, import_assets, list_assets

HEX24 = re.compile(r"^[0-9a-f]{24}$")
ISO_MS_Z = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")


def test_cloud_import_creates_assets_with_one_label_task_each(
    api: httpx.Client, mock: MockServer
) -> None:
    response = api.post(
        f"/project/{mock.project_id}/cloud",
        json={
            "assets": [
                {
                    "data": "https://b/1.jpg",
                    "externalId": "one",
                    "metadata": {"k": 1},
                    "contextData": None,
                },
                {"data": "https://b/2.jpg", "externalId": "two"},
            ],
            "uploadLocal": None,
            "priority": 5,
        },
    )
    assert response.status_code == 201
    assert response.json()["data"]["assets"]["assetsCreated"] == 2
    page = list_assets(api, mock.project_id)
    assert page["total"] == 2
    first, second = page["assets"]
    assert (first["externalId"], first["data"], first["metadata"]) == (
        "one",
        "https://b/1.jpg",
        {"k": 1},
    )
    assert second["externalId"] == "two"
    for asset in page["assets"]:
        assert HEX24.match(asset["_id"])
        assert ISO_MS_Z.match(asset["createdAt"])
        assert asset["project"] == mock.project_id
        (task_id,) = asset["labelTasks"]
        assert HEX24.match(task_id)
        assert asset["deleted"] is False
    assert first["_id"] != second["_id"]
    tasks = export_tasks(api, mock.project_id, stage='["Start"]')
    assert {t["taskId"] for t in tasks} == {first["labelTasks"][0], second["labelTasks"][0]}


def test_listing_pages_and_total(api: httpx.Client, mock: MockServer) -> None:
    import_assets(
        api,
        mock.project_id,
        *({"data": f"https://b/{i}", "externalId": f"e{i}"} for i in range(25)),
    )
    pages = [list_assets(api, mock.project_id, page=p, limit=10) for p in (1, 2, 3, 4)]
    assert [len(p["assets"]) for p in pages] == [10, 10, 5, 0]
    assert {p["total"] for p in pages} == {25}
    seen = [a["externalId"] for p in pages for a in p["assets"]]
    assert seen == [f"e{i}" for i in range(25)]


def test_filters_id_external_id_prelabeled_and_batches_all_of(
    api: httpx.Client, mock: MockServer
) -> None:
    import_assets(
        api, mock.project_id, {"data": "https://b/a", "externalId": "a"}, batches='["b1", "b2"]'
    )
    import_assets(
        api, mock.project_id, {"data": "https://b/b", "externalId": "b"}, batches='["b1"]'
    )
    import_assets(api, mock.project_id, {"data": "https://b/c", "externalId": "c"})
    assets = {a["externalId"]: a for a in list_assets(api, mock.project_id)["assets"]}
    b1 = mock.project.batch_by_ref("b1")
    b2 = mock.project.batch_by_ref("b2")
    assert b1 is not None
    assert b2 is not None

    def ids(**params: object) -> list[str]:
        page = list_assets(api, mock.project_id, **params)
        assert page["total"] == len(page["assets"])
        return sorted(a["externalId"] for a in page["assets"])

    assert ids(filters=json.dumps({"_id": assets["b"]["_id"]})) == ["b"]
    assert ids(filters=json.dumps({"externalId": "c"})) == ["c"]
    assert ids(externalId="a") == ["a"]
    assert ids(filters=json.dumps({"batches": [b1.id]})) == ["a", "b"]
    assert ids(filters=json.dumps({"batches": [b1.id, b2.id]})) == ["a"]  # all of them
    assert ids(batches="b1,b2") == ["a"]  # names, comma list
    assert ids(batches=json.dumps([b2.id])) == ["a"]
    assert ids(batches="no-such-batch") == []
    assert ids(filters=json.dumps({"isPreLabeled": True})) == []
    api.post(
        "/import/labels",
        json={"project": mock.project_id, "labels": [{"externalId": "c", "answer": {}}]},
    )
    assert ids(filters=json.dumps({"isPreLabeled": True})) == ["c"]
    assert ids(filters=json.dumps({"isPreLabeled": False})) == ["a", "b"]
    assert ids(filters="{}") == ["a", "b", "c"]


def test_update_persists_and_only_named_fields_change(api: httpx.Client, mock: MockServer) -> None:
    import_assets(
        api, mock.project_id, {"data": "https://b/a", "externalId": "a", "metadata": {"x": 1}}
    )
    (asset,) = list_assets(api, mock.project_id)["assets"]
    response = api.post(
        f"/assets/{asset['_id']}", json={"metadata": {"y": 2}, "overlay": ["https://o/1"]}
    )
    assert response.status_code == 200
    updated = response.json()["data"]["asset"]
    assert (updated["metadata"], updated["overlay"], updated["externalId"]) == (
        {"y": 2},
        ["https://o/1"],
        "a",
    )
    (listed,) = list_assets(api, mock.project_id)["assets"]
    assert listed["metadata"] == {"y": 2}
    assert listed["data"] == "https://b/a"
    assert api.post("/assets/ffffffffffffffffffffffff", json={"data": "x"}).status_code == 404


def test_delete_is_soft_and_counts_failures(api: httpx.Client, mock: MockServer) -> None:
    import_assets(
        api, mock.project_id, *({"data": f"https://b/{i}", "externalId": f"e{i}"} for i in range(3))
    )
    ids = [a["_id"] for a in list_assets(api, mock.project_id)["assets"]]
    response = api.request(
        "DELETE",
        f"/project/{mock.project_id}/assets",
        json={"project": mock.project_id, "assets": [ids[0], "ffffffffffffffffffffffff"]},
    )
    assert response.json()["data"] == {"deleted": 1, "failed": 1}
    page = list_assets(api, mock.project_id)
    assert page["total"] == 2
    assert ids[0] not in {a["_id"] for a in page["assets"]}
    assert mock.project.assets[ids[0]].deleted is True  # kept, flagged
    assert ids[0] not in {t["assetId"] for t in export_tasks(api, mock.project_id, stage="Start")}
    again = api.request("DELETE", f"/project/{mock.project_id}/assets", json={"assets": [ids[0]]})
    assert again.json()["data"] == {"deleted": 0, "failed": 1}
    assert api.post(f"/assets/{ids[0]}", json={"data": "x"}).status_code == 404


def test_delete_acts_on_the_path_project_whatever_the_body_project(
    api: httpx.Client, mock: MockServer
) -> None:
    # No source says the server compares the SDK's body `project` with the path: the path decides.
    import_assets(api, mock.project_id, {"data": "https://b/x", "externalId": "x"})
    (asset,) = (a["_id"] for a in list_assets(api, mock.project_id)["assets"])
    response = api.request(
        "DELETE", f"/project/{mock.project_id}/assets", json={"project": "other", "assets": [asset]}
    )
    assert response.status_code == 200, response.text
    assert response.json()["data"] == {"deleted": 1, "failed": 0}
    assert list_assets(api, mock.project_id)["assets"] == []


def test_assign_batches_accepts_names_and_ids_and_creates_unknown_names(
    api: httpx.Client, mock: MockServer
) -> None:
    import_assets(
        api, mock.project_id, {"data": "https://b/a", "externalId": "a"}, {"data": "https://b/b"}
    )
    a, b = (x["_id"] for x in list_assets(api, mock.project_id)["assets"])
    response = api.post(
        "/assignBatches", json={"projectId": mock.project_id, "assets": [a], "batches": ["New"]}
    )
    assert response.status_code == 200
    (new_id,) = response.json()["data"]["assets"]["batches"]
    assert HEX24.match(new_id)
    assert mock.project.batches[new_id].name == "New"
    # By ID this time, with the reference page's field names; `a` already has it.
    response = api.post(
        "/assignBatches", json={"project": mock.project_id, "assetIds": [a, b], "batches": [new_id]}
    )
    assert response.json()["data"]["assets"] == {"modifiedCount": 1, "batches": [new_id]}
    listed = {x["_id"]: x["batches"] for x in list_assets(api, mock.project_id)["assets"]}
    assert listed == {a: [new_id], b: [new_id]}
    tasks = export_tasks(api, mock.project_id, stage="Start")
    assert {t["batches"][0] for t in tasks} == {"New"}
    # A 24-hex reference to no batch becomes a batch with exactly that ID.
    api.post(
        "/assignBatches", json={"projectId": mock.project_id, "assets": [a], "batches": ["a" * 24]}
    )
    assert mock.project.batches["a" * 24].name == "a" * 24


def test_assign_batches_needs_assets_and_project(api: httpx.Client, mock: MockServer) -> None:
    no_assets = api.post("/assignBatches", json={"projectId": mock.project_id, "batches": ["x"]})
    assert no_assets.status_code == 400
    assert no_assets.json()["message"] == "body: one of assetIds, assets is required"
    no_project = api.post("/assignBatches", json={"assets": ["x"], "batches": ["x"]})
    assert no_project.json()["message"] == "body: one of project, projectId is required"


def test_assign_batches_any_mode_adds_and_project_wins_over_project_id(
    api: httpx.Client, mock: MockServer
) -> None:
    # `add` is the only mode any source shows; the vendor's `project` decides when both differ.
    import_assets(api, mock.project_id, {"data": "https://b/a", "externalId": "a"})
    (a,) = (x["_id"] for x in list_assets(api, mock.project_id)["assets"])
    body = {"project": mock.project_id, "projectId": "f" * 24, "assets": [a], "batches": ["B"]}
    response = api.post("/assignBatches", json={**body, "mode": "replace"})
    assert response.status_code == 200, response.text
    assert response.json()["data"]["assets"]["modifiedCount"] == 1
    assert [mock.project.batches[b].name for b in mock.project.get_asset(a).batches] == ["B"]


def test_chat_upload_multipart_file_and_form_without_file(
    api: httpx.Client, mock: MockServer
) -> None:
    conversations = [{"messages": [{"role": "user", "content": "hi"}]}, {"messages": []}]
    response = api.post(
        f"/project/{mock.project_id}/chat",
        data={
            "projectId": mock.project_id,
            "priority": "0",
            "namingStrategy": '{"type": "random"}',
        },
        files={"file": ("c.json", json.dumps(conversations).encode(), "application/json")},
    )
    assert response.status_code == 201, response.text
    assert response.json()["data"]["assets"]["assetsCreated"] == 2
    response = api.post(
        f"/project/{mock.project_id}/chat",
        data={
            "projectId": mock.project_id,
            "numberOfConversations": "3",
            "llmConfig": '{"id": "llm1"}',
        },
    )
    assert response.headers["content-type"] == "application/json"
    assert response.json()["data"]["assets"]["assetsCreated"] == 3
    page = list_assets(api, mock.project_id)
    assert page["total"] == 5
    first = page["assets"][0]
    stored = httpx.get(
        api.get("/getSignedUrl", params={"url": first["data"]}).json()["data"]["signedUrl"]
    )
    assert stored.json() == conversations[0]
    assert page["assets"][4]["contextData"] == {"llmConfig": {"id": "llm1"}}


def test_chat_upload_checks_fields(api: httpx.Client, mock: MockServer) -> None:
    path = f"/project/{mock.project_id}/chat"
    bad_number = api.post(path, data={"numberOfConversations": "three"})
    assert bad_number.status_code == 400
    assert bad_number.json()["message"].startswith("body.numberOfConversations:")
    # Free text in the spec: conversations that are no JSON array count as none given, so
    # `numberOfConversations` empty ones are made; other JSON-text fields read leniently too.
    not_json = api.post(
        path,
        data={
            "conversations": "not json",
            "numberOfConversations": "2",
            "namingStrategy": "[1]",
            "llmConfig": "7",
        },
    )
    assert not_json.json()["data"]["assets"]["assetsCreated"] == 2, not_json.text
    mock.project.assets.clear()
    # The path decides; the SDK's form `projectId` is not compared with it (no source does).
    other_project = api.post(
        path, data={"projectId": "ffffffffffffffffffffffff", "numberOfConversations": "1"}
    )
    assert other_project.json()["data"]["assets"]["assetsCreated"] == 1
    assert mock.project.live_count() == 1
    assert api.post(path).json()["data"]["assets"]["assetsCreated"] == 0


def test_seeded_assets_are_listed_paged_and_deletable(
    api: httpx.Client, mock: MockServer, admin: httpx.Client
) -> None:
    response = admin.post(
        f"/projects/{mock.project_id}/seed", json={"count": 1000, "labeled": False}
    )
    assert response.status_code == 201
    first = response.json()["data"]["firstAssetId"]
    page = list_assets(api, mock.project_id, page=100, limit=10)
    assert page["total"] == 1000
    assert len(page["assets"]) == 10
    api.request("DELETE", f"/project/{mock.project_id}/assets", json={"assets": [first]})
    page = list_assets(api, mock.project_id, limit=1)
    assert page["total"] == 999
    assert page["assets"][0]["_id"] != first
    assert list_assets(api, mock.project_id, page=999, limit=1)["assets"]
    assert list_assets(api, mock.project_id, page=1000, limit=1)["assets"] == []
