"""Failures: the API or the network (exit 3), some items failing (exit 1); one line on stderr,
never the API key. Part of it runs the installed ``ango-hub`` script in a real subprocess."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from ango_hub.mock.server import MockServer
from ango_hub.testing import free_port, run_mock_server
from cli_helpers import RunCli, mock_env

from demo.sample_images import write_sample_images

SECRET = "sk-live-do-not-print-4f9a1c"


@pytest.mark.parametrize("runner", ["cli", "cli_subprocess"])
def test_wrong_api_key_is_exit_3_and_never_printed(
    request: pytest.FixtureRequest, mock: MockServer, runner: str
) -> None:
    run: RunCli = request.getfixturevalue(runner)
    result = run("--json", "assets", "list", mock.project_id, env={"ANGO_API_KEY": SECRET})
    assert result.code == 3, result
    line = result.error_line()
    assert "401" in line or "auth" in line.lower()
    assert SECRET not in result.stdout + result.stderr
    assert mock.requests.counts["listAssets"] >= 1  # it did ask the server


def test_api_key_given_as_flag_is_not_printed_either(cli: RunCli, mock: MockServer) -> None:
    result = cli("--api-key", SECRET, "export", mock.project_id, env={"ANGO_API_KEY": None})
    assert result.code == 3
    assert SECRET not in result.stdout + result.stderr


def test_server_errors_are_exit_3_on_one_line(cli: RunCli, mock: MockServer) -> None:
    mock.add_fault("server_error", operation="listAssets", status=503)
    result = cli("assets", "list", mock.project_id)
    assert result.code == 3, result
    assert "503" in result.error_line()
    assert result.stdout == ""


def test_unknown_project_is_exit_3(cli: RunCli, mock: MockServer) -> None:
    result = cli("assets", "delete", "f" * 24, "a" * 24)
    assert result.code == 3
    assert "404" in result.error_line()


@pytest.mark.parametrize("runner", ["cli", "cli_subprocess"])
def test_connection_refused_is_exit_3(
    request: pytest.FixtureRequest, mock: MockServer, runner: str
) -> None:
    run: RunCli = request.getfixturevalue(runner)
    base = f"http://127.0.0.1:{free_port()}/v2"
    result = run("assets", "list", mock.project_id, env={"ANGO_BASE_URL": base})
    assert result.code == 3, result
    result.error_line()


def test_upload_with_some_files_failing_is_exit_1(cli: RunCli, tmp_path: Path) -> None:
    # A mock that refuses files over 2 KiB: the big file fails, the small ones go through.
    with run_mock_server(max_upload_bytes=2048) as small_mock:
        (tmp_path / "ok-1.bin").write_bytes(b"a" * 100)
        (tmp_path / "ok-2.bin").write_bytes(b"b" * 100)
        (tmp_path / "too-big.bin").write_bytes(b"c" * 10_000)
        from ango_hub.cli import app
        from typer.testing import CliRunner

        result = CliRunner().invoke(
            app,
            ["--json", "upload", small_mock.project_id, str(tmp_path)],
            env=mock_env(small_mock),
        )
        assert result.exit_code == 1, result.output
        report = json.loads(result.stdout)
        assert (report["uploaded"], report["failed"]) == (2, 1)
        [failed] = [item for item in report["items"] if item["status"] == "failed"]
        assert failed["externalId"] == "too-big.bin"
        assert failed["stage"] == "put"
        assert "413" in failed["error"]
        names = sorted(a.external_id or "" for a in small_mock.project.iter_assets())
        assert names == ["ok-1.bin", "ok-2.bin"]


@pytest.mark.slow  # heavy: not in `make test-fast`
def test_subprocess_upload_list_export_round_trip(
    cli_subprocess: RunCli, mock: MockServer, tmp_path: Path
) -> None:
    write_sample_images(tmp_path / "imgs", 3)
    upload = cli_subprocess("upload", mock.project_id, str(tmp_path / "imgs"), "--json")
    assert upload.code == 0, upload
    assert upload.json()["uploaded"] == 3
    listing = cli_subprocess("--json", "assets", "list", mock.project_id, "--all")
    assert listing.code == 0
    assert sorted(a["externalId"] for a in listing.json()["assets"]) == [
        "img-001.png",
        "img-002.png",
        "img-003.png",
    ]
    out = tmp_path / "out.ndjson"
    export = cli_subprocess("export", mock.project_id, "--format", "ndjson", "--out", str(out))
    assert export.code == 0, export
    assert "Exported 3 tasks" in export.stdout
    assert len(out.read_text().splitlines()) == 3
    assert export.stderr == ""  # no progress bar: stdout is a pipe


def test_what_commands_receive_from_the_root_options_never_shows_the_key() -> None:
    from ango_hub.cli._context import Invocation, hub_opener

    invocation = Invocation(
        output="json", open_hub=hub_opener(SECRET, "us", "http://127.0.0.1:9/v2")
    )
    assert SECRET not in repr(invocation)
    with invocation.open_hub() as hub:  # the library's client, built from the options
        assert hub.base_url == "http://127.0.0.1:9/v2"
        assert SECRET not in repr(hub)
