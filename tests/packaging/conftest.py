"""The wheel built from this tree, once per test run: `test_wheel.py` reads it and
`test_clean_venv.py` installs it (each used to build its own, once per xdist worker)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.once import built_once

REPO = Path(__file__).resolve().parents[2]


def _build_wheel(out: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(REPO), "--no-deps", "-q", "-w", str(out)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]


@pytest.fixture(scope="session")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`pip wheel --no-deps .`: the one ``ango_hub_client-*.whl`` (read-only for the tests)."""
    folder = built_once(tmp_path_factory, "wheel", _build_wheel)
    (built,) = folder.glob("ango_hub_client-*.whl")
    return built
