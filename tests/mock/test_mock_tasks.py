"""The mock's task lifecycle on the wire: tasks move through the project's stages by assign,
annotate, review and requeue; every action leaves a history entry; listing filters, sorting
and fields; other organisations see 404; every answer conforms to the spec."""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any

import httpx
from ango_hub.mock import MockConfig
from ango_hub.testing import run_mock_server
from mock_helpers import assert_conforms

KEY_A, KEY_B = "key-a", "key-b"
REVIEW_FLOW = [
    {"id": "Start", "type": "Start", "name": "Start", "next": ["Label"]},
    {"id": "Label", "type": "Label", "name": "Label", "next": ["Review"]},
    {"id": "Review", "type": "Review", "name": "Review", "next": ["Complete"]},
    {"id": "Complete", "type": "Complete", "name": "Complete", "next": []},
]
ANSWER = {"objects": [], "classifications": [{"schemaId": "c", "answer": "red"}], "relations": []}
# A task shows its answer as the export does: posted ``objects`` come back as ``tools``.
SHOWN = {"tools": [], "classifications": ANSWER["classifications"], "relations": []}
EMPTY = {"tools": [], "classifications": [], "relations": []}


def _client(base_url: str, key: str) -> httpx.Client:
    return httpx.Client(
        base_url=base_url, headers={"apikey": key}, event_hooks={"response": [assert_conforms]}
    )


def _ok(response: httpx.Response) -> Any:
    assert response.status_code == 200, response.text
    return response.json()["data"]


def _project(api: httpx.Client, assets: int) -> tuple[str, list[dict[str, Any]]]:
    pid = api.post("/project", json={"name": "Tasks"}).json()["data"]["project"]["_id"]
    _ok(api.post(f"/project/{pid}", json={"stages": REVIEW_FLOW}))
    cloud = {
        "assets": [{"data": f"https://e.com/{n}.jpg", "externalId": f"x{n}"} for n in range(assets)]
    }
    assert api.post(f"/project/{pid}/cloud", json=cloud).status_code in (200, 201)
    tasks = _ok(api.get(f"/project/{pid}/tasks", params={"limit": 100}))["tasks"]
    return pid, tasks


def test_a_task_goes_through_label_review_and_back() -> None:
    config = MockConfig.from_keys_and_projects([KEY_A, KEY_B], ["a" * 24, "b" * 24])
    with run_mock_server(config=config) as mock, _client(mock.base_url, KEY_A) as api:
        owner = mock.state.organisation_for_key(KEY_A).owner_email  # type: ignore[union-attr]
        pid, tasks = _project(api, 2)
        assert [(t["stage"], t["status"], t["assignee"]) for t in tasks] == [
            ("Start", "TODO", None)
        ] * 2
        task = tasks[0]["_id"]
        assigned = _ok(
            api.post(
                "/task/assign",
                json={"project": pid, "tasks": [task], "user": owner, "stage": "Label"},
            )
        )
        assert (assigned["assigned"], assigned["tasks"][0]["stage"]) == (1, "Label")
        again = _ok(api.post("/task/assign", json={"project": pid, "tasks": [task], "user": owner}))
        assert again["assigned"] == 0  # setting the same assignee changes nothing
        saved = _ok(api.post(f"/annotate/{task}", json={"answer": ANSWER}))["label"]
        assert (saved["stage"], saved["isDraft"], saved["answer"]) == ("Label", True, SHOWN)
        sent = _ok(
            api.post(f"/annotate/{task}?nextStage=true", json={"answer": ANSWER, "duration": 3})
        )
        assert (sent["label"]["stage"], sent["label"]["isDraft"]) == ("Review", False)
        rejected = _ok(api.post(f"/review/{task}", json={"reviewStatus": "Rejected"}))["task"]
        assert (rejected["stage"], rejected["reviewStatus"]) == ("Label", "Rejected")
        not_review = api.post(f"/review/{task}", json={"reviewStatus": "Accepted"})
        assert not_review.status_code == 400
        assert "not a Review stage" in not_review.text
        _ok(api.post(f"/annotate/{task}?nextStage=true", json={"answer": ANSWER, "duration": 2}))
        done = _ok(api.post(f"/review/{task}", json={"reviewStatus": "Accepted"}))["task"]
        assert (done["stage"], done["status"], done["duration"]) == ("Complete", "Completed", 5)
        assert done["completedAt"] is not None
        stuck = api.post(f"/annotate/{task}?nextStage=true", json={"answer": ANSWER})
        assert stuck.status_code == 400
        assert "no next stage" in stuck.text

        history = _ok(api.get(f"/task/{task}/history", params={"limit": 100}))
        steps = [(e["action"], e["stage"], e["toStage"]) for e in history["history"]]
        assert steps == [
            ("create", "Start", "Start"),
            ("assign", "Start", "Label"),
            ("save", "Label", "Label"),
            ("submit", "Label", "Review"),
            ("review", "Review", "Label"),
            ("submit", "Label", "Review"),
            ("review", "Review", "Complete"),
        ]
        assert history["total"] == 7
        assert {e["user"] for e in history["history"][1:]} == {owner}
        entry = history["history"][3]
        assert _ok(api.get(f"/taskHistory/{entry['_id']}"))["taskHistory"] == entry
        assert entry["answer"] == ANSWER
        assert entry["duration"] == 3

        export = api.get("/export", params={"project": pid, "includeHistory": "true"})
        link = export.json()["data"]["exportPath"]
        archive = zipfile.ZipFile(io.BytesIO(httpx.get(link).content))
        exported = {t["taskId"]: t for t in json.loads(archive.read(archive.namelist()[0]))}
        row = exported[task]
        assert (row["stage"], row["status"], row["assignee"], row["reviewStatus"]) == (
            "Complete",
            "Completed",
            owner,
            "Accepted",
        )
        assert row["task"]["classifications"] == ANSWER["classifications"]
        assert [h["action"] for h in row["history"]] == [a for a, _, _ in steps]

        with _client(mock.base_url, KEY_B) as other:
            assert other.get(f"/task/{task}").status_code == 404
            assert other.get(f"/taskHistory/{entry['_id']}").status_code == 404
            assert other.post(f"/annotate/{task}", json={"answer": ANSWER}).status_code == 404


def test_requeue_priority_benchmark_and_their_history() -> None:
    with run_mock_server() as mock, _client(mock.base_url, mock.api_key) as api:
        pid, tasks = _project(api, 3)
        ids = [t["_id"] for t in tasks]
        for task in ids[:2]:
            _ok(api.post(f"/annotate/{task}?nextStage=true", json={"answer": ANSWER}))
        bad = api.post(f"/project/{pid}/requeueTasks", json={"toStageId": "Nowhere"})
        assert bad.status_code == 400
        assert "toStageId" in bad.text
        assert "Label" in bad.text
        body = {
            "toStageId": "Label",
            "filters": {"fromStageIds": ["Review"]},
            "options": {"removeAnnotations": True},
        }
        moved = _ok(api.post(f"/project/{pid}/requeueTasks", json=body))
        assert moved == {"modifiedCount": {"modified": 2, "toStageId": "Label"}}
        back = _ok(api.get(f"/task/{ids[0]}", params={"includeAnswer": "True"}))["task"]
        assert (back["stage"], back["answer"]) == ("Label", EMPTY)
        clear = {
            "toStageId": "Start",
            "filters": {"taskIds": [ids[0]]},
            "options": {"removeStageHistory": True},
        }
        _ok(api.post(f"/project/{pid}/requeueTasks", json=clear))
        assert [e["action"] for e in _ok(api.get(f"/task/{ids[0]}/history"))["history"]] == [
            "requeue"
        ]

        prio = {"priority": 7, "filters": {"externalIds": ["x1", "x2"]}}
        assert _ok(api.post(f"/project/{pid}/updatePriority", json=prio)) == {
            "result": {"matchedCount": 2, "modifiedCount": 2}
        }
        assert (
            _ok(api.post(f"/project/{pid}/updatePriority", json=prio))["result"]["modifiedCount"]
            == 0
        )
        high = api.post(f"/project/{pid}/updatePriority", json={"priority": 1001})
        assert high.status_code == 400
        assert "priority" in high.text

        marked = _ok(
            api.post(
                f"/project/{pid}/benchmark-tasks", json={"tasks": [ids[2]], "isBenchmark": True}
            )
        )
        assert marked == {"modified": 1, "isBenchmark": True}
        unknown = api.post(f"/project/{pid}/benchmark-tasks", json={"tasks": [ids[2], "f" * 24]})
        assert unknown.status_code == 400
        assert "tasks[1]" in unknown.text
        actions = [e["action"] for e in _ok(api.get(f"/task/{ids[2]}/history"))["history"]]
        assert actions == ["create", "priority", "benchmark"]
        stranger = api.post(
            "/task/assign", json={"project": pid, "tasks": ids[:1], "user": "nobody@example.com"}
        )
        assert stranger.status_code == 400
        assert "user" in stranger.text


def test_listing_filters_sort_fields_and_paging() -> None:
    with run_mock_server() as mock, _client(mock.base_url, mock.api_key) as api:
        pid, tasks = _project(api, 5)
        ids = [t["_id"] for t in tasks]
        _ok(api.post(f"/annotate/{ids[1]}?nextStage=true", json={"answer": ANSWER}))
        _ok(
            api.post(
                f"/project/{pid}/updatePriority",
                json={"priority": 9, "filters": {"taskIds": ids[3:]}},
            )
        )

        def listed(**params: Any) -> list[str]:
            return [
                t["_id"]
                for t in _ok(api.get(f"/project/{pid}/tasks", params={"limit": 100, **params}))[
                    "tasks"
                ]
            ]

        assert listed(stage="Review") == [ids[1]]
        assert listed(filter=json.dumps({"stage": {"$in": ["Review", "Label"]}})) == [ids[1]]
        assert listed(filters=json.dumps({"priority": {"$gte": 5}})) == ids[3:]
        assert (
            listed(
                **{
                    "status[eq]": "TODO",
                    "filter": json.dumps({"externalId": {"$regex": "^x[34]$"}}),
                }
            )
            == ids[3:]
        )
        assert listed(sort="-priority,-externalId")[:2] == [ids[4], ids[3]]
        assert (
            listed(
                filter=json.dumps({"isBenchmark": {"$eq": False}, "assignee": {"$exists": False}})
            )
            == ids
        )
        page = _ok(
            api.get(f"/project/{pid}/tasks", params={"page": 2, "limit": 2, "fields": "stage"})
        )
        assert page["total"] == 5
        assert [set(t) for t in page["tasks"]] == [{"_id", "project", "asset", "stage"}] * 2
        with_answer = _ok(
            api.get(f"/project/{pid}/tasks", params={"includeAnswer": "true", "stage": "Review"})
        )
        assert with_answer["tasks"][0]["answer"] == SHOWN
        # No source lists the filterable or sortable fields: a field no task has matches
        # nothing, and sorting by one keeps the order (by an object field too).
        wrong = api.get(f"/project/{pid}/tasks", params={"filter": json.dumps({"colour": "red"})})
        assert _ok(wrong)["tasks"] == []
        plain = _ok(api.get(f"/project/{pid}/tasks"))["tasks"]
        unsorted = _ok(api.get(f"/project/{pid}/tasks", params={"sort": "colour"}))["tasks"]
        assert [t["_id"] for t in unsorted] == [t["_id"] for t in plain]
        by_answer = api.get(f"/project/{pid}/tasks", params={"sort": "answer,-stage"})
        assert by_answer.status_code == 200, by_answer.text
