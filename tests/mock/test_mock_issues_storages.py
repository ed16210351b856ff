"""Issues and storages on the mock: state, filters, organisations, write-only secrets."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from ango_hub.mock import MockConfig
from ango_hub.mock.server import MockServer
from ango_hub.testing import run_mock_server
from mock_helpers import assert_conforms, import_assets, list_assets

KEY_A, KEY_B = "key-a", "key-b"
PROJECT_A, PROJECT_B = "a" * 24, "b" * 24
SECRET = "s3cr3t-Wr1te-0nly-9f8e7d"


def _client(base_url: str, key: str) -> httpx.Client:
    return httpx.Client(
        base_url=base_url, headers={"apikey": key}, event_hooks={"response": [assert_conforms]}
    )


@pytest.fixture
def two_orgs() -> Iterator[tuple[MockServer, httpx.Client, httpx.Client]]:
    config = MockConfig.from_keys_and_projects([KEY_A, KEY_B], [PROJECT_A, PROJECT_B])
    with (
        run_mock_server(config=config) as mock,
        _client(mock.base_url, KEY_A) as a,
        _client(mock.base_url, KEY_B) as b,
    ):
        yield mock, a, b


def _tasks(api: httpx.Client, project: str, *external_ids: str) -> list[str]:
    import_assets(
        api, project, *({"data": f"https://e.x/{e}.jpg", "externalId": e} for e in external_ids)
    )
    assets = list_assets(api, project, limit=100)["assets"]
    by_external = {a["externalId"]: a["labelTasks"][0] for a in assets}
    return [by_external[e] for e in external_ids]


def _ok(response: httpx.Response) -> dict[str, Any]:
    assert response.status_code == 200, response.text
    data: dict[str, Any] = response.json()["data"]
    return data


def test_issue_lifecycle_filters_and_author(
    two_orgs: tuple[MockServer, httpx.Client, httpx.Client],
) -> None:
    mock, a, b = two_orgs
    t1, t2 = _tasks(a, PROJECT_A, "one", "two")
    owner = f"owner@{mock.state.key_to_org[KEY_A]}.mock.invalid"
    first = _ok(
        a.post("/issues", json={"labelTask": t1, "content": "box too big", "position": "[1, 2]"})
    )["issue"]
    assert (first["status"], first["createdBy"], first["project"], first["labelTask"]) == (
        "Open",
        owner,
        PROJECT_A,
        t1,
    )
    assert first["position"] == "[1, 2]"
    assert first["stage"] == "Start"
    second = _ok(a.post("/issues", json={"labelTask": t2, "content": "wrong class"}))["issue"]

    listed = _ok(a.get("/issues", params={"project": PROJECT_A}))["issue"]
    assert [i["_id"] for i in listed] == [second["_id"], first["_id"]]  # newest first
    assert [i["_id"] for i in _ok(a.get("/issues", params={"labelTask": t1}))["issue"]] == [
        first["_id"]
    ]
    assert _ok(a.get("/issues", params={"limit": 1, "page": 2}))["issue"][0]["_id"] == first["_id"]
    assert _ok(a.get("/issues", params={"createdBy": "someone@else"}))["issue"] == []
    assert len(_ok(a.get("/issues", params={"stage": "Start", "createdBy": owner}))["issue"]) == 2

    resolved = _ok(a.post(f"/issues/{first['_id']}", json={"status": "Resolved"}))["issue"]
    assert (resolved["status"], resolved["resolvedBy"]) == ("Resolved", owner)
    assert [i["_id"] for i in _ok(a.get("/issues", params={"status": "Open"}))["issue"]] == [
        second["_id"]
    ]
    reopened = _ok(a.post(f"/issues/{first['_id']}", json={"status": "Open", "content": "again"}))[
        "issue"
    ]
    assert (reopened["status"], reopened["content"]) == (
        "Open",
        "again",
    )
    assert "resolvedBy" not in reopened

    commented = _ok(
        a.post(
            f"/issues/{second['_id']}/comment",
            json={"content": "fixed", "contentMentions": ["x@y.z"]},
        )
    )
    (comment,) = commented["issue"]["comments"]
    assert (comment["content"], comment["createdBy"]) == ("fixed", owner)
    assert comment["contentMentions"] == [{"userEmail": "x@y.z"}]
    assert comment["createdAt"]

    # Another organisation sees none of it and cannot touch it.
    assert _ok(b.get("/issues"))["issue"] == []
    assert b.get("/issues", params={"project": PROJECT_A}).status_code == 404
    assert b.post(f"/issues/{first['_id']}", json={"status": "Closed"}).status_code == 404
    assert b.post(f"/issues/{first['_id']}/comment", json={"content": "x"}).status_code == 404
    assert b.delete(f"/issues/{first['_id']}").status_code == 404
    assert b.post("/issues", json={"labelTask": t1, "content": "x"}).status_code == 404

    assert a.delete(f"/issues/{first['_id']}", params={"project": PROJECT_B}).status_code == 404
    assert (
        _ok(a.delete(f"/issues/{first['_id']}", params={"project": PROJECT_A}))["issue"]["_id"]
        == first["_id"]
    )
    assert [i["_id"] for i in _ok(a.get("/issues"))["issue"]] == [second["_id"]]
    assert a.delete(f"/issues/{first['_id']}").status_code == 404


def test_issue_bad_input_names_the_field(api: httpx.Client, mock: MockServer) -> None:
    (task,) = _tasks(api, mock.project_id, "t")
    bad_status = api.get("/issues", params={"status": "Done"})
    assert bad_status.status_code == 400
    assert "status" in bad_status.json()["message"]
    assert "Resolved" in bad_status.json()["message"]
    no_task = api.post("/issues", json={"content": "x"})
    assert no_task.status_code == 400
    assert "labelTask" in no_task.json()["message"]
    unknown = api.post("/issues", json={"labelTask": "f" * 24, "content": "x"})
    assert unknown.status_code == 404
    assert "labelTask" in unknown.json()["message"]
    # The SDK's own rule (objectId or a location) is the client's: the mock keeps both.
    both = api.post("/issues", json={"labelTask": task, "content": "x", "objectId": "o", "page": 1})
    assert (_ok(both)["issue"]["objectId"], _ok(both)["issue"]["page"]) == ("o", 1)
    plane = api.post("/issues", json={"labelTask": task, "content": "x", "plane": "Z"})
    assert plane.status_code == 400
    assert "plane" in plane.json()["message"]
    assert "'A'" in plane.json()["message"]


def test_storages_are_the_organisations_and_keep_no_secret(
    two_orgs: tuple[MockServer, httpx.Client, httpx.Client],
) -> None:
    mock, a, b = two_orgs
    docs = _ok(
        a.post(
            "/storages",
            json={
                "name": "S3",
                "type": "aws",
                "bucket": "bkt",
                "region": "us-east-1",
                "credentials": {"accessKeyId": "AKIA-public", "secretAccessKey": SECRET},
            },
        )
    )["storage"]
    assert (docs["type"], docs["provider"], docs["bucket"]) == ("aws", "AWS", "bkt")
    sdk = a.post(
        "/storages/",
        json={  # the official SDK's form and trailing slash
            "name": "GCS",
            "provider": "GCP",
            "publicKey": None,
            "privateKey": SECRET,
            "region": "eu-central-1",
            "credentials": f'{{"private_key": "{SECRET}"}}',
        },
    )
    assert sdk.status_code == 200, sdk.text
    gcs = sdk.json()["data"]["storage"]
    assert (gcs["type"], gcs["provider"]) == ("gcs", "GCP")
    listed = _ok(a.get("/storages"))["storages"]
    assert [s["_id"] for s in listed] == [docs["_id"], gcs["_id"]]
    assert _ok(a.get("/storages", params={"_id": gcs["_id"]}))["storages"] == [gcs]
    assert _ok(a.get("/storages", params={"limit": 1, "page": 2}))["storages"] == [gcs]
    assert _ok(b.get("/storages"))["storages"] == []
    assert b.delete(f"/storages/{docs['_id']}").status_code == 404
    assert b.get(f"/storages/{docs['_id']}/files").status_code == 404

    mismatch = a.post(
        "/storages", json={"name": "x", "type": "aws", "provider": "GCP", "privateKey": SECRET}
    )
    assert _ok(mismatch)["storage"]["provider"] == "AWS"  # `type` decides
    bad_type = a.post("/storages", json={"name": "x", "type": "s3", "credentials": {"k": SECRET}})
    assert bad_type.status_code == 400
    assert "aws" in bad_type.json()["message"]
    neither = a.post("/storages", json={"name": "x", "privateKey": SECRET})
    assert neither.status_code == 400
    assert "provider, type" in neither.json()["message"]
    bad_credentials = a.post(
        "/storages", json={"name": "x", "type": "aws", "credentials": [SECRET, 1]}
    )
    assert bad_credentials.status_code == 400
    assert "credentials" in bad_credentials.json()["message"]

    assert _ok(a.delete(f"/storages/{gcs['_id']}"))["storage"]["_id"] == gcs["_id"]
    left = [s["_id"] for s in _ok(a.get("/storages"))["storages"]]
    assert left == [docs["_id"], _ok(mismatch)["storage"]["_id"]]
    log = httpx.get(f"{mock.root_url}/_mock/requests", headers={"apikey": KEY_A}).text
    for answer in (sdk, mismatch, bad_type, neither, bad_credentials):
        assert SECRET not in answer.text
    assert SECRET not in log
    assert "/v2/storages/" in log
    assert SECRET not in repr(mock.state.storages)


def test_storage_files_are_the_mock_storage_and_sign(api: httpx.Client, mock: MockServer) -> None:
    storage = _ok(
        api.post(
            "/storages", json={"name": "S3", "type": "aws", "bucket": "bkt", "credentials": {}}
        )
    )["storage"]
    upload = api.get("/getUploadUrl", params={"name": "cat.jpg", "project": mock.project_id})
    assert httpx.put(upload.json()["data"]["uploadUrl"], content=b"meow").status_code == 200
    listing = _ok(
        api.get(
            f"/storages/{storage['_id']}/files",
            params={"bucketName": "bkt", "path": mock.project_id},
        )
    )
    (item,) = listing["files"]
    assert (item["key"], item["name"], item["size"]) == (
        f"{mock.project_id}/assets/cat.jpg",
        "cat.jpg",
        4,
    )
    assert httpx.get(item["signedUrl"]).content == b"meow"
    signed = api.get("/getSignedUrl", params={"url": item["url"], "storageId": storage["_id"]})
    assert httpx.get(signed.json()["data"]["signedUrl"]).content == b"meow"
    unsigned = _ok(api.get(f"/storages/{storage['_id']}/files", params={"getSignedUrls": "false"}))
    assert "signedUrl" not in unsigned["files"][0]
    assert (
        _ok(api.get(f"/storages/{storage['_id']}/files", params={"path": "nothing/"}))["files"]
        == []
    )
    wrong_bucket = api.get(f"/storages/{storage['_id']}/files", params={"bucketName": "other"})
    assert wrong_bucket.status_code == 404
    assert "bucketName" in wrong_bucket.json()["message"]

    root = _ok(api.post("/file-explorer", json={"bucket": "bkt", "storageId": storage["_id"]}))
    assert root["folders"] == [mock.project_id]
    assert root["files"] == []
    folder = f"{mock.project_id}/assets"
    found = _ok(
        api.post(
            "/file-explorer",
            json={
                "bucket": "bkt",
                "storageId": storage["_id"],
                "folder": folder,
                "extensions": [".jpg"],
            },
        )
    )
    assert [f["name"] for f in found["files"]] == ["cat.jpg"]
    assert found["assetsCreated"] == 0
    none = _ok(
        api.post(
            "/file-explorer",
            json={
                "bucket": "bkt",
                "storageId": storage["_id"],
                "folder": folder,
                "files": ["dog.jpg"],
            },
        )
    )
    assert none["files"] == []
    imported = _ok(
        api.post(
            "/file-explorer",
            json={
                "bucket": "bkt",
                "storageId": storage["_id"],
                "folder": folder,
                "upload": True,
                "projectId": mock.project_id,
                "batches": ["from-storage"],
            },
        )
    )
    assert imported["assetsCreated"] == 1
    (asset,) = list_assets(api, mock.project_id)["assets"]
    assert asset["data"] == item["url"]
    assert len(asset["batches"]) == 1
    no_project = api.post(
        "/file-explorer", json={"bucket": "bkt", "storageId": storage["_id"], "upload": True}
    )
    assert no_project.status_code == 400
    assert "projectId" in no_project.json()["message"]
    assert (
        api.post("/file-explorer", json={"bucket": "bkt", "storageId": "f" * 24}).status_code == 404
    )
