"""``ango-hub --help`` wall time: median of N fresh processes of the installed console script,
against ``python -c "import httpx"`` (what any httpx-based CLI pays before it prints anything)."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

from _mock import machine, median, python_bin, size

RUNS = int(size("BENCH_IMPORT_RUNS", 3, 20))
TARGET_MS = 150


def once(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return (time.perf_counter() - start) * 1000


def timed(command: list[str]) -> float:
    once(command)  # warm the page cache and .pyc files
    return median([once(command) for _ in range(RUNS)])


def main() -> None:
    python = python_bin()
    ango_hub = str(Path(python).with_name("ango-hub"))
    help_ms = timed([ango_hub, "--help"])
    httpx_ms = timed([python, "-c", "import httpx"])
    bare_ms = timed([python, "-c", "pass"])
    print(f"## `ango-hub --help`, median of {RUNS} ({machine()})\n")
    print(f"- ango-hub --help: **{help_ms:.0f} ms** (target <= {TARGET_MS} ms)")
    print(
        f"- `python -c 'import httpx'`: {httpx_ms:.0f} ms (help / httpx: {help_ms / httpx_ms:.2f}x)"
    )
    print(f"- bare interpreter start (`python -c pass`): {bare_ms:.0f} ms")


if __name__ == "__main__":
    main()
