"""Ctrl-C or SIGTERM during ``ango-hub upload`` (a real signal to a real process, against a slow
mock): no new file starts, the summary says what was created, skipped and not attempted and
that rerunning resumes, then the exit code is 130; the rerun completes with no duplicate.
The library's sync client, driven by a script, reports the same through UploadInterrupted."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from ango_hub import AngoHub
from ango_hub.mock.faults import FaultRule
from ango_hub.mock.server import MockServer
from cli_helpers import mock_env

from tests.support.console import ANGO_HUB

FILES = 40
SCRIPT = """\
import json, sys
from pathlib import Path
from ango_hub import AngoHub, UploadInterrupted
with AngoHub() as hub:
    try:
        hub.assets.upload(sys.argv[1], Path(sys.argv[2]), progress=False, concurrency=2)
    except UploadInterrupted as stop:
        print(json.dumps(stop.report.to_dict()))
        print(stop, file=sys.stderr)
        sys.exit(130)
"""


def _env(mock: MockServer) -> dict[str, str]:
    env = dict(os.environ)
    for name, value in mock_env(mock).items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return env


def _interrupt_once_started(process: subprocess.Popen[str], mock: MockServer, sig: int) -> None:
    """Send ``sig`` once the upload has asked for a few URLs (a loop on what the mock saw,
    not on time: a limit only keeps a broken run from hanging the suite)."""
    limit = time.monotonic() + 60
    while mock.requests.counts["getUploadUrl"] < 4:
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < limit, "the upload never started"
        time.sleep(0.05)
    process.send_signal(sig)


def _run_interrupted(command: list[str], mock: MockServer, sig: int) -> tuple[int, str, str]:
    mock.faults.add(FaultRule(kind="delay", delay_seconds=0.3, operation="getUploadUrl"))
    process = subprocess.Popen(
        command, env=_env(mock), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        _interrupt_once_started(process, mock, sig)
        out, err = process.communicate(timeout=120)
    finally:
        process.kill()
        mock.faults.clear()
    return process.returncode, out, err


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "imgs"
    folder.mkdir()
    for n in range(FILES):
        (folder / f"f{n}.png").write_bytes(b"%d" % n)
    return folder


def _assets(mock: MockServer) -> int:
    with AngoHub(api_key=mock.api_key, base_url=mock.base_url) as hub:
        return hub.assets.list_page(mock.project_id, limit=1).total


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_cli_upload_interrupted_summarises_then_exits_130(
    mock: MockServer, tmp_path: Path, sig: int
) -> None:
    folder = _folder(tmp_path)
    command = [ANGO_HUB, "--json", "upload", mock.project_id, str(folder), "--concurrency", "2"]
    code, out, err = _run_interrupted(command, mock, sig)
    assert code == 130, err
    report = json.loads(out)
    outcomes = ("uploaded", "skipped", "failed", "unknown", "notAttempted")
    assert sum(report[k] for k in outcomes) == FILES  # every file has its outcome
    assert report["notAttempted"] > 0
    assert "interrupted:" in err
    assert "Run the same upload again to resume" in err
    assert "not yet imported" in err or report["notAttempted"] == FILES - report["uploaded"]
    rerun = subprocess.run(
        command, env=_env(mock), capture_output=True, text=True, check=False, timeout=120
    )
    assert rerun.returncode == 0, rerun.stderr
    again = json.loads(rerun.stdout)
    assert again["uploaded"] + again["skipped"] == FILES
    assert _assets(mock) == FILES  # resumed, nothing twice


def test_library_upload_stopped_by_sigterm_returns_the_report(
    mock: MockServer, tmp_path: Path
) -> None:
    folder = _folder(tmp_path)
    script = tmp_path / "job.py"
    script.write_text(SCRIPT)
    command = [sys.executable, str(script), mock.project_id, str(folder)]
    code, out, err = _run_interrupted(command, mock, signal.SIGTERM)
    assert code == 130, err
    report = json.loads(out)
    assert report["notAttempted"] > 0
    assert len(report["items"]) == FILES
    statuses = {item["status"] for item in report["items"]}
    assert statuses <= {"created", "skipped", "failed", "unknown", "not_attempted"}
    assert "pending" not in statuses
    assert "Run the same upload again to resume" in err
