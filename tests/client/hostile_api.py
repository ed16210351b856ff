"""A fake Ango Hub (API and storage) on ``httpx.MockTransport`` whose answer to any one
operation can be replaced by a hostile one: for the typed-failure tests and the fuzz test."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import httpx
from client_helpers import FAST, KEY, ok

if TYPE_CHECKING:
    from ango_hub import AngoHub
    from client_helpers import HttpClient, MakeHub

PROJECT = "p" * 24
ARCHIVE_URL = "https://storage.test/e.zip?X-Amz-Signature=abc"
Reply = Callable[[httpx.Request], httpx.Response]


def export_zip(*members: tuple[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            archive.writestr(name, data)
    return buffer.getvalue()


GOOD_ZIP = export_zip(("tasks.ndjson", b'{"taskId": "t1"}\n{"taskId": "t2"}\n'))


class HostileApi:
    """Good answers by default; ``replies[name]`` overrides one of ``listAssets``,
    ``getUploadUrl``, ``put``, ``importCloudAssets``, ``exportTasks`` or ``archive``."""

    def __init__(self, **replies: Reply) -> None:
        self.replies = replies
        self.imports = 0

    def __call__(self, request: httpx.Request) -> httpx.Response:
        name = self.operation(request)
        if name in self.replies:
            return self.replies[name](request)
        return getattr(self, "_" + name)(request)

    @staticmethod
    def operation(request: httpx.Request) -> str:
        path = request.url.path
        if request.url.host == "storage.test":
            return "put" if request.method == "PUT" else "archive"
        if path.endswith("/assets"):
            return "listAssets"
        if path.endswith("/getUploadUrl"):
            return "getUploadUrl"
        if path.endswith("/cloud"):
            return "importCloudAssets"
        if path.endswith("/export"):
            return "exportTasks"
        return "unknown"

    def _unknown(self, request: httpx.Request) -> httpx.Response:
        return httpx.Response(404, json={"status": "fail", "message": "no such route"})

    def _listAssets(self, request: httpx.Request) -> httpx.Response:
        return ok({"assets": [], "total": 0})

    def _getUploadUrl(self, request: httpx.Request) -> httpx.Response:
        name = request.url.params["name"]
        url = f"https://storage.test/{name}?X-Amz-Signature=s"
        return httpx.Response(201, json={"status": "success", "data": {"uploadUrl": url}})

    def _put(self, request: httpx.Request) -> httpx.Response:
        request.read()
        return httpx.Response(200)

    def _importCloudAssets(self, request: httpx.Request) -> httpx.Response:
        self.imports += 1
        sent = json.loads(request.read())["assets"]
        return httpx.Response(
            201, json={"status": "success", "data": {"assets": {"assetsCreated": len(sent)}}}
        )

    def _exportTasks(self, request: httpx.Request) -> httpx.Response:
        return ok({"exportPath": ARCHIVE_URL})

    def _archive(self, request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=GOOD_ZIP)


def first_only(hostile: Reply) -> Reply:
    """``hostile`` for the first request, the good answer (``None``: the default) after."""
    answered: list[bool] = []

    def reply(request: httpx.Request) -> httpx.Response:
        if answered:
            return HostileApi()(request)
        answered.append(True)
        return hostile(request)

    return reply


def hostile_hub(
    make_hub: MakeHub, http_client: HttpClient, **replies: Reply
) -> tuple[AngoHub, HostileApi]:
    """A hub on :class:`HostileApi`, its HTTP client following redirects as the hub's own."""
    api = HostileApi(**replies)
    http = http_client(httpx.MockTransport(api))
    http.follow_redirects = True
    hub = make_hub(
        api_key=KEY,
        base_url="https://hub.test/v2",
        http_client=http,
        retry_policy=FAST,
        max_retries=1,
    )
    return hub, api


def files(folder: Path, count: int = 2) -> list[Path]:
    paths = []
    for n in range(count):
        paths.append(folder / f"h{n}.png")
        paths[-1].write_bytes(b"x%d" % n)
    return paths
