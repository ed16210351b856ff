"""`ango_hub._spec` finds openapi.yaml in a dev install and, packaged, inside the wheel."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from ango_hub import _spec

REPO = Path(__file__).resolve().parents[2]


def test_dev_install_reads_the_repository_spec() -> None:
    assert _spec.spec_bytes() == (REPO / "openapi.yaml").read_bytes()
    assert _spec.load_spec()["info"]["title"] == "Ango Hub API"


def test_packaged_copy_wins_when_present(tmp_path: Path) -> None:
    package = tmp_path / "site" / "ango_hub"
    package.mkdir(parents=True)
    for name in ("__init__.py", "_spec.py"):
        shutil.copy(REPO / "overlay" / "ango_hub" / name, package / name)
    (package / "openapi.yaml").write_text("openapi: 3.1.0\ninfo: {title: packaged, version: '1'}\n")
    code = "from ango_hub._spec import load_spec; print(load_spec()['info']['title'])"
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={"PYTHONPATH": str(package.parent), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    )
    assert result.stdout.strip() == "packaged"
