"""The rule for the command line: every ``ango-hub`` command that calls the API, found by walking
the command tree (never a hand-kept list), ends with exit 3 and one line on stderr, no
traceback, when each 2xx is of the wrong shape, not JSON, or empty. ``upload`` keeps its own
contract: a report of every file (exit 1, each file failed)."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import typer
from ango_hub.cli import _clicklib as click
from ango_hub.cli import app
from cli_helpers import CliResult
from typer.testing import CliRunner

ID = "a" * 24
EMAIL = "ana@example.com"
KEY = "sk-cli-rule-0123456789"

HOSTILE: dict[str, bytes] = {
    "wrong-shape": b'{"status":"success","data":{"x":1}}',
    "not-json": b"<html>gateway says hi</html>",
    "empty": b"",
}
# Commands that do not call the API themselves: one serves the mock, one runs its own report,
# one serves plugin runs until stopped (a failing call inside a run is answered to that run,
# tests/plugins).
NOT_API = {"mock", "live-check", "plugin run"}
# Where exit 0 is right: the command reads nothing from the answer (a deletion), prints the
# JSON as it came (``api``), or the answer ``{"data": {"x": 1}}`` is one the spec allows (every
# field of the result optional: counts the server may leave out).
EXIT_0_IS_RIGHT: dict[str, set[str]] = {
    "projects delete": set(HOSTILE),
    "api": {"wrong-shape", "empty"},
    "assets assign-batches": {"wrong-shape"},
    "assets delete": {"wrong-shape"},
    "import-cloud": {"wrong-shape"},
    "labels import": {"wrong-shape"},
    "attachments import": {"wrong-shape"},
    "members remove": {"wrong-shape"},
    "tasks assign": {"wrong-shape"},
}
# Options a command needs to get as far as the API (the rest comes from the argument names).
OPTIONS: dict[str, list[str]] = {
    "storages create": ["--type", "aws", "--bucket", "b", "--credentials-file", "{secrets}"],
    "members list": ["--org", ID],
    "members invite": ["--org", ID],
    "members remove": ["--org", ID, "--yes"],
    "projects delete": ["--yes"],
    "projects purge": ["--yes"],
    "assets update": ["--external-id", "x"],
    "api": ["listProjects"],
}


def _commands() -> Iterator[tuple[str, Any]]:
    root = typer.main.get_command(app)
    ctx = click.Context(root)

    def walk(command: Any, path: list[str]) -> Iterator[tuple[str, Any]]:
        if hasattr(command, "list_commands"):
            for name in command.list_commands(ctx):
                yield from walk(command.get_command(ctx, name), [*path, name])
        else:
            yield " ".join(path), command

    yield from walk(root, [])


COMMANDS = {name: command for name, command in _commands() if name not in NOT_API}


# Each import command's file holds only the fields its schema knows: an unknown one is refused
# before sending (typo protection), and this test is about what comes back.
FILES: dict[str, list[dict[str, Any]]] = {
    "import-cloud": [{"externalId": "a", "data": "https://e.com/a.png"}],
    "labels import": [{"externalId": "a", "answer": {}}],
    "attachments import": [
        {"externalId": "a", "attachmentType": "IMAGE", "attachmentUrl": "https://e.com/a.png"}
    ],
}


def _value(name: str, tmp: Path, command: str = "") -> str:
    """A plausible value for a required argument, by its name."""
    files: dict[str, Any] = {
        "file": FILES.get(command, []),
        "answer_file": {"objects": [], "classifications": [], "relations": []},
    }
    if name in files:
        path = tmp / f"{name}.json"
        path.write_text(json.dumps(files[name]))
        return str(path)
    if name == "paths":
        path = tmp / "cat.png"
        path.write_bytes(b"\x89PNG")
        return str(path)
    by_name = {"user": EMAIL, "emails": EMAIL, "decision": "Accepted", "value": "1"}
    by_name |= {"batch": "b1", "to_stage": "s1", "content": "c", "name": "n", "names": "b1"}
    return by_name.get(name, ID)


def _args(name: str, command: Any, tmp: Path) -> list[str]:
    args = name.split()
    for param in command.params:
        if not param.required:
            continue
        value = _value(param.name, tmp, name)
        args += [param.opts[0], value] if param.param_type_name == "option" else [value]
    secrets = tmp / "secrets.json"
    secrets.write_text(
        json.dumps({"accessKeyId": "AKIA-rule-test", "secretAccessKey": "rule-test-secret"})
    )
    return args + [o.format(secrets=secrets) for o in OPTIONS.get(name, [])]


class _Hostile(BaseHTTPRequestHandler):
    body = b""
    seen: list[str]

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        self.seen.append(f"{self.command} {self.path}")
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = _answer

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(params=sorted(HOSTILE))
def hostile(request: pytest.FixtureRequest) -> Iterator[tuple[str, str, list[str]]]:
    """A server on a free port answering every request with one hostile 2xx."""
    seen: list[str] = []
    handler = type("Handler", (_Hostile,), {"body": HOSTILE[request.param], "seen": seen})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield request.param, f"http://127.0.0.1:{server.server_address[1]}/v2", seen
    finally:
        server.shutdown()
        server.server_close()


def _run(args: list[str], base_url: str) -> CliResult:
    env = {"ANGO_API_KEY": KEY, "ANGO_BASE_URL": base_url, "ANGO_REGION": None}
    result = CliRunner().invoke(app, args, env=env)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception  # a traceback: the rule is broken
    return CliResult(result.exit_code, result.stdout, result.stderr)


def test_the_walk_finds_every_command() -> None:
    assert {"storages list", "projects get", "tasks history", "members invite", "api"} <= set(
        COMMANDS
    )
    assert len(COMMANDS) > 30


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_exits_3_with_one_line(
    name: str, hostile: tuple[str, str, list[str]], tmp_path: Path
) -> None:
    kind, base_url, seen = hostile
    result = _run(_args(name, COMMANDS[name], tmp_path), base_url)
    assert seen, f"{name}: nothing reached the server: {result.stderr}"
    assert "Traceback" not in result.stderr
    # A field the answer left out shows as absent, never as the generated models' marker.
    assert "Unset" not in result.stdout + result.stderr, result.stdout
    if name == "upload":  # its report: every file failed (exit 3 when none could be checked)
        assert result.code in (1, 3), result.stderr
        assert "Uploaded 0 of 1 files" in result.stdout
        return
    if result.code == 0 and kind in EXIT_0_IS_RIGHT.get(name, ()):
        return
    assert result.code == 3, (result.code, result.stdout, result.stderr)
    assert KEY not in result.stderr
    result.error_line()
