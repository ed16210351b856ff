"""No code of ours edits ``sys.path`` (issue 23): helpers are imported as packages
(``tests.support``, ``tools.other_languages``), with the repository root on the path from
pyproject's ``pythonpath``. The one exception is product behaviour, named here."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCANNED = ("overlay/ango_hub", "tests", "tools", "bench", "demo")
# `ango-hub plugin run module:Class` imports the user's module from the folder they run it in,
# as `python -m` does.
ALLOWED = {"overlay/ango_hub/cli/plugin_cmd.py"}


def sys_path_edits(source: str) -> list[int]:
    """Lines that change ``sys.path`` (a method call on it, or an assignment to it)."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        target = None
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            target = node.func.value
        elif isinstance(node, (ast.Assign, ast.AugAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            target = next(
                (t for t in targets if isinstance(t, (ast.Attribute, ast.Subscript))), None
            )
            if isinstance(target, ast.Subscript):
                target = target.value
        if ast.unparse(target) == "sys.path" if target is not None else False:
            lines.append(node.lineno)
    return lines


def test_the_rule_sees_each_kind_of_edit() -> None:
    assert sys_path_edits("import sys\nsys.path.insert(0, 'x')") == [2]
    assert sys_path_edits("import sys\nsys.path.append('x')") == [2]
    assert sys_path_edits("import sys\nsys.path[:0] = ['x']") == [2]
    assert sys_path_edits("import sys\nsys.path += ['x']") == [2]
    assert sys_path_edits("import sys\nprint(sys.path)\nx = list(sys.path)") == []


def test_no_module_edits_sys_path() -> None:
    offenders = {}
    for folder in SCANNED:
        for path in sorted((ROOT / folder).rglob("*.py")):
            name = str(path.relative_to(ROOT))
            if "_sync" in path.parts or name in ALLOWED:
                continue
            found = sys_path_edits(path.read_text(encoding="utf-8"))
            if found:
                offenders[name] = found
    assert offenders == {}
