"""The CLI with a key ending in a line end (read from a file or a CRLF .env): it works when the
key is right, and no form of it reaches stderr when it is wrong or the network fails."""

from __future__ import annotations

import pytest
from ango_hub.mock.server import MockServer
from ango_hub.testing import free_port
from cli_helpers import RunCli

PROJECT = "507f1f77bcf86cd799439011"
CORE = "sk-hostile-7f3a9c"


def test_right_key_with_crlf_works(cli_subprocess: RunCli, mock: MockServer) -> None:
    result = cli_subprocess("assets", "list", PROJECT, env={"ANGO_API_KEY": mock.api_key + "\r\n"})
    assert result.code == 0, result.stderr


@pytest.mark.parametrize("ending", ["\r\n", "\n", "\r"])
def test_wrong_key_with_line_end_never_printed(cli_subprocess: RunCli, ending: str) -> None:
    result = cli_subprocess("assets", "list", PROJECT, env={"ANGO_API_KEY": CORE + ending})
    assert result.code == 3
    assert "401" in result.stderr or "key" in result.stderr.lower()
    assert CORE not in result.stderr
    assert CORE not in result.stdout


def test_key_option_with_crlf_on_a_dead_port_never_printed(cli_subprocess: RunCli) -> None:
    port = free_port()
    result = cli_subprocess(
        "--api-key",
        CORE + "\r\n",
        "--base-url",
        f"http://127.0.0.1:{port}/v2",
        "assets",
        "list",
        PROJECT,
    )
    assert result.code == 3
    assert "ConnectError" in result.stderr or "connect" in result.stderr.lower()
    assert CORE not in result.stderr


def test_inner_control_character_is_a_usage_message(cli_subprocess: RunCli) -> None:
    result = cli_subprocess("assets", "list", PROJECT, env={"ANGO_API_KEY": "sk-a\nsk-b"})
    assert result.code in {2, 3}
    assert "api_key" in result.stderr
    assert "control characters" in result.stderr
    assert "sk-a" not in result.stderr
    assert "sk-b" not in result.stderr
