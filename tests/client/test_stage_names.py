"""A stage the project's workflow lacks is refused before anything is sent, naming the closest
and listing the workflow's stages (one read of the project per call), wherever a stage is
named: the task listing, exports, requeue and the task selection. A stage given by name goes
as its ID where the field takes IDs; ``hub.call`` sends any stage unchecked. On both clients,
on the wire."""

from __future__ import annotations

import json

import httpx
import pytest
from ango_hub import AngoHubValidationError
from client_helpers import WireHub, ok

PROJECT = "p" * 24
STAGES = [
    {"id": "s-start", "type": "Start", "name": "Start", "next": ["s-label"]},
    {"id": "s-label", "type": "Label", "name": "Labelling", "next": ["s-done"]},
    {"id": "s-done", "type": "Complete", "name": "Complete", "next": []},
]


ANSWERS = {  # by the end of the path
    f"/project/{PROJECT}": {
        "project": {"_id": PROJECT, "stages": STAGES, "batches": [{"_id": "b1", "name": "B 1"}]}
    },
    "/tasks": {"tasks": [], "total": 0},
    "/requeueTasks": {"modifiedCount": {"modified": 2, "toStageId": "s-done"}},
    "/issues": {"issue": []},
    "/task/assign": {"assigned": 0, "tasks": []},
    "/updatePriority": {"result": {"matchedCount": 1, "modifiedCount": 1}},
    "/export": {"exportPath": "https://storage.test/export.zip"},
}


def answer(request: httpx.Request) -> httpx.Response:
    path = request.url.path
    return ok(next(data for end, data in ANSWERS.items() if path.endswith(end)))


def test_a_misspelt_stage_in_a_task_listing_is_refused(wire_hub: WireHub) -> None:
    hub, wire = wire_hub(answer)
    with pytest.raises(AngoHubValidationError) as caught:
        list(hub.tasks.list(PROJECT, stage="Labeling"))
    error = caught.value
    assert error.field == "stage"
    assert "no stage 'Labeling' in the workflow" in str(error)
    assert "did you mean `Labelling`?" in str(error)
    assert error.allowed == "Start (s-start), Labelling (s-label), Complete (s-done)"
    assert [r.url.path for r in wire.requests] == [f"/v2/project/{PROJECT}"]  # nothing else


def test_a_stage_by_name_lists_tasks_by_its_id_with_one_read(wire_hub: WireHub) -> None:
    hub, wire = wire_hub(answer)
    hub.tasks.list_page(PROJECT, stage="Labelling")
    hub.tasks.list_page(PROJECT, stage="s-label")  # an ID is taken as it is
    listings = [r for r in wire.requests if r.url.path.endswith("/tasks")]
    assert [r.url.params["stage"] for r in listings] == ["s-label", "s-label"]
    reads = [r for r in wire.requests if r.url.path == f"/v2/project/{PROJECT}"]
    assert len(reads) == 2  # one per call


def test_an_export_checks_its_stages_and_sends_names(wire_hub: WireHub) -> None:
    hub, wire = wire_hub(answer)
    with pytest.raises(AngoHubValidationError, match="did you mean `Complete`"):
        hub.exports.create(PROJECT, stage=["Completed"])
    assert all(not r.url.path.endswith("/export") for r in wire.requests)
    hub.exports.create(PROJECT, stage=["s-done", "Labelling"])
    export = wire.last
    assert export.url.path == "/v2/export"
    assert json.loads(export.url.params["stage"]) == ["Complete", "Labelling"]


def test_requeue_checks_both_stages_with_one_read(wire_hub: WireHub) -> None:
    hub, wire = wire_hub(answer)
    with pytest.raises(AngoHubValidationError) as caught:
        hub.tasks.requeue(PROJECT, "Labelling", from_stages=["Complet"])
    assert caught.value.field == "from_stages"
    with pytest.raises(AngoHubValidationError) as caught:
        hub.tasks.requeue(PROJECT, "Label")
    assert caught.value.field == "to_stage"
    assert all(not r.url.path.endswith("/requeueTasks") for r in wire.requests)
    wire.requests.clear()
    assert hub.tasks.requeue(PROJECT, "Labelling", from_stages=["Complete"]) == 2
    assert [r.url.path for r in wire.requests] == [
        f"/v2/project/{PROJECT}",
        f"/v2/project/{PROJECT}/requeueTasks",
    ]
    body = json.loads(wire.last.content)
    assert body["toStageId"] == "s-label"
    assert body["filters"] == {"fromStageIds": ["s-done"]}
    hub.tasks.set_priority(PROJECT, 5, from_stages=["Start"])
    assert json.loads(wire.last.content)["filters"] == {"fromStageIds": ["s-start"]}


def test_hub_call_sends_a_stage_unchecked(wire_hub: WireHub) -> None:
    hub, wire = wire_hub(answer)
    hub.call("listTasks", {"projectId": PROJECT, "stage": "NewStage"})
    assert [r.url.params["stage"] for r in wire.requests] == ["NewStage"]


def test_task_assignment_and_issue_listing_check_their_stage(wire_hub: WireHub) -> None:
    hub, wire = wire_hub(answer)
    with pytest.raises(AngoHubValidationError, match="did you mean `Labelling`"):
        hub.tasks.assign(PROJECT, ["t1"], "a@example.com", stage="Labeling")
    with pytest.raises(AngoHubValidationError, match="did you mean `Complete`"):
        list(hub.issues.list(project=PROJECT, stage="complete"))
    assert {r.url.path for r in wire.requests} == {f"/v2/project/{PROJECT}"}
    hub.tasks.assign(PROJECT, ["t1"], "a@example.com", stage="Labelling")
    assert json.loads(wire.last.content)["stage"] == "s-label"
    wire.requests.clear()
    list(hub.issues.list(project=PROJECT, stage="Complete"))
    assert [r.url.path for r in wire.requests] == [f"/v2/project/{PROJECT}", "/v2/issues"]
    assert wire.last.url.params["stage"] == "s-done"
    wire.requests.clear()
    hub.issues.list_page(stage="anything")  # no project to check it against: as given
    assert [r.url.params["stage"] for r in wire.requests] == ["anything"]


def test_batches_and_stages_of_one_call_share_one_read(wire_hub: WireHub) -> None:
    hub, wire = wire_hub(answer)
    read = f"/v2/project/{PROJECT}"
    hub.exports.create(PROJECT, batches=["B 1"], stage=["Complete"])
    assert [r.url.path for r in wire.requests] == [read, "/v2/export"]
    assert json.loads(wire.last.url.params["batches"]) == ["b1"]
    wire.requests.clear()
    hub.tasks.list_page(PROJECT, batches=["B 1"], stage="Complete")
    assert [r.url.path for r in wire.requests] == [read, f"/v2/project/{PROJECT}/tasks"]
    wire.requests.clear()
    hub.tasks.requeue(PROJECT, "Start", batches=["B 1"], from_stages=["Complete"])
    assert [r.url.path for r in wire.requests] == [read, f"/v2/project/{PROJECT}/requeueTasks"]
    assert json.loads(wire.last.content)["filters"] == {
        "batches": ["b1"],
        "fromStageIds": ["s-done"],
    }
