"""The escape hatch is typed: ``mypy --strict`` accepts ``extra_body``/``extra_query``/
``extra_headers`` on resource methods of both clients (each method declares them), and refuses
a misspelt one, as it refuses any unknown keyword."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = """\
from ango_hub import AngoHub, AsyncAngoHub


def sync_job(hub: AngoHub, project: str) -> None:
    hub.assets.list_page(project, {extra}={{"beta": "1"}})
    hub.assets.update("a" * 24, external_id="x", extra_body={{"newField": 1}})
    hub.tasks.list_page(project, extra_headers={{"X-Trace": "t"}})
    hub.project_setup.add_members(project, ["a@b.c"], "Labeler", extra_query={{"q": "1"}})
    hub.projects.update(project, name="n", extra_body={{"newField": 2}})


async def async_job(hub: AsyncAngoHub, project: str) -> None:
    await hub.batches.create(project, "b", extra_headers={{"X-Trace": "t"}})
    async for task in hub.tasks.list(project, extra_query={{"beta": "1"}}):
        print(task.id)
"""


def _mypy(tmp_path: Path, extra: str) -> subprocess.CompletedProcess[str]:
    script = tmp_path / "user_script.py"
    script.write_text(SCRIPT.format(extra=extra))
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--cache-dir",
         str(tmp_path / ".mypy_cache"), "--config-file", "", str(script)],
        capture_output=True, text=True, timeout=600, check=False, cwd=tmp_path,
    )  # fmt: skip


def test_mypy_strict_knows_the_extras_and_refuses_a_misspelt_one(tmp_path: Path) -> None:
    good = _mypy(tmp_path, "extra_query")
    assert good.returncode == 0, good.stdout
    bad = _mypy(tmp_path, "extra_qurey")
    assert bad.returncode == 1, bad.stdout
    assert 'Unexpected keyword argument "extra_qurey"' in bad.stdout, bad.stdout
    assert bad.stdout.count("error:") == 1, bad.stdout
