"""Every resource method against the mock, on both clients, checking state on the server
side; and the wire shapes of a few requests."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest
from ango_hub import AngoHub, AngoHubValidationError, NotFoundError
from ango_hub.mock.server import MockServer
from client_helpers import WireHub, ok
from python_multipart.multipart import MultipartParser, parse_options_header

PROJECT = "507f1f77bcf86cd799439011"


def test_list_iterates_every_page(hub: AngoHub, mock: MockServer) -> None:
    mock.seed(237)
    ids = [asset.id for asset in hub.assets.list(mock.project_id, page_size=50)]
    assert len(ids) == 237
    assert len(set(ids)) == 237
    assert mock.requests.counts["listAssets"] == 5


def test_list_page_total_and_filters(hub: AngoHub, mock: MockServer) -> None:
    mock.seed(30)
    page = hub.assets.list_page(mock.project_id, page=2, limit=10)
    assert page.total == 30
    assert len(page.assets) == 10
    target = page.assets[0]
    found = hub.assets.list_page(mock.project_id, filters={"externalId": target.external_id})
    assert [a.id for a in found.assets] == [target.id]


def test_update_delete_and_batches(hub: AngoHub, mock: MockServer) -> None:
    mock.seed(3)
    first, second, third = hub.assets.list(mock.project_id)
    updated = hub.assets.update(first.id, metadata={"k": "v"}, external_id="renamed")
    assert updated.external_id == "renamed"
    again = hub.assets.list_page(mock.project_id, filters={"_id": first.id}).assets[0]
    assert again.external_id == "renamed"

    assignment = hub.assets.assign_batches(
        mock.project_id, [second.id], ["batch-a"], create_missing_batches=True
    )
    assert assignment.modified_count == 1
    assert isinstance(assignment.batches, list)
    assert len(assignment.batches) == 1
    in_batch = hub.assets.list_page(mock.project_id, filters={"_id": second.id}).assets[0]
    assert in_batch.batches == assignment.batches

    result = hub.assets.delete(mock.project_id, [third.id])
    assert result.deleted == 1
    assert hub.assets.list_page(mock.project_id).total == 2


def test_import_from_cloud_creates_assets(hub: AngoHub, mock: MockServer) -> None:
    summary = hub.assets.import_from_cloud(
        mock.project_id,
        [
            {"data": "https://example.com/a.png", "externalId": "a"},
            {"data": "https://example.com/b.png", "externalId": "b", "metadata": {"x": 1}},
        ],
    )
    assert (summary.assets_created, summary.tasks_created) == (2, 2)
    external = sorted(a.external_id for a in hub.assets.list(mock.project_id))
    assert external == ["a", "b"]


def test_files_put_and_signed_url_round_trip(
    hub: AngoHub, mock: MockServer, tmp_path: Path
) -> None:
    source = tmp_path / "photo.bin"
    source.write_bytes(bytes(range(256)) * 40)
    url = hub.files.upload_url(mock.project_id, "photo.bin")
    lasting = hub.files.put(url, source)
    assert "?" not in lasting
    signed = hub.files.signed_url(lasting)
    assert httpx.get(signed).content == source.read_bytes()


def test_bulk_upload_then_rerun_skips(hub: AngoHub, mock: MockServer, tmp_path: Path) -> None:
    files = []
    for i in range(12):
        path = tmp_path / f"f{i}.txt"
        path.write_bytes(f"content {i}".encode())
        files.append(path)
    report = hub.assets.upload(mock.project_id, files, concurrency=4, progress=False)
    assert len(report.created) == 12
    assert report.ok
    assets = {a.external_id: a for a in hub.assets.list(mock.project_id)}
    assert set(assets) == {f"f{i}.txt" for i in range(12)}
    # The bytes arrived: read one back through a signed URL.
    signed = hub.files.signed_url(assets["f3.txt"].data)
    assert httpx.get(signed).content == b"content 3"

    again = hub.assets.upload(mock.project_id, files, progress=False)
    assert len(again.skipped) == 12
    assert hub.assets.list_page(mock.project_id).total == 12


def test_bulk_upload_of_folders_by_name_or_relative_path(
    hub: AngoHub, mock: MockServer, tmp_path: Path
) -> None:
    images = tmp_path / "images"
    (images / "sub").mkdir(parents=True)
    (images / "a.png").write_bytes(b"a")
    (images / "sub" / "b.png").write_bytes(b"b")
    (images / ".cache").mkdir()
    (images / ".cache" / "c.png").write_bytes(b"hidden")
    (images / ".DS_Store").write_bytes(b"hidden")
    # The folder, and again one of its files: that file is uploaded once.
    report = hub.assets.upload(
        mock.project_id, [images, images / "a.png"], external_id="path", progress=False
    )
    assert [(item.external_id, item.status) for item in report.items] == [
        ("a.png", "created"),
        ("sub/b.png", "created"),
    ]
    assert sorted(a.external_id for a in hub.assets.list(mock.project_id)) == ["a.png", "sub/b.png"]

    other = tmp_path / "other"
    other.mkdir()
    (other / "a.png").write_bytes(b"another a")
    by_name = hub.assets.upload(mock.project_id, [other, images], progress=False)
    assert [(i.external_id, i.status, i.stage) for i in by_name.items] == [
        ("a.png", "skipped", None),
        ("a.png", "failed", "plan"),  # two files, one name: refused before anything is sent
        ("b.png", "created", None),
    ]
    with pytest.raises(AngoHubValidationError, match="name, path or a function"):
        hub.assets.upload(mock.project_id, [images], external_id="hash")  # type: ignore[arg-type]


def test_bulk_upload_missing_file_is_reported(
    hub: AngoHub, mock: MockServer, tmp_path: Path
) -> None:
    good = tmp_path / "good.txt"
    good.write_text("ok")
    report = hub.assets.upload(mock.project_id, [good, tmp_path / "gone.txt"], progress=False)
    assert [i.status for i in report.items] == ["created", "failed"]
    assert report.items[1].stage
    assert not report.ok


def test_labels_and_attachments(hub: AngoHub, mock: MockServer) -> None:
    hub.assets.import_from_cloud(
        mock.project_id, [{"data": "https://example.com/a.png", "externalId": "a"}]
    )
    attached = hub.attachments.import_(
        mock.project_id,
        [{"externalId": "a", "attachmentType": "TEXT", "attachmentUrl": "hello"}],
    )
    assert (attached.attachments_imported, attached.assets_updated) == (1, 1)
    message = hub.labels.import_(
        mock.project_id, [{"externalId": "a", "answer": {"objects": [], "classifications": []}}]
    )
    assert message == "1 / 1 tasks are labeled."
    (task,) = hub.exports.iter_tasks(mock.project_id, raw=True, format="ndjson")
    assert task["externalId"] == "a"
    assert task["attachments"] == [{"type": "TEXT", "value": "hello"}]
    assert task["isPreLabeled"] is True


@pytest.mark.parametrize("fmt", ["json", "ndjson"])
def test_exports_iter_tasks_and_download(
    hub: AngoHub, mock: MockServer, tmp_path: Path, fmt: str
) -> None:
    mock.seed(40, labeled=True)
    options = {"format": fmt}
    tasks = list(hub.exports.iter_tasks(mock.project_id, raw=True, **options))  # type: ignore[call-overload]
    assert len(tasks) == 40
    assert all(isinstance(t, dict) for t in tasks)
    target = hub.exports.download(mock.project_id, tmp_path / "out.zip", **options)  # type: ignore[arg-type]
    assert target.read_bytes()[:2] == b"PK"
    assert not (tmp_path / "out.zip.part").exists()


def test_export_download_sends_no_apikey(wire_hub: WireHub) -> None:
    def reply(request: httpx.Request) -> httpx.Response:
        if request.url.host == "storage.test":
            return httpx.Response(200, content=b"PK\x05\x06" + b"\0" * 18)
        return ok({"exportPath": "https://storage.test/e.zip?X-Amz-Signature=abc"})

    hub, wire = wire_hub(reply)
    hub.exports.download_url("https://storage.test/e.zip?X-Amz-Signature=abc", "/dev/null")
    storage = [r for r in wire.requests if r.url.host == "storage.test"]
    assert storage
    assert "apikey" not in storage[0].headers


def test_not_found_is_raised_not_returned(hub: AngoHub, mock: MockServer) -> None:
    with pytest.raises(NotFoundError):
        hub.assets.update("0" * 24, external_id="x")


def _parts(request: httpx.Request) -> dict[str, bytes]:
    ctype, options = parse_options_header(request.headers["content-type"])
    assert ctype in (b"multipart/form-data", "multipart/form-data")
    boundary = options.get(b"boundary") or options.get("boundary")  # type: ignore[call-overload]
    assert boundary
    assert boundary not in (b"+++", "+++")
    found: dict[str, bytes] = {}
    current: dict[str, object] = {}

    def on_part_begin() -> None:
        current.clear()
        current["data"] = b""

    def on_header_value(data: bytes, start: int, end: int) -> None:
        current["hv"] = bytes(current.get("hv", b"")) + data[start:end]  # type: ignore[arg-type]

    def on_header_end() -> None:
        value = bytes(current.pop("hv", b""))  # type: ignore[arg-type]
        if b"name=" in value:
            current["name"] = value.split(b'name="')[1].split(b'"')[0].decode()

    def on_part_data(data: bytes, start: int, end: int) -> None:
        current["data"] = bytes(current["data"]) + data[start:end]  # type: ignore[arg-type]

    def on_part_end() -> None:
        found[str(current["name"])] = bytes(current["data"])  # type: ignore[arg-type]

    parser = MultipartParser(
        boundary,
        callbacks={
            "on_part_begin": on_part_begin,
            "on_header_value": on_header_value,
            "on_header_end": on_header_end,
            "on_part_data": on_part_data,
            "on_part_end": on_part_end,
        },
    )
    parser.write(request.content)
    parser.finalize()
    return found


def test_chat_upload_file_with_boundary_forgery_arrives_intact(
    wire_hub: WireHub, tmp_path: Path
) -> None:
    payload = b'[{"messages": []}]\r\n--+++\r\nContent-Disposition: form-data; name="x"\r\n\r\n'
    source = tmp_path / "chat.json"
    source.write_bytes(payload)
    project = {"project": {"_id": PROJECT, "batches": [{"_id": "b1", "name": "Batch 1"}]}}
    hub, wire = wire_hub(
        lambda r: ok(project if r.url.path.endswith(PROJECT) else {"assetsCreated": 1})
    )
    hub.assets.upload_chat(PROJECT, file=source, batches=["Batch 1"])
    parts = _parts(wire.last)
    assert parts["file"] == payload
    assert parts["batches"] == b'["b1"]'  # the batch's name resolved to its ID
    assert "x" not in parts
    assert wire.last.url.path.endswith("/uploadChatAssets") or "chat" in wire.last.url.path.lower()


def test_wire_shapes_of_json_operations(wire_hub: WireHub) -> None:
    hub, wire = wire_hub(lambda r: ok({"assets": [], "total": 0}))
    hub.assets.list_page(PROJECT, page=3, limit=25, filters={"externalId": "a"})
    request = wire.last
    assert request.method == "GET"
    assert request.url.path == f"/v2/project/{PROJECT}/assets"
    assert request.url.params["page"] == "3"
    assert request.url.params["limit"] == "25"
    assert json.loads(request.url.params["filters"]) == {"externalId": "a"}
    assert request.headers["apikey"]
