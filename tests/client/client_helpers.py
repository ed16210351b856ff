"""Helpers for the ergonomic client's tests: a wire recorder on httpx.MockTransport."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
from ango_hub import AngoHub
from ango_hub._retry import RetryPolicy

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


def ok(data: Any) -> httpx.Response:
    return httpx.Response(200, json={"status": "success", "data": data})


def wire_hub(
    reply: Callable[[httpx.Request], httpx.Response], **kwargs: Any
) -> tuple[AngoHub, Wire]:
    wire = Wire(reply)
    client = httpx.Client(transport=httpx.MockTransport(wire))
    kwargs.setdefault("retry_policy", FAST)
    hub = AngoHub(api_key=KEY, base_url="https://hub.test/v2", http_client=client, **kwargs)
    return hub, wire


def numbered_files(folder: Path, count: int, stem: str = "f", suffix: str = ".png") -> list[Path]:
    """``count`` small files ``f0.png``, ``f1.png``, ... with distinct contents."""
    paths = []
    for n in range(count):
        path = folder / f"{stem}{n}{suffix}"
        path.write_bytes(b"%d" % n)
        paths.append(path)
    return paths
