"""Migration parity with the official SDK's ``upload_files``: per-file ``external_id``,
``metadata``, ``context_data`` and ``priority`` (a mapping keyed by path, or a function of it)
and ``storage_id``, on the wire as the import body takes them (``assets[].metadata``,
``assets[].contextData``, ``assets[].storage``; ``priority`` one per import, so files of one
priority go together; ``storageId`` on each upload URL). On both clients."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
from client_helpers import WireHub, ok

PROJECT = "p" * 24
STORAGE = "s" * 24


def answer(request: httpx.Request) -> httpx.Response:
    if request.url.host == "storage.test":
        return httpx.Response(200)
    if request.url.path == "/v2/getUploadUrl":
        name = request.url.params["name"]
        return ok({"uploadUrl": f"https://storage.test/bucket/{name}?X-Amz-Signature=s"})
    if request.url.path.endswith("/assets"):
        return ok({"assets": [], "total": 0})
    return ok({"assets": {"assetsCreated": 1}})


def test_per_file_values_and_storage_go_as_the_import_takes_them(
    wire_hub: WireHub, tmp_path: Path
) -> None:
    for name in ("a.png", "b.png", "c.png"):
        (tmp_path / name).write_bytes(name.encode())
    a, b, c = (tmp_path / n for n in ("a.png", "b.png", "c.png"))
    hub, wire = wire_hub(answer)
    report = hub.assets.upload(
        PROJECT,
        [a, b, c],
        progress=False,
        concurrency=1,
        external_id={str(a): "images/a.png"},  # c and b: their names
        metadata=lambda path: {"source": path.stem},
        context_data={a: {"camera": "left"}},
        priority={str(c): 7},
        storage_id=STORAGE,
    )
    assert [i.status for i in report.items] == ["created"] * 3
    urls = [r for r in wire.requests if r.url.path == "/v2/getUploadUrl"]
    assert [r.url.params["storageId"] for r in urls] == [STORAGE] * 3
    imports = [json.loads(r.content) for r in wire.requests if r.url.path.endswith("/cloud")]
    assert [body.get("priority") for body in imports] == [None, 7]
    first, second = imports
    assert [(x["externalId"], x["metadata"], x.get("contextData")) for x in first["assets"]] == [
        ("images/a.png", {"source": "a"}, {"camera": "left"}),
        ("b.png", {"source": "b"}, None),
    ]
    assert [x["externalId"] for x in second["assets"]] == ["c.png"]
    assert {x["storage"] for body in imports for x in body["assets"]} == {STORAGE}
    assert all(body["uploadLocal"] == "true" for body in imports)


def test_without_per_file_values_the_body_is_as_before(wire_hub: WireHub, tmp_path: Path) -> None:
    (tmp_path / "a.png").write_bytes(b"a")
    hub, wire = wire_hub(answer)
    hub.assets.upload(PROJECT, [tmp_path / "a.png"], progress=False)
    (body,) = [json.loads(r.content) for r in wire.requests if r.url.path.endswith("/cloud")]
    assert list(body["assets"][0]) == ["data", "externalId"]
    assert "priority" not in body
    urls = [r for r in wire.requests if r.url.path == "/v2/getUploadUrl"]
    assert "storageId" not in urls[0].url.params
