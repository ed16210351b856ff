"""Every request the official SDK (imerit-ango 1.4.10) sends for the spec's operations conforms.

The SDK runs in its own venv (``.venv-sdk``) with its HTTP transport replaced by a recorder
(``sdk_capture.py``), so what is checked here is the SDK's own wire output, not a transcription.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import pytest

from tests.spec.spec_wire import (
    WireRequest,
    multipart_fields,
    operation_id_of,
    request_errors,
    wire_request,
)
from tests.support.sdk import run_sdk_script

# Heavy (a subprocess, a browser, a build or a fuzzer): not in `make test-fast`.
pytestmark = pytest.mark.slow

API_HOST = "https://imeritapi.ango.ai"
PROJECT = "507f1f77bcf86cd799439011"

# SDK call -> the spec operations its API requests go to, in order. `GET /v2/project/{id}`
# (get_project / get_batches, called by upload_files and for batch names) is outside the spec.
EXPECTED_CALLS = {
    "upload_files": ["getUploadUrl", "getUploadUrl", "importCloudAssets"],
    "upload_files_cloud": ["importCloudAssets"],
    "get_assets_default": ["listAssets"],
    "get_assets_filters": ["listAssets"],
    "delete_assets": ["deleteAssets"],
    "assign_batches": ["assignBatches"],
    "create_attachment": ["importAttachments"],
    "import_labels": ["importLabels"],
    "get_upload_url_assets": ["getUploadUrl"],
    "get_upload_url_brushes": ["getUploadUrl"],
    "get_upload_url_medicalBrushes": ["getUploadUrl"],
    "get_upload_url_exports": ["getUploadUrl"],
    "get_upload_url_instructions": ["getUploadUrl"],
    "get_upload_url_storage": ["getUploadUrl"],
    "get_signed_url": ["getSignedUrl"],
    "chat_with_file": ["uploadChatAssets"],
    "chat_without_file": ["uploadChatAssets"],
    "export_defaults": ["exportTasks"],
    "export_filtered": ["exportTasks"],
    "export_issues": ["exportTasks"],
    "export_stage": ["exportTasks"],
}


def _to_wire(captured: dict[str, Any]) -> WireRequest:
    return wire_request(
        captured["method"],
        captured["url"],
        list(captured["headers"].items()),
        base64.b64decode(captured["body_b64"]) or None,
    )


@pytest.fixture(scope="module")
def sdk_requests(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[WireRequest]]:
    """SDK call name -> the requests it sent to the API host, spec operations only."""
    workdir = tmp_path_factory.mktemp("sdk")
    script = Path(__file__).with_name("sdk_capture.py")
    by_call: dict[str, list[WireRequest]] = {}
    for captured in run_sdk_script(script, str(workdir)).out:
        if not captured["url"].startswith(f"{API_HOST}/v2/"):
            continue  # the raw upload to the signed storage URL
        if captured["url"].split("?")[0] == f"{API_HOST}/v2/project/{PROJECT}":
            continue  # get_project: not one of the spec's operations
        by_call.setdefault(captured["call"], []).append(_to_wire(captured))
    return by_call


def test_sdk_calls_were_all_captured(sdk_requests: dict[str, list[WireRequest]]) -> None:
    assert set(sdk_requests) == set(EXPECTED_CALLS)


@pytest.mark.parametrize("call", sorted(EXPECTED_CALLS))
def test_sdk_request_conforms(call: str, sdk_requests: dict[str, list[WireRequest]]) -> None:
    requests = sdk_requests[call]
    assert [operation_id_of(r) for r in requests] == EXPECTED_CALLS[call]
    for request in requests:
        assert dict(request.headers)["apikey"] == "sdk-test-key"
        assert request_errors(request) == [], f"{request.method} {request.path} {request.query}"


def _json(request: WireRequest) -> Any:
    assert request.body is not None
    return json.loads(request.body)


def test_sdk_forms_under_test(sdk_requests: dict[str, list[WireRequest]]) -> None:
    """The captures hold the forms that differ from the reference pages, so the conformance
    test above really covers them."""
    local = _json(sdk_requests["upload_files"][-1])
    assert local["uploadLocal"] == "true"
    assert local["assets"][0]["metadata"] is None
    assert local["assets"][0]["contextData"] is None
    cloud = sdk_requests["upload_files_cloud"][0]
    assert _json(cloud)["uploadLocal"] is None
    assert cloud.query == [("batches", '["65a1f0c2e4b0a1b2c3d4e5f7"]')]
    assert dict(sdk_requests["get_assets_default"][0].query)["filters"] == "{}"
    filters = json.loads(dict(sdk_requests["get_assets_filters"][0].query)["filters"])
    assert set(filters) == {"_id", "externalId", "isPreLabeled", "batches"}
    assert _json(sdk_requests["delete_assets"][0])["project"] == PROJECT
    assert set(_json(sdk_requests["assign_batches"][0])) == {"assets", "batches", "projectId"}
    assert set(_json(sdk_requests["import_labels"][0])) == {"project", "jsonContent"}
    signed = dict(sdk_requests["get_signed_url"][0].query)
    assert set(signed) == {"name", "project", "type", "storageId"}
    with_file = sdk_requests["chat_with_file"][0]
    assert with_file.content_type.startswith("multipart/form-data")
    assert "file" in dict(multipart_fields(with_file))
    without_file = sdk_requests["chat_without_file"][0]
    assert without_file.content_type == "application/x-www-form-urlencoded"
    defaults = dict(sdk_requests["export_defaults"][0].query)
    assert defaults["stage"] == '["Complete"]'
    assert defaults["taskTypes"] == '["default"]'
    filtered = dict(sdk_requests["export_filtered"][0].query)
    assert {"batches", "createdAt", "updatedAt"} <= set(filtered)
    assert filtered["format"] == "ndjson"


def test_sdk_capture_has_teeth(sdk_requests: dict[str, list[WireRequest]]) -> None:
    """The same SDK request with one value the spec forbids is rejected."""
    export = sdk_requests["export_defaults"][0]
    query = [(k, "maybe" if k == "sendEmail" else v) for k, v in export.query]
    broken = WireRequest(export.method, export.host_url, export.path, query, export.headers, None)
    assert "sendEmail" in "\n".join(request_errors(broken))
