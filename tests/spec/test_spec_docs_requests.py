"""Every request example of the reference pages conforms to openapi.yaml; broken ones do not."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest

from tests.spec.docs_examples import BY_OPERATION, EXAMPLES, DocsExample
from tests.spec.docs_requests import parse, to_wire
from tests.spec.spec_wire import WireRequest, operation_id_of, request_errors, wire_request

REFERENCE = Path(__file__).parent / "reference"
API = "https://imeritapi.ango.ai/v2"
PROJECT = "507f1f77bcf86cd799439011"
KEY_HEADER = [("apikey", "YOUR_API_KEY"), ("Content-Type", "application/json")]


def ids(example: DocsExample) -> str:
    return example.operation_id


def test_every_operation_has_one_docs_example() -> None:
    assert len(EXAMPLES) == len(BY_OPERATION) == 12


@pytest.mark.parametrize("example", EXAMPLES, ids=ids)
def test_docs_examples_verbatim(example: DocsExample) -> None:
    page = (REFERENCE / example.page).read_text()
    assert example.request in page
    assert example.response_body in page


def test_reference_pages_hold_no_other_request_example() -> None:
    pages = "".join(p.read_text() for p in sorted(REFERENCE.glob("*.txt")))
    shown = pages.count("curl -X ") + pages.count(" HTTP/1.1\n")
    assert shown == len(EXAMPLES)


@pytest.mark.parametrize("example", EXAMPLES, ids=ids)
def test_docs_request_conforms(example: DocsExample) -> None:
    request = to_wire(parse(example.request))
    assert operation_id_of(request) == example.operation_id
    assert request_errors(request) == []


# The query strings of the curl examples, as a server parses them: proof that they were not
# lost on the way to the validator.
EXPECTED_QUERIES = {
    "getUploadUrl": [("name", "image.jpg"), ("project", PROJECT), ("type", "assets")],
    "getSignedUrl": [("url", "https://bucket.s3.amazonaws.com/project/assets/image.jpg")],
    "listAssets": [("page", "1"), ("limit", "10"), ("externalId", "image-001")],
    "exportTasks": [
        ("project", PROJECT),
        ("format", "json"),
        ("status", "Completed"),
        ("includeAssets", "true"),
        ("includeHistory", "false"),
    ],
    "exportTasksV3": [("project", "text")],
}


@pytest.mark.parametrize("operation_id", sorted(EXPECTED_QUERIES))
def test_docs_query_strings_are_validated(operation_id: str) -> None:
    request = to_wire(parse(BY_OPERATION[operation_id].request))
    assert request.query == EXPECTED_QUERIES[operation_id]
    assert dict(request.headers)["apikey"] == "YOUR_API_KEY"


def test_docs_chat_example_is_sent_as_multipart_with_a_file() -> None:
    request = to_wire(parse(BY_OPERATION["uploadChatAssets"].request))
    assert request.content_type.startswith("multipart/form-data; boundary=")
    assert request.body is not None
    assert b'name="file"; filename="conversations.json"' in request.body
    assert b'name="numberOfConversations"\r\n\r\n1\r\n' in request.body


def _docs(operation_id: str) -> WireRequest:
    return to_wire(parse(BY_OPERATION[operation_id].request))


def _with_query(operation_id: str, **changes: str | None) -> WireRequest:
    docs = _docs(operation_id)
    query = dict(docs.query)
    for name, value in changes.items():
        if value is None:
            query.pop(name, None)
        else:
            query[name] = value
    url = f"{docs.host_url}{docs.path}?{urlencode(query)}"
    return wire_request(docs.method, url, docs.headers, docs.body)


def _with_body(operation_id: str, change: Callable[[dict[str, Any]], None]) -> WireRequest:
    docs = _docs(operation_id)
    assert docs.body is not None
    body = json.loads(docs.body)
    change(body)
    url = f"{docs.host_url}{docs.path}?{urlencode(docs.query)}"
    return wire_request(docs.method, url, docs.headers, json.dumps(body).encode())


def _list_assets(**query: str) -> WireRequest:
    return wire_request("GET", f"{API}/project/{PROJECT}/assets?{urlencode(query)}", KEY_HEADER)


def _chat_form(**fields: str) -> WireRequest:
    headers = [("apikey", "K"), ("Content-Type", "application/x-www-form-urlencoded")]
    body = urlencode(fields).encode()
    return wire_request("POST", f"{API}/project/{PROJECT}/chat", headers, body)


def _chat_multipart(**fields: str) -> WireRequest:
    docs = parse(BY_OPERATION["uploadChatAssets"].request)
    body = {"file": "[]", **fields}
    return to_wire(type(docs)(docs.method, docs.url, docs.headers, json.dumps(body)))


def _pop(*names: str) -> Callable[[dict[str, Any]], None]:
    def change(body: dict[str, Any]) -> None:
        for name in names:
            del body[name]

    return change


def _set(name: str, value: Any) -> Callable[[dict[str, Any]], None]:
    return lambda body: body.__setitem__(name, value)


# (case, request, a word the error must contain: the field at fault)
INVALID: list[tuple[str, Callable[[], WireRequest], str]] = [
    ("limit=0", lambda: _list_assets(limit="0"), "limit"),
    ("limit=101", lambda: _list_assets(limit="101"), "limit"),
    ("limit=ten", lambda: _list_assets(limit="ten"), "limit"),
    ("page=0", lambda: _list_assets(page="0"), "page"),
    ("filters not JSON", lambda: _list_assets(filters="{externalId: x}"), "filters"),
    (
        "filters isPreLabeled text",
        lambda: _list_assets(filters='{"isPreLabeled": "yes"}'),
        "filters",
    ),
    ("filters batches not a list", lambda: _list_assets(filters='{"batches": "b1"}'), "filters"),
    ("upload type enum", lambda: _with_query("getUploadUrl", type="videos"), "type"),
    ("upload without name", lambda: _with_query("getUploadUrl", name=None), "name"),
    ("upload without project", lambda: _with_query("getUploadUrl", project=None), "project"),
    ("upload empty name", lambda: _with_query("getUploadUrl", name=""), "name"),
    ("signed url type enum", lambda: _with_query("getSignedUrl", type="video"), "type"),
    ("export without project", lambda: _with_query("exportTasks", project=None), "project"),
    ("export format enum", lambda: _with_query("exportTasks", format="csv"), "format"),
    (
        "export includeAssets enum",
        lambda: _with_query("exportTasks", includeAssets="yes"),
        "includeAssets",
    ),
    ("exportV3 type enum", lambda: _with_query("exportTasksV3", type="tasks"), "type"),
    (
        "cloud priority=1001",
        lambda: _with_body("importCloudAssets", _set("priority", 1001)),
        "1001",
    ),
    (
        "cloud priority=-1001",
        lambda: _with_body("importCloudAssets", _set("priority", -1001)),
        "-1001",
    ),
    (
        "cloud uploadLocal boolean",
        lambda: _with_body("importCloudAssets", _set("uploadLocal", True)),
        "uploadLocal",
    ),
    ("cloud without assets", lambda: _with_body("importCloudAssets", _pop("assets")), "assets"),
    (
        "cloud asset without data",
        lambda: _with_body("importCloudAssets", _set("assets", [{"externalId": "x"}])),
        "data",
    ),
    ("delete without assets", lambda: _with_body("deleteAssets", _pop("assets")), "assets"),
    ("delete asset IDs not strings", lambda: _with_body("deleteAssets", _set("assets", [1])), "1"),
    (
        "update overlay not a list",
        lambda: _with_body("updateAsset", _set("overlay", "x")),
        "overlay",
    ),
    (
        "assignBatches neither assets nor assetIds",
        lambda: _with_body("assignBatches", _pop("assets")),
        "assetIds",
    ),
    (
        "assignBatches neither project nor projectId",
        lambda: _with_body("assignBatches", _pop("project")),
        "projectId",
    ),
    (
        "assignBatches without batches",
        lambda: _with_body("assignBatches", _pop("batches")),
        "batches",
    ),
    (
        "attachments without project",
        lambda: _with_body("importAttachments", _pop("project")),
        "project",
    ),
    (
        "attachments without attachments",
        lambda: _with_body("importAttachments", _pop("attachments")),
        "attachments",
    ),
    (
        "attachment names no asset",
        lambda: _with_body("importAttachments", _set("attachments", [{"attachmentUrl": "u"}])),
        "assetId",
    ),
    ("labels without project", lambda: _with_body("importLabels", _pop("project")), "project"),
    (
        "labels neither labels nor jsonContent",
        lambda: _with_body("importLabels", _pop("labels")),
        "jsonContent",
    ),
    (
        "label without answer",
        lambda: _with_body("importLabels", _set("labels", [{"externalId": "x"}])),
        "answer",
    ),
    ("chat form priority=1001", lambda: _chat_form(priority="1001"), "priority"),
    ("chat multipart priority=1001", lambda: _chat_multipart(priority="1001"), "priority"),
    ("chat multipart priority text", lambda: _chat_multipart(priority="high"), "priority"),
    (
        "chat multipart numberOfConversations=1.5",
        lambda: _chat_multipart(numberOfConversations="1.5"),
        "numberOfConversations",
    ),
]


@pytest.mark.parametrize(("case", "build", "field"), INVALID, ids=[c[0] for c in INVALID])
def test_invalid_request_is_rejected(
    case: str, build: Callable[[], WireRequest], field: str
) -> None:
    errors = request_errors(build())
    assert errors, f"{case}: accepted"
    assert field in "\n".join(errors), errors


def test_labels_and_json_content_together_are_accepted() -> None:
    # No source says the server refuses both (spec 4.0.0 made the `oneOf` an `anyOf`).
    both = _with_body("importLabels", lambda b: b.__setitem__("jsonContent", b["labels"]))
    assert request_errors(both) == []


def test_request_without_api_key_is_rejected() -> None:
    docs = _docs("exportTasks")
    docs_without_key = wire_request(
        docs.method,
        f"{docs.host_url}{docs.path}?{urlencode(docs.query)}",
        [(k, v) for k, v in docs.headers if k != "apikey"],
    )
    assert "ApiKeyAuth" in "\n".join(request_errors(docs_without_key))


def test_unknown_path_is_rejected() -> None:
    assert request_errors(wire_request("GET", f"{API}/exportV2?project=p", KEY_HEADER))
