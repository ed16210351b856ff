"""Reading command input (JSON options, JSON/NDJSON files, stdin) with errors naming the field."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ._errors import fail_usage

ITEMS_ACCEPTED = 'a JSON array of objects, {"%s": [...]}, or NDJSON (one object per line)'


def parse_json_object(text: str, field: str) -> dict[str, Any]:
    """``--metadata '{"k": 1}'`` -> dict; anything else is a usage error naming ``field``."""
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        fail_usage(field, f"not valid JSON ({exc.msg} at column {exc.colno})", "a JSON object")
    if not isinstance(value, dict):
        fail_usage(field, f"a JSON {type(value).__name__} was given", "a JSON object")
    return value


def read_text(source: str, field: str) -> str:
    """The contents of file ``source``, or of stdin for ``-``."""
    if source == "-":
        return sys.stdin.read()
    path = Path(source)
    if not path.is_file():
        fail_usage(field, f"{source}: no such file", "a readable file, or - for stdin")
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        fail_usage(field, f"{source}: cannot read ({exc})", "a readable UTF-8 text file")


def load_items(source: str, key: str, field: str) -> list[dict[str, Any]]:
    """Objects from a JSON array, ``{key: [...]}`` or NDJSON text (file path or ``-``)."""
    text = read_text(source, field)
    accepted = ITEMS_ACCEPTED % key
    stripped = text.strip()
    if not stripped:
        fail_usage(field, f"{source} is empty", accepted)
    try:
        value: Any = json.loads(stripped)
    except json.JSONDecodeError as first_error:
        value = _ndjson(stripped, source, field, accepted, first_error)
    if isinstance(value, dict):
        if key not in value:
            fail_usage(field, f"{source}: object without a {key!r} key", accepted)
        value = value[key]
    if not isinstance(value, list):
        fail_usage(field, f"{source}: a JSON {type(value).__name__} was given", accepted)
    if not value:
        fail_usage(field, f"{source}: no {key} given", f"at least one; {accepted}")
    for index, item in enumerate(value):
        if not isinstance(item, dict):
            fail_usage(
                f"{field} {key}[{index}]", f"a JSON {type(item).__name__} was given", "an object"
            )
    return value


def _ndjson(
    text: str, source: str, field: str, accepted: str, first_error: json.JSONDecodeError
) -> list[Any]:
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) < 2:
        fail_usage(field, f"{source}: not valid JSON ({first_error.msg})", accepted)
    items = []
    for number, line in enumerate(lines, start=1):
        try:
            items.append(json.loads(line))
        except json.JSONDecodeError as exc:
            fail_usage(field, f"{source} line {number}: not valid JSON ({exc.msg})", accepted)
    return items


@contextmanager
def checked_as(field: str) -> Iterator[None]:
    """The library checks a request body against the spec before sending it; a failure there
    is the input file's: exit 2 naming ``field`` (``FILE``) and the item, not ``body``."""
    from ango_hub.errors import AngoHubValidationError  # noqa: PLC0415  (loads httpx)

    try:
        yield
    except AngoHubValidationError as exc:
        if not exc.field.startswith("body."):
            raise
        where = exc.field.removeprefix("body.")
        fail_usage(f"{field} {where}", exc.problem, exc.allowed)
