"""Project extras on both clients: members, instructions (streamed), label validation,
webhook reruns, asset builder templates, metrics and performance, against the mock and on the
wire."""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from ango_hub import (
    AngoHub,
    AngoHubValidationError,
    AuthenticationError,
    InternalServerError,
    NotFoundError,
)
from ango_hub.mock.server import MockServer
from ango_hub_api.models import (
    DataConfigItem,
    InstructionsFile,
    Performance,
    ProjectMember,
    ProjectMetricResult,
    RerunWebhookResult,
    StoredAssetBuilderTemplate,
)
from client_helpers import FAST, MakeHub, WireHub, ok

PROJECT = "507f1f77bcf86cd799439011"


def _import(hub: AngoHub, project_id: str, *external_ids: str) -> None:
    assets = [{"data": f"https://x.invalid/{e}.jpg", "externalId": e} for e in external_ids]
    hub.call("importCloudAssets", {"projectId": project_id}, body={"assets": assets})


def test_add_members_keeps_them_with_their_role(hub: AngoHub, mock: MockServer) -> None:
    hub.projects.add_members(mock.project_id, ["a@example.com"], "Labeler")
    members = hub.projects.add_members(mock.project_id, ["b@example.com"], "Reviewer")
    owner = f"owner@{mock.project.organization_id}.mock.invalid"
    assert members == [
        ProjectMember(assignee=owner, user=owner, role="Manager"),
        ProjectMember(assignee="a@example.com", user="a@example.com", role="Labeler"),
        ProjectMember(assignee="b@example.com", user="b@example.com", role="Reviewer"),
    ]
    assert list(mock.project.members.items())[1:] == [
        ("a@example.com", "Labeler"),
        ("b@example.com", "Reviewer"),
    ]


def test_add_members_bad_role_is_refused_before_sending(wire_hub: WireHub) -> None:
    hub, wire = wire_hub(lambda r: ok({"assignedTo": []}))
    with pytest.raises(AngoHubValidationError) as info:
        hub.projects.add_members(PROJECT, ["a@example.com"], "Owner")
    assert info.value.field == "body.role"
    assert all(role in (info.value.allowed or "") for role in ("Manager", "Lead", "Labeler"))
    assert wire.requests == []


def test_safe_to_repeat_calls_are_retried_and_a_webhook_rerun_is_not(wire_hub: WireHub) -> None:
    def once(status: int, data: Any) -> Callable[[httpx.Request], httpx.Response]:
        answers = iter([httpx.Response(status, json={})])
        return lambda r: next(answers, ok(data))

    hub, wire = wire_hub(once(503, {"assignedTo": []}), max_retries=2)
    assert hub.projects.add_members(PROJECT, ["a@example.com"], "Lead") == []
    assert len(wire.requests) == 2
    assert wire.json() == {"assignees": ["a@example.com"], "role": "Lead"}
    hub, wire = wire_hub(once(503, {"stageId": "s", "tasks": 0}), max_retries=2)
    with pytest.raises(InternalServerError):
        hub.projects.rerun_webhook(PROJECT, "s")
    assert len(wire.requests) == 1
    assert (wire.last.url.path, wire.json()) == (
        f"/v2/project/{PROJECT}/rerun-webhook",
        {"stageId": "s"},
    )


def test_upload_instructions_from_a_path_is_stored(
    hub: AngoHub, mock: MockServer, tmp_path: Path
) -> None:
    guide = tmp_path / "guide.pdf"
    guide.write_bytes(b"%PDF-1.4 " + bytes(range(256)) * 4096)  # 1 MiB and a bit
    stored = hub.projects.upload_instructions(mock.project_id, guide, bucket="guides")
    assert isinstance(stored, InstructionsFile)
    assert (stored.file_name, stored.content_type, stored.size) == (
        "guide.pdf",
        "application/pdf",
        guide.stat().st_size,
    )
    assert stored.sha256 == hashlib.sha256(guide.read_bytes()).hexdigest()
    assert mock.project.instructions is not None
    assert mock.project.instructions["bucket"] == "guides"
    signed = hub.call("getSignedUrl", {"url": stored.url})["data"]["signedUrl"]
    assert httpx.get(signed).content == guide.read_bytes()


class ChunkReader(io.BytesIO):
    """A binary file that records how much each read asked for."""

    name = "/somewhere/steps.html"

    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self.asked: list[int | None] = []

    def read(self, size: int | None = -1) -> bytes:
        self.asked.append(size)
        return super().read(size)


def test_upload_instructions_streams_an_open_file_in_chunks(hub: AngoHub, mock: MockServer) -> None:
    data = b"<h1>Steps</h1>" * 40_000  # 560 kB
    reader = ChunkReader(data)
    stored = hub.projects.upload_instructions(mock.project_id, reader)
    assert (stored.file_name, stored.content_type, stored.size) == (
        "steps.html",
        "text/html",
        len(data),
    )
    assert stored.sha256 == hashlib.sha256(data).hexdigest()
    assert len(reader.asked) > 2  # read piece by piece...
    assert all(size is not None and 0 < size < len(data) for size in reader.asked)  # ...never whole


def test_upload_instructions_wire_shape_and_a_missing_file(
    wire_hub: WireHub, tmp_path: Path
) -> None:
    answer = {"instructions": {"url": "https://s.test/g.txt", "fileName": "g.txt", "size": 2}}
    hub, wire = wire_hub(lambda r: ok(answer))
    guide = tmp_path / "g.txt"
    guide.write_bytes(b"hi")
    hub.projects.upload_instructions(PROJECT, str(guide), storage_id="st1")
    sent = wire.last
    assert (sent.method, sent.url.path, dict(sent.url.params)) == (
        "POST",
        f"/v2/project/{PROJECT}/instructions",
        {"storageId": "st1"},
    )
    assert sent.headers["content-type"].startswith("multipart/form-data; boundary=")
    assert b'name="file"; filename="g.txt"' in sent.content
    assert b"\r\n\r\nhi\r\n" in sent.content
    with pytest.raises(AngoHubValidationError) as info:
        hub.projects.upload_instructions(PROJECT, tmp_path / "missing.pdf")
    assert info.value.field == "files.file"
    assert len(wire.requests) == 1


def test_label_validation_keeps_what_is_left_out(hub: AngoHub, mock: MockServer) -> None:
    hub.projects.set_label_validation(mock.project_id, validation_function="return true;")
    settings = hub.projects.set_label_validation(
        mock.project_id, custom_validation_enabled=True, external_validation={"url": "u"}
    )
    assert settings.custom_validation_enabled is True
    assert settings.validation_function == "return true;"
    assert mock.project.label_validation["externalValidation"] == {"url": "u"}


def test_rerun_webhook_answers_the_stages_tasks(hub: AngoHub, mock: MockServer) -> None:
    _import(hub, mock.project_id, "a", "b")
    result = hub.projects.rerun_webhook(mock.project_id, "Start")
    assert isinstance(result, RerunWebhookResult)
    assert result.tasks == 2
    assert set(result.task_ids) == {a.task_id for a in mock.project.iter_assets()}
    assert hub.projects.rerun_webhook(mock.project_id, "Complete").tasks == 0


def test_create_asset_builder_template(hub: AngoHub, mock: MockServer) -> None:
    created = hub.projects.create_asset_builder_template(
        mock.project_id,
        name="Products",
        template="<img src='{{image}}'/>",
        external_id_column="sku",
        batch_column="batch",
        data_config={
            "sku": {"type": "text", "includeInExport": True},
            "batch": DataConfigItem(type_="text"),
            "image": {"type": "image", "storage": "Public"},
        },
    )
    assert isinstance(created, StoredAssetBuilderTemplate)
    assert (created.name, created.selected_external_id) == ("Products", "sku")
    assert created.data_config.additional_properties["image"].storage == "Public"
    (kept,) = mock.project.asset_builder_templates
    assert kept["_id"] == created.field_id
    assert kept["dataConfig"]["batch"] == {"type": "text"}


@pytest.mark.parametrize(
    ("data_config", "field", "said"),
    [
        ({"c": {"type": "gif"}}, "body.dataConfig.c.type", "iframe"),
        # The spec's if/then, sourced from the SDK's DataConfigItem (it refuses the same).
        ({"c": {"type": "text"}, "photo": {"type": "image"}}, "body.dataConfig.photo", "storage"),
    ],
)
def test_asset_builder_template_refusals_name_the_field_before_sending(
    wire_hub: WireHub, data_config: dict[str, Any], field: str, said: str
) -> None:
    hub, wire = wire_hub(lambda r: ok({}))
    with pytest.raises(AngoHubValidationError) as info:
        hub.projects.create_asset_builder_template(
            PROJECT, name="n", template="t", external_id_column="c", data_config=data_config
        )
    assert (info.value.field or "").startswith(field)
    assert said in str(info.value) + (info.value.allowed or "")
    assert wire.requests == []


def test_metrics_are_counted_from_the_projects_tasks(hub: AngoHub, mock: MockServer) -> None:
    _import(hub, mock.project_id, "a", "b", "c")
    label = {"externalId": "a", "answer": {"classifications": []}, "status": "Completed"}
    hub.call("importLabels", body={"project": mock.project_id, "labels": [label]})
    stages = hub.projects.metrics(mock.project_id, "LabelStageGroups")
    assert isinstance(stages, ProjectMetricResult)
    assert {g.key: g.count for g in stages.groups} == {"Start": 2, "Complete": 1}
    status = hub.projects.metrics(mock.project_id, "AnnotationStatus")
    assert (status.metric, status.total) == ("AnnotationStatus", 3)


def test_metrics_unknown_name_is_refused_before_sending(wire_hub: WireHub) -> None:
    hub, wire = wire_hub(lambda r: ok({}))
    with pytest.raises(AngoHubValidationError) as info:
        hub.projects.metrics(PROJECT, "Velocity")
    assert info.value.field == "metric"
    assert "LabelStageGroups" in (info.value.allowed or "")
    assert wire.requests == []


def test_performance_sends_the_window_the_way_each_source_knows(wire_hub: WireHub) -> None:
    answer = {"performance": {"tasks": 0, "completed": 0, "labeled": 0, "users": []}}
    hub, wire = wire_hub(lambda r: ok(answer))
    hub.projects.performance(
        PROJECT, start=datetime(2026, 1, 1), end="2026-02-01T00:00:00Z", batches=("b1",)
    )
    assert wire.last.url.path == f"/v2/performance/{PROJECT}"
    assert wire.json() == {
        "interval": ["2026-01-01T00:00:00.000000Z", "2026-02-01T00:00:00Z"],
        "batches": ["b1"],
    }
    hub.projects.performance(PROJECT, start="2026-01-01T00:00:00Z", users=["u@example.com"])
    assert wire.json() == {"startDate": "2026-01-01T00:00:00Z", "users": ["u@example.com"]}
    hub.projects.performance(PROJECT)
    assert json.loads(wire.last.content) == {}


def test_performance_against_the_mock(hub: AngoHub, mock: MockServer) -> None:
    _import(hub, mock.project_id, "a", "b")
    label = {"externalId": "b", "answer": {"classifications": []}, "status": "Completed"}
    hub.call("importLabels", body={"project": mock.project_id, "labels": [label]})
    figures = hub.projects.performance(mock.project_id, start=datetime(2000, 1, 1))
    assert isinstance(figures, Performance)
    assert (figures.tasks, figures.completed, figures.labeled) == (2, 1, 1)
    (row,) = figures.users
    assert (row.user, row.labeled) == (f"owner@{mock.project.organization_id}.mock.invalid", 1)
    assert hub.projects.performance(mock.project_id, end=datetime(2000, 1, 1)).tasks == 0


def test_a_wrong_key_is_an_authentication_error(make_hub: MakeHub, mock: MockServer) -> None:
    with make_hub(api_key="not-a-key", base_url=mock.base_url, retry_policy=FAST) as hub:
        with pytest.raises(AuthenticationError) as info:
            hub.projects.metrics(mock.project_id, "AssetSize")
        assert "not-a-key" not in str(info.value)


def test_another_organisations_project_is_not_found(make_hub: MakeHub, mock: MockServer) -> None:

    hub = make_hub(api_key=mock.api_key, base_url=mock.base_url, retry_policy=FAST)
    with hub, pytest.raises(NotFoundError):
        hub.projects.rerun_webhook("e" * 24, "Start")
