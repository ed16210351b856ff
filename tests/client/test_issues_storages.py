"""``hub.issues`` and ``hub.storages`` on both clients, against the mock and on the wire."""

from __future__ import annotations

import json
import logging
from typing import Any

import httpx
import pytest
from ango_hub import (
    AngoHub,
    AngoHubValidationError,
    APIStatusError,
    AuthenticationError,
    BadRequestError,
)
from ango_hub.mock.server import MockServer
from ango_hub_api.models import FileExplorerResult, Issue, Storage, StorageFile
from client_helpers import FAST, MakeHub, WireHub, ok

SECRET = "cl13nt-s3cret-never-shown-77aa"


def _task(hub: AngoHub, mock: MockServer, external_id: str = "a") -> str:
    hub.assets.import_from_cloud(
        mock.project_id, [{"data": f"https://e.x/{external_id}.jpg", "externalId": external_id}]
    )
    asset = next(a for a in hub.assets.list(mock.project_id) if a.external_id == external_id)
    return str(asset.label_tasks[0])


def test_issue_round_trip(hub: AngoHub, mock: MockServer) -> None:
    task = _task(hub, mock)
    issue = hub.issues.create(task, "box too big", position=[10, 20], mentions=["x@y.z"], plane="A")
    assert isinstance(issue, Issue)
    assert (issue.status, issue.position, issue.label_task) == ("Open", "[10, 20]", task)
    assert hub.issues.resolve(issue.id).status == "Resolved"
    assert hub.issues.close(issue.id).status == "Closed"
    assert hub.issues.reopen(issue.id).status == "Open"
    commented = hub.issues.comment(issue.id, "done", mentions=["x@y.z"])
    assert [c.content for c in commented.comments] == ["done"]
    assert [i.id for i in hub.issues.list_page(project=mock.project_id, status="Open")] == [
        issue.id
    ]
    assert hub.issues.list_page(status="Closed") == []
    assert hub.issues.delete(issue.id, project=mock.project_id).id == issue.id
    assert list(hub.issues.list(project=mock.project_id)) == []


def test_issue_list_pages_until_a_short_page(hub: AngoHub, mock: MockServer) -> None:
    task = _task(hub, mock)
    made = [hub.issues.create(task, f"issue {n}").id for n in range(5)]
    mock.ctx.requests.clear()
    listed = [i.id for i in hub.issues.list(task=task, page_size=2)]
    assert listed == made[::-1]
    assert mock.ctx.requests.counts["listIssues"] == 3  # 2 + 2 + 1


def test_issue_requests_on_the_wire(wire_hub: WireHub) -> None:
    issue = {"_id": "i1", "status": "Open"}
    project = {"project": {"_id": "p", "stages": [{"id": "s", "name": "Review"}]}}

    def reply(r: httpx.Request) -> httpx.Response:
        if r.url.path == "/v2/project/p":  # the stage is checked against the workflow
            return ok(project)
        return ok({"issue": [issue]} if r.method == "GET" else {"issue": issue})

    hub, wire = wire_hub(reply)
    with hub:
        hub.issues.list_page(
            project="p", task="t", stage="Review", created_by="me@x", page=2, limit=5
        )
        assert dict(wire.last.url.params) == {
            "project": "p",
            "labelTask": "t",
            "stage": "s",
            "createdBy": "me@x",
            "page": "2",
            "limit": "5",
        }
        hub.issues.create("t", "c", object_id="o", error_codes=[{"category": "A", "name": "B"}])
        assert wire.json() == {
            "labelTask": "t",
            "content": "c",
            "objectId": "o",
            "errorCodes": [{"category": "A", "name": "B"}],
        }
        hub.issues.resolve("i1")
        assert (wire.last.method, wire.last.url.path, wire.json()) == (
            "POST",
            "/v2/issues/i1",
            {"status": "Resolved"},
        )
        hub.issues.comment("i1", "hi")
        assert (wire.last.url.path, wire.json()) == ("/v2/issues/i1/comment", {"content": "hi"})
        hub.issues.delete("i1", project="p")
        assert (wire.last.method, str(wire.last.url)) == (
            "DELETE",
            "https://hub.test/v2/issues/i1?project=p",
        )


@pytest.mark.parametrize(
    ("call", "field", "allowed"),
    [
        (lambda hub: hub.issues.list_page(status="Done"), "status", "Open, Resolved, Closed"),
        (lambda hub: hub.issues.list_page(limit=101), "limit", "1..100"),
        (lambda hub: list(hub.issues.list(page_size=0)), "page_size", "1..100"),
        (lambda hub: hub.issues.create("t", "c", plane="X"), "body.plane", "A, S, C"),
        (
            lambda hub: hub.issues.update("i", status="Fixed"),
            "body.status",
            "Open, Resolved, Closed",
        ),
        (lambda hub: hub.storages.create("s", type="s3"), "body.type", "aws, gcs, azure"),
        (lambda hub: hub.storages.create("s", provider="aws"), "body.provider", "AWS, GCP, AZURE"),
        (lambda hub: hub.storages.files("s", signed_urls=True, path=5), "path", None),
    ],
)
def test_bad_input_is_refused_before_sending(
    hub: AngoHub, mock: MockServer, call: Any, field: str, allowed: str | None
) -> None:
    mock.ctx.requests.clear()
    with pytest.raises(AngoHubValidationError) as info:
        call(hub)
    assert info.value.field == field
    if allowed:
        assert info.value.allowed == allowed
    assert sum(mock.ctx.requests.counts.values()) == 0


def test_storage_round_trip_and_files(hub: AngoHub, mock: MockServer) -> None:
    storage = hub.storages.create(
        "s3", type="aws", bucket="bkt", credentials={"secretAccessKey": SECRET}
    )
    assert isinstance(storage, Storage)
    assert storage.bucket == "bkt"
    sdk_form = hub.storages.create(
        "gcs", provider="GCP", private_key=SECRET, credentials=f'{{"k": "{SECRET}"}}'
    )
    assert [s.id for s in hub.storages.list(page_size=1)] == [
        storage.id,
        sdk_form.id,
    ]
    assert hub.storages.get(sdk_form.id) == sdk_form
    assert hub.storages.get("f" * 24) is None
    upload = hub.files.upload_url(mock.project_id, "cat.jpg")
    assert httpx.put(upload, content=b"meow").status_code == 200
    (item,) = hub.storages.files(storage.id, bucket="bkt", path=mock.project_id)
    assert isinstance(item, StorageFile)
    assert item.name == "cat.jpg"
    assert httpx.get(str(item.signed_url)).content == b"meow"
    (unsigned,) = hub.storages.files(storage.id, signed_urls=False)
    assert unsigned.signed_url is None
    found = hub.storages.explore(
        storage.id, "bkt", folder=f"{mock.project_id}/assets", upload_to=mock.project_id
    )
    assert isinstance(found, FileExplorerResult)
    assert found.assets_created == 1
    assert hub.storages.delete(sdk_form.id).id == sdk_form.id
    everything = repr([storage, sdk_form, item, found, *hub.storages.list()])
    assert SECRET not in everything


def test_storage_secret_never_shown(
    hub: AngoHub, mock: MockServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    created = hub.storages.create(
        "s3", type="aws", credentials={"secretAccessKey": SECRET}, private_key=SECRET
    )
    mock.add_fault("server_error", operation="createStorage", status=500, times=1)
    with pytest.raises(APIStatusError) as refused:  # a create is not retried after a 5xx
        hub.storages.create("bad", type="aws", private_key=SECRET)
    assert refused.value.status_code == 500
    with pytest.raises(AngoHubValidationError) as invalid:
        hub.storages.create("bad", type="aws", credentials=[SECRET])  # type: ignore[arg-type]
    log = httpx.get(f"{mock.root_url}/_mock/requests", headers={"apikey": mock.api_key}).text
    shown = [
        repr(created),
        repr(refused.value),
        str(refused.value),
        repr(invalid.value),
        caplog.text,
        log,
    ]
    shown.append(json.dumps(refused.value.body))
    assert not [text for text in shown if SECRET in text]


def test_a_server_that_echoes_the_secret_is_redacted(wire_hub: WireHub) -> None:
    body = {"status": "fail", "message": f"bad body {{'privateKey': '{SECRET}'}}"}
    hub, _ = wire_hub(lambda r: httpx.Response(400, json=body))
    with hub, pytest.raises(BadRequestError) as info:
        hub.storages.create("s", type="aws", private_key=SECRET)
    assert SECRET not in str(info.value) + repr(info.value) + json.dumps(info.value.body)
    assert "<redacted>" in info.value.message


def test_unknown_key_is_refused(make_hub: MakeHub, mock: MockServer) -> None:
    with make_hub(api_key="nobody", base_url=mock.base_url, retry_policy=FAST) as stranger:
        with pytest.raises(AuthenticationError):
            stranger.issues.list_page()
        with pytest.raises(AuthenticationError):
            stranger.storages.list_page()


def test_hub_call_cuts_every_write_only_field_out_of_errors(wire_hub: WireHub) -> None:
    body = {"status": "fail", "message": f"refused {{'credentials': {{'k': '{SECRET}'}}}}"}
    hub, wire = wire_hub(lambda r: httpx.Response(400, json=body))
    with hub, pytest.raises(BadRequestError) as info:
        hub.call("createStorage", body={"name": "s", "type": "aws", "credentials": {"k": SECRET}})
    assert SECRET in wire.last.content.decode()  # it was sent...
    assert SECRET not in str(info.value) + repr(info.value) + json.dumps(info.value.body)
    with pytest.raises(AngoHubValidationError) as invalid:  # ...and the input check's message
        hub.call("createStorage", body={"name": "s", "type": "aws", "publicKey": [SECRET]})
    assert SECRET not in str(invalid.value) + repr(invalid.value)
