"""docs/ADDING-AN-OPERATION.md stays right: every file, fixture, module, class method and
command it names in backticks exists, so a rename that forgets the guide fails here."""

from __future__ import annotations

import importlib
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
GUIDE = REPO / "docs" / "ADDING-AN-OPERATION.md"
FILE_ENDINGS = (".py", ".md", ".json", ".yaml", ".ts", ".cjs", ".mjs", ".toml", ".d.ts", "/")
PLACEHOLDER = re.compile(r"<[^>]+>")


def _named() -> list[str]:
    """Backticked names of the guide's prose (code blocks left out: they are examples)."""
    prose = re.sub(r"^```.*?^```", "", GUIDE.read_text(encoding="utf-8"), flags=re.S | re.M)
    return re.findall(r"`([^`\n]+)`", prose)


def _files() -> list[str]:
    return sorted(
        {
            name
            for name in _named()
            if "/" in name and " " not in name and name.endswith(FILE_ENDINGS)
        }
    )


def _fixtures() -> list[str]:
    prose = GUIDE.read_text(encoding="utf-8")
    runs = re.findall(r"fixtures? ((?:`\w+`(?:,? (?:and |or )?)?)+)", prose)
    return sorted({name for run in runs for name in re.findall(r"`(\w+)`", run)})


def _defined_fixtures() -> set[str]:
    sources = [*(REPO / "tests").rglob("*.py"), REPO / "overlay" / "ango_hub" / "testing.py"]
    declared = re.compile(r"@pytest\.fixture[^\n]*\n(?:@[^\n]*\n)*def (\w+)")
    return {name for path in sources for name in declared.findall(path.read_text())}


def _make_targets() -> set[str]:
    sources = [REPO / "Makefile", *(REPO / "mk").glob("*.mk")]
    return {
        target
        for path in sources
        for target in re.findall(r"^([\w.-]+)\s*:(?!=)", path.read_text(), re.M)
    }


def test_the_guide_names_files_fixtures_modules_and_commands() -> None:
    # The test has teeth only while the guide keeps naming things in each kind.
    assert len(_files()) >= 30
    assert {"client_kind", "hub", "mock"} <= set(_fixtures())
    assert any(name.startswith("make ") for name in _named())


@pytest.mark.parametrize("name", _files())
def test_every_file_it_names_exists(name: str) -> None:
    pattern = PLACEHOLDER.sub("*", name.rstrip("/"))
    assert list(REPO.glob(pattern)), f"docs/ADDING-AN-OPERATION.md names {name}: not found"


def test_every_fixture_it_names_is_defined() -> None:
    missing = set(_fixtures()) - _defined_fixtures()
    assert not missing, f"fixtures named by the guide but defined nowhere: {sorted(missing)}"


def test_every_module_and_method_it_names_imports() -> None:
    for name in _named():
        dotted = name.removesuffix("()")
        if re.fullmatch(r"(ango_hub|tests|tools)(\.\w+)+", dotted):
            parts = dotted.split(".")
            for cut in range(len(parts), 0, -1):  # the longest importable prefix, then getattr
                try:
                    found: object = importlib.import_module(".".join(parts[:cut]))
                except ModuleNotFoundError:
                    continue
                for attribute in parts[cut:]:
                    found = getattr(found, attribute)
                break
            else:
                pytest.fail(f"the guide names {name}: not importable")
        elif re.fullmatch(r"Async\w+\.\w+", name):
            owner, method = name.split(".")
            module = importlib.import_module(
                {
                    "AsyncAssets": "ango_hub._async.assets",
                    "AsyncProjects": "ango_hub._async.projects",
                }[owner]
            )
            assert callable(getattr(getattr(module, owner), method)), name


def test_every_command_it_names_exists() -> None:
    targets = _make_targets()
    commands = {name for name in _named() if name.startswith(("make ", "ango-hub "))}
    for command in sorted(commands):
        words = command.split()
        if words[0] == "make":
            assert words[1] in targets, f"the guide names `{command}`: no such make target"
        else:
            sub = [w for w in words[1:] if not w.startswith("-")][:1]
            done = subprocess.run(
                [str(Path(sys.executable).with_name("ango-hub")), *sub, "--help"],
                capture_output=True,
                text=True,
                check=False,
            )
            assert done.returncode == 0, f"the guide names `{command}`: {done.stderr[-500:]}"
