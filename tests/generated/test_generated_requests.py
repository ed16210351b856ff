"""The generated client puts the right request on the wire for each of the 12 operations.

Each call goes through the generated ``sync_detailed`` with an httpx ``MockTransport``; the
recorded request is checked field by field (method, path, query, headers, body) and then
against openapi.yaml.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from email.message import Message
from email.parser import BytesParser
from io import BytesIO
from typing import Any
from urllib.parse import parse_qsl

import httpx
import pytest
from ango_hub_api import AuthenticatedClient
from ango_hub_api.api.assets import (
    assign_batches,
    delete_assets,
    get_signed_url,
    get_upload_url,
    import_cloud_assets,
    list_assets,
    update_asset,
    upload_chat_assets,
)
from ango_hub_api.api.import_export import (
    export_tasks,
    export_tasks_v3,
    import_attachments,
    import_labels,
)
from ango_hub_api.models import (
    AssetUpdate,
    AssignBatchesRequest,
    ChatUploadForm,
    ChatUploadMultipart,
    CloudAsset,
    CloudImportRequest,
    DeleteAssetsRequest,
    ImportAttachmentsRequest,
    ImportLabelsRequest,
)
from ango_hub_api.types import File
from tests.spec.docs_examples import BY_OPERATION
from tests.spec.docs_requests import parse
from tests.generated.generated_harness import KEY, Recorder
from tests.spec.spec_wire import from_httpx, multipart_fields, operation_id_of, request_errors

PROJECT = "507f1f77bcf86cd799439011"
ASSET = "65a1f0c2e4b0a1b2c3d4e5f6"
BATCH = "65a1f0c2e4b0a1b2c3d4e5f7"
SIGNED_NAME = "https://b.s3.amazonaws.com/x.jpg?v=1&w=2"
CONVERSATIONS = b'[{"messages": [{"role": "user", "content": "Hi"}]}]'


def docs_body(operation_id: str) -> Any:
    body = parse(BY_OPERATION[operation_id].request).body
    assert body is not None
    return json.loads(body)


@dataclass
class Case:
    """One generated call and the request it must produce."""

    name: str
    operation_id: str
    call: Callable[[AuthenticatedClient], Any]
    method: str
    path: str
    query: list[tuple[str, str]]
    content_type: str | None = None  # None: no body at all
    json_body: Any = None
    form: list[tuple[str, str]] | None = None
    # multipart: (name, bytes, filename or None, part content-type or None)
    parts: list[tuple[str, bytes, str | None, str | None]] | None = None


CASES = [
    Case(
        "getUploadUrl docs",
        "getUploadUrl",
        lambda c: get_upload_url.sync_detailed(
            client=c, name="image.jpg", project=PROJECT, type_="assets"
        ),
        "GET",
        "/v2/getUploadUrl",
        [("name", "image.jpg"), ("project", PROJECT), ("type", "assets")],
    ),
    Case(
        "getUploadUrl storage",
        "getUploadUrl",
        lambda c: get_upload_url.sync_detailed(
            client=c,
            name="a b&c.png",
            project=PROJECT,
            type_="segmentationModels",
            storage_id="s1",
            bucket="my-bucket",
        ),
        "GET",
        "/v2/getUploadUrl",
        [
            ("name", "a b&c.png"),
            ("project", PROJECT),
            ("type", "segmentationModels"),
            ("storageId", "s1"),
            ("bucket", "my-bucket"),
        ],
    ),
    Case(
        "getSignedUrl docs",
        "getSignedUrl",
        lambda c: get_signed_url.sync_detailed(
            client=c, url_query="https://bucket.s3.amazonaws.com/project/assets/image.jpg"
        ),
        "GET",
        "/v2/getSignedUrl",
        [("url", "https://bucket.s3.amazonaws.com/project/assets/image.jpg")],
    ),
    Case(
        "getSignedUrl sdk form",
        "getSignedUrl",
        lambda c: get_signed_url.sync_detailed(
            client=c,
            name="https://b.s3.amazonaws.com/x.jpg?v=1&w=2",
            project=PROJECT,
            type_="assets",
        ),
        "GET",
        "/v2/getSignedUrl",
        [
            ("name", "https://b.s3.amazonaws.com/x.jpg?v=1&w=2"),
            ("project", PROJECT),
            ("type", "assets"),
        ],
    ),
    Case(
        "importCloudAssets docs",
        "importCloudAssets",
        lambda c: import_cloud_assets.sync_detailed(
            PROJECT, client=c, body=CloudImportRequest.from_dict(docs_body("importCloudAssets"))
        ),
        "POST",
        f"/v2/project/{PROJECT}/cloud",
        [],
        "application/json",
        json_body=docs_body("importCloudAssets"),
    ),
    Case(
        "importCloudAssets sdk form with batches",
        "importCloudAssets",
        lambda c: import_cloud_assets.sync_detailed(
            PROJECT,
            client=c,
            batches=json.dumps([BATCH]),
            body=CloudImportRequest.from_dict(
                {
                    "assets": [
                        {"data": "https://x/a.jpg", "externalId": "a", "metadata": None},
                        {"data": "https://x/b.jpg", "metadata": {"k": "v"}, "batches": [BATCH]},
                    ],
                    "uploadLocal": "true",
                    "priority": 5,
                }
            ),
        ),
        "POST",
        f"/v2/project/{PROJECT}/cloud",
        [("batches", f'["{BATCH}"]')],
        "application/json",
        json_body={
            "assets": [
                {"data": "https://x/a.jpg", "externalId": "a", "metadata": None},
                {"data": "https://x/b.jpg", "metadata": {"k": "v"}, "batches": [BATCH]},
            ],
            "uploadLocal": "true",
            "priority": 5,
        },
    ),
    Case(
        "importCloudAssets constructed",
        "importCloudAssets",
        lambda c: import_cloud_assets.sync_detailed(
            PROJECT,
            client=c,
            body=CloudImportRequest(assets=[CloudAsset(data="https://x/a.jpg")]),
        ),
        "POST",
        f"/v2/project/{PROJECT}/cloud",
        [],
        "application/json",
        # No `default` in the spec (the server's default is said in words), so nothing the
        # caller left out is sent.
        json_body={"assets": [{"data": "https://x/a.jpg"}]},
    ),
    Case(
        "uploadChatAssets multipart with file",
        "uploadChatAssets",
        lambda c: upload_chat_assets.sync_detailed(
            PROJECT,
            client=c,
            body=ChatUploadMultipart(
                project_id=PROJECT,
                number_of_conversations=1,
                priority=1,
                file=File(
                    payload=BytesIO(CONVERSATIONS),
                    file_name="conversations.json",
                    mime_type="application/json",
                ),
            ),
        ),
        "POST",
        f"/v2/project/{PROJECT}/chat",
        [],
        # The generator's fixed boundary (a known trap; the overlay sends a random one).
        "multipart/form-data; boundary=+++",
        parts=[
            ("projectId", PROJECT.encode(), None, "text/plain"),
            ("numberOfConversations", b"1", None, "text/plain"),
            ("priority", b"1", None, "text/plain"),
            ("file", CONVERSATIONS, "conversations.json", "application/json"),
        ],
    ),
    Case(
        "uploadChatAssets form without file",
        "uploadChatAssets",
        lambda c: upload_chat_assets.sync_detailed(
            PROJECT,
            client=c,
            body=ChatUploadForm(
                project_id=PROJECT,
                priority=0,
                number_of_conversations=3,
                naming_strategy='{"type": "random"}',
                llm_config='{"id": "6650a1b2c3d4e5f6a7b8c9d0"}',
            ),
        ),
        "POST",
        f"/v2/project/{PROJECT}/chat",
        [],
        "application/x-www-form-urlencoded",
        form=[
            ("projectId", PROJECT),
            ("llmConfig", '{"id": "6650a1b2c3d4e5f6a7b8c9d0"}'),
            ("numberOfConversations", "3"),
            ("namingStrategy", '{"type": "random"}'),
            ("priority", "0"),
        ],
    ),
    Case(
        "listAssets defaults",
        "listAssets",
        lambda c: list_assets.sync_detailed(PROJECT, client=c),
        "GET",
        f"/v2/project/{PROJECT}/assets",
        # Parameters with a spec default are always sent (docs/GENERATOR-NOTES.md).
        [("page", "1"), ("limit", "10")],
    ),
    Case(
        "listAssets docs with filters",
        "listAssets",
        lambda c: list_assets.sync_detailed(
            PROJECT,
            client=c,
            page=2,
            limit=100,
            external_id="image-001",
            filters=json.dumps({"isPreLabeled": True, "batches": [BATCH]}),
        ),
        "GET",
        f"/v2/project/{PROJECT}/assets",
        [
            ("page", "2"),
            ("limit", "100"),
            ("filters", json.dumps({"isPreLabeled": True, "batches": [BATCH]})),
            ("externalId", "image-001"),
        ],
    ),
    Case(
        "deleteAssets",
        "deleteAssets",
        lambda c: delete_assets.sync_detailed(
            PROJECT, client=c, body=DeleteAssetsRequest(assets=[ASSET], project=PROJECT)
        ),
        "DELETE",
        f"/v2/project/{PROJECT}/assets",
        [],
        "application/json",
        json_body={"assets": [ASSET], "project": PROJECT},
    ),
    Case(
        "updateAsset docs",
        "updateAsset",
        lambda c: update_asset.sync_detailed(
            ASSET, client=c, body=AssetUpdate.from_dict(docs_body("updateAsset"))
        ),
        "POST",
        f"/v2/assets/{ASSET}",
        [],
        "application/json",
        json_body=docs_body("updateAsset"),
    ),
    Case(
        "updateAsset path is escaped",
        "updateAsset",
        lambda c: update_asset.sync_detailed("a/b?c", client=c, body=AssetUpdate(external_id="x")),
        "POST",
        "/v2/assets/a%2Fb%3Fc",
        [],
        "application/json",
        json_body={"externalId": "x"},
    ),
    Case(
        "assignBatches docs",
        "assignBatches",
        lambda c: assign_batches.sync_detailed(
            client=c, body=AssignBatchesRequest.from_dict(docs_body("assignBatches"))
        ),
        "POST",
        "/v2/assignBatches",
        [],
        "application/json",
        json_body=docs_body("assignBatches"),
    ),
    Case(
        "assignBatches sdk form",
        "assignBatches",
        lambda c: assign_batches.sync_detailed(
            client=c,
            body=AssignBatchesRequest(assets=[ASSET], batches=[BATCH], project_id=PROJECT),
        ),
        "POST",
        "/v2/assignBatches",
        [],
        "application/json",
        # `mode` left out is not sent: the spec states the server's default in words only.
        json_body={"assets": [ASSET], "batches": [BATCH], "projectId": PROJECT},
    ),
    Case(
        "importAttachments docs",
        "importAttachments",
        lambda c: import_attachments.sync_detailed(
            client=c, body=ImportAttachmentsRequest.from_dict(docs_body("importAttachments"))
        ),
        "POST",
        "/v2/attachments",
        [],
        "application/json",
        json_body=docs_body("importAttachments"),
    ),
    Case(
        "importLabels docs",
        "importLabels",
        lambda c: import_labels.sync_detailed(
            client=c, body=ImportLabelsRequest.from_dict(docs_body("importLabels"))
        ),
        "POST",
        "/v2/import/labels",
        [],
        "application/json",
        json_body=docs_body("importLabels"),
    ),
    Case(
        "importLabels sdk form",
        "importLabels",
        lambda c: import_labels.sync_detailed(
            client=c,
            body=ImportLabelsRequest.from_dict(
                {"project": PROJECT, "jsonContent": [{"assetId": ASSET, "answer": {}}]}
            ),
        ),
        "POST",
        "/v2/import/labels",
        [],
        "application/json",
        json_body={"project": PROJECT, "jsonContent": [{"assetId": ASSET, "answer": {}}]},
    ),
    Case(
        "exportTasks docs",
        "exportTasks",
        lambda c: export_tasks.sync_detailed(
            client=c,
            project=PROJECT,
            format_="json",
            status="Completed",
            include_assets="true",
            include_history="false",
        ),
        "GET",
        "/v2/export",
        [
            ("project", PROJECT),
            ("format", "json"),
            ("status", "Completed"),
            ("includeAssets", "true"),
            ("includeHistory", "false"),
        ],
    ),
    Case(
        # The spec declares the vendor's defaults (format json, type task, sendEmail false)
        # beside each parameter schema's $ref; the generator does not send them, so a bare
        # call asks for the server's defaults without naming them (docs/DISCREPANCIES.md #20).
        "exportTasks server defaults",
        "exportTasks",
        lambda c: export_tasks.sync_detailed(client=c, project=PROJECT),
        "GET",
        "/v2/export",
        [("project", PROJECT)],
    ),
    Case(
        "exportTasks sdk form",
        "exportTasks",
        lambda c: export_tasks.sync_detailed(
            client=c,
            project=PROJECT,
            format_="ndjson",
            batches=json.dumps([BATCH]),
            include_metadata="true",
            type_="task",
            task_types='["default"]',
            stage='["Complete"]',
            created_at='{"$gt": "2025-01-01T00:00:00.000000Z"}',
            updated_at='{"$lt": "2025-12-31T00:00:00.000000Z"}',
            send_email="false",
            do_not_notify="true",
            include_only_key_frames="false",
            include_idle_blur_durations="false",
        ),
        "GET",
        "/v2/export",
        [
            ("project", PROJECT),
            ("format", "ndjson"),
            ("batches", json.dumps([BATCH])),
            ("includeMetadata", "true"),
            ("type", "task"),
            ("taskTypes", '["default"]'),
            ("stage", '["Complete"]'),
            ("createdAt", '{"$gt": "2025-01-01T00:00:00.000000Z"}'),
            ("updatedAt", '{"$lt": "2025-12-31T00:00:00.000000Z"}'),
            ("sendEmail", "false"),
            ("doNotNotify", "true"),
            ("includeOnlyKeyFrames", "false"),
            ("includeIdleBlurDurations", "false"),
        ],
    ),
    Case(
        "exportTasksV3 docs",
        "exportTasksV3",
        lambda c: export_tasks_v3.sync_detailed(client=c, project="text"),
        "GET",
        "/v2/exportV3",
        [("project", "text")],
    ),
    Case(
        "exportTasksV3 includeMetadata",
        "exportTasksV3",
        lambda c: export_tasks_v3.sync_detailed(
            client=c, project=PROJECT, include_metadata="true", batches="b1,b2"
        ),
        "GET",
        "/v2/exportV3",
        [("project", PROJECT), ("batches", "b1,b2"), ("includeMetadata", "true")],
    ),
]


RESPONSE_MODELS = {
    "getUploadUrl": "UploadUrlResponse",
    "getSignedUrl": "SignedUrlResponse",
    "importCloudAssets": "AssetsImportedResponse",
    "uploadChatAssets": "AssetsImportedResponse",
    "listAssets": "AssetListResponse",
    "deleteAssets": "DeleteAssetsResponse",
    "updateAsset": "AssetResponse",
    "assignBatches": "AssignBatchesResponse",
    "importAttachments": "ImportAttachmentsResponse",
    "importLabels": "ImportLabelsResponse",
    "exportTasks": "ExportResponse",
    "exportTasksV3": "ExportResponse",
}


def test_cases_cover_every_operation() -> None:
    assert {case.operation_id for case in CASES} == set(BY_OPERATION)


def _check_body(case: Case, request: httpx.Request) -> None:
    if case.content_type is None:
        assert request.content == b""
        assert "content-type" not in request.headers
        return
    assert request.headers["content-type"] == case.content_type
    if case.json_body is not None:
        assert json.loads(request.content) == case.json_body
    if case.form is not None:
        assert sorted(parse_qsl(request.content.decode(), keep_blank_values=True)) == sorted(
            case.form
        )
    if case.parts is not None:
        assert case.parts == _parts(request)


def _parts(request: httpx.Request) -> list[tuple[str, bytes, str | None, str | None]]:
    """(name, bytes, file name, content type) of each multipart part, in order."""
    head = f"Content-Type: {request.headers['content-type']}\r\n\r\n".encode()
    message = BytesParser().parsebytes(head + request.content)
    found = []
    for part in message.get_payload():
        assert isinstance(part, Message)
        name = part.get_param("name", header="content-disposition")
        payload = part.get_payload(decode=True)
        assert isinstance(name, str)
        assert isinstance(payload, bytes)
        found.append((name, payload, part.get_filename(), part.get("content-type")))
    return found


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_generated_request(
    case: Case, make_client: Callable[[], AuthenticatedClient], recorder: Recorder
) -> None:
    example = BY_OPERATION[case.operation_id]
    recorder.status = example.response_status or 201
    recorder.body = example.response_body.encode()
    response = case.call(make_client())
    assert response.status_code == recorder.status
    assert type(response.parsed).__name__ == RESPONSE_MODELS[case.operation_id]
    request = recorder.only
    assert request.method == case.method
    assert request.url.scheme == "https"
    assert request.url.host == "imeritapi.ango.ai"
    assert request.url.raw_path.decode().split("?")[0] == case.path
    assert list(request.url.params.multi_items()) == case.query
    assert request.headers.get_list("apikey") == [KEY]
    assert "authorization" not in request.headers
    _check_body(case, request)
    wire = from_httpx(request)
    assert operation_id_of(wire) == case.operation_id
    assert request_errors(wire) == []


def test_multipart_boundary_is_the_generators_fixed_one(
    make_client: Callable[[], AuthenticatedClient], recorder: Recorder
) -> None:
    """What the generated code does today: the body really is delimited by ``+++``, so a file
    holding ``--+++`` breaks the parts (docs/GENERATOR-NOTES.md; the overlay must not send this)."""
    body = ChatUploadMultipart(
        priority=1,
        file=File(
            payload=BytesIO(
                b'x\r\n--+++\r\nContent-Disposition: form-data; name="priority"\r\n\r\n999'
            ),
            file_name="c.json",
        ),
    )
    recorder.status = 201
    recorder.body = BY_OPERATION["uploadChatAssets"].response_body.encode()
    upload_chat_assets.sync_detailed(PROJECT, client=make_client(), body=body)
    request = recorder.only
    assert request.content.startswith(b"--+++\r\n")
    fields = multipart_fields(from_httpx(request))
    assert ("priority", b"999") in fields  # the forged part
