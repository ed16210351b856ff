"""The official SDK (imerit-ango, in .venv-sdk) against a live mock, in a subprocess.

`make install` creates .venv-sdk; a missing one is a broken checkout, so this test fails rather
than skips.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from ango_hub.mock.server import MockServer

from tests.support.sdk import run_sdk_script

# Heavy (a subprocess, a browser, a build or a fuzzer): not in `make test-fast`.
pytestmark = pytest.mark.slow

SCRIPT = Path(__file__).with_name("sdk_script.py")


def test_official_sdk_round_trip(mock: MockServer, tmp_path: Path) -> None:
    result = run_sdk_script(SCRIPT, mock.root_url, mock.api_key, mock.project_id, str(tmp_path))
    out = result.out

    # list_projects: the key's organisation's one project.
    listed = out["list_projects"]["data"]
    assert (listed["total"], listed["projects"][0]["_id"]) == (1, mock.project_id)
    # upload_files: get_project + getUploadUrl + PUT + cloud import; the bytes are stored.
    assert out["upload_files"]["data"]["assets"]["assetsCreated"] == 1
    assert out["uploaded_asset_data"].startswith(
        f"{mock.root_url}/_storage/{mock.project_id}/assets/"
    )
    assert out["signed_download"].encode("latin-1") == b"\xff\xd8\xff-fake-jpeg-bytes"
    # Cloud import into a batch named through the SDK's compat calls; batch filter finds it.
    assert out["upload_files_cloud"]["data"]["assets"]["assetsCreated"] == 1
    assert mock.project.batches[out["batch_id"]].name == "batch-a"
    assert out["filtered_by_batch"] == 1
    assert out["assign_batches"]["data"]["assets"]["modifiedCount"] == 1
    assert out["create_attachment"]["data"]["project"] == {
        "attachmentsImported": 1,
        "assetsUpdated": 1,
    }
    assert out["import_labels"]["data"]["project"] == "1 / 1 tasks are labeled."
    assert out["prelabeled_total"] == 1
    assert out["chat_file"]["data"]["assets"]["assetsCreated"] == 2
    assert out["chat_empty"]["data"]["assets"]["assetsCreated"] == 3
    # exportV3: /export with the SDK's defaults (stage ["Complete"]), downloaded without a key.
    (done,) = out["export_complete"]
    assert done["externalId"] == "dog-1"
    assert done["task"]["classifications"] == [{"schemaId": "c1"}]
    assert done["attachments"] == [{"type": "pdf", "value": "https://example.com/a.pdf"}]
    assert done["batches"] == ["batch-a"]
    assert out["export_all_stages"] == 7
    assert out["export_time_filtered"] == 7
    assert out["export_batch_filtered"] == 1
    assert out["delete_assets"]["data"] == {"deleted": 1, "failed": 0}
    assert out["total_after_delete"] == 6
    # What the SDK sent, as the mock saw it (operationIds from openapi.yaml, compat paths).
    counts = mock.requests.counts
    for operation in (
        "getUploadUrl",
        "getSignedUrl",
        "importCloudAssets",
        "listAssets",
        "assignBatches",
        "importAttachments",
        "importLabels",
        "uploadChatAssets",
        "exportTasks",
        "deleteAssets",
    ):
        assert counts[operation] >= 1, operation
    assert counts["getProject"] >= 1
    assert counts["createBatches"] >= 1
