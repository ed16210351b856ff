"""``python -c "import ango_hub"`` wall time: median of N fresh subprocesses; the top
``-X importtime`` entries (cumulative) when the median is over the 300 ms target.

Also ``from ango_hub import AngoHub`` against ``import httpx`` (which it needs anyway), runs
interleaved so that drift in the machine's speed hits both: target at most 1.2x."""

from __future__ import annotations

import os
import subprocess
import time

from _mock import machine, median, python_bin, size

RUNS = int(size("BENCH_IMPORT_RUNS", 3, 10))
TARGET_MS = 300
TARGET_RATIO = 1.2
TOP = 12


def once(code: str = "import ango_hub") -> float:
    start = time.perf_counter()
    subprocess.run([python_bin(), "-c", code], check=True)
    return (time.perf_counter() - start) * 1000


def top_imports(code: str) -> list[tuple[int, str]]:
    done = subprocess.run(
        [python_bin(), "-X", "importtime", "-c", code],
        capture_output=True,
        text=True,
        check=True,
    )
    rows = []
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        _self, cumulative, name = line.removeprefix("import time:").split("|")
        rows.append((int(cumulative), name.rstrip()))
    return sorted(rows, reverse=True)[:TOP]


def main() -> None:
    once()  # warm the page cache and .pyc files
    runs = [once() for _ in range(RUNS)]
    baseline = median([once("pass") for _ in range(RUNS)])
    # The package resolves its names lazily: also what a user's first line really costs.
    pairs = [(once("import httpx"), once("from ango_hub import AngoHub")) for _ in range(RUNS)]
    httpx_ms, client = median([h for h, _ in pairs]), median([c for _, c in pairs])
    ratio = median([c / h for h, c in pairs])
    ms = median(runs)
    print(f"## `python -c 'import ango_hub'`, median of {RUNS} ({machine()})\n")
    print(f"- import ango_hub: **{ms:.0f} ms** (target <= {TARGET_MS} ms)")
    print(
        f"- `from ango_hub import AngoHub`: **{client:.0f} ms**, `import httpx`: {httpx_ms:.0f}"
        f" ms; ratio **{ratio:.2f}x** (median of per-run ratios; target <= {TARGET_RATIO}x)"
    )
    print(f"- bare interpreter start (`python -c pass`): {baseline:.0f} ms")
    for code, took in (("import ango_hub", ms), ("from ango_hub import AngoHub", client)):
        if took > TARGET_MS or os.environ.get("BENCH_IMPORT_TOP"):
            print(f"\n`-X importtime -c '{code}'`, top cumulative entries (us):\n")
            for cumulative, name in top_imports(code):
                print(f"    {cumulative:>9}  {name}")


if __name__ == "__main__":
    main()
