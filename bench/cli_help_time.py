"""``ango-hub --help``: median wall time of N fresh processes of the installed console script,
against ``python -c "import httpx"`` (what any httpx-based CLI pays before it prints anything).
Also the CPU time (user + system) of the same runs, which moves less than wall time when
other work shares the machine."""

from __future__ import annotations

import resource
import subprocess
import time
from pathlib import Path

from _mock import machine, median, python_bin, size

RUNS = int(size("BENCH_IMPORT_RUNS", 3, 20))
TARGET_MS = 150


def once(command: list[str]) -> tuple[float, float]:
    """(wall ms, CPU ms) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    wall = (time.perf_counter() - start) * 1000
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000
    return wall, cpu


def timed(command: list[str]) -> tuple[float, float]:
    once(command)  # warm the page cache and .pyc files
    runs = [once(command) for _ in range(RUNS)]
    return median([wall for wall, _ in runs]), median([cpu for _, cpu in runs])


def main() -> None:
    python = python_bin()
    ango_hub = str(Path(python).with_name("ango-hub"))
    help_ms, help_cpu = timed([ango_hub, "--help"])
    httpx_ms, httpx_cpu = timed([python, "-c", "import httpx"])
    bare_ms, bare_cpu = timed([python, "-c", "pass"])
    print(f"## `ango-hub --help`, median of {RUNS} ({machine()})\n")
    print("| command | wall ms | CPU ms | wall vs `import httpx` |")
    print("|---|---:|---:|---:|")
    print(
        f"| ango-hub --help (target <= {TARGET_MS} ms) | **{help_ms:.0f}** | {help_cpu:.0f} "
        f"| {help_ms / httpx_ms:.2f}x |"
    )
    print(f"| python -c 'import httpx' | {httpx_ms:.0f} | {httpx_cpu:.0f} | 1.00x |")
    print(f"| python -c pass | {bare_ms:.0f} | {bare_cpu:.0f} | {bare_ms / httpx_ms:.2f}x |")


if __name__ == "__main__":
    main()
