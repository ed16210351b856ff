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
_LOCATED = re.compile(r"\b(query|path|body|response)((?:\.[\w$-]+)*)")
_REQUIRED = re.compile(r"'([\w$-]+)' is a required property")
# A cell word naming a whole part of the operation, as the difference's location says it.
_LOCATION_WORD = {"query": "parameters", "path": "parameters", "body": "body"}
# Words in "Operation / field" cells that say which kind of row it is, not which field.
_GENERIC = frozenset({"all", "response", "request", "values", "IDs"})


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
    """``"DISCREPANCIES.md #7"`` when a row records this difference, else None."""
    route = f"{method.upper()} {re.sub(r'{[^}]*}', '{}', template)}"
    wanted, where = _fields_of(detail)
    fallback = None  # a row about the whole operation, or the difference's location only
    for number, cell in _rows(path):
        names = {re.sub(r"{[^}]*}", "{}", c) for c in _CODE.findall(cell)}
        about_op = operation_id in cell or route in names or cell.startswith("all")
        if not about_op:
            continue
        fields = {n for n in names if "/" not in n and " " not in n}
        fields |= set(_WORD.findall(_CODE.sub(" ", cell))) - _GENERIC
        fields.discard(operation_id)
        if fields & wanted:
            return f"{path.name} #{number}"
        if fallback is None and ((not fields and not cell.startswith("all")) or fields & where):
            fallback = f"{path.name} #{number}"
    return fallback


def _fields_of(detail: str) -> tuple[set[str], set[str]]:
    """The field names a difference is about, and where: ``query.type`` -> {type},
    {parameters}."""
    found: set[str] = set()
    where: set[str] = set()
    for location, rest in _LOCATED.findall(detail):
        found |= set(rest.strip(".").split("."))
        where.add(_LOCATION_WORD.get(location, location))
    found |= set(_REQUIRED.findall(detail))
    if "status code" in detail:
        found.add("status")
    return found - {""}, where
