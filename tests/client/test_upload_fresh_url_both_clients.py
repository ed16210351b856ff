"""The 403 fresh-URL retry of bulk upload (commits 8f25ff1, 4af0e1c), on both clients.

The pipeline is written once (``ango_hub/_async/upload_run.py``) and the sync client is
produced from it; these cases run on each client to prove the behaviour exists on both.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx
import pytest
from ango_hub import AngoHub, AsyncAngoHub, UploadReport
from client_helpers import FAST, KEY, numbered_files
from test_upload_pipeline import PROJECT, ExpiringUrls


def upload(kind: str, server: ExpiringUrls, files: list[Path]) -> UploadReport:
    base = "https://hub.test/v2"
    transport = httpx.MockTransport(server)
    if kind == "sync":
        with AngoHub(
            api_key=KEY, base_url=base, http_client=httpx.Client(transport=transport)
        ) as hub:
            return hub.assets.upload(PROJECT, files, progress=False)

    async def run() -> UploadReport:
        async with httpx.AsyncClient(transport=transport) as raw:
            hub = AsyncAngoHub(api_key=KEY, base_url=base, http_client=raw, retry_policy=FAST)
            return await hub.assets.upload(PROJECT, files, progress=False)

    return asyncio.run(run())


@pytest.fixture(params=["sync", "async"])
def kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def test_an_expired_upload_url_is_replaced_once(kind: str, tmp_path: Path) -> None:
    server = ExpiringUrls(refusals={b"0": 1, b"3": 1, b"5": 1})
    report = upload(kind, server, numbered_files(tmp_path, 6))
    assert report.ok, report.to_dict()["items"]
    assert (server.issued, server.puts) == (6 + 3, 6 + 3)
    assert {item.data_url for item in report.items} == server.stored  # only URLs that took


def test_a_url_refused_twice_fails_the_file_at_put(kind: str, tmp_path: Path) -> None:
    server = ExpiringUrls(refusals={b"0": 2})
    failed, created = upload(kind, server, numbered_files(tmp_path, 2)).items
    assert (failed.status, failed.stage) == ("failed", "put")
    assert "403" in (failed.error or "")
    assert created.status == "created"
    assert (server.issued, server.puts) == (3, 3)


def test_a_failed_fresh_url_is_reported_at_its_own_stage(kind: str, tmp_path: Path) -> None:
    server = ExpiringUrls(refusals={b"0": 1}, max_urls=1)
    (item,) = upload(kind, server, numbered_files(tmp_path, 1)).items
    assert (item.status, item.stage) == ("failed", "upload_url")
    assert "quota" in (item.error or "")
