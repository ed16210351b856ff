"""``hub.projects`` create/get/update/clone/purge/delete and ``hub.batches`` on both clients,
against the mock (state and requests) and on the wire (bodies as the spec names them)."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from ango_hub import AngoHub, AngoHubError, AngoHubValidationError
from ango_hub.mock.server import MockServer
from ango_hub_api.models import Batch, Project
from client_helpers import FAST, MakeHub, WireHub, ok

STAGES = [
    {"id": "Start", "type": "Start", "name": "Start", "next": ["Label"]},
    {"id": "Label", "type": "Label", "name": "Label", "next": ["Review"]},
    {"id": "Review", "type": "Review", "name": "Review", "next": ["Complete"]},
    {"id": "Complete", "type": "Complete", "name": "Complete", "next": []},
]
TOOL = {"schemaId": "box", "tool": "bounding-box", "title": "Car"}


@pytest.fixture
def created(hub: AngoHub) -> Iterator[Project]:
    project = hub.projects.create("Cars", description="boxes", type="ango")
    yield project
    if any(p.id == project.id for p in hub.projects.list()):
        hub.projects.delete(project.id)


def test_create_get_and_default_workflow(hub: AngoHub, created: Project) -> None:
    assert isinstance(created, Project)
    fetched = hub.projects.get(created.id)
    assert (fetched.name, fetched.description, fetched.type) == ("Cars", "boxes", "ango")
    assert [(s.id, s.next) for s in fetched.stages] == [
        ("Start", ["Label"]),
        ("Label", ["Complete"]),
        ("Complete", []),
    ]
    assert created.id in [p.id for p in hub.projects.list()]


def test_label_set_workflow_benchmark_are_kept(hub: AngoHub, created: Project) -> None:
    pid = created.id
    hub.projects.set_label_set(pid, tools=[TOOL])
    hub.projects.set_workflow(pid, STAGES)
    hub.projects.set_benchmark(pid, enabled=True, ratio=15)
    project = hub.projects.get(pid)
    assert project.category_schema.to_dict()["tools"] == [TOOL]
    assert [s.id for s in project.stages] == ["Start", "Label", "Review", "Complete"]
    assert (project.benchmark_enabled, project.benchmark_ratio) == (True, 15)


def test_workflow_with_an_unknown_next_stage_is_refused(hub: AngoHub, created: Project) -> None:
    bad = [{"id": "Start", "type": "Start", "next": ["Nowhere"]}]
    with pytest.raises(AngoHubError, match=r"stages\[0\]\.next: 'Nowhere'"):
        hub.projects.set_workflow(created.id, bad)


def test_batches_create_list_and_clone_options(hub: AngoHub, created: Project) -> None:
    pid = created.id
    hub.projects.set_label_set(pid, tools=[TOOL])
    made = hub.batches.create(pid, ["b1", "b2"])
    assert [b.name for b in made] == ["b1", "b2"]
    assert all(isinstance(b, Batch) for b in made)
    assert [b.name for b in hub.batches.create(pid, "b1")] == ["b1", "b2"]  # no duplicate
    assert [b.name for b in hub.batches.list(pid)] == ["b1", "b2"]
    full = hub.projects.clone(pid)
    bare = hub.projects.clone(pid, batches=False, category_schema=False, workflow=True)
    try:
        assert full.name == "Cars copy"
        assert [b.name for b in full.batches] == ["b1", "b2"]
        assert full.category_schema.to_dict()["tools"] == [TOOL]
        assert bare.batches == []
        assert "categorySchema" not in bare.to_dict()
        assert [s.id for s in bare.stages] == ["Start", "Label", "Complete"]
    finally:
        hub.projects.delete(full.id)
        hub.projects.delete(bare.id)


def test_assets_in_a_created_project_then_purge_and_delete(
    hub: AngoHub, created: Project, mock: MockServer
) -> None:
    pid = created.id
    hub.assets.import_from_cloud(pid, [{"data": "https://example.com/a.jpg", "externalId": "a"}])
    assert hub.assets.list_page(pid).total == 1
    with pytest.raises(AngoHubError, match="confirmName"):
        hub.projects.purge(pid, confirm_name="wrong name")
    hub.projects.purge(pid, confirm_name="Cars")
    assert hub.assets.list_page(pid).total == 0
    assert hub.projects.get(pid).name == "Cars"  # purged, not deleted
    hub.projects.delete(pid)
    with pytest.raises(AngoHubError) as caught:
        hub.projects.get(pid)
    assert caught.value.status_code == 404
    assert mock.ctx.requests.counts["purgeProject"] >= 2


def test_other_organisation_gets_404(make_hub: MakeHub, mock: MockServer, created: Project) -> None:
    mock.ctx.state.organisation_for_key("second-org-key", create=True)
    with make_hub(api_key="second-org-key", base_url=mock.base_url, retry_policy=FAST) as theirs:
        for call in (theirs.projects.get, theirs.projects.delete, theirs.batches.list):
            with pytest.raises(AngoHubError) as caught:
                call(created.id)
            assert caught.value.status_code == 404


def test_bad_input_names_the_field(hub: AngoHub) -> None:
    with pytest.raises(AngoHubValidationError, match="type") as caught:
        hub.projects.create("x", type="video")
    assert "ango" in str(caught.value)
    with pytest.raises(AngoHubValidationError, match="name"):
        hub.projects.create("")


def test_wrong_key_is_401(make_hub: MakeHub, mock: MockServer) -> None:
    with (
        make_hub(api_key="not-a-key", base_url=mock.base_url, retry_policy=FAST) as bad,
        pytest.raises(AngoHubError) as caught,
    ):
        bad.projects.create("x")
    assert caught.value.status_code == 401


def test_wire_bodies(wire_hub: WireHub) -> None:
    project = {"_id": "p1", "name": "Cars", "batches": [{"_id": "b", "name": "b1"}]}

    def reply(request: httpx.Request) -> httpx.Response:
        return ok({} if request.url.path.endswith("/purge") else {"project": project})

    hub, wire = wire_hub(reply)
    with hub:
        hub.projects.create("Cars")
        assert (wire.last.method, wire.last.url.path, wire.json()) == (
            "POST",
            "/v2/project",
            {"name": "Cars"},
        )
        hub.projects.set_benchmark("p1", enabled=False, cutoff=True)
        assert wire.json() == {"benchmarkEnabled": False, "benchmarkCutoff": True}
        hub.projects.clone("p1", assigned_to=False)
        assert wire.last.url.path == "/v2/project/p1/clone"
        assert wire.json()["assignedTo"] is False
        hub.projects.purge("p1", confirm_name="Cars")
        assert wire.json() == {"confirmName": "Cars"}
        hub.projects.delete("p1")
        assert (wire.last.method, wire.last.url.path) == ("DELETE", "/v2/project/p1")
        assert [b.name for b in hub.batches.create("p1", ["b1"])] == ["b1"]
        assert wire.last.url.path == "/v2/batches/p1"
        assert wire.json() == {"batches": [{"name": "b1"}]}
