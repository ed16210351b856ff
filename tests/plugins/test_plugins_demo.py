"""`make plugin-demo`: the README's ten-line model plugin pre-labels every task of a mock
project through `ango-hub plugin run`, and the demo counts them."""

from __future__ import annotations

import re
import subprocess
import sys

from plugin_helpers import REPO

PLUGIN = REPO / "demo" / "prelabel_plugin.py"


def test_make_target_runs_the_demo() -> None:
    text = (REPO / "mk" / "plugins.mk").read_text()
    assert re.search(r"^plugin-demo: install$", text, re.MULTILINE)
    assert "$(PY) demo/plugin_demo.py" in text


def test_the_readme_shows_the_ten_line_plugin_as_it_is() -> None:
    code = PLUGIN.read_text()
    assert len(code.splitlines()) <= 10
    assert code in (REPO / "README.md").read_text()


def test_plugin_demo_prelabels_and_counts_every_task() -> None:
    result = subprocess.run(
        [sys.executable, str(REPO / "demo" / "plugin_demo.py")],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    assert result.stdout.strip().splitlines()[-1] == "pre-labelled tasks: 5 of 5"
