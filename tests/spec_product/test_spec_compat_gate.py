"""`make spec-compat` (tools/spec/spec_compat.py) in throwaway git repos: a breaking change needs
a MAJOR bump, an addition a MINOR one, CHANGELOG.md a section for info.version; nothing to
compare with passes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

# Heavy (a subprocess, a browser, a build or a fuzzer): not in `make test-fast`.
pytestmark = pytest.mark.slow

Spec = dict[str, Any]
CHANGELOG_1 = "# Changelog\n\n## 1.0.0\n\nFirst.\n"


@pytest.fixture
def spec(spec: Spec) -> Spec:
    """openapi.yaml at version 1.0.0, the version these throwaway repos start from (whatever
    version the real spec has reached)."""
    spec["info"]["version"] = "1.0.0"
    return spec


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    for args in (
        ["init", "-q", "-b", "main"],
        ["config", "user.email", "t@example.com"],
        ["config", "user.name", "t"],
    ):
        subprocess.run(["git", *args], cwd=tmp_path, check=True)
    return tmp_path


def write(repo: Path, spec: Spec | None = None, changelog: str | None = None) -> None:
    if spec is not None:
        (repo / "openapi.yaml").write_text(
            yaml.dump(spec, Dumper=yaml.CSafeDumper, sort_keys=False)
        )
    if changelog is not None:
        (repo / "CHANGELOG.md").write_text(changelog)


def commit(repo: Path, message: str) -> None:
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True)
    subprocess.run(["git", "commit", "-q", "-m", message], cwd=repo, check=True)


def compat(root: Path, repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(root / "tools/spec/spec_compat.py"), *args],
        cwd=repo,
        capture_output=True,
        text=True,
        check=False,
    )


def breaking(spec: Spec) -> None:
    del spec["paths"]["/getSignedUrl"]


def addition(spec: Spec) -> None:
    spec["paths"]["/assets/{assetId}"]["post"]["parameters"].append(
        {"name": "dryRun", "in": "query", "schema": {"type": "boolean"}}
    )


def test_no_commits_yet_checks_only_the_changelog(root: Path, repo: Path, spec: Spec) -> None:
    write(repo, spec, CHANGELOG_1)
    done = compat(root, repo)
    assert done.returncode == 0, done.stderr
    assert "nothing to compare with" in done.stdout


def test_single_commit_passes(root: Path, repo: Path, spec: Spec) -> None:
    write(repo, spec, CHANGELOG_1)
    commit(repo, "spec")
    done = compat(root, repo)
    assert done.returncode == 0, done.stderr
    assert "nothing to compare with (base none" in done.stdout


def test_base_without_spec_passes(root: Path, repo: Path, spec: Spec) -> None:
    (repo / "README.md").write_text("x\n")
    commit(repo, "readme")
    write(repo, spec, CHANGELOG_1)
    commit(repo, "spec")
    done = compat(root, repo)
    assert done.returncode == 0, done.stderr
    assert "has no openapi.yaml" in done.stdout


def test_missing_changelog_section_fails(root: Path, repo: Path, spec: Spec) -> None:
    write(repo, spec, "# Changelog\n\n## 0.9.0\n")
    done = compat(root, repo)
    assert done.returncode == 1
    assert "CHANGELOG.md has no '## 1.0.0' section" in done.stderr


@pytest.fixture
def released(repo: Path, spec: Spec) -> Path:
    """A repo whose last commit is spec 1.0.0 with its changelog, after an earlier commit."""
    (repo / "README.md").write_text("x\n")
    commit(repo, "readme")
    write(repo, spec, CHANGELOG_1)
    commit(repo, "spec 1.0.0")
    return repo


@pytest.mark.parametrize("committed", [True, False], ids=["committed", "uncommitted"])
def test_breaking_change_without_major_bump_fails(
    root: Path, released: Path, spec: Spec, committed: bool
) -> None:
    breaking(spec)
    spec["info"]["version"] = "1.1.0"
    write(released, spec, CHANGELOG_1 + "\n## 1.1.0\n\nRemoved getSignedUrl.\n")
    if committed:
        commit(released, "drop getSignedUrl")
    done = compat(root, released)
    assert done.returncode == 1
    assert "GET /getSignedUrl: operation removed" in done.stdout
    assert "breaking changes need a MAJOR bump of info.version (base 1.0.0, now 1.1.0)" in (
        done.stderr
    )


def test_breaking_change_with_major_bump_and_changelog_passes(
    root: Path, released: Path, spec: Spec
) -> None:
    breaking(spec)
    spec["info"]["version"] = "2.0.0"
    write(released, spec, CHANGELOG_1)
    commit(released, "2.0.0 without changelog")
    done = compat(root, released)
    assert done.returncode == 1
    assert "no '## 2.0.0' section" in done.stderr
    write(released, changelog="# Changelog\n\n## 2.0.0\n\nRemoved getSignedUrl.\n\n## 1.0.0\n")
    commit(released, "changelog 2.0.0")
    done = compat(root, released)
    assert done.returncode == 0, done.stderr
    assert "spec-compat: ok" in done.stdout


def test_addition_needs_a_minor_bump(root: Path, released: Path, spec: Spec) -> None:
    addition(spec)
    write(released, spec)
    commit(released, "dryRun")
    done = compat(root, released)
    assert done.returncode == 1
    assert "additions need at least a MINOR bump" in done.stderr
    spec["info"]["version"] = "1.1.0"
    write(released, spec, CHANGELOG_1 + "\n## [1.1.0]\n\nupdateAsset: dryRun.\n")
    commit(released, "1.1.0")
    done = compat(root, released, "--base", "HEAD~2")
    assert done.returncode == 0, done.stderr


def test_non_semver_version_fails(root: Path, released: Path, spec: Spec) -> None:
    spec["info"]["version"] = "v2"
    write(released, spec)
    done = compat(root, released)
    assert done.returncode == 1
    assert "info.version 'v2' is not semver" in done.stderr


def test_this_repo_passes(root: Path) -> None:
    done = subprocess.run(
        ["make", "--no-print-directory", "-s", "spec-compat"],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "spec-compat: ok" in done.stdout
