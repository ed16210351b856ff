"""The distribution is one hatchling wheel holding both packages and the spec."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

# Heavy (a subprocess, a browser, a build or a fuzzer): not in `make test-fast`.
pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]


def test_wheel_holds_both_packages_typed(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in (
        "ango_hub/__init__.py",
        "ango_hub/py.typed",
        "ango_hub_api/__init__.py",
        "ango_hub_api/py.typed",
        "ango_hub_api/client.py",
        "ango_hub_api/operations.json",
        "ango_hub/openapi.yaml",
    ):
        assert required in names, required
    assert not any(n.startswith(("tests/", "generated/", "overlay/")) for n in names)


def test_wheel_ships_the_spec_byte_for_byte(wheel: Path) -> None:
    shipped = zipfile.ZipFile(wheel).read("ango_hub/openapi.yaml")
    assert shipped == (REPO / "openapi.yaml").read_bytes()


def test_wheel_metadata_names_and_console_script(wheel: Path) -> None:
    archive = zipfile.ZipFile(wheel)
    (meta,) = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
    metadata = archive.read(meta).decode()
    assert "Name: ango-hub-client" in metadata
    (eps,) = [n for n in archive.namelist() if n.endswith(".dist-info/entry_points.txt")]
    entry_points = archive.read(eps).decode()
    assert "ango-hub = ango_hub.cli:main" in entry_points


def test_unpacked_wheel_imports_without_the_repo(wheel: Path, tmp_path: Path) -> None:
    zipfile.ZipFile(wheel).extractall(tmp_path)
    code = (
        "import ango_hub, ango_hub_api, pathlib, sys;"
        "root = pathlib.Path(sys.argv[1]);"
        "assert pathlib.Path(ango_hub.__file__).is_relative_to(root), ango_hub.__file__;"
        "assert pathlib.Path(ango_hub_api.__file__).is_relative_to(root), ango_hub_api.__file__;"
        "from ango_hub_api.client import AuthenticatedClient;"
        "assert ango_hub.operations()['listAssets'].method == 'GET'"
    )
    subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)],
        check=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
