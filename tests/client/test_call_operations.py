"""``hub.call(operationId, ...)``: any spec operation, checked against the spec, on both clients.

Each test runs once on ``AngoHub`` and once on ``AsyncAngoHub`` (the fixtures of conftest.py),
either against the mock or against an ``httpx.MockTransport`` that records the wire.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from ango_hub import (
    AngoHub,
    AngoHubValidationError,
    InternalServerError,
    NotFoundError,
    operations,
)
from ango_hub.mock.server import MockServer
from client_helpers import KEY, WireHub, ok

PROJECT = "507f1f77bcf86cd799439011"


def test_lists_a_seeded_project_and_sends_the_spec_names(hub: AngoHub, mock: MockServer) -> None:
    mock.seed(7)
    body = hub.call("listAssets", {"projectId": mock.project_id, "limit": 3, "page": 2})
    assert body["status"] == "success"
    assert body["data"]["total"] == 7
    assert len(body["data"]["assets"]) == 3
    # snake_case spellings reach the same parameters
    first = hub.call("listAssets", {"project_id": mock.project_id, "limit": 1})
    by_external = hub.call(
        "listAssets",
        {"projectId": mock.project_id, "external_id": first["data"]["assets"][0]["externalId"]},
    )
    assert by_external["data"]["total"] == 1


def test_json_body_creates_assets_and_filters_take_a_dict(hub: AngoHub, mock: MockServer) -> None:
    created = hub.call(
        "importCloudAssets",
        {"projectId": mock.project_id},
        body={
            "assets": [{"data": "https://x.test/a.png", "externalId": "a"}],
            "uploadLocal": False,  # a Python bool for the spec's "true"/"false" text
        },
    )
    assert created["data"]["assets"]["assetsCreated"] == 1
    found = hub.call("listAssets", {"projectId": mock.project_id, "filters": {"externalId": "a"}})
    assert [a["externalId"] for a in found["data"]["assets"]] == ["a"]


def test_multipart_file_part(hub: AngoHub, mock: MockServer, tmp_path: Path) -> None:
    conversations = tmp_path / "chats.json"
    conversations.write_text(json.dumps([{"messages": []}, {"messages": []}, {"messages": []}]))
    answer = hub.call(
        "uploadChatAssets", {"projectId": mock.project_id}, files={"file": conversations}
    )
    assert answer["data"]["assets"]["assetsCreated"] == 3
    listed = hub.call("listAssets", {"projectId": mock.project_id})
    assert listed["data"]["total"] == 3


def test_typed_errors_from_the_server(hub: AngoHub, mock: MockServer) -> None:
    with pytest.raises(NotFoundError) as info:
        hub.call("updateAsset", {"assetId": "0" * 24}, body={"externalId": "x"})
    assert mock.api_key not in str(info.value)


@pytest.mark.parametrize(
    ("params", "body", "field", "words"),
    [
        ({"projectId": PROJECT, "limit": 101}, None, "limit", ["out of range", "1..100"]),
        ({"projectId": PROJECT, "page": 0}, None, "page", [">= 1"]),
        ({"projectId": PROJECT, "limit": "ten"}, None, "limit", ["must be integer"]),
        ({"projectId": PROJECT, "colour": "red"}, None, "colour", ["projectId", "externalId"]),
        ({"limit": 5}, None, "projectId", ["required"]),
        ({"projectId": PROJECT, "filters": "{not json"}, None, "filters", ["not valid JSON"]),
        (
            {"projectId": PROJECT, "filters": {"isPreLabeled": "yes"}},
            None,
            "filters.isPreLabeled",
            ["boolean"],
        ),
        ({"projectId": PROJECT}, {"assets": []}, None, []),
    ],
)
def test_bad_parameters_are_refused_before_sending(
    wire_hub: WireHub, params: dict[str, Any], body: Any, field: str | None, words: list[str]
) -> None:
    hub, wire = wire_hub(lambda r: ok({"assets": [], "total": 0}))
    if field is None:  # listAssets takes no body
        with pytest.raises(AngoHubValidationError, match="takes no request body"):
            hub.call("listAssets", params, body=body)
    else:
        with pytest.raises(AngoHubValidationError) as info:
            hub.call("listAssets", params, body=body)
        assert info.value.field == field
        for word in words:
            assert word in str(info.value)
    assert wire.requests == []


@pytest.mark.parametrize(
    "case",
    [
        ("getUploadUrl", {"name": "a", "project": PROJECT, "type": "x"}, None, "type", "brushes"),
        ("exportTasks", {"project": PROJECT, "format": "xml"}, None, "format", "ndjson"),
        ("exportTasks", {"project": PROJECT, "type": "bug"}, None, "type", "task, issue"),
        (
            "importCloudAssets",
            {"projectId": PROJECT},
            {"assets": [{}]},
            "body.assets[0].data",
            None,
        ),
        (
            "importCloudAssets",
            {"projectId": PROJECT},
            {"assets": [{"data": "d"}], "priority": 5000},
            "body.priority",
            "-1000..1000",
        ),
        (
            "importAttachments",
            None,
            {"project": PROJECT, "attachments": [{"attachmentUrl": "https://x.test/a.pdf"}]},
            "body.attachments[0]",
            None,
        ),
        ("importLabels", None, None, "body", "application/json"),
        ("nosuchOperation", None, None, "operation_id", "listAssets"),
    ],
)
def test_body_and_enum_errors_name_field_and_allowed(
    wire_hub: WireHub, case: tuple[Any, ...]
) -> None:
    operation_id, params, body, field, allowed = case
    hub, wire = wire_hub(lambda r: ok({}))
    with pytest.raises(AngoHubValidationError) as info:
        hub.call(operation_id, params, body=body)
    assert info.value.field == field
    if allowed is not None:
        assert allowed in (info.value.allowed or "")
    assert wire.requests == []


def test_wire_shape_of_a_query_and_a_body(wire_hub: WireHub) -> None:
    hub, wire = wire_hub(lambda r: ok({"exportPath": "https://x.test/e.zip"}))
    hub.call(
        "exportTasks",
        {"project": PROJECT, "includeAssets": True, "stage": ["Complete"], "format": "ndjson"},
    )
    sent = wire.last
    assert sent.method == "GET"
    assert sent.url.path == "/v2/export"
    assert dict(sent.url.params) == {
        "project": PROJECT,
        "includeAssets": "true",
        "stage": '["Complete"]',
        "format": "ndjson",
    }
    assert sent.headers["apikey"] == KEY
    hub.call(
        "assignBatches",
        body={"project": PROJECT, "assets": ["a1"], "batches": ["b"], "mode": "add"},
    )
    assert wire.last.method == "POST"
    assert wire.json() == {"project": PROJECT, "assets": ["a1"], "batches": ["b"], "mode": "add"}


def test_retries_follow_the_operations_safety(wire_hub: WireHub) -> None:
    def flaky(status: int) -> Callable[[httpx.Request], httpx.Response]:
        answers = iter([httpx.Response(status, json={})])
        return lambda r: next(answers, ok({"assetsCreated": 1}))

    # GET and POSTs the spec marks x-idempotent are retried after a 503...
    for op, params, body in [
        ("listAssets", {"projectId": PROJECT}, None),
        ("updateAsset", {"assetId": "a1"}, {"externalId": "x"}),
    ]:
        hub, wire = wire_hub(flaky(503), max_retries=2)
        hub.call(op, params, body=body)
        assert len(wire.requests) == 2, op
    # ...a creating POST is not (it may have acted), except after 429 (provably not acted on)
    hub, wire = wire_hub(lambda r: httpx.Response(502, json={}), max_retries=3)
    with pytest.raises(InternalServerError):
        hub.call("importCloudAssets", {"projectId": PROJECT}, body={"assets": [{"data": "d"}]})
    assert len(wire.requests) == 1
    hub, wire = wire_hub(flaky(429), max_retries=3)
    hub.call("importCloudAssets", {"projectId": PROJECT}, body={"assets": [{"data": "d"}]})
    assert len(wire.requests) == 2


def test_key_stays_out_of_debug_logs(wire_hub: WireHub, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="ango_hub")
    hub, _ = wire_hub(lambda r: httpx.Response(503, json={}), max_retries=1)
    with pytest.raises(InternalServerError) as info:
        hub.call("listAssets", {"projectId": PROJECT})
    assert KEY not in str(info.value)
    assert KEY not in caplog.text
    assert any("/project/" in r.getMessage() for r in caplog.records)


def test_operations_list_what_the_spec_holds() -> None:
    ops = operations()
    listing = ops["listAssets"]
    assert (listing.method, listing.path, listing.tag) == (
        "GET",
        "/project/{projectId}/assets",
        "Assets",
    )
    limit = listing.parameter("limit")
    assert limit is not None
    assert (limit.location, limit.required, limit.schema["maximum"]) == ("query", False, 100)
    assert listing.parameter("external_id") is listing.parameter("externalId")
    assert ops["importCloudAssets"].idempotent is False
    assert ops["updateAsset"].idempotent is True  # x-idempotent in the spec
    assert "application/json" in ops["importLabels"].body_schemas
