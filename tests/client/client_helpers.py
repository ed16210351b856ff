"""Helpers for the ergonomic client's tests: a wire recorder on httpx.MockTransport."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx
from ango_hub._retry import RetryPolicy

if TYPE_CHECKING:
    from ango_hub import AngoHub

FAST = RetryPolicy(base_delay=0.001, max_delay=0.01, max_retry_after=0.01)
KEY = "sk-test-secret-0123456789"


class Wire:
    """Records requests sent through an ``httpx.MockTransport`` and answers with ``reply``."""

    def __init__(self, reply: Callable[[httpx.Request], httpx.Response]) -> None:
        self.requests: list[httpx.Request] = []
        self.reply = reply

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        return self.reply(request)

    @property
    def last(self) -> httpx.Request:
        return self.requests[-1]

    def json(self, index: int = -1) -> Any:
        return json.loads(self.requests[index].content)


# What the fixtures in conftest.py hand out: each runs the test on both clients.
MakeHub = Callable[..., "AngoHub"]
WireHub = Callable[..., tuple["AngoHub", "Wire"]]
HttpClient = Callable[[httpx.MockTransport], Any]  # httpx.Client or httpx.AsyncClient


def hub_on(client_class: Any, http: httpx.Client | httpx.AsyncClient) -> Any:
    """``AngoHub`` or ``AsyncAngoHub`` sending through ``http``, once, with no retries."""
    return client_class(
        api_key=KEY,
        base_url="https://api.test/v2",
        max_retries=0,
        retry_policy=FAST,
        http_client=http,
    )


def ok(data: Any) -> httpx.Response:
    return httpx.Response(200, json={"status": "success", "data": data})


def import_cloud_assets(hub: AngoHub, project_id: str, *external_ids: str) -> None:
    """One cloud asset per external ID in the project (through ``hub.call``)."""
    assets = [{"data": f"https://x.invalid/{e}.jpg", "externalId": e} for e in external_ids]
    hub.call("importCloudAssets", {"projectId": project_id}, body={"assets": assets})


def numbered_files(folder: Path, count: int, stem: str = "f", suffix: str = ".png") -> list[Path]:
    """``count`` small files ``f0.png``, ``f1.png``, ... with distinct contents."""
    paths = []
    for n in range(count):
        path = folder / f"{stem}{n}{suffix}"
        path.write_bytes(b"%d" % n)
        paths.append(path)
    return paths
