"""Drive the official SDK's task calls against a live mock (.venv-sdk python).

Usage: sdk_tasks_script.py ROOT_URL API_KEY OWNER_EMAIL. Prints one JSON object of results.
"""

import json
import sys
import warnings

from imerit_ango.models.annotate import AnnotationPayload, Answer
from imerit_ango.models.enums import ReviewStatus
from imerit_ango.models.task_filter import NumberRange, StringFilter, TaskFilter
from imerit_ango.sdk import SDK

warnings.simplefilter("ignore", DeprecationWarning)  # get_tasks(status=...) is deprecated
root, key, owner = sys.argv[1:4]
sdk = SDK(key, host=root)
out = {}
pid = sdk.create_project("SDK tasks")["data"]["project"]["_id"]
sdk.update_workflow_stages(
    pid,
    [
        {"id": "Start", "type": "Start", "name": "Start", "next": ["Label"]},
        {"id": "Label", "type": "Label", "name": "Label", "next": ["Review"]},
        {"id": "Review", "type": "Review", "name": "Review", "next": ["Complete"]},
        {"id": "Complete", "type": "Complete", "name": "Complete", "next": []},
    ],
)
sdk.create_batch(pid, "b1")
assets = [{"data": f"https://e.com/{n}.jpg", "externalId": f"sdk-{n}"} for n in range(3)]
sdk.upload_files_cloud(pid, assets, batches=["b1"])
tasks = sdk.get_tasks(pid, limit=100)["data"]["tasks"]
task, second, third = (t["_id"] for t in tasks)
out["get_tasks"] = tasks
out["assign_task"] = sdk.assign_task(pid, [task], "Label", owner)
cls = {"schemaId": "colour", "title": "Colour", "answer": "red"}
out["annotate_draft"] = sdk.annotate_task(
    task, AnnotationPayload(answer=Answer(classifications=[cls]))
)
box = {
    "schemaId": "box",
    "tool": "bounding-box",
    "bounding-box": {"x": 1, "y": 2, "width": 3, "height": 4},
}
payload = AnnotationPayload(answer=Answer(objects=[box]))
out["annotate_submit"] = sdk.annotate_task(task, payload, send_to_next_stage=True)  # merged
out["get_task"] = sdk.get_task(task, include_answer=True)
out["review_rejected"] = sdk.review_task(task, ReviewStatus.REJECTED)
out["annotate_overwrite"] = sdk.annotate_task(
    task,
    AnnotationPayload(answer=Answer(classifications=[cls])),
    overwrite=True,
    send_to_next_stage=True,
)
out["review_accepted"] = sdk.review_task(task, ReviewStatus.ACCEPTED, pct_details={"note": "ok"})
history = sdk.get_task_history(task_id=task)
out["get_task_history"] = history
out["get_task_history_entry"] = sdk.get_task_history(
    task_history_id=history["data"]["history"][1]["_id"]
)
out["update_tasks_priority"] = sdk.update_tasks_priority(
    pid, 8, filters={"taskIds": [second, third]}
)
out["set_tasks_as_benchmark"] = sdk.set_tasks_as_benchmark(pid, [third])
out["unset_benchmark"] = sdk.set_tasks_as_benchmark(pid, [third], is_benchmark=False)
out["requeue_tasks"] = sdk.requeue_tasks(
    pid, "Label", filters={"fromStageIds": ["Complete"]}, options={"removeAssignee": True}
)
out["by_filter"] = sdk.get_tasks(
    pid,
    limit=100,
    task_filter=TaskFilter(
        stage=["Label"], priority=NumberRange(gte=0), external_id=StringFilter(regex="^sdk-")
    ),
)["data"]
out["by_status"] = sdk.get_tasks(
    pid, status="TODO", stage="Start", batches=["b1"], include_answer=True
)["data"]
out["by_fields"] = sdk.get_tasks(pid, fields="stage,priority", sort="-priority,externalId")["data"]
print(json.dumps(out))
