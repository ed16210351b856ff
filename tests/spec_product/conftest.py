"""Fixtures for the spec-as-a-product tests: the repo, the spec, and one `make bundle` run."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.support.once import built_once

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture
def spec() -> dict[str, Any]:
    """A fresh copy of openapi.yaml, parsed (anchors expanded), for a test to mutate."""
    return yaml.load((ROOT / "openapi.yaml").read_text(), Loader=yaml.CSafeLoader)


@pytest.fixture(scope="session")
def operations() -> dict[str, dict[str, Any]]:
    """operationId -> operation, every one of openapi.yaml."""
    doc = yaml.load((ROOT / "openapi.yaml").read_text(), Loader=yaml.CSafeLoader)
    return {
        op["operationId"]: op
        for item in doc["paths"].values()
        for method, op in item.items()
        if method in {"get", "post", "put", "delete", "patch"}
    }


def _make_bundle(dist: Path) -> None:
    subprocess.run(
        ["make", "--no-print-directory", "bundle", f"DIST={dist}"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )


@pytest.fixture(scope="session")
def bundle_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`make bundle` run once per test run (not once per xdist worker) into a temporary DIST,
    as a user would run it. Read-only for the tests."""
    return built_once(tmp_path_factory, "bundle", _make_bundle)
