"""Bulk upload keeps at most ``concurrency`` requests in flight to each service (API and
storage), and overlaps the two: URLs are fetched while earlier files stream to storage. An
upload URL that expired is replaced once. On both clients."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections import Counter
from pathlib import Path

import httpx
from client_helpers import FAST, KEY, HttpClient, MakeHub, numbered_files, ok

PROJECT = "p" * 24
LATENCY = 0.02


class InFlight:
    """Counts requests in flight per service and remembers the peaks."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.now: Counter[str] = Counter()
        self.peak: Counter[str] = Counter()
        self.peak_total = 0
        self.imported: list[str] = []

    def enter(self, service: str) -> None:
        with self.lock:
            self.now[service] += 1
            self.peak[service] = max(self.peak[service], self.now[service])
            self.peak_total = max(self.peak_total, sum(self.now.values()))

    def leave(self, service: str) -> None:
        with self.lock:
            self.now[service] -= 1

    def answer(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path
        if request.url.host == "storage.test":
            return httpx.Response(200)
        if path.endswith("/getUploadUrl"):
            url = f"https://storage.test/{request.url.params['name']}?sig=1"
            return httpx.Response(201, json={"status": "success", "data": {"uploadUrl": url}})
        if path.endswith("/assets"):
            return ok({"assets": [], "total": 0})
        self.imported += [a["externalId"] for a in json.loads(request.content)["assets"]]
        return ok({"assetsCreated": len(self.imported)})

    @staticmethod
    def service(request: httpx.Request) -> str:
        return "storage" if request.url.host == "storage.test" else "api"


def slow_transport(client_kind: str, seen: InFlight) -> httpx.MockTransport:
    """Answers after LATENCY, counting what is in flight: the sync client calls in from its
    threads (so the handler sleeps), the async one from its loop (so the handler awaits)."""
    if client_kind == "sync":

        def handler(request: httpx.Request) -> httpx.Response:
            service = seen.service(request)
            seen.enter(service)
            time.sleep(LATENCY)
            seen.leave(service)
            return seen.answer(request)

        return httpx.MockTransport(handler)

    async def async_handler(request: httpx.Request) -> httpx.Response:
        service = seen.service(request)
        seen.enter(service)
        await asyncio.sleep(LATENCY)
        seen.leave(service)
        return seen.answer(request)

    return httpx.MockTransport(async_handler)


def test_upload_bounds_each_service_and_overlaps_them(
    make_hub: MakeHub, http_client: HttpClient, client_kind: str, tmp_path: Path
) -> None:
    seen = InFlight()
    client = http_client(slow_transport(client_kind, seen))
    with make_hub(api_key=KEY, base_url="https://hub.test/v2", http_client=client) as hub:
        report = hub.assets.upload(
            PROJECT, numbered_files(tmp_path, 40), concurrency=3, progress=False
        )

    assert report.ok
    assert sorted(seen.imported) == sorted(f"f{n}.png" for n in range(40))
    assert seen.peak == {"api": 3, "storage": 3}
    assert seen.peak_total > 3  # URL calls and PUTs were in flight together


class ExpiringUrls:
    """A fake API whose storage refuses (403) a file's first ``refusals[content]`` PUTs, as if
    its signed URL expired while the file waited for a storage slot."""

    def __init__(self, refusals: dict[bytes, int], max_urls: int = 1_000) -> None:
        self.refusals = dict(refusals)
        self.max_urls = max_urls  # later getUploadUrl calls answer 400
        self.issued = 0
        self.puts = 0
        self.stored: set[str] = set()
        self.lock = threading.Lock()  # the sync client calls in from several threads

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        with self.lock:
            return self._answer(request)

    def _answer(self, request: httpx.Request) -> httpx.Response:
        if request.url.host == "storage.test":
            self.puts += 1
            if self.refusals.get(request.content, 0) > 0:
                self.refusals[request.content] -= 1
                return httpx.Response(403, text="<Error><Code>AccessDenied</Code></Error>")
            self.stored.add(f"https://storage.test{request.url.path}")
            return httpx.Response(200)
        if request.url.path.endswith("/getUploadUrl"):
            if self.issued == self.max_urls:
                return httpx.Response(400, json={"status": "fail", "message": "quota"})
            self.issued += 1
            url = f"https://storage.test/{request.url.params['name']}?sig=1"
            return httpx.Response(201, json={"status": "success", "data": {"uploadUrl": url}})
        if request.url.path.endswith("/assets"):
            return ok({"assets": [], "total": 0})
        return ok({"assetsCreated": len(json.loads(request.content)["assets"])})


def test_an_expired_upload_url_is_replaced_once(
    make_hub: MakeHub, http_client: HttpClient, tmp_path: Path
) -> None:
    server = ExpiringUrls(refusals={b"0": 1, b"3": 1, b"5": 1})
    client = http_client(httpx.MockTransport(server))
    with make_hub(api_key=KEY, base_url="https://hub.test/v2", http_client=client) as hub:
        report = hub.assets.upload(PROJECT, numbered_files(tmp_path, 6), progress=False)

    assert report.ok, report.to_dict()["items"]
    assert (server.issued, server.puts) == (6 + 3, 6 + 3)
    assert {item.data_url for item in report.items} == server.stored  # only URLs that took


def test_a_url_refused_twice_fails_the_file_at_put(
    make_hub: MakeHub, http_client: HttpClient, tmp_path: Path
) -> None:
    server = ExpiringUrls(refusals={b"0": 2})
    client = http_client(httpx.MockTransport(server))
    with make_hub(
        api_key=KEY, base_url="https://hub.test/v2", http_client=client, retry_policy=FAST
    ) as hub:
        report = hub.assets.upload(PROJECT, numbered_files(tmp_path, 2), progress=False)

    failed, created = report.items
    assert (failed.status, failed.stage) == ("failed", "put")
    assert failed.error is not None
    assert "403" in failed.error
    assert created.status == "created"
    assert (server.issued, server.puts) == (3, 3)


def test_a_failed_fresh_url_is_reported_at_its_own_stage(
    make_hub: MakeHub, http_client: HttpClient, tmp_path: Path
) -> None:
    server = ExpiringUrls(refusals={b"0": 1}, max_urls=1)
    client = http_client(httpx.MockTransport(server))
    with make_hub(api_key=KEY, base_url="https://hub.test/v2", http_client=client) as hub:
        (item,) = hub.assets.upload(PROJECT, numbered_files(tmp_path, 1), progress=False).items

    assert (item.status, item.stage) == ("failed", "upload_url")
    assert item.error is not None
    assert "quota" in item.error
