"""Peak RSS while iterating an N-task export, each client in a fresh subprocess
(``resource.getrusage(RUSAGE_SELF).ru_maxrss``): ``hub.exports.iter_tasks`` (NDJSON and JSON)
vs the official SDK's ``exportV3`` (NDJSON; it reads the whole archive member into memory).

The tasks are seeded labelled, so every one is in stage Complete: the SDK's default stage filter
(``["Complete"]``) and ours (no stage filter = every stage) select the same N tasks. History is
off for both (our default; the SDK's default is on, so it is switched off there).
"""

from __future__ import annotations

import json
import subprocess
import time

from _mock import API_KEY, SDK_PYTHON, Mock, machine, mock_server, python_bin, size

TASKS = int(size("BENCH_EXPORT_TASKS", 5_000, 1_000_000))
PROJECT = "e" * 24

OURS = """
import json, resource, sys, time
from ango_hub import AngoHub
base, key, project, fmt = sys.argv[1:5]
start = time.perf_counter()
count = 0
with AngoHub(api_key=key, base_url=base) as hub:
    for t in hub.exports.iter_tasks(project, raw=True, format=fmt):
        count += 1
seconds = time.perf_counter() - start
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"count": count, "seconds": seconds, "maxrss_kb": rss}))
"""

SDK = """
import json, logging, resource, sys, time
logging.disable(logging.CRITICAL)
from imerit_ango.sdk import SDK
from imerit_ango.models.export_options import ExportOptions
from imerit_ango.models.enums import ExportFormats
host, key, project = sys.argv[1:4]
start = time.perf_counter()
sdk = SDK(key, host=host)
options = ExportOptions(export_format=ExportFormats.NDJSON, include_history=False)
tasks, reported = sdk.exportV3(project, options)
count = 0
for t in tasks:
    count += 1
seconds = time.perf_counter() - start
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"count": count, "reported": reported, "seconds": seconds, "maxrss_kb": rss}))
"""


def run(argv: list[str]) -> dict[str, float]:
    done = subprocess.run(argv, capture_output=True, text=True, check=True)
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["count"] == TASKS, result
    return result


def main() -> None:
    print(f"## Iterating a {TASKS:,}-task export: peak RSS ({machine()})\n")
    print("| client | format | tasks | peak RSS MB | wall s |")
    print("|---|---|---:|---:|---:|")
    with mock_server() as mock:
        mock.new_project(PROJECT)
        mock.seed(PROJECT, TASKS, labeled=True)
        rows = [
            ("ango_hub exports.iter_tasks", "ndjson", [python_bin(), "-c", OURS], "ndjson"),
            ("ango_hub exports.iter_tasks", "json", [python_bin(), "-c", OURS], "json"),
            ("official SDK exportV3", "ndjson", [str(SDK_PYTHON), "-c", SDK], None),
        ]
        for label, fmt, argv, arg in rows:
            args = [*argv, _host(mock, sdk=arg is None), API_KEY, PROJECT]
            start = time.perf_counter()
            result = run([*args, arg] if arg else args)
            wall = time.perf_counter() - start
            print(
                f"| {label} | {fmt} | {int(result['count']):,} "
                f"| {result['maxrss_kb'] / 1024:.0f} | {wall:.1f} |",
                flush=True,
            )


def _host(mock: Mock, *, sdk: bool) -> str:
    return mock.root_url if sdk else mock.base_url


if __name__ == "__main__":
    main()
