"""``hub.call(operationId, ...)``: any spec operation, checked against the spec, on both clients.

Each test runs once on ``AngoHub`` and once on ``AsyncAngoHub`` (the ``client`` fixture), either
against the mock or against an ``httpx.MockTransport`` that records the wire.
"""

from __future__ import annotations

import asyncio
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
    AsyncAngoHub,
    InternalServerError,
    NotFoundError,
    operations,
)
from ango_hub.mock.server import MockServer
from client_helpers import FAST, KEY, Wire, ok

PROJECT = "507f1f77bcf86cd799439011"


class Client:
    """Runs ``hub.call`` on one client kind; async calls get a fresh client and loop each."""

    def __init__(self, kind: str, base_url: str, api_key: str, **kwargs: Any) -> None:
        self.kind, self.base_url, self.api_key, self.kwargs = kind, base_url, api_key, kwargs

    def call(self, *args: Any, **kwargs: Any) -> Any:
        options = {"retry_policy": FAST, **self.kwargs}
        if self.kind == "sync":
            with AngoHub(api_key=self.api_key, base_url=self.base_url, **options) as hub:
                return hub.call(*args, **kwargs)

        async def run() -> Any:
            async with AsyncAngoHub(api_key=self.api_key, base_url=self.base_url, **options) as hub:
                return await hub.call(*args, **kwargs)

        return asyncio.run(run())


@pytest.fixture(params=["sync", "async"])
def kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def client(kind: str, mock: MockServer) -> Client:
    return Client(kind, mock.base_url, mock.api_key)


def wire_client(
    kind: str, reply: Callable[[httpx.Request], httpx.Response], **kw: Any
) -> tuple[Client, Wire]:
    wire = Wire(reply)
    transport = httpx.MockTransport(wire)
    http = httpx.Client(transport=transport) if kind == "sync" else None

    class Wired(Client):
        def call(self, *args: Any, **kwargs: Any) -> Any:
            if http is not None:
                self.kwargs["http_client"] = http
                return super().call(*args, **kwargs)

            async def run() -> Any:
                async with httpx.AsyncClient(transport=transport) as raw:
                    hub = AsyncAngoHub(
                        api_key=KEY,
                        base_url=self.base_url,
                        http_client=raw,
                        retry_policy=FAST,
                        **kw,
                    )
                    return await hub.call(*args, **kwargs)

            return asyncio.run(run())

    return Wired(kind, "https://hub.test/v2", KEY, **kw), wire


def test_lists_a_seeded_project_and_sends_the_spec_names(client: Client, mock: MockServer) -> None:
    mock.seed(7)
    body = client.call("listAssets", {"projectId": mock.project_id, "limit": 3, "page": 2})
    assert body["status"] == "success"
    assert body["data"]["total"] == 7
    assert len(body["data"]["assets"]) == 3
    # snake_case spellings reach the same parameters
    first = client.call("listAssets", {"project_id": mock.project_id, "limit": 1})
    by_external = client.call(
        "listAssets",
        {"projectId": mock.project_id, "external_id": first["data"]["assets"][0]["externalId"]},
    )
    assert by_external["data"]["total"] == 1


def test_json_body_creates_assets_and_filters_take_a_dict(client: Client, mock: MockServer) -> None:
    created = client.call(
        "importCloudAssets",
        {"projectId": mock.project_id},
        body={
            "assets": [{"data": "https://x.test/a.png", "externalId": "a"}],
            "uploadLocal": False,  # a Python bool for the spec's "true"/"false" text
        },
    )
    assert created["data"]["assets"]["assetsCreated"] == 1
    found = client.call(
        "listAssets", {"projectId": mock.project_id, "filters": {"externalId": "a"}}
    )
    assert [a["externalId"] for a in found["data"]["assets"]] == ["a"]


def test_multipart_file_part(client: Client, mock: MockServer, tmp_path: Path) -> None:
    conversations = tmp_path / "chats.json"
    conversations.write_text(json.dumps([{"messages": []}, {"messages": []}, {"messages": []}]))
    answer = client.call(
        "uploadChatAssets", {"projectId": mock.project_id}, files={"file": conversations}
    )
    assert answer["data"]["assets"]["assetsCreated"] == 3
    listed = client.call("listAssets", {"projectId": mock.project_id})
    assert listed["data"]["total"] == 3


def test_typed_errors_from_the_server(client: Client, mock: MockServer) -> None:
    with pytest.raises(NotFoundError) as info:
        client.call("updateAsset", {"assetId": "0" * 24}, body={"externalId": "x"})
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
    kind: str, params: dict[str, Any], body: Any, field: str | None, words: list[str]
) -> None:
    client, wire = wire_client(kind, lambda r: ok({"assets": [], "total": 0}))
    if field is None:  # listAssets takes no body
        with pytest.raises(AngoHubValidationError, match="takes no request body"):
            client.call("listAssets", params, body=body)
    else:
        with pytest.raises(AngoHubValidationError) as info:
            client.call("listAssets", params, body=body)
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
        ("updateAsset", {"assetId": "a1"}, {}, "body", "externalId"),
        ("importLabels", None, None, "body", "application/json"),
        ("nosuchOperation", None, None, "operation_id", "listAssets"),
    ],
)
def test_body_and_enum_errors_name_field_and_allowed(kind: str, case: tuple[Any, ...]) -> None:
    operation_id, params, body, field, allowed = case
    client, wire = wire_client(kind, lambda r: ok({}))
    with pytest.raises(AngoHubValidationError) as info:
        client.call(operation_id, params, body=body)
    assert info.value.field == field
    if allowed is not None:
        assert allowed in (info.value.allowed or "")
    assert wire.requests == []


def test_wire_shape_of_a_query_and_a_body(kind: str) -> None:
    client, wire = wire_client(kind, lambda r: ok({"exportPath": "https://x.test/e.zip"}))
    client.call(
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
    client.call(
        "assignBatches",
        body={"project": PROJECT, "assets": ["a1"], "batches": ["b"], "mode": "add"},
    )
    assert wire.last.method == "POST"
    assert wire.json() == {"project": PROJECT, "assets": ["a1"], "batches": ["b"], "mode": "add"}


def test_retries_follow_the_operations_safety(kind: str) -> None:
    def flaky(status: int) -> Callable[[httpx.Request], httpx.Response]:
        answers = iter([httpx.Response(status, json={})])
        return lambda r: next(answers, ok({"assetsCreated": 1}))

    # GET and POSTs the spec marks x-idempotent are retried after a 503...
    for op, params, body in [
        ("listAssets", {"projectId": PROJECT}, None),
        ("updateAsset", {"assetId": "a1"}, {"externalId": "x"}),
    ]:
        client, wire = wire_client(kind, flaky(503), max_retries=2)
        client.call(op, params, body=body)
        assert len(wire.requests) == 2, op
    # ...a creating POST is not (it may have acted), except after 429 (provably not acted on)
    client, wire = wire_client(kind, lambda r: httpx.Response(502, json={}), max_retries=3)
    with pytest.raises(InternalServerError):
        client.call("importCloudAssets", {"projectId": PROJECT}, body={"assets": [{"data": "d"}]})
    assert len(wire.requests) == 1
    client, wire = wire_client(kind, flaky(429), max_retries=3)
    client.call("importCloudAssets", {"projectId": PROJECT}, body={"assets": [{"data": "d"}]})
    assert len(wire.requests) == 2


def test_key_stays_out_of_debug_logs(kind: str, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="ango_hub")
    client, _ = wire_client(kind, lambda r: httpx.Response(503, json={}), max_retries=1)
    with pytest.raises(InternalServerError) as info:
        client.call("listAssets", {"projectId": PROJECT})
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
    assert limit.from_text("25") == 25
    assert listing.parameter("external_id") is listing.parameter("externalId")
    assert ops["importCloudAssets"].idempotent is False
    assert ops["updateAsset"].idempotent is True  # x-idempotent in the spec
    assert "application/json" in ops["importLabels"].body_schemas
