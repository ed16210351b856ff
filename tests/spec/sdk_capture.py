"""Record every HTTP request the official SDK (imerit-ango) sends for the spec's operations.

Run with the SDK's own interpreter (``.venv-sdk/bin/python``): the SDK pins libraries our venv
does not share. No network: ``requests``' transport adapter is replaced by one that records the
prepared request and answers with a canned body. Prints a JSON list of
``{"call", "method", "url", "headers", "body_b64"}`` (body as sent, base64).

Usage: sdk_capture.py WORKDIR
"""

import base64
import contextlib
import json
import os
import sys
import urllib.request
from datetime import datetime

import requests
from imerit_ango.models.chat_asset_creation_config import ChatAssetCreationConfig, LLMConfig
from imerit_ango.models.enums import ExportFormats, ExportTypes, StorageFileTypes, TaskTypes
from imerit_ango.models.export_options import ExportOptions, TimeFilter
from imerit_ango.sdk import SDK

API = "https://imeritapi.ango.ai"
KEY = "sdk-test-key"
PROJECT = "507f1f77bcf86cd799439011"
BATCH_ID = "65a1f0c2e4b0a1b2c3d4e5f7"
ASSET_ID = "65a1f0c2e4b0a1b2c3d4e5f6"
LLM_ID = "6650a1b2c3d4e5f6a7b8c9d0"
UPLOAD_URL = "https://bucket.s3.amazonaws.com/project/assets/5f2b.jpg?X-Amz-Signature=abc"

captured = []
current_call = ["?"]


def canned(request):
    """A plausible answer, enough for the SDK to carry on to its next request."""
    path = request.path_url.split("?")[0]
    if path == f"/v2/project/{PROJECT}":
        data = {"project": {"type": "image", "batches": [{"_id": BATCH_ID, "name": "batch-a"}]}}
    elif path == "/v2/getUploadUrl":
        data = {"uploadUrl": UPLOAD_URL}
    elif path == "/v2/getSignedUrl":
        data = {"signedUrl": "https://bucket.s3.amazonaws.com/x?sig=1"}
    elif path == "/v2/export":
        data = {"exportPath": "https://bucket.s3.amazonaws.com/exports/e.zip"}
    else:
        data = {}
    return {"status": "success", "data": data}


def fake_send(self, request, **kwargs):
    body = request.body
    if isinstance(body, str):
        body = body.encode()
    captured.append(
        {
            "call": current_call[0],
            "method": request.method,
            "url": request.url,
            "headers": dict(request.headers),
            "body_b64": base64.b64encode(body or b"").decode(),
        }
    )
    response = requests.Response()
    response.status_code = 200
    response._content = json.dumps(canned(request)).encode()
    response.headers["Content-Type"] = "application/json"
    response.request = request
    response.url = request.url
    return response


class StopAfterExportCall(Exception):
    """Raised instead of downloading the export archive: only the API call matters here."""


def no_download(*args, **kwargs):
    raise StopAfterExportCall


requests.adapters.HTTPAdapter.send = fake_send
urllib.request.urlretrieve = no_download


def call(name, fn, *args, **kwargs):
    current_call[0] = name
    with contextlib.suppress(StopAfterExportCall):
        fn(*args, **kwargs)


workdir = sys.argv[1]
image = os.path.join(workdir, "cat.jpg")
with open(image, "wb") as fh:
    fh.write(b"\xff\xd8\xff-fake-jpeg")
conversations = os.path.join(workdir, "conversations.json")
with open(conversations, "w") as fh:
    json.dump([{"messages": [{"role": "user", "content": "Hi"}]}], fh)

sdk = SDK(KEY, host=API)
sdk.logger.disabled = True
call("upload_files", sdk.upload_files, PROJECT, [image, {"data": image, "externalId": "cat-2"}])
call(
    "upload_files_cloud",
    sdk.upload_files_cloud,
    PROJECT,
    [
        {"data": "https://my-bucket.s3.amazonaws.com/a.jpg", "externalId": "a"},
        {
            "data": "https://my-bucket.s3.amazonaws.com/b.jpg",
            "metadata": {"k": "v"},
            "contextData": {"c": 1},
            "batches": ["batch-a"],
        },
    ],
    batches=["batch-a"],
    priority=5,
)
call("get_assets_default", sdk.get_assets, PROJECT)
call(
    "get_assets_filters",
    sdk.get_assets,
    PROJECT,
    page=2,
    limit=100,
    filters={"_id": ASSET_ID, "externalId": "cat 1", "isPreLabeled": True, "batches": [BATCH_ID]},
)
call("delete_assets", sdk.delete_assets, PROJECT, [ASSET_ID])
call("assign_batches", sdk.assign_batches, PROJECT, [ASSET_ID], [BATCH_ID])
call(
    "create_attachment",
    sdk.create_attachment,
    PROJECT,
    [{"externalId": "a", "attachmentUrl": "https://example.com/a.pdf", "attachmentType": "pdf"}],
)
call(
    "import_labels",
    sdk.import_labels,
    PROJECT,
    [{"externalId": "a", "answer": {"objects": [], "classifications": []}, "status": "Completed"}],
)
for file_type in StorageFileTypes:
    call(f"get_upload_url_{file_type.value}", sdk._get_upload_url, "x.png", PROJECT, file_type)
call(
    "get_upload_url_storage",
    sdk._get_upload_url,
    "x.png",
    PROJECT,
    StorageFileTypes.ASSET,
    storage_id="65a1f0c2e4b0a1b2c3d4e5f8",
)
call(
    "get_signed_url",
    sdk._get_signed_url,
    "https://bucket.s3.amazonaws.com/project/assets/5f2b.jpg",
    PROJECT,
    StorageFileTypes.ASSET,
    storage_id="65a1f0c2e4b0a1b2c3d4e5f8",
)
call(
    "chat_with_file",
    sdk.upload_chat_assets,
    PROJECT,
    ChatAssetCreationConfig(conversation_json=conversations, storage_id="s1", bucket_name="b1"),
)
call(
    "chat_without_file",
    sdk.upload_chat_assets,
    PROJECT,
    ChatAssetCreationConfig(number_of_assets=3, llm_config=LLMConfig(id=LLM_ID)),
    priority=7,
)
call("export_defaults", sdk.exportV3, PROJECT)
call(
    "export_filtered",
    sdk.exportV3,
    PROJECT,
    ExportOptions(
        batches=[BATCH_ID],
        created_at=TimeFilter(datetime(2025, 1, 1), datetime(2025, 6, 30, 12, 0)),
        updated_at=TimeFilter(to_date=datetime(2025, 12, 31)),
        export_format=ExportFormats.NDJSON,
        include_key_frames_only=True,
        include_idle_blur_durations=True,
        send_email=True,
        include_metadata=False,
        include_history=False,
        notify=True,
    ),
)
call(
    "export_issues",
    sdk.export,
    PROJECT,
    ExportOptions(export_type=ExportTypes.ISSUE, task_type=TaskTypes.BENCHMARK),
)
call("export_stage", sdk.exportV3, PROJECT, ExportOptions(stage=["Start", "Complete"]))
json.dump(captured, sys.stdout)
