"""``ango-hub upload`` to a wrong project or a base URL without /v2: one line naming the cause
(not one row per file), every file counted as not attempted, exit 3."""

from __future__ import annotations

import json
from pathlib import Path

from ango_hub.mock.server import MockServer
from cli_helpers import RunCli


def _files(tmp_path: Path, count: int = 12) -> Path:
    folder = tmp_path / "imgs"
    folder.mkdir()
    for n in range(count):
        (folder / f"f{n}.png").write_bytes(b"%d" % n)
    return folder


def test_a_wrong_project_is_one_line_and_exit_3(cli: RunCli, tmp_path: Path) -> None:
    folder = _files(tmp_path)
    result = cli("--json", "upload", "0" * 24, str(folder))
    assert result.code == 3
    report = json.loads(result.stdout)
    assert (report["files"], report["notAttempted"], report["failed"]) == (12, 12, 0)
    errors = [line for line in result.stderr.splitlines() if "error" in line]
    assert len(errors) == 1
    assert f"project {'0' * 24} not found" in errors[0]


def test_a_base_url_without_v2_says_to_add_it(
    cli: RunCli, mock: MockServer, tmp_path: Path
) -> None:
    folder = _files(tmp_path, 2)
    result = cli("upload", mock.project_id, str(folder), env={"ANGO_BASE_URL": mock.root_url})
    assert result.code == 3
    assert "add /v2" in result.stderr
    assert "Not attempted: 2 files." in result.stdout
