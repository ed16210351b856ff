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
    # The one asset deleteAssets removed; the rest went with the run's project. Left: only what
    # no operation deletes (the plugin log line and response), each with its manual step.
    assert len(report.removed) == 1
    assert ango_hub_mock.project.live_count() == before
    assert [p.id for p in ango_hub_mock.state.projects.values()] == [ango_hub_mock.project_id]
    assert {(item.kind, item.name) for item in report.leftovers} == {
        ("plugin log", f"ango-hub-live-check-{report.run_id}"),
        ("plugin response", f"ango-hub-live-check-{report.run_id}"),
    }
    assert all(item.manual_step for item in report.leftovers)
    # The user's project is as before: the steps wrote only in the run's own project.
    owner = f"owner@{ango_hub_mock.project.organization_id}.mock.invalid"
    assert ango_hub_mock.project.members == {owner: "Manager"}
    assert ango_hub_mock.project.label_validation["customValidationEnabled"] is False
    assert ango_hub_mock.project.instructions is None
    assert ango_hub_mock.project.asset_builder_templates == []
    assert ango_hub_mock.project.batches == {}


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
    # The response check names the field; the fidelity probe reports it as omitted too.
    assert {(op, kind) for op, kind, _ in found} == {
        ("listAssets", "response"),
        ("listAssets", "fidelity"),
    }
    assert [d for _, kind, d in found if kind == "response"] == [
        "200 response.data: 'total' is a required property"
    ]
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
    # The run's project (and its assets) is gone; the user's project was never written to.
    assert [p.id for p in ango_hub_mock.state.projects.values()] == [ango_hub_mock.project_id]
    assert ango_hub_mock.project.live_count() == 0
    assert not report.cleanup_failed
    assert report.leftovers == []  # it stopped before the plugin calls
    outcomes = {op.operation_id: (op.outcome, op.note) for op in report.operations}
    assert outcomes["exportTasks"] == ("not called", "not reached: the run stopped early")
    # Nothing was exported or probed after the failure.
    assert "exportTasks" not in ango_hub_mock.requests.counts


def test_cleanup_that_fails_lists_what_is_left(ango_hub_mock: MockServer) -> None:
    ango_hub_mock.add_fault("server_error", operation="deleteProject", status=503)

    report = check(ango_hub_mock, max_retries=0)

    assert report.cleanup_failed
    assert not report.ok
    left = {(item.kind, item.name): item for item in report.leftovers}
    name = f"ango-hub-live-check-{report.run_id}-project"
    project = left["project", name]
    assert project.reason.startswith("deleteProject failed: InternalServerError: 503")
    assert project.manual_step.startswith("delete the project in Ango Hub")
    still = [p for p in ango_hub_mock.state.projects.values() if p.name == name]
    assert project.id == still[0].id
    # What is inside it is listed too, to be removed with it.
    assert left["template", f"ango-hub-live-check-{report.run_id}-template"].manual_step == (
        f"delete {name}"
    )
    assert text_has_each(report.to_text(), [f"left behind: project {name} (ID {project.id})"])


def text_has_each(text: str, parts: list[str]) -> bool:
    return all(part in text for part in parts)


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


def test_assets_it_did_not_create_are_never_touched(ango_hub_mock: MockServer) -> None:
    # Someone else's assets already sit in the user's project, some in a batch named like the
    # run's chat batch: write mode never writes there, so none is touched.
    run_id = "fixed-run"
    ango_hub_mock.state.seed(
        ango_hub_mock.project, 2, False, [f"ango-hub-live-check-{run_id}-chat"]
    )
    ango_hub_mock.seed(5)

    report = check(ango_hub_mock, run_id=run_id)

    assert report.ok, report.to_text()
    assert ango_hub_mock.project.live_count() == 7
    assert ango_hub_mock.project.touched == {}
    writes = [
        e
        for e in ango_hub_mock.requests.entries
        if e["method"] != "GET" and e["status"] < 400 and e["operation"] != "getProjectPerformance"
    ]
    assert writes
    assert not [e for e in writes if ango_hub_mock.project_id in e["path"]]


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
