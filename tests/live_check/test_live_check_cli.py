"""``ango-hub live-check`` in a subprocess: guards, exit codes, JSON, against a mock only."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from ango_hub.mock.server import MockServer

from tests.support.console import ANGO_HUB

# Heavy (a subprocess, a browser, a build or a fuzzer): not in `make test-fast`.
pytestmark = pytest.mark.slow


def run(mock: MockServer | None, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith("ANGO_")}
    if mock is not None:
        base |= {"ANGO_BASE_URL": mock.base_url, "ANGO_API_KEY": mock.api_key}
    return subprocess.run(
        [str(ANGO_HUB), "live-check", *args],
        env=base | env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_refuses_without_a_key() -> None:
    result = run(None, "--read-only", "--project", "p", "--yes")
    assert result.returncode == 2
    assert "--api-key: missing" in result.stderr


def test_refuses_write_mode_without_a_project(ango_hub_mock: MockServer) -> None:
    result = run(ango_hub_mock, "--yes")
    assert result.returncode == 2
    assert "ANGO_LIVE_PROJECT: missing" in result.stderr
    assert list(ango_hub_mock.requests.entries) == []


def test_refuses_a_server_other_than_the_test_region_without_yes(
    ango_hub_mock: MockServer,
) -> None:
    result = run(ango_hub_mock, ANGO_LIVE_PROJECT=ango_hub_mock.project_id)
    assert result.returncode == 2
    assert "--yes: 127.0.0.1 is not the test region (testapi.ango.ai)" in result.stderr
    assert list(ango_hub_mock.requests.entries) == []


def test_write_run_against_the_mock_exits_zero_with_json(
    ango_hub_mock: MockServer, tmp_path: Path
) -> None:
    ledger = tmp_path / "ledger.json"
    result = run(
        ango_hub_mock,
        *("--yes", "--json", "--ledger", str(ledger)),
        ANGO_LIVE_PROJECT=ango_hub_mock.project_id,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(result.stdout)
    assert report["ok"] is True
    assert report["mode"] == "write"
    assert {op["outcome"] for op in report["operations"]} == {"checked"}
    assert ango_hub_mock.api_key not in result.stdout + result.stderr
    assert ango_hub_mock.project.live_count() == 0


def test_difference_in_a_given_spec_exits_one(ango_hub_mock: MockServer, tmp_path: Path) -> None:
    spec = Path(__file__).resolve().parents[2] / "openapi.yaml"
    planted = tmp_path / "openapi.yaml"
    text = spec.read_text(encoding="utf-8")
    assert "enum: [json, ndjson, split]" in text
    planted.write_text(text.replace("enum: [json, ndjson, split]", "enum: [ndjson, split]"))
    known = tmp_path / "DISCREPANCIES.md"
    known.write_text(
        "| # | Operation / field | ... |\n|---|---|---|\n| 1 | `GET /export` `format` | x |\n"
    )
    result = run(
        ango_hub_mock,
        *("--read-only", "--yes", "--project", ango_hub_mock.project_id, "--spec", str(planted)),
        *("--discrepancies", str(known)),
    )
    assert result.returncode == 1
    detail = "query.format: 'json' is not one of ['ndjson', 'split']"
    assert f"exportTasks [request] {detail}  -- recorded in DISCREPANCIES.md #1" in result.stdout
    assert f"exportTasksV3 [request] {detail}  -- not in DISCREPANCIES.md" in result.stdout
    assert "FAILED (2 difference(s))" in result.stdout


def test_plan_lists_every_request_and_sends_none(ango_hub_mock: MockServer) -> None:
    result = run(ango_hub_mock, "--plan", ANGO_LIVE_PROJECT=ango_hub_mock.project_id)

    assert result.returncode == 0, result.stderr
    assert list(ango_hub_mock.requests.entries) == []
    lines = [line.split(None, 3) for line in result.stdout.splitlines()[2:]]
    assert [n for n, *_ in lines] == [str(i) for i in range(1, len(lines) + 1)]
    operations = [op for _, op, _, _ in lines]
    assert operations[:2] == ["listProjects", "createProject"]
    assert operations[-1] == "deleteProject"  # cleanup: the run's own project
    for _, operation, method, target in lines:
        if target.startswith("read"):
            assert method == "GET" or operation in {"getProjectPerformance", "fileExplorer"}
        else:  # every write: a new object, or the run's own, or an ID naming nothing
            assert target.startswith(("new ", "the run's ", "an ID naming no ")), target
            assert "user's project" not in target
    assert "new project ango-hub-live-check-RUN-project" in result.stdout

    read_only = run(None, "--plan", "--read-only")
    assert read_only.returncode == 0
    targets = [line.split(None, 3)[3] for line in read_only.stdout.splitlines()[2:]]
    assert targets
    assert all(t.startswith("read") for t in targets)


def test_help_says_what_each_mode_reads_writes_deletes_and_leaves() -> None:
    result = subprocess.run(
        [str(ANGO_HUB), "live-check", "--help"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, "COLUMNS": "200"},
    )
    text = " ".join(result.stdout.split())
    for part in (
        "--read-only reads only",
        "It writes and deletes nothing.",
        "Write mode never changes the --project project: it only reads it.",
        "It leaves behind the plugin log line and response",
        "A second Ctrl-C stops cleanup; --cleanup LEDGER resumes it.",
        "--plan",
    ):
        assert part in text, part
