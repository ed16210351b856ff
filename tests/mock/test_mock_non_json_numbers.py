"""NaN, Infinity and overflowing numbers are not JSON: the mock refuses them where they enter
(bodies, JSON text in query and form fields, form numbers), naming the field, so nothing
unrenderable is ever stored and later listings and exports stay valid."""

from __future__ import annotations

import http.client
import json
from typing import Any

import httpx
import pytest
from ango_hub.mock.server import MockServer
from ango_hub.mock.state import Project
from mock_helpers import export_tasks, import_assets, list_assets

JSON = {"content-type": "application/json"}


@pytest.mark.parametrize(
    ("body", "field"),
    [
        (
            b'{"assets": [{"data": "a", "metadata": {"score": NaN}}]}',
            "body.assets.0.metadata.score",
        ),
        (
            b'{"assets": [{"data": "a", "contextData": {"x": [1, Infinity]}}]}',
            "body.assets.0.contextData.x.1",
        ),
        (b'{"assets": [{"data": "a"}], "priority": -Infinity}', "body.priority"),
        (b'{"assets": [{"data": "a"}], "priority": NaN}', "body.priority"),
        (b'{"assets": [{"data": "a", "metadata": {"big": 1e999}}]}', "body.assets.0.metadata.big"),
    ],
)
def test_cloud_import_refuses_non_finite_numbers(
    api: httpx.Client, mock: MockServer, body: bytes, field: str
) -> None:
    response = api.post(f"/project/{mock.project_id}/cloud", content=body, headers=JSON)
    assert response.status_code == 400
    message = response.json()["message"]
    assert message.startswith(f"{field}: ")
    assert "is not a JSON number" in message
    assert mock.project.live_count() == 0
    # Nothing was stored, so listing and exporting still work.
    assert list_assets(api, mock.project_id) == {"assets": [], "total": 0}
    assert export_tasks(api, mock.project_id) == []


def test_update_labels_and_filters_refuse_non_finite_numbers(
    api: httpx.Client, mock: MockServer
) -> None:
    import_assets(api, mock.project_id, {"data": "a", "externalId": "e1"})
    (asset,) = list_assets(api, mock.project_id)["assets"]
    update = api.post(f"/assets/{asset['_id']}", content=b'{"metadata": {"w": NaN}}', headers=JSON)
    assert update.status_code == 400
    assert update.json()["message"].startswith("body.metadata.w: NaN is not a JSON number")
    labels = api.post(
        "/import/labels",
        content=json.dumps(
            {"project": mock.project_id, "labels": [{"externalId": "e1", "answer": {}}]}
        )
        .replace("{}", '{"objects": [{"x": Infinity}]}')
        .encode(),
        headers=JSON,
    )
    assert labels.status_code == 400
    assert labels.json()["message"].startswith("body.labels.0.answer.objects.0.x: Infinity")
    filters = api.get(
        f"/project/{mock.project_id}/assets", params={"filters": '{"externalId": NaN}'}
    )
    assert filters.status_code == 400
    assert filters.json()["message"].startswith("query.filters.externalId: NaN")
    # The asset is unchanged and every answer about it is still JSON.
    listed = api.get(f"/project/{mock.project_id}/assets")
    assert listed.status_code == 200
    assert listed.json()["data"]["assets"][0]["metadata"] is None
    assert export_tasks(api, mock.project_id)[0]["task"]["tools"] == []


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"numberOfConversations": "1", "priority": "nan"}, "body.priority"),
        ({"numberOfConversations": "1", "priority": "-inf"}, "body.priority"),
        ({"conversations": '[{"messages": [], "score": NaN}]'}, "body.conversations.0.score"),
        (
            {"numberOfConversations": "1", "llmConfig": '{"temperature": Infinity}'},
            "body.llmConfig.temperature",
        ),
    ],
)
def test_chat_upload_refuses_non_finite_numbers(
    api: httpx.Client, mock: MockServer, fields: dict[str, str], field: str
) -> None:
    response = api.post(f"/project/{mock.project_id}/chat", data=fields)
    assert response.status_code == 400
    assert response.json()["message"].startswith(f"{field}: ")
    assert mock.project.live_count() == 0


def test_json_nested_too_deep_is_refused_naming_the_body(
    api: httpx.Client, mock: MockServer
) -> None:
    depth = 150  # deep enough to be refused, shallow enough for Python's own parser
    nested = b'{"assets": [{"data": "x", "metadata": ' + b"[" * depth + b"]" * depth + b"}]}"
    response = api.post(f"/project/{mock.project_id}/cloud", content=nested, headers=JSON)
    assert response.status_code == 400
    assert response.json()["message"] == "body: nested deeper than 100 levels"
    assert mock.project.live_count() == 0


def _local_port(conn: http.client.HTTPConnection) -> int:
    assert conn.sock is not None
    port: int = conn.sock.getsockname()[1]
    return port


def test_an_internal_error_is_logged_answered_as_json_and_keeps_the_connection(
    mock: MockServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(self: Project) -> int:
        raise RuntimeError("a bug in the mock")

    monkeypatch.setattr(Project, "live_count", broken)
    conn = http.client.HTTPConnection("127.0.0.1", mock.port, timeout=10)
    headers = {"apikey": mock.api_key}
    path = f"/v2/project/{mock.project_id}/assets"
    conn.request("GET", path, headers=headers)
    first = conn.getresponse()
    body: dict[str, Any] = json.loads(first.read())
    assert first.status == 500
    assert body == {"status": "error", "message": "mock internal error: RuntimeError"}
    assert first.getheader("connection") != "close"
    port = _local_port(conn)
    monkeypatch.undo()
    # Same kept-alive connection, no reconnect: the server did not reset it.
    conn.request("GET", path, headers=headers)
    second = conn.getresponse()
    second.read()
    assert second.status == 200
    assert _local_port(conn) == port
    conn.close()
    statuses = [(e["operation"], e["status"]) for e in mock.requests.entries]
    assert statuses == [("listAssets", 500), ("listAssets", 200)]


def test_the_sdk_batch_endpoint_refuses_deep_json(api: httpx.Client, mock: MockServer) -> None:
    deep = b'{"batches": ' + b"[" * 5000 + b"]" * 5000 + b"}"
    response = api.post(f"/batches/{mock.project_id}", content=deep, headers=JSON)
    assert response.status_code == 400
    assert response.json()["message"] == "body: nested deeper than 100 levels"
    assert [e["status"] for e in mock.requests.entries] == [400]
