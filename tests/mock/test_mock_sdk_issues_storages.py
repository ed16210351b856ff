"""The official SDK's issue and storage methods against a live mock, in a subprocess.

Every request the SDK sends is validated by the mock against openapi.yaml before it is
handled, so each 2xx answer below is also a request the spec accepts; the request log shows
which operation each went to.
"""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from ango_hub.mock.server import MockServer

from tests.support.sdk import run_sdk_script

# Heavy (a subprocess, a browser, a build or a fuzzer): not in `make test-fast`.
pytestmark = pytest.mark.slow

SCRIPT = Path(__file__).with_name("sdk_issues_storages_script.py")
SECRET = "sdk-s3cr3t-never-echoed-5a4b"
OPERATIONS = (
    "listIssues",
    "createIssue",
    "updateIssue",
    "deleteIssue",
    "commentOnIssue",
    "listStorages",
    "createStorage",
    "deleteStorage",
    "listStorageFiles",
    "fileExplorer",
)


def test_official_sdk_issues_and_storages(mock: MockServer) -> None:
    result = run_sdk_script(SCRIPT, mock.root_url, mock.api_key, mock.project_id, SECRET)
    out = result.out

    issue = out["create_issue"]["data"]["issue"]
    assert (issue["status"], issue["position"], issue["plane"], issue["page"]) == (
        "Open",
        "[10, 20]",
        "A",
        0,
    )
    assert issue["errorCodes"] == [{"category": "Geometry", "name": "Loose"}]
    assert out["create_object_issue"]["data"]["issue"]["objectId"] == "obj-1"
    assert len(out["get_issues"]["data"]["issue"]) == 2
    assert len(out["get_issues_filtered"]["data"]["issue"]) == 2
    updated = out["update_issue"]["data"]["issue"]
    assert (updated["status"], updated["content"]) == ("Resolved", "box far too loose")
    (comment,) = out["add_comment_to_issue"]["data"]["issue"]["comments"]
    assert comment["content"] == "agreed"
    assert out["delete_issue"]["data"]["issue"]["_id"] == issue["_id"]
    assert len(out["issues_after_delete"]["data"]["issue"]) == 1

    storage = out["create_storage"]["data"]["storage"]
    assert (storage["provider"], storage["type"], storage["region"]) == (
        "AWS",
        "aws",
        "eu-central-1",
    )
    assert out["create_storage_gcp"]["data"]["storage"]["type"] == "gcs"
    assert len(out["get_storages"]["data"]["storages"]) == 2
    assert out["get_storage"] == storage  # get_storages(id) returns the one storage
    (listed,) = out["list_storage_files"]["data"]["files"]
    assert listed["name"] == "cat.jpg"
    assert out["signed_download"] == "meow"
    assert [f["name"] for f in out["file_explorer"]["data"]["files"]] == ["cat.jpg"]
    assert out["file_explorer_upload"]["data"]["assetsCreated"] == 1
    assert out["upload_files_with_storage"]["data"]["assets"]["assetsCreated"] == 1
    assert out["delete_storage"]["data"]["storage"]["_id"] == storage["_id"]
    assert len(out["storages_after_delete"]["data"]["storages"]) == 1

    counts = mock.requests.counts
    for operation in OPERATIONS:
        assert counts[operation] >= 1, operation
    refused = [
        e for e in mock.requests.entries if e["operation"] in OPERATIONS and e["status"] >= 300
    ]
    assert refused == []
    assert "/v2/storages/" in {e["path"] for e in mock.requests.entries}  # the SDK's slash

    # The secret went in twice and came out nowhere.
    log = httpx.get(f"{mock.root_url}/_mock/requests", headers={"apikey": mock.api_key}).text
    assert SECRET not in result.stdout + result.stderr + log
    assert SECRET not in repr(mock.state.storages)
