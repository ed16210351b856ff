"""``ango-hub tasks ...`` against the mock: one task through review, with the documented exit
codes for bad input (2) and an unknown task (1)."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
from ango_hub.mock.server import MockServer
from cli_helpers import RunCli

STAGES = [
    {"id": "Start", "type": "Start", "name": "Start", "next": ["Label"]},
    {"id": "Label", "type": "Label", "name": "Label", "next": ["Review"]},
    {"id": "Review", "type": "Review", "name": "Review", "next": ["Complete"]},
    {"id": "Complete", "type": "Complete", "name": "Complete", "next": []},
]
ANSWER = {"objects": [], "classifications": [{"schemaId": "c", "answer": "cat"}], "relations": []}


def _tasks(mock: MockServer, count: int) -> list[str]:
    base, headers = mock.base_url, {"apikey": mock.api_key}
    pid = mock.project_id
    assert httpx.post(f"{base}/project/{pid}", json={"stages": STAGES}, headers=headers).is_success
    body = {
        "assets": [{"data": f"https://e.x/{n}.jpg", "externalId": f"e{n}"} for n in range(count)]
    }
    assert httpx.post(f"{base}/project/{pid}/cloud", json=body, headers=headers).is_success
    listed = httpx.get(f"{base}/project/{pid}/tasks", headers=headers).json()
    return [t["_id"] for t in listed["data"]["tasks"]]


def test_one_task_through_review(cli: RunCli, mock: MockServer, tmp_path: Path) -> None:
    task, other = _tasks(mock, 2)
    me = f"owner@{mock.state.organisation_for_key(mock.api_key).id}.mock.invalid"  # type: ignore[union-attr]
    listed = cli("--json", "tasks", "list", mock.project_id, "--stage", "Start", "--all")
    assert (listed.code, listed.json()["total"]) == (0, 2)
    assert cli("tasks", "assign", mock.project_id, me, task, "--stage", "Label").stdout == (
        f"Assigned 1 of 1 tasks to {me}.\n"
    )
    answer = tmp_path / "answer.json"
    answer.write_text(json.dumps(ANSWER))
    sent = cli("--json", "tasks", "annotate", task, str(answer), "--submit")
    assert (sent.code, sent.json()["stage"]) == (0, "Review")
    rejected = cli("tasks", "review", task, "Rejected")
    assert rejected.code == 0
    assert "stage: Label" in rejected.stdout
    again = cli("--json", "tasks", "annotate", task, "-", "--submit", input=json.dumps(ANSWER))
    assert again.json()["stage"] == "Review"
    accepted = cli("--json", "tasks", "review", task, "Accepted")
    assert (accepted.json()["stage"], accepted.json()["status"]) == ("Complete", "Completed")
    shown = cli("--json", "tasks", "get", task, "--answer").json()
    assert shown["answer"] == {
        "tools": [],
        "classifications": ANSWER["classifications"],
        "relations": [],
    }
    history = cli("--json", "tasks", "history", task).json()["history"]
    assert [e["action"] for e in history] == [
        "create",
        "assign",
        "submit",
        "review",
        "submit",
        "review",
    ]
    table = cli("tasks", "history", task)
    assert "6 history entries" in table.stdout

    assert cli("tasks", "priority", mock.project_id, "7", "--task", other).stdout == (
        "Priority 7: 1 of 1 changed.\n"
    )
    moved = cli("--json", "tasks", "requeue", mock.project_id, "Label", "--from-stage", "Complete")
    assert moved.json() == {"modified": 1, "toStageId": "Label"}
    human = cli("tasks", "list", mock.project_id, "--filter", '{"priority": {"$gte": 5}}')
    assert "1 of 1 tasks (page 1)" in human.stdout


def test_bad_input_exits_2_and_an_unknown_task_3(
    cli: RunCli, mock: MockServer, tmp_path: Path
) -> None:
    (task,) = _tasks(mock, 1)
    bad = cli("tasks", "review", task, "Maybe")
    assert bad.code == 2
    assert "Accepted" in bad.stderr
    not_json = tmp_path / "a.json"
    not_json.write_text("[1]")
    assert cli("tasks", "annotate", task, str(not_json)).code == 2
    assert cli("tasks", "annotate", task, str(tmp_path / "missing.json")).code == 2
    assert cli("tasks", "list", mock.project_id, "--filter", "{").code == 2
    assert cli("tasks", "list", mock.project_id, "--limit", "5000").code == 2
    unknown = cli("tasks", "get", "f" * 24)
    assert unknown.code == 3
    assert "404" in unknown.stderr
