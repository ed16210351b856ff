"""``hub.project_setup`` on both clients: members, instructions (streamed), label validation,
webhook reruns, asset builder templates, against the mock and on the wire."""

from __future__ import annotations

import hashlib
import inspect
import io
import warnings
from collections.abc import Callable
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
from ango_hub._async.projects import AsyncProjects
from ango_hub._sync.projects import Projects
from ango_hub.mock.server import MockServer
from ango_hub_api.models import (
    DataConfigItem,
    InstructionsFile,
    ProjectMember,
    RerunWebhookResult,
    StoredAssetBuilderTemplate,
)
from client_helpers import FAST, MakeHub, WireHub, import_cloud_assets, ok

PROJECT = "507f1f77bcf86cd799439011"


def test_add_members_keeps_them_with_their_role(hub: AngoHub, mock: MockServer) -> None:
    hub.project_setup.add_members(mock.project_id, ["a@example.com"], "Labeler")
    members = hub.project_setup.add_members(mock.project_id, ["b@example.com"], "Reviewer")
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
        hub.project_setup.add_members(PROJECT, ["a@example.com"], "Owner")
    assert info.value.field == "body.role"
    assert all(role in (info.value.allowed or "") for role in ("Manager", "Lead", "Labeler"))
    assert wire.requests == []


def test_safe_to_repeat_calls_are_retried_and_a_webhook_rerun_is_not(wire_hub: WireHub) -> None:
    def once(status: int, data: Any) -> Callable[[httpx.Request], httpx.Response]:
        answers = iter([httpx.Response(status, json={})])
        return lambda r: next(answers, ok(data))

    hub, wire = wire_hub(once(503, {"assignedTo": []}), max_retries=2)
    assert hub.project_setup.add_members(PROJECT, ["a@example.com"], "Lead") == []
    assert len(wire.requests) == 2
    assert wire.json() == {"assignees": ["a@example.com"], "role": "Lead"}
    hub, wire = wire_hub(once(503, {"stageId": "s", "tasks": 0}), max_retries=2)
    with pytest.raises(InternalServerError):
        hub.project_setup.rerun_webhook(PROJECT, "s")
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
    stored = hub.project_setup.upload_instructions(mock.project_id, guide, bucket="guides")
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
    stored = hub.project_setup.upload_instructions(mock.project_id, reader)
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
    hub.project_setup.upload_instructions(PROJECT, str(guide), storage_id="st1")
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
        hub.project_setup.upload_instructions(PROJECT, tmp_path / "missing.pdf")
    assert info.value.field == "files.file"
    assert len(wire.requests) == 1


def test_label_validation_keeps_what_is_left_out(hub: AngoHub, mock: MockServer) -> None:
    hub.project_setup.set_label_validation(mock.project_id, validation_function="return true;")
    settings = hub.project_setup.set_label_validation(
        mock.project_id, custom_validation_enabled=True, external_validation={"url": "u"}
    )
    assert settings.custom_validation_enabled is True
    assert settings.validation_function == "return true;"
    assert mock.project.label_validation["externalValidation"] == {"url": "u"}


def test_rerun_webhook_answers_the_stages_tasks(hub: AngoHub, mock: MockServer) -> None:
    import_cloud_assets(hub, mock.project_id, "a", "b")
    result = hub.project_setup.rerun_webhook(mock.project_id, "Start")
    assert isinstance(result, RerunWebhookResult)
    assert result.tasks == 2
    assert set(result.task_ids) == {a.task_id for a in mock.project.iter_assets()}
    assert hub.project_setup.rerun_webhook(mock.project_id, "Complete").tasks == 0


def test_create_asset_builder_template(hub: AngoHub, mock: MockServer) -> None:
    created = hub.project_setup.create_asset_builder_template(
        mock.project_id,
        name="Products",
        template="<img src='{{image}}'/>",
        external_id_column="sku",
        batch_column="batch",
        data_config={
            "sku": {"type": "text", "includeInExport": True},
            "batch": DataConfigItem(type="text"),
            "image": {"type": "image", "storage": "Public"},
        },
    )
    assert isinstance(created, StoredAssetBuilderTemplate)
    assert (created.name, created.selected_external_id) == ("Products", "sku")
    assert created.data_config.additional_properties["image"].storage == "Public"
    (kept,) = mock.project.asset_builder_templates
    assert kept["_id"] == created.id
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
        hub.project_setup.create_asset_builder_template(
            PROJECT, name="n", template="t", external_id_column="c", data_config=data_config
        )
    assert (info.value.field or "").startswith(field)
    assert said in str(info.value) + (info.value.allowed or "")
    assert wire.requests == []


def test_a_wrong_key_is_an_authentication_error(make_hub: MakeHub, mock: MockServer) -> None:
    with make_hub(api_key="not-a-key", base_url=mock.base_url, retry_policy=FAST) as hub:
        with pytest.raises(AuthenticationError) as info:
            hub.project_setup.add_members(mock.project_id, ["a@example.com"], "Lead")
        assert "not-a-key" not in str(info.value)


def test_another_organisations_project_is_not_found(make_hub: MakeHub, mock: MockServer) -> None:

    hub = make_hub(api_key=mock.api_key, base_url=mock.base_url, retry_policy=FAST)
    with hub, pytest.raises(NotFoundError):
        hub.project_setup.rerun_webhook("e" * 24, "Start")


def test_the_paths_before_the_split_still_work(hub: AngoHub, mock: MockServer) -> None:
    """``hub.projects.add_members`` & co. (1.x before the split) are the new methods, with a
    DeprecationWarning that names the new path."""
    moved = r"hub\.projects\.add_members is now hub\.project_setup\.add_members"
    with pytest.warns(DeprecationWarning, match=moved):
        members = hub.projects.add_members(mock.project_id, ["a@example.com"], "Lead")
    assert ("a@example.com", "Lead") in {(m.user, m.role) for m in members}
    with pytest.warns(DeprecationWarning, match=r"hub\.project_figures\.metrics"):
        stages = hub.projects.metrics(mock.project_id, "LabelStageGroups")
    assert stages.metric == "LabelStageGroups"
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # help() and inspect read the class: no warning, no error
        for resource in (AsyncProjects, Projects):
            assert "add_members" in dict(inspect.getmembers(resource))
