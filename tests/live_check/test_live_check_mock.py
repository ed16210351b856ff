"""The live check against the mock: a clean run, planted differences, cleanup after failures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from ango_hub.live_check import Mode
from ango_hub.mock.server import MockServer
from live_check_helpers import SPEC, check, differences, edited_spec, spec_operation_ids

# Heavy (a subprocess, a browser, a build or a fuzzer): not in `make test-fast`.
pytestmark = pytest.mark.slow

WRITES = {
    "createProject",
    "updateProject",
    "createBatches",
    "cloneProject",
    "purgeProject",
    "deleteProject",
    "importCloudAssets",
    "uploadChatAssets",
    "updateAsset",
    "assignBatches",
    "importAttachments",
    "importLabels",
    "deleteAssets",
    "addProjectMembers",
    "uploadInstructions",
    "updateLabelValidation",
    "rerunWebhook",
    "createAssetBuilderTemplate",
    "createIssue",
    "updateIssue",
    "commentOnIssue",
    "deleteIssue",
    "createStorage",
    "listStorageFiles",  # on the run's own storage when the organisation has none
    "fileExplorer",
    "deleteStorage",
    "updateOrganizationMemberRoles",
    "removeOrganizationMembers",
    "inviteOrganizationMembers",
    "deleteOrganizationInvites",
    "createLlm",
    "deleteLlm",
    "sendNotification",
    "postPluginLog",
    "postPluginResponse",
    "assignTasks",
    "annotateTask",
    "reviewTask",
    "requeueTasks",
    "updateTasksPriority",
    "setTasksBenchmark",
}


def test_clean_write_run_agrees_and_removes_everything(ango_hub_mock: MockServer) -> None:
    before = ango_hub_mock.project.live_count()
    report = check(ango_hub_mock)

    assert differences(report) == []
    assert report.ok
    assert report.aborted is None
    every = spec_operation_ids(yaml.safe_load(SPEC.read_text()))
    assert {op.operation_id for op in report.operations if op.outcome == "checked"} == every
    assert all(op.request_valid and op.response_valid for op in report.operations)
    # The mock itself saw every operation of the spec.
    assert every <= set(ango_hub_mock.requests.counts)
    # Every deliberately bad request was refused with a 4xx.
    assert report.probes
    assert all(400 <= p["status"] < 500 for p in report.probes)
    # 3 cloud assets + 1 chat asset, all gone; only what no operation deletes remains (the
    # batches, the asset builder template, the instructions file), reported as leftovers.
    assert len(report.removed) == 4
    assert ango_hub_mock.project.live_count() == before
    kinds = {item.kind for item in report.leftovers}
    assert kinds == {"batch", "builder template", "instructions"}
    (template,) = ango_hub_mock.project.asset_builder_templates
    assert any(item.name == template["name"] for item in report.leftovers)
    # Members and label validation are as before: the steps change nothing there.
    owner = f"owner@{ango_hub_mock.project.organization_id}.mock.invalid"
    assert ango_hub_mock.project.members == {owner: "Manager"}
    assert ango_hub_mock.project.label_validation["customValidationEnabled"] is False


def test_read_only_run_sends_no_write(ango_hub_mock: MockServer) -> None:
    ango_hub_mock.seed(3, labeled=True)
    report = check(ango_hub_mock, Mode.READ)

    assert report.ok, report.to_text()
    outcomes = {op.operation_id: op.outcome for op in report.operations}
    assert {op for op, outcome in outcomes.items() if outcome == "skipped"} == WRITES
    assert not WRITES & set(ango_hub_mock.requests.counts)
    assert ango_hub_mock.project.live_count() == 3
    assert report.removed == []
    assert report.leftovers == []


def test_planted_required_response_field_is_the_only_difference(
    ango_hub_mock: MockServer, tmp_path: Path
) -> None:
    def require_expiry(spec: dict) -> None:
        spec["components"]["schemas"]["UploadUrl"]["required"] = ["uploadUrl", "expiresAt"]

    report = check(ango_hub_mock, spec=edited_spec(tmp_path, require_expiry))

    omitted = (
        "required field omitted body.data.expiresAt (in components/schemas/UploadUrl); paste:\n"
        "required: [uploadUrl]\nx-source: observed  # the server's answer had no expiresAt"
    )
    assert differences(report) == [
        ("getUploadUrl", "response", "201 response.data: 'expiresAt' is a required property"),
        ("getUploadUrl", "fidelity", omitted),
    ]
    assert not report.ok
    assert ango_hub_mock.project.live_count() == 0  # still cleaned up


def test_planted_enum_change_is_reported_on_the_requests_that_use_it(
    ango_hub_mock: MockServer, tmp_path: Path
) -> None:
    def drop_json_format(spec: dict) -> None:
        spec["components"]["schemas"]["ExportFormat"]["enum"] = ["ndjson", "split"]

    report = check(ango_hub_mock, spec=edited_spec(tmp_path, drop_json_format))

    detail = "query.format: 'json' is not one of ['ndjson', 'split']"
    assert differences(report) == [
        ("exportTasks", "request", detail),
        ("exportTasksV3", "request", detail),
    ]
    text = report.to_text()
    assert f"exportTasks [request] {detail}" in text
    assert "FAILED (2 difference(s))" in text


def test_spec_that_stops_rejecting_a_probe_is_reported(
    ango_hub_mock: MockServer, tmp_path: Path
) -> None:
    def lift_limit(spec: dict) -> None:
        for param in spec["paths"]["/project/{projectId}/assets"]["get"]["parameters"]:
            if param.get("name") == "limit":
                del param["schema"]["maximum"]

    report = check(ango_hub_mock, Mode.READ, spec=edited_spec(tmp_path, lift_limit))

    assert differences(report) == [
        ("listAssets", "rejection", "the spec accepts the bad request (out of range: limit=500)")
    ]


def test_reshape_fault_is_reported_as_that_field(ango_hub_mock: MockServer) -> None:
    ango_hub_mock.add_fault("reshape", operation="listAssets", remove="data.total")

    report = check(ango_hub_mock)

    found = differences(report)
    assert {(op, kind) for op, kind, _ in found} == {("listAssets", "response")}
    assert [d for _, _, d in found] == ["200 response.data: 'total' is a required property"]
    listing = next(op for op in report.operations if op.operation_id == "listAssets")
    assert listing.differences[0].count == listing.calls - 2  # all but the two refused probes
    assert ango_hub_mock.project.live_count() == 0


def test_cleanup_is_complete_after_a_failure_halfway(ango_hub_mock: MockServer) -> None:
    # importLabels creates data, so a dropped connection is not retried: the run stops there.
    ango_hub_mock.add_fault("drop", operation="importLabels")

    report = check(ango_hub_mock)

    assert report.aborted is not None
    assert report.aborted.startswith("importLabels")
    assert not report.ok
    assert ango_hub_mock.project.live_count() == 0
    assert len(report.removed) == 4
    assert not report.cleanup_failed
    outcomes = {op.operation_id: (op.outcome, op.note) for op in report.operations}
    assert outcomes["exportTasks"] == ("not called", "not reached: the run stopped early")
    # Nothing was exported or probed after the failure.
    assert "exportTasks" not in ango_hub_mock.requests.counts


def test_cleanup_that_fails_lists_what_is_left(ango_hub_mock: MockServer) -> None:
    ango_hub_mock.add_fault("server_error", operation="deleteAssets", status=503)

    report = check(ango_hub_mock, max_retries=0)

    assert report.cleanup_failed
    assert not report.ok
    left = [item for item in report.leftovers if item.kind == "asset"]
    assert len(left) == 4  # 3 cloud assets (the explicit delete failed too) + 1 chat asset
    assert all("deleteAssets failed: InternalServerError: 503" in item.reason for item in left)
    assert ango_hub_mock.project.live_count() == 4
    text = report.to_text()
    assert text.count("left behind: asset") == 4


def test_rate_limit_answers_are_waited_out_and_checked(ango_hub_mock: MockServer) -> None:
    ango_hub_mock.add_fault("rate_limit", operation="listAssets", nth=1, retry_after=1)
    # The second exportTasks call is the bad-request probe (format=xml): sent again after 429.
    ango_hub_mock.add_fault("rate_limit", operation="exportTasks", nth=2, retry_after=1)

    report = check(ango_hub_mock, Mode.READ)

    assert report.ok, report.to_text()
    for operation in ("listAssets", "exportTasks"):
        result = next(op for op in report.operations if op.operation_id == operation)
        assert 429 in result.statuses  # the 429 answer was validated against the spec too
    probe = next(p for p in report.probes if p["what"] == "wrong enum: format=xml")
    assert probe["status"] == 400
    assert ango_hub_mock.requests.counts["exportTasks"] == 3  # the step, the probe twice


def test_an_operation_without_coverage_fails_the_run(
    ango_hub_mock: MockServer, tmp_path: Path
) -> None:
    def add_operation(spec: dict) -> None:
        listing = spec["paths"]["/project/{projectId}/assets"]["get"]
        spec["paths"]["/listProjectsPlanted"] = {
            "get": {**listing, "operationId": "listProjectsPlanted", "parameters": []}
        }

    report = check(ango_hub_mock, Mode.READ, spec=edited_spec(tmp_path, add_operation))

    assert differences(report) == [
        (
            "listProjectsPlanted",
            "coverage",
            "no live-check coverage: add a Coverage entry in ango_hub/live_check/plan.py",
        )
    ]


def test_report_never_shows_the_key_or_a_signature(
    ango_hub_mock: MockServer, tmp_path: Path
) -> None:
    def upload_url_is_a_number(spec: dict) -> None:
        spec["components"]["schemas"]["UploadUrl"]["properties"]["uploadUrl"] = {"type": "integer"}

    report = check(ango_hub_mock, Mode.READ, spec=edited_spec(tmp_path, upload_url_is_a_number))

    (found,) = differences(report)
    assert found[0] == "getUploadUrl"
    assert "is not of type 'integer'" in found[2]
    assert "/_storage/" in found[2]  # the URL is quoted, cut at its query
    for text in (report.to_text(), report.to_json()):
        assert ango_hub_mock.api_key not in text
        assert "signature=" not in text
        assert "expires=" not in text
    assert json.loads(report.to_json())["ok"] is False


def test_assets_it_did_not_create_are_never_deleted(ango_hub_mock: MockServer) -> None:
    # Someone else's assets already sit in the batch the run would use for its chat asset: the
    # run must not upload into it, nor delete by it.
    run_id = "fixed-run"
    ango_hub_mock.state.seed(
        ango_hub_mock.project, 2, False, [f"ango-hub-live-check-{run_id}-chat"]
    )
    ango_hub_mock.seed(5)

    report = check(ango_hub_mock, run_id=run_id)

    assert ango_hub_mock.project.live_count() == 7  # the run's 3 cloud assets are gone
    assert "uploadChatAssets" not in ango_hub_mock.requests.counts
    chat = next(op for op in report.operations if op.operation_id == "uploadChatAssets")
    assert chat.outcome == "not called"
    assert [d.detail for d in chat.differences] == [
        "the library call failed: LookupError: listAssets batches=ango-hub-live-check-"
        "fixed-run-chat: lists assets in a batch not yet used",
        "its live-check step sent no request",
    ]
    assert len(report.removed) == 3


def test_planted_multipart_requirement_is_reported(
    ango_hub_mock: MockServer, tmp_path: Path
) -> None:
    def require_conversations(spec: dict) -> None:
        spec["components"]["schemas"]["ChatUploadMultipart"]["allOf"][1]["required"] = [
            "conversations"
        ]

    report = check(ango_hub_mock, spec=edited_spec(tmp_path, require_conversations))

    assert differences(report) == [
        ("uploadChatAssets", "request", "body: 'conversations' is a required property")
    ]
