"""Drive the official SDK's project and batch calls against a live mock (.venv-sdk python).

Usage: sdk_projects_script.py ROOT_URL API_KEY. Prints one JSON object of results.
"""

import json
import sys

from imerit_ango.models.enums import ProjectType
from imerit_ango.sdk import SDK

root, key = sys.argv[1:3]
sdk = SDK(key, host=root)
out = {}
created = sdk.create_project("SDK project", "made by the SDK", ProjectType.Ango)
pid = created["data"]["project"]["_id"]
out["create_project"] = created
out["list_projects"] = sdk.list_projects(1, 100)
out["create_label_set"] = sdk.create_label_set(
    pid, raw_category_schema={"tools": [{"schemaId": "t1", "tool": "bounding-box"}]}
)
out["create_label_set_empty"] = sdk.create_label_set(pid)
stages = [
    {"id": "Start", "type": "Start", "name": "Start", "next": ["Label"]},
    {"id": "Label", "type": "Label", "name": "Label", "next": ["Complete"]},
    {"id": "Complete", "type": "Complete", "name": "Complete", "next": []},
]
out["update_workflow_stages"] = sdk.update_workflow_stages(pid, stages)
out["update_benchmark_settings"] = sdk.update_benchmark_settings(pid, True, 20, False)
out["create_batch"] = sdk.create_batch(pid, "one")
out["create_batches"] = sdk.create_batches(pid, ["one", "two", "three"])
out["get_batches"] = sdk.get_batches(pid)
out["get_project"] = sdk.get_project(pid)
clone = sdk.clone_project(pid, batches=False)
out["clone_project"] = clone
out["purge_project"] = sdk.purge_project(pid, "SDK project")
out["delete_clone"] = sdk.delete_project(clone["data"]["project"]["_id"])
out["delete_project"] = sdk.delete_project(pid)
out["list_after"] = sdk.list_projects(1, 100)
print(json.dumps(out))
