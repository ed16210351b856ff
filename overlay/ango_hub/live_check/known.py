"""Is a difference already recorded in ``docs/DISCREPANCIES.md``?

For now this reads the Markdown table: a row matches when its "Operation / field" cell names
the operation (by operationId or ``METHOD /path``, or ``all``) and shares a field name with the
difference. Kept to one function so that a machine-readable record can replace it.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

_ROW = re.compile(r"^\|\s*(\d+)\s*\|([^|]*)\|")
_CODE = re.compile(r"`([^`]+)`")
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


@cache
def _rows(path: Path) -> tuple[tuple[str, str], ...]:
    """(row number, "Operation / field" cell) of each table row."""
    if not path.is_file():
        return ()
    found = []
    for line in path.read_text(encoding="utf-8").splitlines():
        match = _ROW.match(line)
        if match:
            found.append((match.group(1), match.group(2).strip()))
    return tuple(found)


def known_discrepancy(
    path: Path, operation_id: str, method: str, template: str, detail: str
) -> str | None:
    """``"docs/DISCREPANCIES.md #7"`` when a row records this difference, else None."""
    route = f"{method.upper()} {re.sub(r'{[^}]*}', '{}', template)}"
    detail_words = {w for w in _WORD.findall(detail)}
    if "status code" in detail:
        detail_words.add("status")
    for number, cell in _rows(path):
        names = {re.sub(r"{[^}]*}", "{}", c) for c in _CODE.findall(cell)}
        about_op = operation_id in cell or route in names or cell.startswith("all")
        fields = set(_WORD.findall(_CODE.sub(" ", cell))) | {
            n for n in names if "/" not in n and " " not in n
        }
        fields -= {"all", operation_id}
        if about_op and fields & detail_words:
            return f"{path.name} #{number}"
    return None
