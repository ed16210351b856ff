"""Resource bounds (issue 11, items 6-8): requests in flight, decompressed answer size, and the
per-call deadline, on both clients against real local servers."""

from __future__ import annotations

import asyncio
import gzip
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler
from typing import Any

import httpx
import pytest
from ango_hub import (
    AngoHub,
    APITimeoutError,
    AsyncAngoHub,
    DeadlineExceededError,
    InternalServerError,
    ResponseTooLargeError,
)
from ango_hub._sending import attempt_budget
from client_helpers import FAST, KEY, MakeHub
from local_servers import answer_json, serve, trickle

PROJECT = "507f1f77bcf86cd799439011"
PAGE = {"status": "success", "data": {"assets": [], "total": 0}}


class Peak:
    """Counts requests a server is handling at once."""

    def __init__(self, hold: float) -> None:
        self.hold = hold
        self.now = self.peak = self.total = 0
        self.lock = threading.Lock()

    def __call__(self, handler: BaseHTTPRequestHandler) -> None:
        with self.lock:
            self.now += 1
            self.total += 1
            self.peak = max(self.peak, self.now)
        time.sleep(self.hold)
        with self.lock:
            self.now -= 1
        answer_json(handler, PAGE)


def many_calls(client_kind: str, base_url: str, calls: int, **options: Any) -> list[Any]:
    """``calls`` list_page calls at once: a gather (async) or 64 threads (sync)."""
    if client_kind == "async":

        async def gather() -> list[Any]:
            async with AsyncAngoHub(api_key=KEY, base_url=base_url, **options) as hub:
                return list(
                    await asyncio.gather(*(hub.assets.list_page(PROJECT) for _ in range(calls)))
                )

        return asyncio.run(gather())
    with AngoHub(api_key=KEY, base_url=base_url, **options) as hub, ThreadPoolExecutor(64) as pool:
        return list(pool.map(lambda _: hub.assets.list_page(PROJECT), range(calls)))


# --- 6. requests in flight ---------------------------------------------------------------------


def test_in_flight_requests_never_exceed_the_bound(client_kind: str) -> None:
    peak = Peak(hold=0.02)
    with serve(peak) as (root, _seen):
        pages = many_calls(client_kind, root + "/v2", 300, max_in_flight=12)
    assert len(pages) == 300
    assert peak.total == 300
    assert 1 < peak.peak <= 12


def test_calls_beyond_the_pool_wait_in_the_client_not_in_the_pool(client_kind: str) -> None:
    """A small pool with a short pool timeout: without the bound, queued calls time out."""
    peak = Peak(hold=0.03)
    limits = httpx.Limits(max_connections=4)
    timeout = httpx.Timeout(5.0, pool=0.2)
    with serve(peak) as (root, _seen):
        if client_kind == "async":
            http: Any = httpx.AsyncClient(limits=limits, timeout=timeout)
        else:
            http = httpx.Client(limits=limits, timeout=timeout)
        pages = many_calls(client_kind, root + "/v2", 120, max_in_flight=4, http_client=http)
    assert len(pages) == 120
    assert peak.peak <= 4


def test_max_in_flight_must_be_positive(make_hub: MakeHub) -> None:
    with pytest.raises(ValueError, match="max_in_flight"):
        make_hub(api_key=KEY, base_url="https://hub.test/v2", max_in_flight=0)


# --- 7. decompressed size ---------------------------------------------------------------------


def gzip_bomb(handler: BaseHTTPRequestHandler) -> None:
    """A 50 MB JSON answer (spaces inside a string) sent as about 50 KB of gzip."""
    body = gzip.compress(b'{"data": "' + b" " * 50_000_000 + b'"}', compresslevel=9)
    handler.send_response(200)
    handler.send_header("Content-Type", "application/json")
    handler.send_header("Content-Encoding", "gzip")
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


def test_gzip_answer_beyond_the_cap_is_a_typed_error(make_hub: MakeHub) -> None:
    with (
        serve(gzip_bomb) as (root, _seen),
        make_hub(api_key=KEY, base_url=root + "/v2", max_response_bytes=1 << 20) as hub,
        pytest.raises(ResponseTooLargeError) as info,
    ):
        hub.assets.list_page(PROJECT)
    assert info.value.limit == 1 << 20
    assert "max_response_bytes" in str(info.value)
    assert "1,048,576" in str(info.value)


def test_gzip_answer_under_the_cap_is_read(make_hub: MakeHub) -> None:
    def small(handler: BaseHTTPRequestHandler) -> None:
        body = gzip.compress(b'{"status": "success", "data": {"assets": [], "total": 7}}')
        handler.send_response(200)
        handler.send_header("Content-Encoding", "gzip")
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    with serve(small) as (root, _seen), make_hub(api_key=KEY, base_url=root + "/v2") as hub:
        assert hub.assets.list_page(PROJECT).total == 7


# --- 8. the deadline --------------------------------------------------------------------------


def test_a_trickling_body_ends_at_the_deadline(make_hub: MakeHub) -> None:
    """One byte every 0.2 s never trips the 2 s read timeout; the 1 s deadline ends it."""
    with (
        serve(lambda h: trickle(h, 0.2)) as (root, _seen),
        make_hub(api_key=KEY, base_url=root + "/v2", timeout=2, deadline=1.0) as hub,
    ):
        started = time.monotonic()
        with pytest.raises(DeadlineExceededError) as info:
            hub.assets.list_page(PROJECT)
        elapsed = time.monotonic() - started
    assert info.value.deadline == 1.0
    assert "deadline=" in str(info.value)
    assert elapsed < 10  # the body alone would take 200 s


def test_a_plain_call_has_a_default_deadline(make_hub: MakeHub) -> None:
    """No ``deadline=``: one byte every 0.2 s never trips the 1 s read timeout, yet the call
    ends with the typed timeout once its attempt outlives connect + write + read (3 s). The
    body would last 60 s: a call still reading it would end without that error."""
    with (
        serve(lambda h: trickle(h, 0.2, length=300)) as (root, _seen),
        make_hub(api_key=KEY, base_url=root + "/v2", timeout=1, max_retries=0) as hub,
        pytest.raises(APITimeoutError) as info,
    ):
        hub.assets.list_page(PROJECT)
    assert not isinstance(info.value, DeadlineExceededError)
    assert "default deadline" in str(info.value)


def test_the_default_deadline_is_the_timeouts_added_up() -> None:
    assert attempt_budget(httpx.Timeout(2.0)) == 6.0
    assert attempt_budget(httpx.Timeout(30.0, connect=10.0)) == 70.0
    assert attempt_budget(httpx.Timeout(None)) is None  # an unbounded phase: none derived


def test_per_call_deadline_overrides_the_client(make_hub: MakeHub) -> None:
    with (
        serve(lambda h: trickle(h, 0.2)) as (root, _seen),
        make_hub(api_key=KEY, base_url=root + "/v2", timeout=2) as hub,
    ):
        with pytest.raises(DeadlineExceededError):
            hub.call("listAssets", {"projectId": PROJECT}, deadline=0.5)
        with pytest.raises(DeadlineExceededError):
            hub.with_options(deadline=0.5).assets.list_page(PROJECT)


def test_retries_stop_when_the_next_wait_passes_the_deadline(make_hub: MakeHub) -> None:
    def fail(handler: BaseHTTPRequestHandler) -> None:
        answer_json(handler, {"message": "busy"}, status=503)

    with serve(fail) as (root, seen):
        # A wait (5 s) longer than the whole deadline (2 s): the first 503 is final. The 2 s
        # leave the one attempt ample time on a loaded machine, so the 503, not the deadline,
        # is what ends the call.
        slow = type(FAST)(base_delay=5.0, max_delay=5.0)
        with (
            make_hub(
                api_key=KEY, base_url=root + "/v2", max_retries=50, retry_policy=slow, deadline=2.0
            ) as hub,
            pytest.raises(InternalServerError),
        ):
            hub.assets.list_page(PROJECT)
    assert len(seen) == 1  # not retried into the deadline (it would allow 50 retries)


@pytest.mark.parametrize("value", [0, -1])
def test_deadline_must_be_positive(make_hub: MakeHub, value: float) -> None:
    with pytest.raises(ValueError, match="deadline"):
        make_hub(api_key=KEY, base_url="https://hub.test/v2", deadline=value)
