"""The import stage of a bulk upload after a failed import: after the server's own 5xx the
project is checked and only the missing files are sent again, for up to ``max_retries``
rounds; after a gateway's 502 nothing is sent again. On both clients."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
from client_helpers import Wire, WireHub, numbered_files, ok

PROJECT = "p" * 24


class HalfDoneImports:
    """A fake API whose first ``failures`` imports create only the first half of what they are
    sent, then answer ``status`` (503: the server's own answer, so its work on the request is
    over); later imports create everything."""

    def __init__(self, failures: int = 1, status: int = 503) -> None:
        self.failures = failures
        self.status = status
        self.assets: list[str] = []
        self.imports: list[list[str]] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path
        if request.url.host == "storage.test":
            return httpx.Response(200)
        if path.endswith("/getUploadUrl"):
            name = request.url.params["name"]
            return httpx.Response(
                201,
                json={
                    "status": "success",
                    "data": {"uploadUrl": f"https://storage.test/{name}?sig=1"},
                },
            )
        if path.endswith("/assets"):
            wanted = request.url.params.get("externalId")
            found = [e for e in self.assets if wanted in (None, e)]
            return ok(
                {
                    "assets": [{"_id": f"id-{e}", "externalId": e} for e in found],
                    "total": len(found),
                }
            )
        if path.endswith("/cloud"):
            sent = [a["externalId"] for a in json.loads(request.content)["assets"]]
            self.imports.append(sent)
            if self.status < 500:
                return httpx.Response(self.status, json={"status": "fail", "message": "no"})
            if len(self.imports) <= self.failures:
                self.assets += sent[: len(sent) // 2]
                return httpx.Response(self.status, text="<html>bad gateway</html>")
            self.assets += sent
            return ok({"assetsCreated": len(sent)})
        raise AssertionError(f"unexpected {request.method} {request.url}")


def _imports(wire: Wire) -> int:
    return sum(r.url.path.endswith("/cloud") for r in wire.requests)


def test_only_missing_files_are_sent_again(wire_hub: WireHub, tmp_path: Path) -> None:
    server = HalfDoneImports(failures=2)
    hub, wire = wire_hub(server, max_retries=3)
    report = hub.assets.upload(PROJECT, numbered_files(tmp_path, 8), progress=False)

    names = [f"f{n}.png" for n in range(8)]
    assert server.imports == [names, names[4:], names[6:]]
    assert sorted(server.assets) == sorted(names)  # each once
    assert [item.status for item in report.items] == ["created"] * 8
    assert _imports(wire) == 3


def test_without_retries_the_check_settles_each_file(wire_hub: WireHub, tmp_path: Path) -> None:
    server = HalfDoneImports(failures=1)
    hub, _ = wire_hub(server, max_retries=0)
    report = hub.assets.upload(PROJECT, numbered_files(tmp_path, 4), progress=False)

    assert len(server.imports) == 1
    assert [item.status for item in report.items] == ["created"] * 2 + ["failed"] * 2
    for item in report.failed:
        assert item.stage == "import"
        assert item.error is not None
        assert "503" in item.error


def test_a_refused_import_is_not_checked_or_sent_again(wire_hub: WireHub, tmp_path: Path) -> None:
    server = HalfDoneImports(status=400)
    hub, wire = wire_hub(server, max_retries=3)
    report = hub.assets.upload(PROJECT, numbered_files(tmp_path, 3), progress=False)

    assert len(server.imports) == 1
    assert [item.status for item in report.items] == ["failed"] * 3
    assert all(item.stage == "import" and "400" in (item.error or "") for item in report.items)
    after_import = wire.requests[
        [r.url.path.endswith("/cloud") for r in wire.requests].index(True) :
    ]
    assert len(after_import) == 1  # no listing after a refusal


def test_a_gateway_error_is_watched_and_never_sent_again(wire_hub: WireHub, tmp_path: Path) -> None:
    """A 502 comes from a gateway: the server behind it may still be importing, so the chunk
    is not sent again; what the project shows is created, the rest unknown."""
    server = HalfDoneImports(failures=1, status=502)
    hub, _ = wire_hub(server, max_retries=3)
    report = hub.assets.upload(
        PROJECT, numbered_files(tmp_path, 4), progress=False, settle_seconds=0.1
    )

    assert len(server.imports) == 1
    assert [item.status for item in report.items] == ["created"] * 2 + ["unknown"] * 2
    for item in report.unknown:
        assert item.stage == "import"
        assert "502" in (item.error or "")
