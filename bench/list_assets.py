"""Iterating N seeded assets: ``hub.assets.list`` (page size 100) vs a raw httpx loop over the
same pages (limit=100, parse JSON, collect the asset dicts). The two alternate, run after run,
so a noisy neighbour on the machine slows both alike; the median of 5 runs each is reported."""

from __future__ import annotations

import time

import httpx
from _mock import API_KEY, Mock, machine, median, mock_server, size
from ango_hub import AngoHub

ASSETS = int(size("BENCH_LIST_ASSETS", 2_000, 100_000))
RUNS = 5
PROJECT = "c" * 24


def ours(mock: Mock) -> float:
    with AngoHub(api_key=API_KEY, base_url=mock.base_url) as hub:
        start = time.perf_counter()
        count = sum(1 for _ in hub.assets.list(PROJECT, page_size=100))
        seconds = time.perf_counter() - start
    assert count == ASSETS, count
    return seconds


def raw(mock: Mock) -> float:
    assets: list[dict[str, object]] = []
    with httpx.Client(base_url=mock.base_url, headers={"apikey": API_KEY}) as http:
        start = time.perf_counter()
        page = 1
        while True:
            answer = http.get(f"/project/{PROJECT}/assets", params={"page": page, "limit": 100})
            answer.raise_for_status()
            batch = answer.json()["data"]["assets"]
            assets.extend(batch)
            if len(batch) < 100:
                break
            page += 1
        seconds = time.perf_counter() - start
    assert len(assets) == ASSETS, len(assets)
    return seconds


def main() -> None:
    print(f"## Listing {ASSETS:,} assets, page size 100, median of {RUNS} ({machine()})\n")
    with mock_server() as mock:
        mock.new_project(PROJECT)
        mock.seed(PROJECT, ASSETS)
        pairs = [(raw(mock), ours(mock)) for _ in range(RUNS)]
    raw_s = median([r for r, _ in pairs])
    ours_s = median([o for _, o in pairs])
    each = ", ".join(f"{r:.2f}/{o:.2f}" for r, o in pairs)
    print(f"Each run, raw/ours seconds: {each}\n")
    print("| client | median s | assets/s | vs raw httpx |")
    print("|---|---:|---:|---:|")
    print(f"| raw httpx loop (dicts) | {raw_s:.2f} | {ASSETS / raw_s:,.0f} | 1.00x |")
    print(
        f"| ango_hub assets.list | {ours_s:.2f} | {ASSETS / ours_s:,.0f} | {ours_s / raw_s:.2f}x |"
    )


if __name__ == "__main__":
    main()
