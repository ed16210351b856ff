"""Every response example of the reference pages conforms to its operation's response schema."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from tests.spec.docs_examples import BY_OPERATION, EXAMPLES, DocsExample
from tests.spec.docs_requests import parse, to_wire
from tests.spec.spec_wire import WireResponse, operations, response_errors


def _statuses(example: DocsExample) -> list[int]:
    """The page's status, or every 2xx the spec declares where the page shows none."""
    if example.response_status is not None:
        return [example.response_status]
    _, _, operation = operations()[example.operation_id]
    return sorted(int(code) for code in operation["responses"] if str(code).startswith("2"))


def _errors(example: DocsExample, body: Any, status: int) -> list[str]:
    request = to_wire(parse(example.request))
    return response_errors(request, WireResponse(status, json.dumps(body).encode()))


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e.operation_id)
def test_docs_response_conforms(example: DocsExample) -> None:
    body = json.loads(example.response_body)
    for status in _statuses(example):
        assert _errors(example, body, status) == [], status


def test_cloud_import_page_shows_no_status() -> None:
    assert _statuses(BY_OPERATION["importCloudAssets"]) == [200, 201]


def test_docs_statuses_are_the_spec_success_statuses() -> None:
    for example in EXAMPLES:
        _, _, operation = operations()[example.operation_id]
        for status in _statuses(example):
            assert str(status) in operation["responses"], example.operation_id


def _drop(body: dict[str, Any], *path: str | int) -> dict[str, Any]:
    broken = copy.deepcopy(body)
    node: Any = broken
    for key in path[:-1]:
        node = node[key]
    del node[path[-1]]
    return broken


def _replace(body: dict[str, Any], value: Any, *path: str | int) -> dict[str, Any]:
    broken = copy.deepcopy(body)
    node: Any = broken
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return broken


# (operationId, mutation of the docs example, text the error must contain)
BROKEN_RESPONSES = [
    ("getUploadUrl", lambda b: _drop(b, "data", "uploadUrl"), "uploadUrl"),
    ("getUploadUrl", lambda b: _drop(b, "data"), "data"),
    ("getSignedUrl", lambda b: _replace(b, 7, "data", "signedUrl"), "7"),
    ("listAssets", lambda b: _drop(b, "data", "total"), "total"),
    ("listAssets", lambda b: _replace(b, "soon", "data", "assets", 0, "createdAt"), "soon"),
    ("listAssets", lambda b: _replace(b, "yes", "data", "assets", 0, "deleted"), "yes"),
    ("deleteAssets", lambda b: _replace(b, "1", "data", "deleted"), "'1'"),
    ("updateAsset", lambda b: _replace(b, [], "data", "asset", "metadata"), "[]"),
    ("assignBatches", lambda b: _replace(b, "text", "data", "assets", "batches"), "text"),
    ("importLabels", lambda b: _replace(b, 50, "data", "project"), "50"),
    ("exportTasks", lambda b: _replace(b, None, "data", "exportPath"), "None"),
    ("exportTasksV3", lambda b: _replace(b, 1, "status"), "1"),
    ("uploadChatAssets", lambda b: _replace(b, 1.5, "data", "assets", "assetsCreated"), "1.5"),
]


@pytest.mark.parametrize(
    ("operation_id", "mutate", "field"),
    BROKEN_RESPONSES,
    ids=[f"{op}-{i}" for i, (op, _, _) in enumerate(BROKEN_RESPONSES)],
)
def test_broken_response_is_rejected(operation_id: str, mutate: Any, field: str) -> None:
    example = BY_OPERATION[operation_id]
    broken = mutate(json.loads(example.response_body))
    errors = _errors(example, broken, _statuses(example)[0])
    assert errors, "accepted"
    assert field in "\n".join(errors), errors


def test_undeclared_status_is_rejected() -> None:
    example = BY_OPERATION["listAssets"]
    assert _errors(example, json.loads(example.response_body), 201)


@pytest.mark.parametrize(
    "body",
    [
        {"status": "fail", "message": "limit: must be at most 100"},
        {"status": "error", "message": "Internal server error"},
        {"error": {"statusCode": 403}, "message": "Forbidden"},
    ],
)
def test_every_known_error_shape_conforms(body: dict[str, Any]) -> None:
    example = BY_OPERATION["listAssets"]
    for status in (400, 401, 403, 404, 429, 500, 503):
        assert _errors(example, body, status) == [], status


def test_growing_server_responses_conform() -> None:
    """The spec leaves room for what the server may add: unknown fields, new status values,
    absent optional fields."""
    example = BY_OPERATION["listAssets"]
    body = json.loads(example.response_body)
    body["status"] = "queued"
    body["requestId"] = "r-1"
    body["data"]["nextCursor"] = "c"
    body["data"]["assets"][0]["reviewScore"] = 0.9
    body["data"]["assets"].append({"_id": "only-an-id"})
    assert _errors(example, body, 200) == []
    weird_error = {"status": "weird", "message": "m", "traceId": "t"}
    assert _errors(example, weird_error, 400) == []


def test_a_negative_count_is_not_refused() -> None:
    # No source bounds the counts in answers (spec 4.0.0 removed `minimum: 0`): read as sent.
    example = BY_OPERATION["listAssets"]
    body = _replace(json.loads(example.response_body), -1, "data", "total")
    assert _errors(example, body, _statuses(example)[0]) == []
