"""Every way a server can answer badly ends in a typed ``AngoHubError`` subclass: a 2xx body
that is not JSON, is cut off or has the wrong shape; an undecodable Content-Encoding; a redirect
loop; a 307 on a storage PUT; a corrupt or non-zip export. Inside a bulk upload each becomes
the files' outcome and the report is returned. On both clients."""

from __future__ import annotations

import threading
import zipfile
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest
from ango_hub import (
    AngoHub,
    APIConnectionError,
    ExportArchiveError,
    RedirectError,
    UnexpectedResponseError,
)
from ango_hub.mock.server import MockServer
from client_helpers import FAST, HttpClient, MakeHub
from hostile_api import (
    ARCHIVE_URL,
    GOOD_ZIP,
    PROJECT,
    Reply,
    export_zip,
    files,
    hostile_hub,
)


class _Redirecting(BaseHTTPRequestHandler):
    def do_PUT(self) -> None:
        self.rfile.read(int(self.headers.get("content-length") or 0))
        self.send_response(307)
        self.send_header("Location", "/elsewhere")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def redirecting_storage() -> Iterator[str]:
    """A storage server on 127.0.0.1 that reads each PUT, then answers 307."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Redirecting)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def not_json(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, text="<html>Welcome to nginx</html>")


def cut_off(request: httpx.Request) -> httpx.Response:
    return httpx.Response(
        200, content=b'{"status": "success", "da', headers={"content-type": "application/json"}
    )


def wrong_shape(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, json={"status": "success", "data": [1, "two"]})


def wrong_types(request: httpx.Request) -> httpx.Response:
    data = {"total": "many", "assets": {}, "uploadUrl": 7, "exportPath": ["x"]}
    return httpx.Response(200, json={"status": "success", "data": data})


def bad_encoding(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, content=b"not gzip at all", headers={"content-encoding": "gzip"})


def redirect_loop(request: httpx.Request) -> httpx.Response:
    request.read()
    return httpx.Response(302, headers={"location": str(request.url)})


def temporary_redirect(request: httpx.Request) -> httpx.Response:
    request.read()  # the streamed body is consumed, as a real server reads it
    return httpx.Response(307, headers={"location": "https://storage.test/elsewhere"})


BAD_BODIES: dict[str, Reply] = {
    "not_json": not_json,
    "cut_off": cut_off,
    "wrong_shape": wrong_shape,
    "wrong_types": wrong_types,
    "bad_encoding": bad_encoding,
}


def call(hub: AngoHub, operation: str, tmp_path: Path) -> Any:
    """The library call that sends ``operation``."""
    if operation == "listAssets":
        return hub.assets.list_page(PROJECT)
    if operation == "getUploadUrl":
        return hub.files.upload_url(PROJECT, "a.png")
    if operation == "put":
        (path,) = files(tmp_path, 1)
        return hub.files.put("https://storage.test/a.png?X-Amz-Signature=s", path)
    if operation == "importCloudAssets":
        return hub.assets.import_from_cloud(PROJECT, [{"data": "https://x/a.png"}])
    return list(hub.exports.iter_tasks(PROJECT))


# Every bad body for every JSON operation; but an import answer's only field (its summary) is
# optional, so "wrong_types" is a valid, empty summary there.
BAD_BODY_CASES = [
    (operation, body)
    for operation in ("listAssets", "getUploadUrl", "importCloudAssets", "exportTasks")
    for body in BAD_BODIES
    if (operation, body) != ("importCloudAssets", "wrong_types")
]


@pytest.mark.parametrize(("operation", "body"), BAD_BODY_CASES)
def test_a_bad_2xx_body_is_an_unexpected_response(
    make_hub: MakeHub, http_client: HttpClient, tmp_path: Path, operation: str, body: str
) -> None:
    hub, _ = hostile_hub(make_hub, http_client, **{operation: BAD_BODIES[body]})
    with pytest.raises(UnexpectedResponseError) as caught:
        call(hub, operation, tmp_path)
    assert caught.value.method in ("GET", "POST")


@pytest.mark.parametrize("operation", ["listAssets", "put", "exportTasks", "archive"])
def test_an_undecodable_content_encoding_is_an_unexpected_response(
    make_hub: MakeHub, http_client: HttpClient, tmp_path: Path, operation: str
) -> None:
    hub, _ = hostile_hub(make_hub, http_client, **{operation: bad_encoding})
    with pytest.raises(UnexpectedResponseError, match="does not decode"):
        call(hub, operation, tmp_path)


@pytest.mark.parametrize("operation", ["listAssets", "put", "importCloudAssets", "archive"])
def test_a_redirect_loop_is_a_redirect_error(
    make_hub: MakeHub, http_client: HttpClient, tmp_path: Path, operation: str
) -> None:
    hub, _ = hostile_hub(make_hub, http_client, **{operation: redirect_loop})
    with pytest.raises(RedirectError, match="redirect"):
        call(hub, operation, tmp_path)


def test_a_307_on_a_storage_put_is_a_redirect_error(
    make_hub: MakeHub, tmp_path: Path, redirecting_storage: str
) -> None:
    """A real server reads the streamed body, then answers 307: httpx cannot send it again."""
    (path,) = files(tmp_path, 1)
    hub = make_hub(api_key="k", base_url="http://127.0.0.1:9/v2", retry_policy=FAST)
    with hub, pytest.raises(RedirectError, match="cannot be sent twice") as caught:
        hub.files.put(f"{redirecting_storage}/a.png?X-Amz-Signature=secret", path)
    assert "secret" not in str(caught.value)


def test_a_storage_put_redirected_to_a_get_is_a_redirect_error(
    make_hub: MakeHub, http_client: HttpClient, tmp_path: Path
) -> None:
    """httpx follows a 302 on a PUT with a GET, whose 200 would read as "uploaded"."""
    moved: Reply = lambda r: httpx.Response(302, headers={"location": "https://storage.test/x"})  # noqa: E731
    hub, _ = hostile_hub(make_hub, http_client, put=moved)
    with pytest.raises(RedirectError, match="redirected"):
        call(hub, "put", tmp_path)


def _member_corrupted() -> bytes:
    """A zip whose deflated member has its data overwritten (the CRC no longer matches)."""
    data = bytearray(export_zip(("tasks.ndjson", b'{"taskId": "t"}\n' * 200)))
    start = data.index(b"tasks.ndjson") + len("tasks.ndjson")
    data[start + 2 : start + 40] = b"\x00" * 38
    return bytes(data)


ARCHIVES = {
    "not_a_zip": b"<Error><Code>AccessDenied</Code></Error>",
    "truncated_zip": GOOD_ZIP[: len(GOOD_ZIP) // 2],
    "corrupt_member": _member_corrupted(),
    "not_json_member": export_zip(("tasks.json", b"hello, world")),
    "bad_json_member": export_zip(("tasks.json", b'[{"taskId": "t1"}, {"taskId": ')),
    "tasks_not_objects": export_zip(("tasks.json", b"[1, 2, 3]")),
    "bad_utf8_member": export_zip(("tasks.ndjson", b'{"taskId": "\xff\xfe"}\n')),
}


@pytest.mark.parametrize("archive", list(ARCHIVES))
def test_a_corrupt_or_non_zip_export_is_an_export_archive_error(
    make_hub: MakeHub, http_client: HttpClient, tmp_path: Path, archive: str
) -> None:
    content = ARCHIVES[archive]
    answer: Reply = lambda _: httpx.Response(200, content=content)  # noqa: E731
    hub, _ = hostile_hub(make_hub, http_client, archive=answer)
    with pytest.raises(ExportArchiveError):
        call(hub, "archive", tmp_path)


def test_the_archive_sample_is_corrupt_only_in_its_data() -> None:
    """The corrupt-member case really is one: the zip's directory still opens."""
    import io

    with zipfile.ZipFile(io.BytesIO(ARCHIVES["corrupt_member"])) as archive:
        assert archive.namelist() == ["tasks.ndjson"]
        assert archive.testzip() == "tasks.ndjson"


def test_a_failed_export_download_leaves_no_part_file(
    make_hub: MakeHub, http_client: HttpClient, tmp_path: Path
) -> None:
    hub, _ = hostile_hub(make_hub, http_client, archive=bad_encoding)
    target = tmp_path / "export.zip"
    with pytest.raises(UnexpectedResponseError):
        hub.exports.download_url(ARCHIVE_URL, target)
    assert sorted(p.name for p in tmp_path.iterdir()) == []


# In a bulk upload: (operation made hostile, the answer, stage the files end at, status). A hostile
# listing fails the check made before anything is sent; the import's "unknown" is because it
# may have landed: the project is watched, and shows nothing.
STAGES = {
    "listAssets": ("check", "failed"),
    "getUploadUrl": ("upload_url", "failed"),
    "put": ("put", "failed"),
    "importCloudAssets": ("import", "unknown"),
}
HOSTILE: dict[str, Reply] = {
    **BAD_BODIES,
    "redirect_loop": redirect_loop,
    "temporary_redirect": temporary_redirect,
}
UPLOAD_CASES = [
    *((op, reply) for op in ("listAssets", "getUploadUrl") for reply in HOSTILE),
    ("put", "bad_encoding"),  # a PUT's answer body is not read as JSON
    ("put", "redirect_loop"),
    ("put", "temporary_redirect"),
    *(("importCloudAssets", reply) for reply in HOSTILE if reply != "wrong_types"),
]


@pytest.mark.parametrize(("operation", "reply"), UPLOAD_CASES)
def test_a_bulk_upload_reports_each_file_whatever_the_answer(
    make_hub: MakeHub, http_client: HttpClient, tmp_path: Path, operation: str, reply: str
) -> None:
    hub, api = hostile_hub(make_hub, http_client, **{operation: HOSTILE[reply]})
    paths = files(tmp_path, 3)
    report = hub.assets.upload(PROJECT, paths, progress=False, settle_seconds=0.05)

    stage, status = STAGES[operation]
    assert [item.path for item in report.items] == paths
    assert [(item.status, item.stage) for item in report.items] == [(status, stage)] * 3
    assert all(item.error for item in report.items)
    assert api.imports == 0  # the fake counts the imports it carried out: none after these


def test_a_download_broken_midway_leaves_no_part_file(
    make_hub: MakeHub, mock: MockServer, tmp_path: Path
) -> None:
    """The mock's storage drops every archive download midway (a real ``.part`` is written)."""
    mock.add_fault("drop", rate=1.0, path="/_storage/")
    hub = make_hub(api_key=mock.api_key, base_url=mock.base_url, max_retries=1)
    with hub, pytest.raises(APIConnectionError):
        hub.exports.download(mock.project_id, tmp_path / "export.zip")
    assert list(tmp_path.iterdir()) == []
