"""The mock under hostile load (issue 11): does one heavy request stall everyone else?

* A filtered listing over N seeded assets, while a second client polls ``GET /_mock/health``
  every 10 ms: the longest health answer is how long the event loop was blocked.
* A 200 MB POST to the admin API (declared Content-Length, then chunked): the mock process's
  peak RSS (``VmHWM``) against its RSS before.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
from _mock import API_KEY, Mock, machine, mock_server, size

ASSETS = int(size("BENCH_ROBUST_ASSETS", 20_000, 1_000_000))
# API-created assets are checked one by one: above 20,000 the mock does it in a worker thread.
API_ASSETS = int(size("BENCH_ROBUST_API_ASSETS", 21_000, 100_000))
API_PROJECT = "e" * 24
POST_MB = int(size("BENCH_ROBUST_POST_MB", 10, 200))
PROJECT = "d" * 24


def _status_mib(mock: Mock, field: str) -> float:
    for line in Path(f"/proc/{mock.proc.pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    raise KeyError(field)


def import_api_assets(mock: Mock, count: int) -> None:
    with httpx.Client(base_url=mock.base_url, headers={"apikey": API_KEY}, timeout=300) as http:
        for start in range(0, count, 5_000):
            chunk = [
                {"data": f"https://x/{i}.jpg", "externalId": f"api-{i}"}
                for i in range(start, min(count, start + 5_000))
            ]
            http.post(f"/project/{API_PROJECT}/cloud", json={"assets": chunk}).raise_for_status()


def filtered_listing_stall(
    mock: Mock, params: dict[str, str], project: str = PROJECT
) -> tuple[float, float]:
    """(seconds the listing took, longest health-check answer meanwhile)."""
    took: list[float] = []

    def listing() -> None:
        start = time.perf_counter()
        answer = httpx.get(
            f"{mock.base_url}/project/{project}/assets",
            params=params,
            headers={"apikey": API_KEY},
            timeout=300,
        )
        answer.raise_for_status()
        took.append(time.perf_counter() - start)

    worker = threading.Thread(target=listing)
    worst = 0.0
    with httpx.Client(timeout=300) as health:
        health.get(f"{mock.root_url}/_mock/health")  # connection open before the listing
        worker.start()
        while worker.is_alive():
            start = time.perf_counter()
            health.get(f"{mock.root_url}/_mock/health").raise_for_status()
            worst = max(worst, time.perf_counter() - start)
            time.sleep(0.01)
    worker.join()
    return took[0], worst


def admin_post_peak(mock: Mock, chunked: bool) -> tuple[int, float, float]:
    """(status, RSS MiB before, peak RSS MiB after) for a POST_MB body to /_mock/faults."""
    before = _status_mib(mock, "VmRSS")
    chunk = b" " * (1 << 20)

    def body() -> Iterator[bytes]:
        for _ in range(POST_MB):
            yield chunk

    headers = {"apikey": API_KEY, "content-type": "application/json"}
    content: bytes | Iterator[bytes] = body() if chunked else chunk * POST_MB
    try:
        status = httpx.post(
            f"{mock.root_url}/_mock/faults", headers=headers, content=content, timeout=300
        ).status_code
    except httpx.TransportError:  # the server may answer 400 and close before all is sent
        status = 0
    return status, before, _status_mib(mock, "VmHWM")


def main() -> None:
    print(f"## The mock under hostile load ({machine()})\n")
    print("| case | figure |")
    print("|---|---|")
    with mock_server() as mock:
        mock.new_project(PROJECT)
        mock.seed(PROJECT, ASSETS)
        # Warm up (the first listing loads the spec's validators), so only filtering is timed.
        httpx.get(
            f"{mock.base_url}/project/{PROJECT}/assets", headers={"apikey": API_KEY}
        ).raise_for_status()
        for label, params in (
            ("externalId matching none", {"externalId": "nope"}),
            ("isPreLabeled=false, page 2", {"filters": '{"isPreLabeled": false}', "page": "2"}),
        ):
            took, worst = filtered_listing_stall(mock, params)
            print(
                f"| filtered listing over {ASSETS:,} seeded assets ({label}) | "
                f"{took:.2f} s; longest health answer meanwhile: {worst * 1000:.0f} ms |"
            )
        mock.new_project(API_PROJECT)
        import_api_assets(mock, API_ASSETS)
        took, worst = filtered_listing_stall(mock, {"externalId": "nope"}, API_PROJECT)
        print(
            f"| filtered listing over {API_ASSETS:,} API-created assets (externalId matching "
            f"none) | {took:.2f} s; longest health answer meanwhile: {worst * 1000:.0f} ms |"
        )
    for chunked in (False, True):
        with mock_server() as mock:
            status, before, peak = admin_post_peak(mock, chunked)
        how = "chunked" if chunked else "Content-Length"
        print(
            f"| {POST_MB} MB admin POST ({how}) | answer {status}; mock RSS {before:.0f} MiB "
            f"before, peak {peak:.0f} MiB |"
        )


if __name__ == "__main__":
    main()
