"""With the ``[cli]`` extra but not the one a command needs, the command says in one line what
to install and exits 2 (issue 22, item 6). The clean venv of tests/packaging checks the same
without any extra; here the missing modules are hidden from a fresh interpreter."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

RUN = (
    "import sys\n"
    "for name in sys.argv[1].split(','):\n"
    "    sys.modules[name] = None  # not installed, as far as imports can tell\n"
    "from ango_hub.cli import main\n"
    "sys.argv = ['ango-hub', *sys.argv[2:]]\n"
    "main()\n"
)


@pytest.mark.parametrize(
    ("hidden", "args", "extra"),
    [
        ("uvicorn", ["mock", "--port", "0"], "mock"),
        ("starlette,werkzeug", ["mock", "--port", "0"], "mock"),
        ("openapi_core", ["live-check", "--read-only"], "live-check"),
        ("yaml", ["live-check", "--read-only"], "live-check"),
        ("typer", ["--help"], "cli"),
    ],
)
def test_a_command_whose_extra_is_missing_prints_the_install_line(
    hidden: str, args: list[str], extra: str
) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ANGO_")}
    done = subprocess.run(
        [sys.executable, "-c", RUN, hidden, *args],
        capture_output=True,
        text=True,
        env=env
        | {
            "ANGO_API_KEY": "a-key-for-the-test-0123456789",
            "ANGO_BASE_URL": "http://127.0.0.1:9/v2",
        },
        timeout=60,
        check=False,
    )
    assert done.returncode == 2, done.stderr
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("ango-hub: error: ")
    assert lines[0].endswith(f"pip install 'ango-hub-client[{extra}]'"), lines
    assert hidden.split(",", maxsplit=1)[0] in lines[0]
