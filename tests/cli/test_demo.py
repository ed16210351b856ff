"""`make demo` end to end: the script runs against its own mock and prints the export summary."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest

# Heavy (a subprocess, a browser, a build or a fuzzer): not in `make test-fast`.
pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]


def test_make_demo_target_installs_then_runs_the_script() -> None:
    text = (REPO / "mk" / "demo.mk").read_text()
    assert re.search(r"^demo: install$", text, re.MULTILINE)
    assert "$(PY) -m demo.run_demo" in text


def test_demo_runs_the_whole_workflow_and_stops_its_mock() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "demo.run_demo"],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        cwd=REPO,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    out = done.stdout
    assert "uploaded 6 of 6, 0 failed" in out
    assert "6 assets: " in out
    assert "3 assets now in 'Demo batch'" in out
    assert "2 / 2 tasks are labeled." in out
    assert "1 attachment imported" in out
    assert "assigned 1 task to owner@" in out
    assert "Rejected: now in Label (TODO)" in out
    assert "Accepted: now in Complete (Completed)" in out
    assert (
        "history: create -> assign -> submit -> review Rejected -> submit -> review Accepted" in out
    )
    assert "listAssets: 2 of 6 assets on page 1" in out
    assert "hub.assets.list: 6 assets" in out
    assert "metadata of img-001.png is now {'camera': 'demo', 'exposure': 0.5}" in out
    assert "hub.exports.iter_tasks: 3 completed tasks" in out
    # The label set and workflow come from the typed builders (ango_hub.labels).
    assert "label set: Shape, Shape/Colour, colour, Next to" in out
    # The export summary, computed from the exported NDJSON.
    assert "Exported 6 tasks to " in out
    assert "Tasks: 6 (3 labeled, 2 pre-labeled, 1 with attachments)" in out
    assert "by status: Completed: 3, TODO: 3" in out
    assert "by batch:  Demo batch: 3, (no batch): 3" in out
    assert "export.ndjson: 6 lines" in out
    assert "(mock stopped)" in out
    port = re.search(r"on http://127\.0\.0\.1:(\d+)/v2", out)
    assert port, out
    # The mock is gone: its port refuses connections.
    with socket.socket() as sock:
        assert sock.connect_ex(("127.0.0.1", int(port[1]))) != 0


def test_demo_stops_the_mock_when_a_step_fails() -> None:
    # A demo whose CLI step breaks fails at that step, and must still stop the mock.
    code = (
        "import sys; from demo import run_demo\n"
        "def broken(*a, **k): raise RuntimeError('injected failure')\n"
        "run_demo.cli = broken\n"
        "sys.exit(run_demo.main())"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        cwd=REPO,
    )
    assert done.returncode == 1
    assert "demo failed: injected failure" in done.stderr
    assert "(mock stopped)" in done.stdout
    port = re.search(r"on http://127\.0\.0\.1:(\d+)/v2", done.stdout)
    assert port
    with socket.socket() as sock:
        assert sock.connect_ex(("127.0.0.1", int(port[1]))) != 0
