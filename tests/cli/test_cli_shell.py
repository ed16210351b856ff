"""``ango-hub`` in a shell: global options anywhere, ``-h``, ``--version``, output that pipes
(``-o table|tsv|json``, tables unwrapped without a terminal), the server's values as they came,
and prompts that fail with the option to use when there is no terminal."""

from __future__ import annotations

import json
from importlib.metadata import version
from pathlib import Path
from typing import Any

import httpx
import pytest
from ango_hub._spec import load_spec
from ango_hub.mock.server import MockServer
from cli_helpers import RunCli

# Longer than an 80-column table could show on one line next to its ID and timestamp.
LONG_NAME = "Street scenes, night, rain: vehicles and pedestrians (second pass, reviewed)"
NO_ENV = {"ANGO_API_KEY": None, "ANGO_BASE_URL": None}


def _get(mock: MockServer, path: str) -> Any:
    answer = httpx.get(mock.base_url + path, headers={"apikey": mock.api_key})
    answer.raise_for_status()
    return answer.json()


def _projects(mock: MockServer) -> list[dict[str, Any]]:
    """The projects as the server answers them (its JSON, parsed by nothing of ours)."""
    projects: list[dict[str, Any]] = _get(mock, "/listProjects")["data"]["projects"]
    return projects


def _create_project(mock: MockServer, name: str) -> str:
    answer = httpx.post(
        mock.base_url + "/project", json={"name": name}, headers={"apikey": mock.api_key}
    )
    answer.raise_for_status()
    return str(answer.json()["data"]["project"]["_id"])


def _create_batches(mock: MockServer, *names: str) -> dict[str, str]:
    answer = httpx.post(
        f"{mock.base_url}/batches/{mock.project_id}",
        json={"batches": [{"name": name} for name in names]},
        headers={"apikey": mock.api_key},
    )
    answer.raise_for_status()
    project = _get(mock, f"/project/{mock.project_id}")["data"]["project"]
    return {batch["name"]: batch["_id"] for batch in project["batches"]}


# --- global options --------------------------------------------------------------------------


def test_global_options_before_between_or_after_the_command(cli: RunCli, mock: MockServer) -> None:
    ids = _create_batches(mock, "Batch 1")
    key, url, project = mock.api_key, mock.base_url, mock.project_id
    expected = ["id\tname", f"{ids['Batch 1']}\tBatch 1"]
    given = ["--api-key", key, "--base-url", url, "-o", "tsv"]
    runs = [
        cli(*given, "batches", "list", project, env=NO_ENV),
        cli("batches", *given, "list", project, env=NO_ENV),
        cli("batches", "list", project, *given, env=NO_ENV),
        cli(
            "batches", "list", "-otsv", f"--api-key={key}", project, f"--base-url={url}", env=NO_ENV
        ),
    ]
    for run in runs:
        assert run.code == 0, run.stderr
        assert run.stdout.splitlines() == expected


def test_the_last_global_option_given_wins(cli: RunCli, mock: MockServer) -> None:
    nowhere = "http://127.0.0.1:9/v2"
    first = ["--base-url", nowhere, "-o", "json"]
    later = cli(
        *first, "batches", "list", mock.project_id, "--base-url", mock.base_url, "-o", "tsv"
    )
    assert later.code == 0, later.stderr
    assert later.stdout.splitlines() == ["id\tname"]
    # --json is -o json: the last of the two wins, the command's own --json included.
    tsv = cli("batches", "list", mock.project_id, "--json", "-o", "tsv")
    assert tsv.stdout.splitlines() == ["id\tname"]
    assert cli("batches", "list", mock.project_id, "-o", "tsv", "--json").json() == {"batches": []}
    assert cli("-o", "tsv", "batches", "list", mock.project_id, "--json").json() == {"batches": []}


def test_a_bad_global_option_after_the_command_is_one_line_exit_2(
    cli: RunCli, mock: MockServer
) -> None:
    region = cli("batches", "list", mock.project_id, "--region", "mars")
    assert region.code == 2
    assert region.error_line() == (
        "ango-hub: error: --region: 'mars' is not one of 'eu', 'us', 'in', 'test'"
    )
    output = cli("batches", "list", mock.project_id, "-o", "yaml")
    assert output.code == 2
    assert output.error_line() == (
        "ango-hub: error: --output: 'yaml' is not one of 'table', 'tsv', 'json'"
    )
    assert region.stdout == output.stdout == ""


def test_a_commands_own_option_of_the_same_name_wins(
    cli: RunCli, mock: MockServer, tmp_path: Path
) -> None:
    secrets = tmp_path / "aws.json"
    secrets.write_text(
        json.dumps({"accessKeyId": "AKIA-x", "secretAccessKey": "shell-test-s3cret-5d1"})
    )
    # `storages create --region` is the bucket's region, not the API's.
    create = ["storages", "create", "S3", "--provider", "AWS", "--bucket", "b"]
    created = cli(
        *create, "--region", "us-east-1", "--credentials-file", str(secrets), "-o", "json"
    )
    assert created.code == 0, created.stderr
    assert created.json()["region"] == "us-east-1"


# --- -h and --version ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "command", [[], ["projects"], ["projects", "list"], ["upload"], ["api"], ["mock"]]
)
def test_dash_h_is_help_everywhere(cli: RunCli, command: list[str]) -> None:
    short, long = cli(*command, "-h"), cli(*command, "--help")
    assert (short.code, long.code) == (0, 0), short.stderr
    assert short.stdout == long.stdout
    assert short.stdout.startswith(f"Usage: ango-hub {' '.join(command)}".rstrip())


def test_every_commands_help_names_the_global_options(cli: RunCli) -> None:
    lines = [line.strip() for line in cli("projects", "list", "-h").stdout.splitlines()]
    assert lines[-2:] == [
        "Global options, before or after the command (see ango-hub --help):",
        "--api-key KEY, --region REGION, --base-url URL, -o/--output table|tsv|json, --json",
    ]


def test_version_prints_the_client_and_the_spec_version(cli_subprocess: RunCli) -> None:
    import ango_hub

    assert ango_hub.__version__ == version("ango-hub-client")
    result = cli_subprocess("--version")
    assert result.code == 0, result.stderr
    spec = load_spec()["info"]["version"]
    assert result.stdout.splitlines() == [
        f"ango-hub {ango_hub.__version__} (Ango Hub API spec {spec})"
    ]


# --- output that pipes -----------------------------------------------------------------------


def test_a_piped_table_is_never_wrapped(cli_subprocess: RunCli, mock: MockServer) -> None:
    project = _create_project(mock, LONG_NAME)
    created = next(p["createdAt"] for p in _projects(mock) if p["_id"] == project)
    result = cli_subprocess("projects", "list", env={"COLUMNS": "80"})  # stdout is a pipe
    assert result.code == 0, result.stderr
    lines = result.stdout.splitlines()
    # The longest name sets its column's width: its row has no padding.
    assert f"│ {project} │ {LONG_NAME} │ {created} │" in lines
    assert len(lines) == 7  # title, 3 border lines, header, 2 rows


def test_tsv_is_a_header_and_one_line_per_item(cli_subprocess: RunCli, mock: MockServer) -> None:
    _create_project(mock, LONG_NAME)
    result = cli_subprocess("projects", "list", "-o", "tsv")
    assert result.code == 0, result.stderr
    assert result.stdout.splitlines() == [
        "id\tname\tcreatedAt",
        *(f"{p['_id']}\t{p['name']}\t{p['createdAt']}" for p in _projects(mock)),
    ]


def test_tsv_escapes_tabs_and_newlines(cli: RunCli, mock: MockServer) -> None:
    names = {"tab\there": "tab\\there", "new\nline": "new\\nline", "a\\b": "a\\\\b"}
    ids = _create_batches(mock, *names)
    result = cli("batches", "list", mock.project_id, "-o", "tsv")
    assert result.code == 0, result.stderr
    assert result.stdout.splitlines() == [
        "id\tname",
        *(ids[name] + "\t" + escaped for name, escaped in names.items()),
    ]


def test_tsv_of_one_result_is_its_keys_and_its_values(cli: RunCli, mock: MockServer) -> None:
    result = cli("projects", "get", mock.project_id, "-o", "tsv")
    assert result.code == 0, result.stderr
    name = _get(mock, f"/project/{mock.project_id}")["data"]["project"]["name"]
    assert result.stdout.splitlines() == [
        "id\tname\tstages\tbatches",
        f"{mock.project_id}\t{name}\tStart -> Label -> Complete\t",
    ]


def test_dash_o_json_is_the_json_flag(cli: RunCli, mock: MockServer) -> None:
    flag = cli("--json", "projects", "list")
    option = cli("projects", "list", "-o", "json")
    assert flag.code == option.code == 0
    assert option.stdout == flag.stdout
    assert option.json()["total"] == 1


# --- the server's values, as they came -------------------------------------------------------


def test_json_keeps_the_servers_timestamps(cli: RunCli, mock: MockServer) -> None:
    _create_project(mock, LONG_NAME)
    served = {p["_id"]: p["createdAt"] for p in _projects(mock)}
    assert all(text.endswith("Z") for text in served.values())  # what a model would rewrite
    listed = cli("projects", "list", "--json").json()["projects"]
    assert {p["_id"]: p["createdAt"] for p in listed} == served
    got = cli("projects", "get", mock.project_id, "-o", "json").json()
    raw = _get(mock, f"/project/{mock.project_id}")["data"]["project"]
    assert got["createdAt"] == raw["createdAt"]
    assert got["stages"] == raw["stages"]


def test_restore_puts_back_the_servers_spelling_only() -> None:
    from ango_hub.cli._server_values import ServerValues

    values = ServerValues()
    values.record({"a": "2024-05-01T10:00:00.000Z", "b": ["2024-05-01T12:00:00+02:00"]})
    # What a model's isoformat() writes for each: the server's spelling comes back.
    assert values.restore("2024-05-01T10:00:00+00:00") == "2024-05-01T10:00:00.000Z"
    # Same instant, other offset: a different text, never swapped for the other.
    assert values.restore("2024-05-01T12:00:00+02:00") == "2024-05-01T12:00:00+02:00"
    # A text the server wrote itself, and what is not a known timestamp, stay as they are.
    assert values.restore("2024-05-01T10:00:00.000Z") == "2024-05-01T10:00:00.000Z"
    assert values.restore("2024-05-02T10:00:00+00:00") == "2024-05-02T10:00:00+00:00"
    assert values.restore({"x": ["2024-05-01T10:00:00+00:00", 3, None]}) == {
        "x": ["2024-05-01T10:00:00.000Z", 3, None]
    }


# --- prompts without a terminal --------------------------------------------------------------


@pytest.mark.parametrize("runner", ["cli", "cli_subprocess"])
def test_the_secret_prompt_without_a_terminal_names_the_option(
    runner: str, request: pytest.FixtureRequest, mock: MockServer
) -> None:
    run: RunCli = request.getfixturevalue(runner)
    # Even with something on stdin: a pipe is not someone to ask.
    result = run("storages", "create", "S3", "--provider", "AWS", input="not-for-the-prompt\n")
    assert result.code == 2
    assert result.error_line() == (
        "ango-hub: error: --credentials-file: needed, as there is no terminal to ask "
        "'Secret key (privateKey)' (accepted: a JSON file with the secrets, or - for stdin)"
    )
    assert _get(mock, "/storages")["data"]["storages"] == []


def test_a_confirmation_without_a_terminal_names_yes(cli: RunCli, mock: MockServer) -> None:
    result = cli("members", "remove", "jane@example.com", input="y\n")
    assert result.code == 2
    line = result.error_line()
    assert line.startswith("ango-hub: error: --yes: needed, as there is no terminal to ask ")
    assert line.endswith(": jane@example.com?'")
