"""Bulk upload keeps at most ``concurrency`` requests in flight to each service (API and
storage), and overlaps the two: URLs are fetched while earlier files stream to storage."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections import Counter
from pathlib import Path

import httpx
from ango_hub import AngoHub, AsyncAngoHub
from client_helpers import FAST, KEY, numbered_files, ok

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


def test_sync_upload_bounds_each_service_and_overlaps_them(tmp_path: Path) -> None:
    seen = InFlight()

    def handler(request: httpx.Request) -> httpx.Response:
        request.read()
        service = seen.service(request)
        seen.enter(service)
        time.sleep(LATENCY)
        seen.leave(service)
        return seen.answer(request)

    client = httpx.Client(transport=httpx.MockTransport(handler))
    with AngoHub(api_key=KEY, base_url="https://hub.test/v2", http_client=client) as hub:
        report = hub.assets.upload(
            PROJECT, numbered_files(tmp_path, 40), concurrency=3, progress=False
        )

    assert report.ok
    assert sorted(seen.imported) == sorted(f"f{n}.png" for n in range(40))
    assert seen.peak == {"api": 3, "storage": 3}
    assert seen.peak_total > 3  # URL calls and PUTs were in flight together


async def test_async_upload_bounds_each_service_and_overlaps_them(tmp_path: Path) -> None:
    seen = InFlight()

    async def handler(request: httpx.Request) -> httpx.Response:
        await request.aread()
        service = seen.service(request)
        seen.enter(service)
        await asyncio.sleep(LATENCY)
        seen.leave(service)
        return seen.answer(request)

    client = httpx.AsyncClient(transport=httpx.MockTransport(handler))
    async with AsyncAngoHub(
        api_key=KEY, base_url="https://hub.test/v2", http_client=client, retry_policy=FAST
    ) as hub:
        report = await hub.assets.upload(
            PROJECT, numbered_files(tmp_path, 40), concurrency=3, progress=False
        )

    assert report.ok
    assert sorted(seen.imported) == sorted(f"f{n}.png" for n in range(40))
    assert seen.peak == {"api": 3, "storage": 3}
    assert seen.peak_total > 3
