"""Iterating N seeded assets: ``hub.assets.list`` (page size 100) vs a raw httpx loop over the
same pages (limit=100, parse JSON, collect the asset dicts); the median of 5 runs each."""

from __future__ import annotations

import time

from _listing import PAGE, compare, raw_loop
from _mock import API_KEY, Mock, machine, mock_server, size
from ango_hub import AngoHub

ASSETS = int(size("BENCH_LIST_ASSETS", 2_000, 100_000))
RUNS = 5
PROJECT = "c" * 24


def ours(mock: Mock) -> float:
    with AngoHub(api_key=API_KEY, base_url=mock.base_url) as hub:
        start = time.perf_counter()
        count = sum(1 for _ in hub.assets.list(PROJECT, page_size=PAGE))
        seconds = time.perf_counter() - start
    assert count == ASSETS, count
    return seconds


def main() -> None:
    print(f"## Listing {ASSETS:,} assets, page size 100, median of {RUNS} ({machine()})\n")
    with mock_server() as mock:
        mock.new_project(PROJECT)
        mock.seed(PROJECT, ASSETS)
        path = f"/project/{PROJECT}/assets"
        compare(
            "assets",
            ASSETS,
            runs=RUNS,
            raw=lambda: raw_loop(mock, path, "assets", ASSETS),
            ours=lambda: ours(mock),
            label="ango_hub assets.list",
        )


if __name__ == "__main__":
    main()
