"""Each bench script runs end to end in quick mode with tiny sizes, so the scripts cannot rot.
No timing is asserted: only that every script finishes and prints its table."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

# Heavy (a subprocess, a browser, a build or a fuzzer): not in `make test-fast`.
pytestmark = pytest.mark.slow

BENCH = Path(__file__).resolve().parents[2] / "bench"
TINY = {
    "BENCH_QUICK": "1",
    "BENCH_UPLOAD_FILES": "3",
    "BENCH_LATENCIES_S": "0.001",
    "BENCH_LIST_ASSETS": "150",
    "BENCH_LIST_TASKS": "150",
    "BENCH_EXPORT_TASKS": "50",
    "BENCH_IMPORT_RUNS": "1",
    "BENCH_ROBUST_ASSETS": "500",
    "BENCH_ROBUST_API_ASSETS": "100",
    "BENCH_ROBUST_POST_MB": "2",
    "BENCH_SPLIT_TASKS": "200",
    "BENCH_RATE_FILES": "10",
    "BENCH_PARSE_PAGES": "2",
}


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ("import_time.py", "import ango_hub: **"),
        ("cli_help_time.py", "| ango-hub --help (target <= 150 ms) | **"),
        ("upload_files.py", "| +1 ms/request | ango_hub upload concurrency=16 |"),
        ("list_assets.py", "| ango_hub assets.list |"),
        ("parse_answers.py", "| _parse, tolerant path (unknown enum value) |"),
        ("export_memory.py", "| official SDK exportV3 | ndjson | 50 |"),
        ("mock_robustness.py", "| 2 MB admin POST (chunked) | answer 400;"),
        ("transport.py", "| after | + requests_per_minute=20 | 10 | 0 | 0 |"),
    ],
)
def test_bench_script_runs_in_quick_mode(script: str, expected: str) -> None:
    done = subprocess.run(
        [sys.executable, script],
        cwd=BENCH,
        env={**os.environ, **TINY},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert expected in done.stdout, done.stdout
