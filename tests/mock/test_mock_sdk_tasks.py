"""The official SDK's task calls against a live mock, in a subprocess: get_tasks (with its
TaskFilter, deprecated status/stage/batches, fields, sort, include_answer), get_task,
get_task_history (both forms), assign_task, annotate_task (draft, merged submit, overwrite),
review_task (both decisions), update_tasks_priority, set_tasks_as_benchmark, requeue_tasks.

Every request the SDK sends is validated against openapi.yaml by the mock (an invalid one is
answered 400 and the SDK raises), so a clean run proves the spec accepts what it sends.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from ango_hub.mock.server import MockServer

from tests.support.sdk import run_sdk_script

# Heavy (a subprocess, a browser, a build or a fuzzer): not in `make test-fast`.
pytestmark = pytest.mark.slow

SCRIPT = Path(__file__).with_name("sdk_tasks_script.py")


def test_official_sdk_task_calls(mock: MockServer) -> None:
    owner = mock.state.organisation_for_key(mock.api_key).owner_email  # type: ignore[union-attr]
    mock.ctx.requests.clear()
    result = run_sdk_script(SCRIPT, mock.root_url, mock.api_key, owner)
    out = result.out
    assert [t["stage"] for t in out["get_tasks"]] == ["Start"] * 3
    assert out["assign_task"]["data"]["tasks"][0]["assignee"] == owner
    assert (out["annotate_draft"], out["annotate_submit"]) == (True, True)
    answer = out["get_task"]["data"]["task"]["answer"]
    # annotate_task(overwrite=False) merged the draft's classification into the submitted box
    assert [c["answer"] for c in answer["classifications"]] == ["red"]
    assert [t["schemaId"] for t in answer["tools"]] == ["box"]
    assert out["get_task"]["data"]["task"]["stage"] == "Review"
    assert out["review_rejected"]["data"]["task"]["stage"] == "Label"
    assert out["review_accepted"]["data"]["task"]["stage"] == "Complete"
    actions = [e["action"] for e in out["get_task_history"]["data"]["history"]]
    assert actions == ["create", "assign", "save", "submit", "review", "submit", "review"]
    assert out["get_task_history_entry"]["data"]["taskHistory"]["action"] == "assign"
    assert out["update_tasks_priority"]["data"]["result"]["modifiedCount"] == 2
    assert out["set_tasks_as_benchmark"]["data"] == {"modified": 1, "isBenchmark": True}
    assert out["unset_benchmark"]["data"] == {"modified": 1, "isBenchmark": False}
    assert out["requeue_tasks"]["data"]["modifiedCount"] == {"modified": 1, "toStageId": "Label"}
    assert out["by_filter"]["total"] == 1
    assert out["by_status"]["total"] == 2
    assert all("answer" in t for t in out["by_status"]["tasks"])
    fields = out["by_fields"]["tasks"]
    assert [t["priority"] for t in fields][:2] == [8, 8]
    assert all(set(t) <= {"_id", "project", "asset", "stage", "priority", "answer"} for t in fields)
    counts = mock.requests.counts
    for operation in (
        "listTasks",
        "getTask",
        "getTaskHistory",
        "getTaskHistoryEntry",
        "assignTasks",
        "annotateTask",
        "reviewTask",
        "updateTasksPriority",
        "setTasksBenchmark",
        "requeueTasks",
    ):
        assert counts[operation] >= 1, operation
    assert not [e for e in mock.requests.entries if e["status"] >= 400]
