"""Drive the official SDK's issue and storage methods against a live mock (.venv-sdk python).

Usage: sdk_issues_storages_script.py ROOT_URL API_KEY PROJECT_ID SECRET. Prints one JSON object.
"""

import json
import sys
import urllib.request

from imerit_ango.models.enums import StorageFileTypes, StorageProvider
from imerit_ango.models.storage import Storage
from imerit_ango.sdk import SDK

root, key, project, secret = sys.argv[1:5]
sdk = SDK(key, host=root)
out = {}

sdk.upload_files_cloud(project, [{"data": "https://example.com/a.jpg", "externalId": "a"}])
asset = sdk.get_assets(project, filters={"externalId": "a"})["data"]["assets"][0]
task = asset["labelTasks"][0]

out["create_issue"] = sdk.create_issue(
    task,
    "box too loose",
    content_mentions=["labeler@example.com"],
    position=[10, 20],
    error_codes=[{"category": "Geometry", "name": "Loose"}],
    page=0,
    plane="A",
)
issue_id = out["create_issue"]["data"]["issue"]["_id"]
out["create_object_issue"] = sdk.create_issue(task, "wrong class", object_id="obj-1")
out["get_issues"] = sdk.get_issues(project)
out["get_issues_filtered"] = sdk.get_issues(
    project, asset_id=asset["_id"], task_id=task, stage_id="Start"
)
out["update_issue"] = sdk.update_issue(
    issue_id, content="box far too loose", content_mentions=[], status="Resolved"
)
out["add_comment_to_issue"] = sdk.add_comment_to_issue(issue_id, "agreed", ["x@example.com"])
out["delete_issue"] = sdk.delete_issue(project, issue_id)
out["issues_after_delete"] = sdk.get_issues(project)

out["create_storage"] = sdk.create_storage(
    Storage("bucket-a", StorageProvider.AWS, public_key="AKIA-public", private_key=secret)
)
storage_id = out["create_storage"]["data"]["storage"]["_id"]
out["create_storage_gcp"] = sdk.create_storage(
    Storage("bucket-g", StorageProvider.GCP, credentials=json.dumps({"private_key": secret}))
)
out["get_storages"] = sdk.get_storages()
out["get_storage"] = sdk.get_storages(storage_id)

# A file uploaded into the custom storage, then listed, signed and browsed.
upload = sdk._get_upload_url("cat.jpg", project, StorageFileTypes.ASSET, storage_id)
request = urllib.request.Request(upload, data=b"meow", method="PUT")  # noqa: S310
urllib.request.urlopen(request).read()  # noqa: S310
out["list_storage_files"] = sdk.list_storage_files(storage_id, "bucket-a", path=project)
url = out["list_storage_files"]["data"]["files"][0]["url"]
signed = sdk._get_signed_url(url, project, StorageFileTypes.ASSET, storage_id)
out["signed_download"] = urllib.request.urlopen(signed).read().decode()  # noqa: S310
out["file_explorer"] = sdk.file_explorer(
    "bucket-a", storage_id, {"folder": f"{project}/assets", "extensions": [".jpg"]}
)
out["file_explorer_upload"] = sdk.file_explorer(
    "bucket-a", storage_id, {"folder": f"{project}/assets", "upload": True, "projectId": project}
)
out["upload_files_with_storage"] = sdk.upload_files_cloud(
    project, [{"data": url, "externalId": "from-storage"}], storage_id=storage_id
)
out["delete_storage"] = sdk.delete_storage(storage_id)
out["storages_after_delete"] = sdk.get_storages()
print(json.dumps(out))
