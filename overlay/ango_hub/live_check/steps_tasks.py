"""Live-check steps for tasks (listed, in order, in :mod:`.plan`).

Write mode works on one task in the project the run creates (never in ``run.project``): the
step that lists tasks first imports one asset there, and the run's workflow has a Review stage
(:data:`.steps_projects.STAGES`), so the task goes Label -> Review -> Complete and back; deleting
the project removes it. Read mode reads the first task of ``run.project``, if it has any.
"""

from __future__ import annotations

from typing import Any

from .context import Mode, NothingToRead, Run, Skipped
from .steps_projects import _own

ANSWER: dict[str, list[Any]] = {"objects": [], "classifications": [], "relations": []}


def list_tasks(run: Run) -> None:
    project = _own(run)
    if run.mode is Mode.WRITE:
        external_id = f"{run.tag}-task"
        run.ledger.expect("asset", external_id)
        asset = {"data": "https://example.com/live-check-task.jpg", "externalId": external_id}
        run.call("importCloudAssets", {"projectId": project}, body={"assets": [asset]})
        answer = run.call("listTasks", {"projectId": project, "limit": 10, "sort": "-createdAt"})
        tasks = [t for t in answer["data"]["tasks"] if t.get("externalId") == external_id]
    else:
        answer = run.call("listTasks", {"projectId": project, "page": 1, "limit": 10})
        tasks = answer["data"]["tasks"]
    if tasks:
        run.found["task"] = tasks[0]["_id"]


def _task(run: Run) -> str:
    if "task" in run.found:
        return str(run.found["task"])
    if run.mode is Mode.READ:
        raise NothingToRead("the project has no task to read")
    run.own_project()  # no project of its own: skipped for that reason
    raise Skipped("skipped: the run's task was not found in the listing")


def get_task(run: Run) -> None:
    run.call("getTask", {"taskId": _task(run), "includeAnswer": "true"})


def get_task_history(run: Run) -> None:
    answer = run.call("getTaskHistory", {"taskId": _task(run), "limit": 10})
    data = answer["data"]  # the vendor's SDK docs name the list taskHistory; the mock sends both
    entries = data.get("taskHistory", data.get("history", []))
    if entries:
        run.found["task_history"] = entries[0]["_id"]


def get_task_history_entry(run: Run) -> None:
    if "task_history" not in run.found:
        if run.mode is Mode.READ:
            raise NothingToRead("the project has no task history entry to read")
        _task(run)
        raise Skipped("skipped: the run's task has no history entry")
    run.call("getTaskHistoryEntry", {"taskHistoryId": run.found["task_history"]})


def assign_tasks(run: Run) -> None:
    # The project's creator (the key's user) is one of its members.
    project = run.call("getProject", {"projectId": _own(run)})["data"]["project"]
    members = project.get("assignedTo") or []
    if not members:
        raise LookupError("the run's project has no member to assign the task to")
    body = {"project": _own(run), "tasks": [_task(run)], "user": members[0]["user"]}
    run.call("assignTasks", body=body)


def annotate_task(run: Run) -> None:
    query = {"taskId": _task(run), "nextStage": "true"}
    run.call("annotateTask", query, body={"answer": ANSWER, "duration": 0})


def review_task(run: Run) -> None:
    run.call("reviewTask", {"taskId": _task(run)}, body={"reviewStatus": "Accepted"})


def requeue_tasks(run: Run) -> None:
    body = {"toStageId": "Label", "filters": {"taskIds": [_task(run)]}}
    run.call("requeueTasks", {"projectId": _own(run)}, body=body)


def update_tasks_priority(run: Run) -> None:
    body = {"priority": 1, "filters": {"taskIds": [_task(run)]}}
    run.call("updateTasksPriority", {"projectId": _own(run)}, body=body)


def set_tasks_benchmark(run: Run) -> None:
    body = {"tasks": [_task(run)], "isBenchmark": False}
    run.call("setTasksBenchmark", {"projectId": _own(run)}, body=body)
