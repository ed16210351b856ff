"""Drive the official SDK (imerit-ango) against a live mock. Run with .venv-sdk/bin/python.

Usage: sdk_script.py ROOT_URL API_KEY PROJECT_ID WORKDIR. Prints one JSON object of results.
"""

import json
import os
import sys
import urllib.request
from datetime import datetime, timedelta

from imerit_ango.models.chat_asset_creation_config import ChatAssetCreationConfig
from imerit_ango.models.enums import StorageFileTypes
from imerit_ango.models.export_options import ExportOptions, TimeFilter
from imerit_ango.sdk import SDK

root, key, project, workdir = sys.argv[1:5]
sdk = SDK(key, host=root)
out = {}

# Local upload: get_project, getUploadUrl, PUT bytes, cloud import with uploadLocal "true".
image = os.path.join(workdir, "cat.jpg")
with open(image, "wb") as fh:
    fh.write(b"\xff\xd8\xff-fake-jpeg-bytes")
out["list_projects"] = sdk.list_projects(1, 10)
out["upload_files"] = sdk.upload_files(project, [{"data": image, "externalId": "cat-1"}])
listed = sdk.get_assets(project, filters={"externalId": "cat-1"})
asset = listed["data"]["assets"][0]
out["uploaded_asset_data"] = asset["data"]
signed = sdk._get_signed_url(asset["data"], project, StorageFileTypes.ASSET)
out["signed_download"] = urllib.request.urlopen(signed).read().decode("latin-1")  # noqa: S310

# Cloud import, into a batch created by name through the SDK's compat calls.
sdk.create_batch(project, "batch-a")
out["upload_files_cloud"] = sdk.upload_files_cloud(
    project,
    [{"data": "https://example.com/dog.jpg", "externalId": "dog-1", "metadata": {"k": "v"}}],
    batches=["batch-a"],
)
batch_id = sdk.get_batches(project)[0]["_id"]
out["batch_id"] = batch_id
out["filtered_by_batch"] = sdk.get_assets(project, filters={"batches": [batch_id]})["data"]["total"]
dog_id = sdk.get_assets(project, filters={"externalId": "dog-1"})["data"]["assets"][0]["_id"]

# Batches, attachments, labels.
out["assign_batches"] = sdk.assign_batches(project, [asset["_id"]], ["batch-b"])
out["create_attachment"] = sdk.create_attachment(
    project,
    [
        {
            "externalId": "dog-1",
            "attachmentUrl": "https://example.com/a.pdf",
            "attachmentType": "pdf",
        }
    ],
)
out["import_labels"] = sdk.import_labels(
    project,
    [
        {
            "externalId": "dog-1",
            "answer": {"objects": [], "classifications": [{"schemaId": "c1"}]},
            "status": "Completed",
        }
    ],
)
out["prelabeled_total"] = sdk.get_assets(project, filters={"isPreLabeled": True})["data"]["total"]

# Chat upload: with a file (multipart) and without one (form-urlencoded).
conv = os.path.join(workdir, "conversations.json")
with open(conv, "w") as fh:
    json.dump([{"messages": [{"role": "user", "content": "hi"}]}, {"messages": []}], fh)
out["chat_file"] = sdk.upload_chat_assets(project, ChatAssetCreationConfig(conversation_json=conv))
out["chat_empty"] = sdk.upload_chat_assets(project, ChatAssetCreationConfig(number_of_assets=3))

# Export (downloads exportPath with urllib, no apikey): default stage ["Complete"].
out["export_complete"] = sdk.exportV3(project)
out["export_all_stages"] = len(sdk.exportV3(project, ExportOptions(stage=["Start", "Complete"])))
since = datetime.utcnow() - timedelta(hours=1)
out["export_time_filtered"] = len(
    sdk.exportV3(
        project, ExportOptions(stage=["Start", "Complete"], created_at=TimeFilter(from_date=since))
    )
)
out["export_batch_filtered"] = len(
    sdk.exportV3(project, ExportOptions(stage=["Start", "Complete"], batches=[batch_id]))
)

# Delete.
out["delete_assets"] = sdk.delete_assets(project, [dog_id])
out["total_after_delete"] = sdk.get_assets(project)["data"]["total"]
print(json.dumps(out))
