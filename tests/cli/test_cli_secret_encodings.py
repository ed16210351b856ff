"""``ango-hub storages create`` against a server that quotes the refused body: no encoding of
the credentials shows on stderr, in ``--json`` output or anywhere else the command prints."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from ango_hub.cli import app
from secret_views import MARK, leaked_starts
from typer.testing import CliRunner

SECRET = f'q"uo\\te{MARK}é€\n%+&<>-' + "x" * 200


class _Echo(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        sent = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
        body = json.dumps({"status": "fail", "message": f"invalid body: {sent[:150]}"}).encode()
        self.send_response(400)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def echo_url() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Echo)
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/v2"
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("secrets", [{"secretAccessKey": SECRET}, {"privateKey": SECRET}])
@pytest.mark.parametrize("json_flag", [[], ["--json"]])
def test_storages_create_never_prints_a_credential(
    echo_url: str, tmp_path: Path, secrets: dict[str, str], json_flag: list[str]
) -> None:
    file = tmp_path / "secrets.json"
    file.write_text(json.dumps(secrets))
    args = [*json_flag, "storages", "create", "s", "--type", "aws", "--credentials-file", str(file)]
    env = {"ANGO_API_KEY": "k" * 20, "ANGO_BASE_URL": echo_url, "ANGO_REGION": None}
    result = CliRunner().invoke(app, args, env=env)
    assert result.exit_code == 3, (result.stdout, result.stderr)
    assert "invalid body" in result.stderr  # the server's message is shown, the secret is not
    shown = result.stdout + result.stderr
    assert not leaked_starts(SECRET, shown), shown
