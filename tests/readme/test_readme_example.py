"""The README's library example runs, as printed, against a mock (so it cannot rot).

The example is the FIRST ```python block after the heading ``## Using the library``. It runs in
a fresh interpreter whose only configuration is what a user would set: ``ANGO_BASE_URL`` and
``ANGO_API_KEY`` (pointing at the mock), in a folder holding ``images/*.png``.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from ango_hub.mock.server import MockServer

from demo.sample_images import write_sample_images

REPO = Path(__file__).resolve().parents[2]
HEADING = "## Using the library"
BLOCK = re.compile(r"^```python[ \t]*\n(.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL)


def library_example(readme: str) -> str:
    """The first ```python block after the ``## Using the library`` heading."""
    match = re.search(rf"^{re.escape(HEADING)}[ \t]*$", readme, re.MULTILINE)
    if match is None:
        raise LookupError(f"README.md has no {HEADING!r} heading")
    block = BLOCK.search(readme, match.end())
    if block is None:
        raise LookupError(f"README.md has no ```python block after {HEADING!r}")
    return block.group(1)


def test_extraction_takes_the_first_python_block_after_the_heading() -> None:
    text = (
        "# T\n```python\nbefore()\n```\n## Using the library\nSome words.\n"
        "```sh\nnot python\n```\n```python\nfirst()\n```\n```python\nsecond()\n```\n"
    )
    assert library_example(text) == "first()\n"
    with pytest.raises(LookupError, match="no '## Using the library' heading"):
        library_example("## Using the CLI\n```python\nx\n```\n")
    with pytest.raises(LookupError, match="no ```python block"):
        library_example("## Using the library\n```sh\nx\n```\n")


def test_readme_library_example_runs_against_the_mock(
    ango_hub_mock: MockServer, tmp_path: Path
) -> None:
    code = library_example((REPO / "README.md").read_text(encoding="utf-8"))
    write_sample_images(tmp_path / "images", 3)
    env = {k: v for k, v in os.environ.items() if not k.startswith("ANGO_")} | {
        "ANGO_BASE_URL": ango_hub_mock.base_url,
        "ANGO_API_KEY": ango_hub_mock.api_key,
    }
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, f"README example failed:\n{done.stderr}"
    assert done.stdout.strip(), "the example prints what it did"
    # It really talked to the mock, and what it uploaded is there.
    assert ango_hub_mock.requests.counts, "the example sent no request to the mock"
    assert ango_hub_mock.project.live_count() >= 1
    assert ango_hub_mock.api_key not in done.stdout + done.stderr
