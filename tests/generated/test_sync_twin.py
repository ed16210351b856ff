"""The committed sync client is what unasync produces from the async source today.

``overlay/ango_hub/_sync`` is produced from ``overlay/ango_hub/_async`` by
``tools/generate/sync_twin.py`` (``make generate``); an edit to the async side that was not
followed by ``make generate`` fails here (and in ``make check-generated``).
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
COMMITTED = ROOT / "overlay" / "ango_hub" / "_sync"


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts
    }


def test_committed_sync_twin_is_fresh(tmp_path: Path) -> None:
    out = tmp_path / "_sync"
    subprocess.run(
        [sys.executable, "tools/generate/sync_twin.py", "overlay/ango_hub/_async", str(out)],
        cwd=ROOT,
        check=True,
    )
    produced, committed = _tree(out), _tree(COMMITTED)
    assert sorted(produced) == sorted(committed), "run `make generate`"
    stale = [name for name in produced if produced[name] != committed[name]]
    assert stale == [], f"stale: {stale}; run `make generate`"


def test_the_sync_twin_has_no_async_left() -> None:
    awaiting = (ast.AsyncFunctionDef, ast.Await, ast.AsyncFor, ast.AsyncWith)
    for path in COMMITTED.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            assert not isinstance(node, awaiting), f"{path}:{node.lineno}"
            if isinstance(node, ast.Import | ast.ImportFrom):
                names = [a.name for a in node.names] + [getattr(node, "module", None) or ""]
                assert not any("asyncio" in n or "_async" in n for n in names), path
