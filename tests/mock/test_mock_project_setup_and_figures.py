"""A project's setup and figures on the mock: members, instructions, label validation, webhook
reruns, asset builder templates, metrics and performance, kept per project and per organisation."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from ango_hub.mock import MockConfig
from ango_hub.mock.server import MockServer
from ango_hub.testing import run_mock_server
from mock_helpers import assert_conforms, import_assets

OTHER_KEY, OTHER_PROJECT = "other-key", "c" * 24


def _post(api: httpx.Client, path: str, body: Any) -> dict[str, Any]:
    response = api.post(path, json=body)
    assert response.status_code == 200, response.text
    data: dict[str, Any] = response.json()["data"]
    return data


def _complete(api: httpx.Client, project_id: str, external_id: str, answer: Any) -> None:
    label = {"externalId": external_id, "answer": answer, "status": "Completed"}
    response = api.post("/import/labels", json={"project": project_id, "labels": [label]})
    assert response.status_code == 200, response.text


def test_members_are_kept_with_their_role_and_a_repeat_changes_nothing(
    api: httpx.Client, mock: MockServer
) -> None:
    path = f"/project/{mock.project_id}/assigned"
    owner = f"owner@{mock.project.organization_id}.mock.invalid"  # the project's creator
    _post(api, path, {"assignees": ["a@example.com", "b@example.com"], "role": "Labeler"})
    after = _post(api, path, {"assignees": ["b@example.com"], "role": "Reviewer"})
    # `assignee` is the vendor page's name; `user` the name this spec used before 2.0.0.
    expected = [
        {"assignee": who, "user": who, "role": role}
        for who, role in [
            (owner, "Manager"),
            ("a@example.com", "Labeler"),
            ("b@example.com", "Reviewer"),
        ]
    ]
    assert after["assignedTo"] == expected
    assert _post(api, path, {"assignees": ["b@example.com"], "role": "Reviewer"}) == after
    assert mock.project.members == {
        owner: "Manager",
        "a@example.com": "Labeler",
        "b@example.com": "Reviewer",
    }
    # The SDK's get_project (and getProject) read the same list.
    shown = api.get(f"/project/{mock.project_id}").json()["data"]["project"]["assignedTo"]
    assert shown == expected


def test_members_bad_role_and_empty_list_name_the_field(
    api: httpx.Client, mock: MockServer
) -> None:
    path = f"/project/{mock.project_id}/assigned"
    bad_role = api.post(path, json={"assignees": ["a@example.com"], "role": "Owner"})
    assert bad_role.status_code == 400
    message = bad_role.json()["message"]
    assert "role" in message
    assert all(role in message for role in ("Manager", "Lead", "Reviewer", "Labeler"))
    # No source refuses an empty list: it adds nobody.
    empty = api.post(path, json={"assignees": [], "role": "Labeler"})
    assert empty.status_code == 200, empty.text
    assert list(mock.project.members) == [f"owner@{mock.project.organization_id}.mock.invalid"]


def test_instructions_are_stored_and_read_back(api: httpx.Client, mock: MockServer) -> None:
    content = b"%PDF-1.4 guide " * 1000
    response = api.post(
        f"/project/{mock.project_id}/instructions",
        params={"storageId": "s1", "bucket": "guides"},
        files={"file": ("guide.pdf", content, "application/pdf")},
    )
    assert response.status_code == 200, response.text
    stored = response.json()["data"]["instructions"]
    assert stored["fileName"] == "guide.pdf"
    assert stored["contentType"] == "application/pdf"
    assert stored["size"] == len(content)
    assert stored["sha256"] == hashlib.sha256(content).hexdigest()
    assert (stored["storageId"], stored["bucket"]) == ("s1", "guides")
    assert mock.project.instructions == stored
    signed = api.get("/getSignedUrl", params={"url": stored["url"]})
    assert signed.status_code == 201, signed.text
    assert httpx.get(signed.json()["data"]["signedUrl"]).content == content
    # A part without a Content-Type (what the SDK sends) is octet-stream; a new upload replaces.
    again = api.post(
        f"/project/{mock.project_id}/instructions", files={"file": ("notes.txt", b"hi")}
    )
    assert again.json()["data"]["instructions"]["contentType"] in (
        "application/octet-stream",
        "text/plain",  # httpx guesses from the name
    )
    assert mock.project.instructions["fileName"] == "notes.txt"


def test_instructions_need_a_file_part_and_respect_the_body_limit() -> None:
    config = MockConfig(max_body_bytes=10_000)
    with run_mock_server(config=config) as mock, httpx.Client(base_url=mock.base_url) as api:
        api.headers["apikey"] = mock.api_key
        path = f"/project/{mock.project_id}/instructions"
        as_text = api.post(path, files={"file": (None, "not a file")})
        assert as_text.status_code == 400
        assert "body.file" in as_text.json()["message"]
        too_big = api.post(path, files={"file": ("big.pdf", b"x" * 20_000)})
        assert too_big.status_code == 400
        assert "limit of 10000 bytes" in too_big.json()["message"]
        assert mock.project.instructions is None


def test_label_validation_keeps_fields_left_out(api: httpx.Client, mock: MockServer) -> None:
    path = f"/project/{mock.project_id}/labelValidation"
    first = _post(api, path, {"customValidationEnabled": True, "validationFunction": "f()"})
    second = _post(api, path, {"externalValidation": {"url": "https://hook.invalid"}})
    assert first["labelValidation"]["externalValidation"] is None
    assert second["labelValidation"] == {
        "customValidationEnabled": True,
        "validationFunction": "f()",
        "externalValidation": {"url": "https://hook.invalid"},
    }
    assert _post(api, path, {}) == second
    wrong = api.post(path, json={"customValidationEnabled": "yes"})
    assert wrong.status_code == 400
    assert "customValidationEnabled" in wrong.json()["message"]


def test_rerun_webhook_answers_the_tasks_in_the_stage_including_the_sdk_path(
    api: httpx.Client, mock: MockServer
) -> None:
    import_assets(api, mock.project_id, *({"data": f"https://x.invalid/{n}.jpg"} for n in range(3)))
    start = _post(api, f"/project/{mock.project_id}/rerun-webhook", {"stageId": "Start"})
    tasks = {a.task_id for a in mock.project.iter_assets()}
    assert start["tasks"] == 3
    assert set(start["taskIds"]) == tasks
    # The official SDK's spelling: a double slash after /v2.
    sdk = httpx.post(
        f"{mock.root_url}/v2//project/{mock.project_id}/rerun-webhook",
        json={"stageId": "Complete"},
        headers={"apikey": mock.api_key},
    )
    assert sdk.status_code == 200, sdk.text
    assert sdk.json()["data"] == {"stageId": "Complete", "tasks": 0, "taskIds": []}
    assert mock.requests.counts["rerunWebhook"] == 2
    missing = api.post(f"/project/{mock.project_id}/rerun-webhook", json={})
    assert missing.status_code == 400
    assert "stageId" in missing.json()["message"]


TEMPLATE = {
    "name": "Products",
    "template": "<p>{{title}}</p>",
    "selectedExternalId": "sku",
    "batchColumn": "batch",
    "dataConfig": {
        "sku": {"type": "text", "includeInExport": True},
        "batch": {"type": "text"},
        "image": {"type": "image", "storage": "Public"},
    },
    "preLabelConfig": {},
}


def test_asset_builder_templates_are_kept_per_project(api: httpx.Client, mock: MockServer) -> None:
    path = f"/project/{mock.project_id}/assetBuilderTemplates"
    created = _post(api, path, TEMPLATE)["template"]
    second = _post(api, path, {**TEMPLATE, "name": "Second"})["template"]
    assert created["_id"] != second["_id"]
    assert {k: created[k] for k in TEMPLATE} == TEMPLATE
    assert [t["name"] for t in mock.project.asset_builder_templates] == ["Products", "Second"]


def test_asset_builder_template_columns_not_in_data_config_are_stored_as_sent(
    api: httpx.Client, mock: MockServer
) -> None:
    """The SDK's validate() refuses these before sending; JSON Schema cannot state it and no
    source says the server refuses them (docs/MOCK.md), so the mock keeps what it is sent."""
    path = f"/project/{mock.project_id}/assetBuilderTemplates"
    odd = {**TEMPLATE, "selectedExternalId": "nope", "batchColumn": "gone"}
    created = _post(api, path, odd)["template"]
    assert (created["selectedExternalId"], created["batchColumn"]) == ("nope", "gone")
    assert _post(api, path, {**TEMPLATE, "dataConfig": {}})["template"]["dataConfig"] == {}
    assert len(mock.project.asset_builder_templates) == 2


@pytest.mark.parametrize(
    ("change", "field", "allowed"),
    [
        # The spec's if/then (the SDK's DataConfigItem rule): a media column names its storage.
        (
            {"dataConfig": {**TEMPLATE["dataConfig"], "image": {"type": "image"}}},
            "body.dataConfig.image",
            "storage",
        ),
        (
            {"dataConfig": {**TEMPLATE["dataConfig"], "clip": {"type": "video", "storage": ""}}},
            "body.dataConfig.clip.storage",
            "",
        ),
        ({"dataConfig": {"sku": {"type": "gif"}}}, "type", "iframe"),
    ],
)
def test_asset_builder_template_refusals_name_the_field(
    api: httpx.Client, mock: MockServer, change: dict[str, Any], field: str, allowed: str
) -> None:
    response = api.post(
        f"/project/{mock.project_id}/assetBuilderTemplates", json={**TEMPLATE, **change}
    )
    assert response.status_code == 400
    assert field in response.json()["message"]
    assert allowed in response.json()["message"]
    assert mock.project.asset_builder_templates == []


def _three_assets_one_labelled(api: httpx.Client, project_id: str) -> None:
    import_assets(
        api,
        project_id,
        {"data": "https://x.invalid/a.jpg", "externalId": "a"},
        {"data": "https://x.invalid/b.png", "externalId": "b"},
        {"data": "https://x.invalid/c.jpg", "externalId": "c"},
        batches='["first"]',
    )
    answer = {"classifications": [{"schemaId": "colour", "answer": "red"}], "objects": []}
    _complete(api, project_id, "a", answer)


def test_metrics_count_the_projects_tasks(api: httpx.Client, mock: MockServer) -> None:
    _three_assets_one_labelled(api, mock.project_id)

    def metric(name: str) -> dict[str, Any]:
        response = api.get(f"/{mock.project_id}/overview/{name}")
        assert response.status_code == 200, response.text
        data: dict[str, Any] = response.json()["data"]
        assert data["metric"] == name
        return data

    def groups(data: dict[str, Any]) -> dict[str, int]:
        return {g["key"]: g["count"] for g in data["groups"]}

    stages = metric("LabelStageGroups")
    assert (stages["total"], groups(stages)) == (3, {"Start": 2, "Complete": 1})
    assert groups(metric("AnnotationStatus")) == {"TODO": 2, "Completed": 1}
    assert groups(metric("AnswerDistribution")) == {"colour=red": 1}
    assert groups(metric("AssetSize")) == {"jpg": 2, "png": 1}
    timing = metric("TimePerTask")
    assert timing["total"] == 1
    assert timing["groups"][0]["key"] == "Complete"
    assert timing["groups"][0]["value"] >= 0
    consensus = metric("ConsensusRanges")
    assert consensus["total"] == 0
    assert sum(groups(consensus).values()) == 0
    unknown = api.get(f"/{mock.project_id}/overview/Velocity")
    assert unknown.status_code == 400
    assert "metric" in unknown.json()["message"]
    assert "LabelStageGroups" in unknown.json()["message"]


def test_performance_filters_by_window_batches_and_users(
    api: httpx.Client, mock: MockServer
) -> None:
    _three_assets_one_labelled(api, mock.project_id)
    path = f"/performance/{mock.project_id}"
    owner = f"owner@{mock.project.organization_id}.mock.invalid"
    everything = _post(api, path, {})["performance"]
    assert (everything["tasks"], everything["completed"], everything["labeled"]) == (3, 1, 1)
    assert everything["users"] == [{"user": owner, "labeled": 1, "completed": 1}]
    (batch_id,) = mock.project.batches
    assert _post(api, path, {"batches": [batch_id]})["performance"]["tasks"] == 3
    past = [
        (datetime.now(UTC) - timedelta(days=days)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        for days in (30, 20)
    ]
    assert _post(api, path, {"interval": past})["performance"]["tasks"] == 0
    vendor = _post(api, path, {"startDate": past[0], "users": ["x@example.com"]})["performance"]
    assert vendor["tasks"] == 3
    assert vendor["users"] == [{"user": "x@example.com", "labeled": 0, "completed": 0}]
    # Both ways at once: every bound applies (the later start, the earlier end).
    both = _post(api, path, {"interval": past, "startDate": past[1]})["performance"]
    assert (both["from"][:23], both["tasks"]) == (past[1][:23], 0)
    now_window = [past[0], (datetime.now(UTC) + timedelta(days=1)).isoformat()]
    capped = _post(api, path, {"interval": now_window, "endDate": past[1]})["performance"]
    assert capped["tasks"] == 0
    assert _post(api, path, {"interval": now_window})["performance"]["tasks"] == 3
    # A window that starts after it ends counts nothing (no source says it is refused).
    backwards = _post(api, path, {"interval": [now_window[1], past[0]]})["performance"]
    assert backwards["tasks"] == 0
    # As in every mock filter, a batch the project does not have matches nothing.
    assert _post(api, path, {"batches": ["f" * 24]})["performance"]["tasks"] == 0
    short = api.post(path, json={"interval": past[:1]})
    assert short.status_code == 400
    assert "interval" in short.json()["message"]


def test_other_organisations_projects_are_404_and_a_missing_key_401() -> None:
    config = MockConfig.from_keys_and_projects(["mine", OTHER_KEY], ["a" * 24, OTHER_PROJECT])
    with (
        run_mock_server(config=config) as mock,
        httpx.Client(
            base_url=mock.base_url,
            headers={"apikey": "mine"},
            event_hooks={"response": [assert_conforms]},
        ) as api,
    ):
        calls = [
            api.post(
                f"/project/{OTHER_PROJECT}/assigned",
                json={"assignees": ["a@x"], "role": "Lead"},
            ),
            api.post(f"/project/{OTHER_PROJECT}/labelValidation", json={}),
            api.post(f"/project/{OTHER_PROJECT}/rerun-webhook", json={"stageId": "Start"}),
            api.post(f"/project/{OTHER_PROJECT}/assetBuilderTemplates", json=TEMPLATE),
            api.post(f"/project/{OTHER_PROJECT}/instructions", files={"file": ("a.txt", b"a")}),
            api.get(f"/{OTHER_PROJECT}/overview/AnnotationStatus"),
            api.post(f"/performance/{OTHER_PROJECT}", json={}),
        ]
        assert [c.status_code for c in calls] == [404] * 7
        other = mock.state.projects[OTHER_PROJECT]
        assert (other.members, other.instructions, other.asset_builder_templates) == (
            {f"owner@{other.organization_id}.mock.invalid": "Manager"},
            None,
            [],
        )
        anonymous = httpx.get(f"{mock.base_url}/{'a' * 24}/overview/AnnotationStatus")
        assert anonymous.status_code == 401
