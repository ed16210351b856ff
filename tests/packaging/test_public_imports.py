"""The package reaches into no other library's private modules (issue 26): a private module
(``typer._click``) moves between releases, and reading it forced an upper bound on typer."""

from __future__ import annotations

import ast
from pathlib import Path

OVERLAY = Path(__file__).resolve().parents[2] / "overlay" / "ango_hub"
OURS = {"ango_hub", "ango_hub_api", "__future__"}


def private_imports(source: str) -> list[str]:
    """Modules of other packages with a private (``_``) part that ``source`` imports."""
    found = []
    for node in ast.walk(ast.parse(source)):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        for name in names:
            parts = name.split(".")
            if parts[0] not in OURS and any(p.startswith("_") for p in parts):
                found.append(name)
    return found


def test_the_rule_sees_a_private_import() -> None:
    assert private_imports("from typer._click.core import Command") == [
        "typer._click.core",
        "typer._click.core.Command",
    ]
    assert private_imports("import typer\nfrom ango_hub._core import x") == []


def test_no_module_imports_another_library_privately() -> None:
    offenders = {
        str(path.relative_to(OVERLAY)): found
        for path in sorted(OVERLAY.rglob("*.py"))
        if (found := private_imports(path.read_text(encoding="utf-8")))
    }
    assert offenders == {}
