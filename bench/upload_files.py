"""Bulk upload of N small files: ``hub.assets.upload`` vs the official SDK's ``upload_files``.

Two scenarios on the same mock: plain loopback (both bound by the mock's CPU on 2 cores), and
every request delayed by the mock's ``delay`` fault (a WAN / S3 round trip). Each run goes to a
fresh project. Only the upload call is timed; the SDK runs in its own venv in a subprocess.
"""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
import time
from pathlib import Path

from _mock import API_KEY, SDK_PYTHON, Mock, machine, mock_server, size
from ango_hub import AngoHub

FILES = int(size("BENCH_UPLOAD_FILES", 20, 500))
# Comma-separated seconds added to every request (API and storage) in the delayed scenarios.
LATENCIES = [float(s) for s in os.environ.get("BENCH_LATENCIES_S", "0.025,0.05").split(",")]
CONCURRENCY = (8, 16, 32)

SDK_UPLOAD = """
import json, sys, time, logging
logging.disable(logging.CRITICAL)
from imerit_ango.sdk import SDK
host, key, project, listing = sys.argv[1:5]
paths = open(listing).read().split("\\n")
sdk = SDK(key, host=host)
start = time.perf_counter()
answer = sdk.upload_files(project, paths)
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "status": answer.get("status")}))
"""

_projects = iter(f"{n:024x}" for n in range(0xB0000, 0xC0000))


def make_files(folder: Path, count: int) -> list[Path]:
    paths = []
    for n in range(count):
        path = folder / f"img-{n:05d}.jpg"
        path.write_bytes(os.urandom(2048))
        paths.append(path)
    return paths


def ours(mock: Mock, files: list[Path], concurrency: int) -> tuple[float, float]:
    """Wall seconds of the upload, and the mock's CPU seconds meanwhile."""
    project = mock.new_project(next(_projects))
    with AngoHub(api_key=API_KEY, base_url=mock.base_url) as hub:
        cpu = mock.cpu_seconds()
        start = time.perf_counter()
        report = hub.assets.upload(project, files, concurrency=concurrency, progress=False)
        seconds = time.perf_counter() - start
        cpu = mock.cpu_seconds() - cpu
    assert len(report.created) == len(files), report.to_dict()["failed"]
    return seconds, cpu


def sdk(mock: Mock, files: list[Path], folder: Path) -> float:
    project = mock.new_project(next(_projects))
    listing = folder / "paths.txt"
    listing.write_text("\n".join(str(p) for p in files))
    done = subprocess.run(
        [str(SDK_PYTHON), "-c", SDK_UPLOAD, mock.root_url, API_KEY, project, str(listing)],
        capture_output=True,
        text=True,
        check=True,
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    listed = mock.admin("GET", "projects")["data"]["projects"]
    count = next(p["assetCount"] for p in listed if p["_id"] == project)
    assert count == len(files), (count, result)
    return float(result["seconds"])


def main() -> None:
    print(f"## Bulk upload of {FILES} files of 2 KiB ({machine()})\n")
    # The mock's CPU seconds during our upload is a floor under any client's wall time: it
    # serves every request on one core, whatever the client does. "ceiling" = SDK wall time /
    # that floor: the best ratio even a client costing no CPU and no latency could reach here.
    print("| scenario | client | wall s | SDK / ours | mock CPU s | ceiling |")
    print("|---|---|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp, mock_server() as mock:
        folder = Path(tmp)
        files = make_files(folder, FILES)
        scenarios = [("loopback", 0.0)]
        scenarios += [(f"+{latency * 1000:.0f} ms/request", latency) for latency in LATENCIES]
        for scenario, latency in scenarios:
            if latency:
                mock.delay_everything(latency)
            sdk_s = sdk(mock, files, folder)
            print(f"| {scenario} | official SDK upload_files | {sdk_s:.2f} | 1.0x | | |")
            for concurrency in CONCURRENCY:
                ours_s, mock_cpu = ours(mock, files, concurrency)
                print(
                    f"| {scenario} | ango_hub upload concurrency={concurrency} | {ours_s:.2f} "
                    f"| {sdk_s / ours_s:.1f}x | {mock_cpu:.2f} | {sdk_s / mock_cpu:.1f}x |",
                    flush=True,
                )
            mock.clear_faults()


if __name__ == "__main__":
    main()
