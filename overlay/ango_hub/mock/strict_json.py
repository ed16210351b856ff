"""JSON as the wire may carry it, and nothing more.

Python's ``json`` accepts ``NaN``, ``Infinity`` and ``1e999`` (read as infinity), none of which
is JSON. Stored, they make every later answer that holds them unrenderable (a 500) and exports
invalid, so the mock refuses them at the door, naming where they are. Nesting is capped too:
a value nested deeper than :data:`MAX_DEPTH` could be stored but not rendered back.
"""

from __future__ import annotations

import json
import math
from typing import Any

# MongoDB (behind the real API) refuses documents nested deeper than 100 levels.
MAX_DEPTH = 100


class JsonRefused(ValueError):
    """Text that is JSON to Python but not to the wire; ``message`` names the field."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class _NonFinite:
    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text


def _constant(text: str) -> _NonFinite:
    return _NonFinite(text)


def _number(text: str) -> float | _NonFinite:
    value = float(text)
    return value if math.isfinite(value) else _NonFinite(text)


def loads(text: str | bytes, field: str) -> Any:
    """Parse ``text`` like ``json.loads``, refusing non-finite numbers and deep nesting.

    Raises :class:`JsonRefused` (naming ``field`` and the path inside it) for those, and
    ``ValueError`` for text that is not JSON at all.
    """
    try:
        value = json.loads(text, parse_constant=_constant, parse_float=_number)
    except RecursionError as exc:
        raise JsonRefused(f"{field}: nested deeper than {MAX_DEPTH} levels") from exc
    check(value, field)
    return value


def check(value: Any, field: str) -> None:
    """Raise :class:`JsonRefused` if ``value`` holds a non-finite number or nests too deep."""
    _scalar(value, field)
    stack: list[tuple[Any, str, int]] = [(value, field, 0)]
    while stack:
        node, where, depth = stack.pop()
        if not isinstance(node, dict | list):
            continue
        if depth >= MAX_DEPTH:
            raise JsonRefused(f"{field}: nested deeper than {MAX_DEPTH} levels")
        for key, child in node.items() if isinstance(node, dict) else enumerate(node):
            if isinstance(child, dict | list):
                stack.append((child, f"{where}.{key}", depth + 1))
            elif isinstance(child, _NonFinite | float):
                _scalar(child, f"{where}.{key}")


def _scalar(value: Any, where: str) -> None:
    text = value.text if isinstance(value, _NonFinite) else value
    if isinstance(value, _NonFinite) or (isinstance(value, float) and not math.isfinite(value)):
        raise JsonRefused(f"{where}: {text} is not a JSON number; send a finite number or null")
