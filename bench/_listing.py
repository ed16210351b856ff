"""Shared by the listing benchmarks: a raw httpx loop over the same pages as the client, and the
table. The two alternate, run after run, so a noisy neighbour on the machine slows both alike."""

from __future__ import annotations

import time
from collections.abc import Callable

import httpx
from _mock import API_KEY, Mock, median

PAGE = 100


def raw_loop(mock: Mock, path: str, key: str, expected: int) -> float:
    """Seconds to read every page of ``path`` (limit 100), parse it, collect the dicts."""
    items: list[dict[str, object]] = []
    with httpx.Client(base_url=mock.base_url, headers={"apikey": API_KEY}) as http:
        start = time.perf_counter()
        page = 1
        while True:
            answer = http.get(path, params={"page": page, "limit": PAGE})
            answer.raise_for_status()
            batch = answer.json()["data"][key]
            items.extend(batch)
            if len(batch) < PAGE:
                break
            page += 1
        seconds = time.perf_counter() - start
    assert len(items) == expected, len(items)
    return seconds


def compare(
    what: str,
    count: int,
    *,
    runs: int,
    raw: Callable[[], float],
    ours: Callable[[], float],
    label: str,
) -> None:
    """Alternate ``raw`` and ``ours`` ``runs`` times; print each run and the medians."""
    pairs = [(raw(), ours()) for _ in range(runs)]
    raw_s = median([r for r, _ in pairs])
    ours_s = median([o for _, o in pairs])
    each = ", ".join(f"{r:.2f}/{o:.2f}" for r, o in pairs)
    print(f"Each run, raw/ours seconds: {each}\n")
    print(f"| client | median s | {what}/s | vs raw httpx |")
    print("|---|---:|---:|---:|")
    print(f"| raw httpx loop (dicts) | {raw_s:.2f} | {count / raw_s:,.0f} | 1.00x |")
    print(f"| {label} | {ours_s:.2f} | {count / ours_s:,.0f} | {ours_s / raw_s:.2f}x |")
