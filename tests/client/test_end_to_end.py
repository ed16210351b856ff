"""Whole workflows against the mock, on both clients: list, update, delete; upload, files,
imports and exports; retries and errors as a caller sees them."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from ango_hub import AngoHub, BadRequestError, InternalServerError, NotFoundError
from ango_hub.mock.server import MockServer
from client_helpers import KEY, WireHub, ok


def test_list_pages_update_delete(hub: AngoHub, mock: MockServer) -> None:
    mock.seed(123)
    ids = [a.id for a in hub.assets.list(mock.project_id, page_size=20)]
    assert len(set(ids)) == 123
    page = hub.assets.list_page(mock.project_id, limit=5)
    assert page.total == 123
    updated = hub.assets.update(ids[0], external_id="renamed")
    assert updated.external_id == "renamed"
    hub.assets.assign_batches(mock.project_id, [ids[1]], ["b-1"], create_missing_batches=True)
    deleted = hub.assets.delete(mock.project_id, [ids[2]])
    assert deleted.deleted == 1
    assert hub.assets.list_page(mock.project_id).total == 122
    with pytest.raises(NotFoundError):
        hub.assets.update("0" * 24, external_id="x")


def test_upload_files_imports_and_exports(hub: AngoHub, mock: MockServer, tmp_path: Path) -> None:
    files = []
    for i in range(20):
        path = tmp_path / f"a{i}.txt"
        path.write_bytes(b"content %d" % i)
        files.append(path)
    report = hub.assets.upload(mock.project_id, files, progress=False)
    assert len(report.created) == 20
    again = hub.assets.upload(mock.project_id, files, progress=False)
    assert len(again.skipped) == 20
    by_id = {a.external_id: a for a in hub.assets.list(mock.project_id)}
    signed = hub.files.signed_url(by_id["a7.txt"].data)
    assert httpx.get(signed).content == b"content 7"

    url = hub.files.upload_url(mock.project_id, "direct.bin")
    lasting = hub.files.put(url, files[0])
    assert "?" not in lasting

    summary = hub.assets.import_from_cloud(
        mock.project_id, [{"data": "https://example.com/z.png", "externalId": "z"}]
    )
    assert summary.assets_created == 1
    attached = hub.attachments.import_(
        mock.project_id,
        [{"externalId": "z", "attachmentType": "TEXT", "attachmentUrl": "hi"}],
    )
    assert attached.attachments_imported == 1
    message = hub.labels.import_(mock.project_id, [{"externalId": "z", "answer": {"objects": []}}])
    assert message == "1 / 1 tasks are labeled."
    tasks = list(hub.exports.iter_tasks(mock.project_id, raw=True))
    assert len(tasks) == 21
    (z,) = [t for t in tasks if t["externalId"] == "z"]
    assert z["attachments"] == [{"type": "TEXT", "value": "hi"}]
    assert z["isPreLabeled"] is True
    target = hub.exports.download(mock.project_id, tmp_path / "e.zip")
    assert target.read_bytes()[:2] == b"PK"


def test_a_read_is_retried_after_a_503_then_not_with_max_retries_zero(wire_hub: WireHub) -> None:
    answers = iter([httpx.Response(503, text="<html>down</html>")])
    hub, wire = wire_hub(lambda r: next(answers, ok({"assets": [], "total": 0})))
    assert hub.assets.list_page("507f1f77bcf86cd799439011").total == 0
    assert len(wire.requests) == 2
    assert wire.last.headers["apikey"] == KEY
    assert KEY not in repr(hub)

    hub, wire = wire_hub(lambda r: httpx.Response(500, text="<html>down</html>"))
    with pytest.raises(InternalServerError):
        hub.with_options(max_retries=0).assets.list_page("507f1f77bcf86cd799439011")
    assert len(wire.requests) == 1


def test_a_refused_export_raises_with_the_servers_message(wire_hub: WireHub) -> None:
    hub, wire = wire_hub(lambda r: httpx.Response(400, json={"error": "bad"}))
    with pytest.raises(BadRequestError, match="bad"):
        hub.exports.create("507f1f77bcf86cd799439011")
    assert wire.last.url.path == "/v2/export"
