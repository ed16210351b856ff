"""The official SDK (imerit-ango) run in its own venv, ``.venv-sdk``, which `make install`
creates: the SDK pins libraries our venv does not hold. A missing venv is a broken checkout,
so the run fails rather than skips."""

from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SDK_PYTHON = Path(__file__).resolve().parents[2] / ".venv-sdk" / "bin" / "python"


@dataclass(frozen=True)
class SdkRun:
    """A finished script: ``out`` is the JSON object it printed on its last line."""

    out: Any
    last_line: str
    stdout: str
    stderr: str


def run_sdk_script(script: Path, *args: str, timeout: float = 120) -> SdkRun:
    """Run ``script ARGS`` with the SDK's interpreter; it must exit 0 and end with a JSON line."""
    assert SDK_PYTHON.exists(), "run `make install`: .venv-sdk holds the official SDK"
    done = subprocess.run(
        [str(SDK_PYTHON), str(script), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-5000:]
    last = done.stdout.strip().splitlines()[-1]
    return SdkRun(json.loads(last), last, done.stdout, done.stderr)
