"""The official SDK's project setup and figures calls against the mock, every exchange checked
against openapi.yaml. `make install` creates .venv-sdk; a missing one fails the test (a broken
checkout), it is not skipped."""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path
from typing import Any

import pytest
from ango_hub.mock import validation
from ango_hub.mock.api import routed_path
from ango_hub.mock.server import MockServer

from tests.support.sdk import run_sdk_script

# Heavy (a subprocess, a browser, a build or a fuzzer): not in `make test-fast`.
pytestmark = pytest.mark.slow

SCRIPT = Path(__file__).with_name("sdk_project_setup_and_figures_script.py")
OPERATIONS = {
    "addProjectMembers",
    "uploadInstructions",
    "updateLabelValidation",
    "rerunWebhook",
    "createAssetBuilderTemplate",
    "getProjectMetrics",
    "getProjectPerformance",
}


def _run_sdk(mock: MockServer, workdir: Path) -> dict[str, Any]:
    result = run_sdk_script(SCRIPT, mock.root_url, mock.api_key, mock.project_id, str(workdir))
    out: dict[str, Any] = result.out
    return out


def _check_exchange(exchange: dict[str, Any]) -> str | None:
    """The operation of a spec exchange, after checking request and answer against the spec
    (None for the SDK's calls outside the spec, such as its batch lookups)."""
    path = routed_path(exchange["path"])  # the SDK's `/v2//project/...` is the spec's path
    operation = validation.operation_for(exchange["method"], path)
    if operation is None:
        return None
    request = validation.WireRequest(
        method=exchange["method"],
        path=path,
        query=[tuple(p.split("=", 1)) for p in exchange["query"].split("&") if p],  # type: ignore[misc]
        headers={"apikey": "checked-by-the-mock"},  # without it openapi-core reads no parameters
        body=base64.b64decode(exchange["request_body"]) or None,
        content_type=exchange["request_type"] or "application/octet-stream",
    )
    if not validation.is_form(request.content_type):  # multipart: checked by the mock itself
        assert validation.validate_request(request).operation_id == operation
    response = validation.WireResponse(
        status_code=exchange["status"],
        data=base64.b64decode(exchange["response_body"]),
        content_type=exchange["response_type"],
        headers={},
    )
    errors = validation.response_errors(request, response)
    assert not errors, f"{exchange['method']} {exchange['path']}: {errors}"
    return operation


def test_official_sdk_project_setup_and_figures(mock: MockServer, tmp_path: Path) -> None:
    out = _run_sdk(mock, tmp_path)
    project = mock.project

    members = out["add_members_again"]["data"]["assignedTo"]
    owner = f"owner@{project.organization_id}.mock.invalid"
    assert members == [  # `assignee` as the vendor's Projects page names it, `user` as before
        {"assignee": who, "user": who, "role": role}
        for who, role in [
            (owner, "Manager"),
            ("labeler@example.com", "Labeler"),
            ("reviewer@example.com", "Reviewer"),
        ]
    ]
    assert project.members == {
        owner: "Manager",
        "labeler@example.com": "Labeler",
        "reviewer@example.com": "Reviewer",
    }

    guide = b"%PDF-1.4 instructions " * 500
    first = out["upload_instructions"]["data"]["instructions"]
    assert (first["fileName"], first["contentType"], first["size"]) == (
        "guide.pdf",
        "application/octet-stream",  # the SDK sends the part without a type
        len(guide),
    )
    assert first["sha256"] == hashlib.sha256(guide).hexdigest()
    assert project.instructions is not None
    assert (project.instructions["storageId"], project.instructions["bucket"]) == ("st-1", "guides")

    validation_after = out["update_label_validation_empty"]["data"]["labelValidation"]
    assert validation_after["customValidationEnabled"] is True
    assert validation_after["validationFunction"] == "return true;"

    rerun = out["rerun_webhook"]["data"]
    assert (rerun["stageId"], rerun["tasks"]) == ("Start", 2)

    template = out["create_asset_builder_template"]["data"]["template"]
    assert template["selectedExternalId"] == "sku"
    assert template["dataConfig"]["image"] == {
        "type": "image",
        "includeInExport": False,
        "storage": "Public",
    }
    assert [t["_id"] for t in project.asset_builder_templates] == [template["_id"]]
    # The SDK reads them back from its project (get_asset_builder_templates).
    assert out["get_asset_builder_templates"] == [template]
    assert out["project_instructions"] == project.instructions["url"]

    metrics = {name: answer["data"] for name, answer in out["get_metrics"].items()}
    assert len(metrics) == 6
    stages = {g["key"]: g["count"] for g in metrics["LabelStageGroups"]["groups"]}
    assert stages == {"Start": 2, "Complete": 1}
    assert {g["key"]: g["count"] for g in metrics["AnswerDistribution"]["groups"]} == {"c=yes": 1}

    everything = out["get_project_performance"]["data"]["performance"]
    assert (everything["tasks"], everything["completed"], everything["labeled"]) == (3, 1, 1)
    window = out["get_project_performance_window"]["data"]["performance"]
    assert window["tasks"] == 3
    assert window["from"] is not None
    assert out["get_project_performance_past"]["data"]["performance"]["tasks"] == 0

    seen = {_check_exchange(e) for e in out["exchanges"]}
    assert seen >= OPERATIONS
    assert any(e["path"].startswith("/v2//project/") for e in out["exchanges"])
    assert all(e["status"] < 400 for e in out["exchanges"])
