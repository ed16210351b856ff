"""The README's label set, workflow and annotation example runs, as printed, against a mock:
the first ```python block after ``### Label sets, workflows and annotations``."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from ango_hub.mock.server import MockServer

REPO = Path(__file__).resolve().parents[2]
HEADING = "### Label sets, workflows and annotations"
BLOCK = re.compile(r"^```python[ \t]*\n(.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL)


def test_readme_label_set_example_runs_against_the_mock(
    ango_hub_mock: MockServer, tmp_path: Path
) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    start = readme.index(HEADING)
    block = BLOCK.search(readme, start)
    assert block is not None
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "cat.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    env = {k: v for k, v in os.environ.items() if not k.startswith("ANGO_")} | {
        "ANGO_BASE_URL": ango_hub_mock.base_url,
        "ANGO_API_KEY": ango_hub_mock.api_key,
    }
    done = subprocess.run(
        [sys.executable, "-c", block.group(1)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, f"README example failed:\n{done.stderr}"
    lines = done.stdout.strip().splitlines()
    assert lines[0] == "[('bounding-box', 'Car')]"
    assert lines[1].startswith("Complete [(")
    assert ", 100), (" in lines[1]  # both boxes, typed, in the export
    project = [p for p in ango_hub_mock.state.projects.values() if p.name == "Cars"][-1]
    assert project.warnings == []
