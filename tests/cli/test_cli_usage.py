"""Usage errors: exit code 2, one line on stderr naming the field and what would be accepted,
and nothing sent to the API. Also: --help of every command shows an example."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
import typer
from ango_hub.cli import app
from ango_hub.cli._lazy import COMMANDS
from ango_hub.mock.server import MockServer
from cli_helpers import RunCli
from typer.core import TyperGroup
from typer.main import get_command
from typer.testing import CliRunner

PROJECT = "507f1f77bcf86cd799439011"


def _api_calls(mock: MockServer) -> int:
    return sum(mock.requests.counts.values())


@pytest.mark.parametrize(
    ("args", "field", "accepted"),
    [
        (["assets", "list", PROJECT, "--limit", "500"], "--limit", "1<=x<=100"),
        (["assets", "list", PROJECT, "--page", "0"], "--page", "x>=1"),
        (["assets", "list", PROJECT, "--filters", "{oops"], "--filters", "a JSON object"),
        (["assets", "list", PROJECT, "--filters", "[1]"], "--filters", "a JSON object"),
        (
            ["assets", "list", PROJECT, "--filters", '{"colour": 1}'],
            "--filters.colour",
            "isPreLabeled",
        ),
        (["--region", "mars", "assets", "list", PROJECT], "--region", "'eu', 'us', 'in', 'test'"),
        (["export", PROJECT, "--format", "xml"], "--format", "'json', 'ndjson'"),
        (["assets", "update", "a" * 24], "update", "--metadata"),
        (["assets", "update", "a" * 24, "--metadata", "[]"], "--metadata", "a JSON object"),
        (
            ["assets", "update", "a" * 24, "--context-data", "nope"],
            "--context-data",
            "a JSON object",
        ),
        (["assets", "assign-batches", PROJECT, "a" * 24], "--batch", ""),
        (["upload", PROJECT, "/no/such/folder"], "PATH", "'/no/such/folder' does not exist"),
        (["upload", PROJECT, "--concurrency", "0", "."], "--concurrency", "1<=x<=64"),
        (["labels", "import", PROJECT, "/no/such.json"], "FILE", "a readable file, or - for stdin"),
        (["assets", "list"], "project", ""),
        (["nope"], "No such command", ""),
    ],
)
def test_bad_flag_or_value_is_exit_2_naming_the_field(
    cli: RunCli, mock: MockServer, args: list[str], field: str, accepted: str
) -> None:
    result = cli(*args)
    assert result.code == 2, result
    line = result.error_line()
    assert field in line
    assert accepted in line
    assert result.stdout == ""
    assert _api_calls(mock) == 0


def test_a_folder_with_only_hidden_files_is_exit_2(
    cli: RunCli, mock: MockServer, tmp_path: Path
) -> None:
    (tmp_path / ".DS_Store").write_bytes(b"x")
    result = cli("upload", PROJECT, str(tmp_path))
    assert result.code == 2
    assert "PATH: no files found (accepted: files, or folders holding files)" in result.error_line()
    assert _api_calls(mock) == 0


def test_external_id_source_is_checked(cli: RunCli, tmp_path: Path) -> None:
    (tmp_path / "a.png").write_bytes(b"x")
    result = cli("upload", PROJECT, str(tmp_path), "--external-id-from", "hash")
    assert result.code == 2
    assert "'--external-id-from': 'hash' is not one of 'name', 'path'" in result.error_line()


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("", "is empty"),
        ("{not json", "not valid JSON"),
        ('{"items": []}', "object without a 'labels' key"),
        ('"text"', "a JSON str was given"),
        ("[]", "no labels given"),
        ("[1, 2]", "labels[0]: a JSON int was given"),
        ('[{"answer": {}}]', "labels[0]: needs one of externalId or assetId"),
        ('[{"externalId": "a"}]', "labels[0].answer: is required"),
        ('{"a": 1}\n{"b": oops}\n', "line 2: not valid JSON"),
    ],
)
def test_bad_labels_file_is_exit_2(
    cli: RunCli, mock: MockServer, tmp_path: Path, content: str, problem: str
) -> None:
    path = tmp_path / "labels.json"
    path.write_text(content)
    result = cli("labels", "import", PROJECT, str(path))
    assert result.code == 2
    line = result.error_line()
    assert line.startswith("ango-hub: error: FILE")
    assert problem in line
    assert _api_calls(mock) == 0


@pytest.mark.parametrize(
    ("second", "problem"),
    [
        ({}, "FILE assets[1].data: is required"),
    ],
)
def test_bad_cloud_assets_from_stdin_name_the_item(
    cli: RunCli, mock: MockServer, second: dict[str, str], problem: str
) -> None:
    # The spec's rules (CloudAsset: data required, at least one character), checked by the
    # library before anything is sent.
    assets = {"assets": [{"data": "u"}, second]}
    result = cli("import-cloud", PROJECT, "-", input=json.dumps(assets))
    assert result.code == 2
    assert problem in result.error_line()
    assert _api_calls(mock) == 0


def test_attachment_without_url_is_exit_2(cli: RunCli, tmp_path: Path) -> None:
    path = tmp_path / "att.json"
    path.write_text(json.dumps([{"externalId": "a"}]))
    result = cli("attachments", "import", PROJECT, str(path))
    assert result.code == 2
    assert "FILE attachments[0].attachmentUrl: is required" in result.error_line()


def test_bad_region_from_the_environment_is_exit_2(cli: RunCli, mock: MockServer) -> None:
    result = cli("assets", "list", PROJECT, env={"ANGO_REGION": "moon"})
    assert result.code == 2
    line = result.error_line()
    assert "ANGO_REGION" in line
    assert "'eu', 'us', 'in', 'test'" in line


def test_base_url_wins_over_region(cli: RunCli, mock: MockServer) -> None:
    result = cli("--region", "us", "--base-url", mock.base_url, "--json", "assets", "list", PROJECT)
    assert result.code == 0, result
    assert result.json()["total"] == 0
    assert mock.requests.counts["listAssets"] == 1


def test_missing_api_key_is_a_usage_error(cli: RunCli, mock: MockServer) -> None:
    result = cli("assets", "list", PROJECT, env={"ANGO_API_KEY": None})
    assert result.code == 2
    assert "--api-key: missing (accepted: --api-key KEY or the ANGO_API_KEY" in result.error_line()
    assert _api_calls(mock) == 0


def _top_level() -> dict[str, Any]:
    group = get_command(app)
    assert isinstance(group, TyperGroup)
    context = typer.Context(group)
    commands = {name: group.get_command(context, name) for name in group.list_commands(context)}
    return {name: command for name, command in commands.items() if command is not None}


def _leaf_commands() -> list[list[str]]:
    paths = []
    for name, command in _top_level().items():
        sub = getattr(command, "commands", None)
        if sub:
            paths.extend([name, sub_name] for sub_name in sub)
        else:
            paths.append([name])
    return paths


def test_the_root_help_lists_each_command_with_its_own_summary() -> None:
    summaries = {name: entry.summary for name, entry in COMMANDS.items()}
    assert summaries == {
        name: command.get_short_help_str(limit=200) for name, command in _top_level().items()
    }
    result = CliRunner().invoke(app, ["--help"])
    listing = " ".join(result.stdout.partition("Commands:")[2].split())
    assert listing == " ".join(f"{name} {summary}" for name, summary in summaries.items())


def test_root_help_loads_no_command_module_nor_the_library() -> None:
    code = """
import sys
from ango_hub.cli import main
sys.argv = ["ango-hub", "--help"]
try:
    main()
finally:
    heavy = ("httpx", "rich", "yaml", "ango_hub_api", "ango_hub.client")
    loaded = [m for m in sys.modules if m.split(".")[0] in heavy or m in heavy]
    print(sorted(loaded + [m for m in sys.modules if m.endswith("_cmd")]), file=sys.stderr)
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "Commands:" in done.stdout
    assert done.stderr.strip() == "[]"


def test_every_command_is_covered_here() -> None:
    assert sorted(" ".join(p) for p in _leaf_commands()) == [
        "api",
        "assets assign-batches",
        "assets delete",
        "assets list",
        "assets update",
        "attachments import",
        "batches create",
        "batches list",
        "export",
        "import-cloud",
        "issues comment",
        "issues create",
        "issues list",
        "issues resolve",
        "labels import",
        "live-check",
        "members invite",
        "members list",
        "members remove",
        "mock",
        "plugin run",
        "projects clone",
        "projects create",
        "projects delete",
        "projects get",
        "projects list",
        "projects purge",
        "storages create",
        "storages delete",
        "storages list",
        "tasks annotate",
        "tasks assign",
        "tasks get",
        "tasks history",
        "tasks list",
        "tasks priority",
        "tasks requeue",
        "tasks review",
        "upload",
    ]


@pytest.mark.parametrize("command", _leaf_commands(), ids=" ".join)
def test_help_shows_an_example(command: list[str]) -> None:
    result = CliRunner().invoke(app, [*command, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "Example" in result.stdout
    assert f"ango-hub {' '.join(command)} " in result.stdout


def test_no_arguments_prints_help() -> None:
    result = CliRunner().invoke(app, [])
    assert result.exit_code == 0
    assert "upload" in result.stdout
    assert "export" in result.stdout


def test_progress_only_for_a_terminal_and_never_with_json(monkeypatch: pytest.MonkeyPatch) -> None:
    from ango_hub.cli import _output

    class Tty:
        def __init__(self, tty: bool) -> None:
            self.tty = tty

        def isatty(self) -> bool:
            return self.tty

    for stdout_tty, stderr_tty, as_json, wanted in [
        (True, True, False, True),
        (True, True, True, False),
        (False, True, False, False),
        (True, False, False, False),
    ]:
        streams = SimpleNamespace(stdout=Tty(stdout_tty), stderr=Tty(stderr_tty))
        monkeypatch.setattr(_output, "sys", streams)
        assert _output.progress_wanted(as_json) is wanted
