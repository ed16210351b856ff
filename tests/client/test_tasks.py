"""``hub.tasks`` on both clients: the issue's workflow against the mock (upload, assign,
annotate, reject, annotate, accept, export), listing with filters and page prefetch, the other
calls, bad input refused before sending, and the requests as they go on the wire."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest
from ango_hub import AngoHub, AngoHubError, AngoHubValidationError
from ango_hub.mock.server import MockServer
from ango_hub_api.models import Task
from client_helpers import WireHub, numbered_files, ok

STAGES = [
    {"id": "Start", "type": "Start", "name": "Start", "next": ["Label"]},
    {"id": "Label", "type": "Label", "name": "Label", "next": ["Review"]},
    {"id": "Review", "type": "Review", "name": "Review", "next": ["Complete"]},
    {"id": "Complete", "type": "Complete", "name": "Complete", "next": []},
]
FIRST = {"objects": [], "classifications": [{"schemaId": "c", "answer": "cat"}], "relations": []}
FIXED = {"objects": [], "classifications": [{"schemaId": "c", "answer": "dog"}], "relations": []}


def _project(hub: AngoHub, name: str) -> str:
    pid = hub.projects.create(name).id
    hub.projects.set_workflow(pid, STAGES)
    return pid


def test_the_workflow_end_to_end_shows_in_the_export(
    hub: AngoHub, mock: MockServer, tmp_path: Path
) -> None:
    pid = _project(hub, "Workflow")
    files = numbered_files(tmp_path, 3)
    report = hub.assets.upload(pid, files, progress=False)  # 1. upload
    assert report.ok
    assert len(report.created) == 3
    tasks = list(hub.tasks.list(pid))  # 2. the tasks appear in the first stage
    assert [(t.stage, t.status) for t in tasks] == [("Start", "TODO")] * 3
    task = tasks[0].id
    me = mock.state.organisation_for_key(mock.api_key).owner_email  # type: ignore[union-attr]

    assigned = hub.tasks.assign(pid, [task], me, stage="Label")  # 3. assign
    assert (assigned.assigned, assigned.tasks[0].assignee) == (1, me)
    labelled = hub.tasks.annotate(task, FIRST, submit=True, duration=4)  # 4. annotate
    assert labelled.stage == "Review"
    rejected = hub.tasks.review(task, "Rejected")  # 5. a review rejects
    assert (rejected.stage, rejected.review_status) == ("Label", "Rejected")
    hub.tasks.annotate(task, FIXED, submit=True, duration=2)  # 6. annotate again
    accepted = hub.tasks.review(task, "Accepted")  # 7. a review accepts
    assert (accepted.stage, accepted.status) == ("Complete", "Completed")

    history = hub.tasks.history(task)
    steps = [(e.action, e.stage, e.to_stage, e.user) for e in history]
    assert steps == [
        ("create", "Start", "Start", steps[0][3]),
        ("assign", "Start", "Label", me),
        ("submit", "Label", "Review", me),
        ("review", "Review", "Label", me),
        ("submit", "Label", "Review", me),
        ("review", "Review", "Complete", me),
    ]
    assert hub.tasks.history_entry(history[2].id).to_dict() == history[2].to_dict()

    exported = {t["taskId"]: t for t in hub.exports.iter_tasks(pid, raw=True, include_history=True)}
    row = exported[task]  # 8. Complete, with the answer and its history
    assert (row["stage"], row["status"], row["assignee"]) == ("Complete", "Completed", me)
    assert (row["reviewStatus"], row["duration"]) == ("Accepted", 6)
    assert row["task"]["classifications"] == FIXED["classifications"]
    assert [(h["action"], h["toStage"]) for h in row["history"]] == [
        (a, to) for a, _, to, _ in steps
    ]
    assert [h["reviewStatus"] for h in row["history"] if h["action"] == "review"] == [
        "Rejected",
        "Accepted",
    ]
    assert [h["answer"] for h in row["history"] if h["action"] == "submit"] == [FIRST, FIXED]
    assert {exported[t.id]["stage"] for t in tasks[1:]} == {"Start"}


def test_listing_filters_and_page_prefetch(hub: AngoHub, mock: MockServer) -> None:
    pid = _project(hub, "Listing")
    assets = [{"data": f"https://e.com/{n}.jpg", "externalId": f"t{n:03}"} for n in range(25)]
    hub.assets.import_from_cloud(pid, assets)
    every = list(hub.tasks.list(pid, page_size=10))
    assert len(every) == 25
    assert all(isinstance(t, Task) for t in every)
    assert len({t.id for t in every}) == 25
    ids = [t.id for t in every]
    hub.tasks.annotate(ids[0], FIRST, submit=True)
    result = hub.tasks.set_priority(pid, 9, task_ids=ids[20:])
    assert (result.matched_count, result.modified_count) == (5, 5)
    assert [t.id for t in hub.tasks.list(pid, stage="Review")] == ids[:1]
    high = hub.tasks.list(pid, filter={"priority": {"$gte": 5}}, sort="-externalId")
    assert [t.external_id for t in high] == [f"t{n:03}" for n in range(24, 19, -1)]
    page = hub.tasks.list_page(pid, page=3, limit=10, fields=["stage"], include_answer=True)
    assert page.total == 25
    assert len(page.tasks) == 5
    assert set(page.tasks[0].to_dict()) == {"_id", "project", "asset", "stage"}
    with_answer = hub.tasks.get(ids[0], include_answer=True)
    assert with_answer.answer.to_dict() == {
        "tools": [],
        "classifications": FIRST["classifications"],
        "relations": [],
    }
    assert hub.tasks.set_benchmark(pid, ids[:2]) == 2
    assert [t.id for t in hub.tasks.list(pid, filter={"isBenchmark": True})] == ids[:2]
    moved = hub.tasks.requeue(pid, "Label", from_stages=["Review"], remove_annotations=True)
    assert moved == 1
    back = hub.tasks.get(ids[0], include_answer=True)
    assert back.stage == "Label"
    assert back.answer.to_dict() == {"tools": [], "classifications": [], "relations": []}


def test_bad_input_is_refused_before_sending(wire_hub: WireHub) -> None:
    hub, wire = wire_hub(lambda request: ok({}))
    with hub:
        with pytest.raises(AngoHubValidationError, match=r"reviewStatus.*Accepted.*Rejected"):
            hub.tasks.review("t1", "Maybe")  # type: ignore[arg-type]
        with pytest.raises(AngoHubValidationError, match="priority"):
            hub.tasks.set_priority("p1", 5000)
        with pytest.raises(AngoHubValidationError, match="limit"):
            hub.tasks.list_page("p1", limit=1001)
        assert wire.requests == []


def test_requests_on_the_wire(wire_hub: WireHub) -> None:
    task = {"_id": "t1", "project": "p1", "asset": "a1", "stage": "Label"}

    def reply(request: httpx.Request) -> httpx.Response:
        path = request.url.path
        answers: dict[str, Any] = {
            "/v2/project/p1/tasks": {"tasks": [task], "total": 1},
            "/v2/task/assign": {"assigned": 1, "tasks": [task]},
            "/v2/annotate/t1": {"label": task},
            "/v2/project/p1/requeueTasks": {"modifiedCount": {"modified": 1, "toStageId": "Label"}},
            "/v2/project/p1": {
                "project": {
                    "_id": "p1",
                    "batches": [{"_id": "b1", "name": "b 1"}],
                    "stages": [{"id": "Label", "name": "Label"}],  # requeue checks to_stage
                }
            },
        }
        return ok(answers.get(path, {"task": task}))

    hub, wire = wire_hub(reply)
    with hub:
        hub.tasks.list_page(
            "p1",
            filter={"stage": {"$in": ["Label"]}},
            status="TODO",
            batches=["b 1"],
            sort="-priority",
        )
        params = dict(wire.last.url.params)
        assert json.loads(params["filter"]) == {"stage": {"$in": ["Label"]}}
        assert params["batches"] == '["b1"]'  # the batch's ID: its name was resolved
        assert (params["status"], params["sort"]) == ("TODO", "-priority")
        assert "includeAnswer" not in params
        hub.tasks.assign("p1", ["t1"], "a@example.com", stage="Label")
        assert wire.json() == {
            "project": "p1",
            "tasks": ["t1"],
            "user": "a@example.com",
            "stage": "Label",
        }
        hub.tasks.annotate("t1", FIRST, submit=True)
        assert (wire.last.url.params["nextStage"], wire.json()) == ("true", {"answer": FIRST})
        hub.tasks.review("t1", "Accepted")
        assert (wire.last.url.path, wire.json()) == ("/v2/review/t1", {"reviewStatus": "Accepted"})
        hub.tasks.requeue("p1", "Label", task_ids=["t1"], remove_assignee=True)
        assert wire.json() == {
            "toStageId": "Label",
            "filters": {"taskIds": ["t1"]},
            "options": {
                "removeAnnotations": False,
                "removeAssignee": True,
                "removeStageHistory": False,
            },
        }


def test_unknown_task_is_a_typed_404(hub: AngoHub) -> None:
    with pytest.raises(AngoHubError) as caught:
        hub.tasks.get("f" * 24)
    assert caught.value.status_code == 404
