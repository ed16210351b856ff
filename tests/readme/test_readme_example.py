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
from ango_hub import AngoHub
from ango_hub.mock.server import MockServer

from demo.sample_images import write_sample_images

REPO = Path(__file__).resolve().parents[2]
HEADING = "## Using the library"
BLOCK = re.compile(r"^```python[ \t]*\n(.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL)


def library_example(readme: str, heading: str = HEADING) -> str:
    """The first ```python block after the ``heading`` (``## Using the library``)."""
    match = re.search(rf"^{re.escape(heading)}[ \t]*$", readme, re.MULTILINE)
    if match is None:
        raise LookupError(f"README.md has no {heading!r} heading")
    block = BLOCK.search(readme, match.end())
    if block is None:
        raise LookupError(f"README.md has no ```python block after {heading!r}")
    return block.group(1)


def run_as_user(code: str, folder: Path, mock: MockServer) -> subprocess.CompletedProcess[str]:
    """``code`` in a fresh interpreter in ``folder``, configured only by ``ANGO_BASE_URL`` and
    ``ANGO_API_KEY`` (the mock's); fails the test if it fails."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("ANGO_")} | {
        "ANGO_BASE_URL": mock.base_url,
        "ANGO_API_KEY": mock.api_key,
    }
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, f"README example failed:\n{done.stderr}"
    return done


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
    done = run_as_user(code, tmp_path, ango_hub_mock)
    assert done.stdout.strip(), "the example prints what it did"
    # It really talked to the mock, and what it uploaded is there.
    assert ango_hub_mock.requests.counts, "the example sent no request to the mock"
    assert ango_hub_mock.project.live_count() >= 1
    assert ango_hub_mock.api_key not in done.stdout + done.stderr
    # The assets it listed, by `.id` (the API's `_id`), a left-out external ID read as None.
    listed = [line.split()[1:] for line in done.stdout.splitlines() if line.startswith("asset ")]
    with AngoHub(api_key=ango_hub_mock.api_key, base_url=ango_hub_mock.base_url) as hub:
        answer = hub.call("listAssets", {"projectId": ango_hub_mock.project_id, "limit": 1})
    first = answer["data"]["assets"][0]
    assert listed[0] == [first["_id"], first.get("externalId") or "-"]
    assert "None" not in done.stdout


def test_readme_label_set_example_runs_against_the_mock(
    ango_hub_mock: MockServer, tmp_path: Path
) -> None:
    """The label set, workflow and annotation example (``### Label sets, workflows and
    annotations``): typed project and export rows printed, no unknown schemaId warned about."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    code = library_example(readme, "### Label sets, workflows and annotations")
    write_sample_images(tmp_path / "images", 1)
    (tmp_path / "images" / "img-001.png").rename(tmp_path / "images" / "cat.png")
    lines = run_as_user(code, tmp_path, ango_hub_mock).stdout.strip().splitlines()
    assert lines[0] == "[('bounding-box', 'Car')] Review"  # read back typed, the workflow too
    assert lines[1].startswith("Complete [(")
    assert ", 100), (" in lines[1]  # both boxes, typed, in the export
    project = [p for p in ango_hub_mock.state.projects.values() if p.name == "Cars"][-1]
    assert project.warnings == []
