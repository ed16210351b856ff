"""Write-only request fields (``writeOnly: true`` in the spec: storage credentials, API keys).

The mock never stores them, and an error message about a request must not quote them either:
a schema error can echo the offending value, or the whole body.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from ango_hub._secrets import scrub_secrets

from ..spec_validation import resolve as _resolve
from .validation import _operation, _served_spec

REDACTED = "<redacted>"
MIN_SECRET_LENGTH = 4  # shorter values would redact ordinary words


def _names(spec: dict[str, Any], node: Any, seen: set[int], out: set[str]) -> None:
    if isinstance(node, dict):
        if "$ref" in node:
            node = _resolve(spec, node)
            if id(node) in seen:
                return
            seen.add(id(node))
        for name, prop in (node.get("properties") or {}).items():
            if isinstance(prop, dict) and prop.get("writeOnly"):
                out.add(name)
        for value in node.values():
            _names(spec, value, seen, out)
    elif isinstance(node, list):
        for value in node:
            _names(spec, value, seen, out)


@cache
def write_only_names(operation_id: str) -> frozenset[str]:
    """Names of the write-only properties anywhere in an operation's request body."""
    out: set[str] = set()
    body = _operation(operation_id).get("requestBody", {})
    _names(_served_spec(), body, set(), out)
    return frozenset(out)


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return [] if value is None else [str(value)]


def _secrets_in(value: Any, names: frozenset[str]) -> list[str]:
    found: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            found += _strings(item) if key in names else _secrets_in(item, names)
    elif isinstance(value, list):
        for item in value:
            found += _secrets_in(item, names)
    return found


def scrub(message: str, operation_id: str | None, body: bytes) -> str:
    """``message`` with every write-only value of the request body replaced."""
    names = write_only_names(operation_id) if operation_id else frozenset()
    if not names or not body:
        return message
    try:
        payload = json.loads(body)
    except ValueError:
        return message
    secrets = [s for s in set(_secrets_in(payload, names)) if len(s) >= MIN_SECRET_LENGTH]
    # Every form a message could quote them in: as sent, repr-, JSON- or URL-escaped, the
    # strings of a JSON document given as text, and the start a truncated quote leaves.
    return scrub_secrets(message, secrets, REDACTED)
