"""A project's setup and figures from the shell through ``ango-hub api``: an instructions file
upload, the metrics, members and performance, bad input and a wrong key."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from ango_hub.mock.server import MockServer
from cli_helpers import RunCli


def test_upload_instructions_file_part(cli: RunCli, mock: MockServer, tmp_path: Path) -> None:
    guide = tmp_path / "guide.pdf"
    guide.write_bytes(b"%PDF-1.4 " + b"page " * 5000)
    result = cli(
        "api",
        "uploadInstructions",
        "-f",
        f"projectId={mock.project_id}",
        "-f",
        "bucket=guides",
        "--file",
        f"file={guide}",
    )
    assert result.code == 0, result
    stored = result.json()["data"]["instructions"]
    assert (stored["fileName"], stored["contentType"], stored["size"]) == (
        "guide.pdf",
        "application/pdf",
        guide.stat().st_size,
    )
    assert stored["sha256"] == hashlib.sha256(guide.read_bytes()).hexdigest()
    assert mock.project.instructions == stored
    assert mock.requests.counts["uploadInstructions"] == 1


def test_upload_instructions_without_the_file_is_refused(cli: RunCli, mock: MockServer) -> None:
    result = cli("api", "uploadInstructions", "-f", f"projectId={mock.project_id}")
    assert result.code == 2, result
    assert "body" in result.error_line()
    assert mock.requests.counts["uploadInstructions"] == 0


def test_metrics_and_a_bad_metric_name(cli: RunCli, mock: MockServer) -> None:
    mock.seed(4, labeled=True)
    args = ("api", "getProjectMetrics", "-f", f"projectId={mock.project_id}")
    result = cli("--json", *args, "-f", "metric=AnnotationStatus")
    assert result.code == 0, result
    data = result.json()["data"]
    assert (data["metric"], data["total"]) == ("AnnotationStatus", 4)
    assert data["groups"] == [{"key": "Completed", "count": 4}]
    bad = cli(*args, "-f", "metric=Velocity")
    assert bad.code == 2, bad
    line = bad.error_line()
    assert "metric" in line
    assert "LabelStageGroups" in line
    assert mock.requests.counts["getProjectMetrics"] == 1


def test_members_and_performance_with_a_json_body(
    cli: RunCli, mock: MockServer, tmp_path: Path
) -> None:
    added = cli(
        "api",
        "addProjectMembers",
        "-f",
        f"projectId={mock.project_id}",
        "-f",
        'assignees=["a@example.com"]',
        "-f",
        "role=Lead",
    )
    assert added.code == 0, added
    assert mock.project.members["a@example.com"] == "Lead"
    body = tmp_path / "window.json"
    body.write_text(json.dumps({"interval": ["2000-01-01T00:00:00Z", "2000-01-02T00:00:00Z"]}))
    result = cli(
        "api", "getProjectPerformance", "-f", f"projectId={mock.project_id}", "--input", str(body)
    )
    assert result.code == 0, result
    assert result.json()["data"]["performance"]["tasks"] == 0


def test_wrong_key_is_exit_3_and_not_printed(cli: RunCli, mock: MockServer) -> None:
    result = cli(
        "api",
        "getProjectMetrics",
        "-f",
        f"projectId={mock.project_id}",
        "-f",
        "metric=AssetSize",
        env={"ANGO_API_KEY": "wrong-secret-key"},
    )
    assert result.code == 3, result
    assert "wrong-secret-key" not in result.stdout + result.stderr
