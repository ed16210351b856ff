"""`make test` reads in one place: the Makefile's `test:` line names every step it runs."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def _makefile_test_steps() -> list[str]:
    (line,) = [
        line for line in (REPO / "Makefile").read_text().splitlines() if line.startswith("test:")
    ]
    return line.removeprefix("test:").split()


def _make_database_test_steps() -> list[str]:
    """The prerequisites make itself resolves for `test`, after every mk/*.mk is included."""
    database = subprocess.run(
        ["make", "--no-print-directory", "-pRrq", "-f", "Makefile", ":"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,  # -q exits 1 when something is out of date; only the database matters
    ).stdout
    (line,) = [line for line in database.splitlines() if line.startswith("test:")]
    return line.removeprefix("test:").split()


def test_no_mk_file_adds_a_step_to_test() -> None:
    for mk in sorted((REPO / "mk").glob("*.mk")):
        added = [line for line in mk.read_text().splitlines() if re.match(r"test\s*:", line)]
        assert not added, f"{mk.name} adds to `test`: {added}; list the step in the Makefile"


def test_the_makefile_line_is_everything_make_runs() -> None:
    steps = _makefile_test_steps()
    assert steps == _make_database_test_steps()
    assert {"check-generated", "lint", "typecheck", "pytest"} <= set(steps)
