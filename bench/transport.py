"""Transport bounds (issue 11, items 6, 7 and 9), each client run in a fresh subprocess:

1. ``N`` concurrent ``list_page`` calls from one ``AsyncAngoHub`` (``asyncio.gather``);
2. peak RSS while iterating a large ``format="split"`` export (and NDJSON for reference);
3. a 1,000-file bulk upload under the mock's per-key rate limit, paced by the server's
   headers, or by the client's own budget. Time is scaled: the vendor's "100 per minute"
   becomes 100 per ``BENCH_RATE_WINDOW`` seconds (default 6, ten times faster), so the run
   takes about a minute instead of ten; the pace the client keeps is the same in calls per
   window.

``BENCH_BEFORE=<git ref>`` also measures the client code of that commit (``git archive`` of
its ``overlay/`` and ``generated/`` into a temp dir, put first on ``PYTHONPATH``): the
"before" rows. The 1,500 and 2,000 concurrent calls "before" take minutes each (every call
ends in a pool timeout), so they run only with ``BENCH_BEFORE_ALL=1``.
"""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from _mock import API_KEY, QUICK, REPO, Mock, machine, mock_server, python_bin, size

CONCURRENT = [100, 150, 200] if QUICK else [1_000, 1_500, 2_000]
SPLIT_TASKS = int(size("BENCH_SPLIT_TASKS", 3_000, 300_000))
UPLOAD_FILES = int(size("BENCH_RATE_FILES", 60, 1_000))
RATE_LIMIT = int(size("BENCH_RATE_LIMIT", 20, 100))
RATE_WINDOW = size("BENCH_RATE_WINDOW", 1.0, 6.0)
PROJECT = "5" * 24

CONCURRENCY = """
import asyncio, collections, json, sys, time
from ango_hub import AsyncAngoHub
base, key, project, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
async def main():
    async with AsyncAngoHub(api_key=key, base_url=base) as hub:
        start = time.perf_counter()
        calls = (hub.assets.list_page(project) for _ in range(n))
        results = await asyncio.gather(*calls, return_exceptions=True)
        seconds = time.perf_counter() - start
    errors = collections.Counter(type(r).__name__ for r in results if isinstance(r, BaseException))
    print(json.dumps({"seconds": seconds, "failed": sum(errors.values()), "errors": errors}))
asyncio.run(main())
"""

EXPORT = """
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

UPLOAD = """
import json, sys, tempfile, time
from pathlib import Path
from ango_hub import AngoHub
base, key, project = sys.argv[1:4]
files, options = int(sys.argv[4]), json.loads(sys.argv[5])
folder = Path(tempfile.mkdtemp())
paths = []
for n in range(files):
    path = folder / f"r{n}.png"
    path.write_bytes(b"%d" % n)
    paths.append(path)
with AngoHub(api_key=key, base_url=base, **options) as hub:
    start = time.perf_counter()
    report = hub.assets.upload(project, paths)
    seconds = time.perf_counter() - start
created, failed = len(report.created), len(report.failed)
print(json.dumps({"seconds": seconds, "created": created, "failed": failed}))
"""


def client(code: str, args: list[Any], pythonpath: str | None) -> dict[str, Any]:
    env = dict(os.environ)
    if pythonpath:
        env["PYTHONPATH"] = pythonpath
    done = subprocess.run(
        [python_bin(), "-c", code, *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-2000:])
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def before_tree(ref: str, into: Path) -> str:
    """The client code of ``ref``, extracted under ``into``; its PYTHONPATH."""
    archive = subprocess.run(
        ["git", "-C", str(REPO), "archive", ref, "overlay", "generated"],
        capture_output=True,
        check=True,
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return f"{into / 'overlay'}:{into / 'generated'}"


def versions(before: str | None) -> list[tuple[str, str | None]]:
    rows: list[tuple[str, str | None]] = [("after", None)]
    if before:
        rows.insert(0, (f"before ({os.environ['BENCH_BEFORE']})", before))
    return rows


def concurrency(mock: Mock, before: str | None) -> None:
    counts = "/".join(f"{n:,}" for n in CONCURRENT)
    print(f"## {counts} concurrent list_page calls, one AsyncAngoHub\n")
    print("| code | calls | wall s | failed | errors |")
    print("|---|---:|---:|---:|---|")
    for label, path in versions(before):
        for n in CONCURRENT:
            if path and n != CONCURRENT[0] and not os.environ.get("BENCH_BEFORE_ALL"):
                continue
            result = client(CONCURRENCY, [mock.base_url, API_KEY, PROJECT, n], path)
            errors = ", ".join(f"{k} x{v}" for k, v in result["errors"].items()) or "-"
            print(
                f"| {label} | {n:,} | {result['seconds']:.1f} | {result['failed']:,} | {errors} |",
                flush=True,
            )
    print()


def split_export(mock: Mock, before: str | None) -> None:
    project = mock.new_project("6" * 24)
    mock.seed(project, SPLIT_TASKS, labeled=True)
    print(f"## Iterating a {SPLIT_TASKS:,}-task export: peak RSS of the client\n")
    print("| code | format | tasks | peak RSS MB | wall s |")
    print("|---|---|---:|---:|---:|")
    for label, path in versions(before):
        for fmt in ("split", "ndjson"):
            result = client(EXPORT, [mock.base_url, API_KEY, project, fmt], path)
            assert result["count"] == SPLIT_TASKS, result
            print(
                f"| {label} | {fmt} | {result['count']:,} | {result['maxrss_kb'] / 1024:.0f} "
                f"| {result['seconds']:.1f} |",
                flush=True,
            )
    print()


def rate_limited_upload(mock: Mock, before: str | None) -> None:
    scale = 60 / RATE_WINDOW
    print(
        f"## {UPLOAD_FILES:,}-file upload under a per-key limit of {RATE_LIMIT} calls per "
        f"{RATE_WINDOW:g} s (the vendor's {RATE_LIMIT}/min, time scaled {scale:g}x)\n"
    )
    print(
        "| code | pacing | created | failed | 429 answers | API calls | wall s | limit's pace s |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    runs: list[tuple[str, str | None, str, dict[str, Any]]] = []
    for label, path in versions(before):
        runs.append((label, path, "none, retries on 429" if path else "server headers only", {}))
        if path is None:
            budget = {"requests_per_minute": RATE_LIMIT, "rate_window": RATE_WINDOW}
            runs.append((label, path, f"+ requests_per_minute={RATE_LIMIT}", budget))
    for number, (label, path, pacing, options) in enumerate(runs):
        project = mock.new_project(f"a{number:023x}")
        mock.admin("DELETE", "requests")
        mock.admin(
            "POST", "faults", {"kind": "rate_limit", "limit": RATE_LIMIT, "window": RATE_WINDOW}
        )
        try:
            result = client(
                UPLOAD, [mock.base_url, API_KEY, project, UPLOAD_FILES, json.dumps(options)], path
            )
        finally:
            mock.clear_faults()
        entries = mock.admin("GET", "requests")["data"]["requests"]
        api = [e for e in entries if e["path"].startswith("/v2")]
        refused = sum(1 for e in api if e["status"] == 429)
        accepted = len(api) - refused
        pace = max(0, accepted - RATE_LIMIT) / RATE_LIMIT * RATE_WINDOW
        print(
            f"| {label} | {pacing} | {result['created']:,} | {result['failed']:,} | {refused:,} "
            f"| {len(api):,} | {result['seconds']:.1f} | {pace:.1f} |",
            flush=True,
        )
    print(
        "\n*limit's pace*: the least time the accepted calls need under the limit "
        "((accepted - limit) / limit x window).\n"
    )


BOMB_MB = int(size("BENCH_BOMB_MB", 20, 300))

GZIP_CLIENT = """
import json, sys
from ango_hub import AngoHub
base = sys.argv[1]
try:
    with AngoHub(api_key="k", base_url=base, max_retries=0) as hub:
        hub.assets.list_page("5" * 24)
    outcome = "read"
except Exception as exc:
    outcome = type(exc).__name__
# VmHWM, not ru_maxrss: Linux carries ru_maxrss over exec from the forking bench process,
# which held the inflated bytes while building the bombs.
status = open("/proc/self/status").read().split("VmHWM:")[1]
rss = int(status.split()[0])
print(json.dumps({"outcome": outcome, "maxrss_kb": rss}))
"""

ZIP_CLIENT = """
import json, sys
from ango_hub.export_reader import iter_archive_tasks
try:
    count = sum(1 for _ in iter_archive_tasks(sys.argv[1]))
    outcome = f"{count} tasks"
except Exception as exc:
    outcome = type(exc).__name__
# VmHWM, not ru_maxrss: Linux carries ru_maxrss over exec from the forking bench process,
# which held the inflated bytes while building the bombs.
status = open("/proc/self/status").read().split("VmHWM:")[1]
rss = int(status.split()[0])
print(json.dumps({"outcome": outcome, "maxrss_kb": rss}))
"""


def bombs(before: str | None, folder: Path) -> None:
    """A small gzip answer and a small export zip that inflate to ``BOMB_MB`` MB each."""
    import gzip
    import threading
    import zipfile
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    inflated = b'{"data": "' + b" " * (BOMB_MB * 1_000_000) + b'"}'
    body = gzip.compress(inflated, compresslevel=9)
    archive = folder / "bomb.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zipped:
        zipped.writestr("p.ndjson", inflated + b"\n")
    del inflated

    class Bomb(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Bomb)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/v2"
    print(f"## Hostile answers: {BOMB_MB:,} MB inflated from a few hundred KiB\n")
    print("| code | case | compressed KiB | outcome | peak RSS MB |")
    print("|---|---|---:|---|---:|")
    cases = [
        ("gzip API answer, list_page", len(body), GZIP_CLIENT, base),
        (
            "export zip, one NDJSON line, iter_archive_tasks",
            archive.stat().st_size,
            ZIP_CLIENT,
            str(archive),
        ),
    ]
    try:
        for label, path in versions(before):
            for case, compressed, code, arg in cases:
                result = client(code, [arg], path)
                print(
                    f"| {label} | {case} | {compressed / 1024:,.0f} | {result['outcome']} "
                    f"| {result['maxrss_kb'] / 1024:,.0f} |",
                    flush=True,
                )
    finally:
        server.shutdown()
    print()


def main() -> None:
    print(f"# Transport bounds ({machine()})\n")
    ref = os.environ.get("BENCH_BEFORE")
    only = os.environ.get("BENCH_TRANSPORT_ONLY")
    with tempfile.TemporaryDirectory() as tmp, mock_server() as mock:
        before = before_tree(ref, Path(tmp)) if ref else None
        mock.new_project(PROJECT)
        if only in {None, "concurrency"}:
            concurrency(mock, before)
        if only in {None, "split"}:
            split_export(mock, before)
        if only in {None, "rate"}:
            rate_limited_upload(mock, before)
        if only in {None, "bombs"}:
            bombs(before, Path(tmp))


if __name__ == "__main__":
    main()
