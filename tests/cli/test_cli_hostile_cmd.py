"""Bad input and hostile answers end in the documented exit code with one clear line (or the
upload's report), never a traceback: ``export --out`` where no file can be written,
``--base-url 'http://[::1'``, ``mock --port 99999``; a failed export leaves no file behind; a
bulk upload prints its report whatever the server answers. Run as the installed console
script, as a user would."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from ango_hub.mock.server import MockServer
from cli_helpers import RunCli


def assert_usage_error(result: object, *words: str) -> None:
    code, stderr = result.code, result.stderr  # type: ignore[attr-defined]
    assert code == 2, stderr
    assert "Traceback" not in stderr
    line = result.error_line()  # type: ignore[attr-defined]
    for word in words:
        assert word in line, line


@pytest.mark.parametrize(
    ("out", "words"),
    [
        ("/proc/tasks.json", ["--out", "/proc/tasks.json", "cannot write"]),
        ("{tmp}", ["--out", "is a directory"]),
        ("{tmp}/a-file/tasks.json", ["--out", "a-file is a file, not a folder"]),
    ],
    ids=["under-proc", "a-directory", "under-a-file"],
)
def test_export_out_where_nothing_can_be_written_is_a_usage_error(
    cli_subprocess: RunCli, mock: MockServer, tmp_path: Path, out: str, words: list[str]
) -> None:
    (tmp_path / "a-file").write_text("not a folder")
    result = cli_subprocess("export", mock.project_id, "--out", out.format(tmp=tmp_path))
    assert_usage_error(result, *words)
    assert mock.requests.counts.get("exportTasks", 0) == 0  # refused before any request
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"]


def test_an_unparsable_base_url_is_a_usage_error(cli_subprocess: RunCli, mock: MockServer) -> None:
    result = cli_subprocess(
        "--base-url", "http://[::1", "assets", "list", mock.project_id, env={"ANGO_BASE_URL": None}
    )
    assert_usage_error(result, "base_url", "http://[::1", "invalid URL")


def test_a_mock_port_out_of_range_is_a_usage_error(cli_subprocess: RunCli) -> None:
    assert_usage_error(cli_subprocess("mock", "--port", "99999"), "--port", "99999", "65535")


def test_a_failed_export_leaves_no_file_behind(
    cli_subprocess: RunCli, mock: MockServer, tmp_path: Path
) -> None:
    """The archive download breaks every time (the storage drops it midway)."""
    mock.add_fault("drop", rate=1.0, path="/_storage/")
    result = cli_subprocess("export", mock.project_id, "--out", str(tmp_path / "tasks.json"))
    assert result.code == 3, result.stderr
    assert "Traceback" not in result.stderr
    assert "APIConnectionError" in result.error_line()
    assert list(tmp_path.iterdir()) == []


def _files(folder: Path, count: int) -> list[str]:
    names = []
    for n in range(count):
        (folder / f"c{n}.png").write_bytes(b"%d" % n)
        names.append(str(folder / f"c{n}.png"))
    return names


def test_upload_with_unusable_answers_prints_its_report(
    cli_subprocess: RunCli, mock: MockServer, tmp_path: Path
) -> None:
    """Every upload URL answer lacks its URL: each file fails at that stage, exit 1."""
    mock.add_fault("reshape", rate=1.0, operation="getUploadUrl", remove="data.uploadUrl")
    result = cli_subprocess("--json", "upload", mock.project_id, *_files(tmp_path, 3))
    assert result.code == 1, result.stderr
    assert "Traceback" not in result.stderr
    report = json.loads(result.stdout)
    assert (report["uploaded"], report["failed"], report["unknown"]) == (0, 3, 0)
    assert {item["stage"] for item in report["items"]} == {"upload_url"}
    assert all("getUploadUrl" in item["error"] for item in report["items"])


def test_upload_whose_import_may_still_land_is_exit_4(
    cli_subprocess: RunCli, mock: MockServer, tmp_path: Path
) -> None:
    mock.add_fault("server_error", nth=1, operation="importCloudAssets", status=504)
    result = cli_subprocess(
        "upload", mock.project_id, *_files(tmp_path, 2), "--settle-seconds", "0.2"
    )
    assert result.code == 4, result.stderr
    assert "Traceback" not in result.stderr
    assert "Outcome unknown" in result.stdout
    assert "run the same upload again later" in result.stdout
    assert mock.requests.counts["importCloudAssets"] == 1
