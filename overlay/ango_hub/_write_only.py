"""Write-only request fields (``writeOnly: true`` in the spec: storage credentials, API keys
of integrations): an exception raised while sending them must not quote them, whether the
text comes from the client's own input check or from a server echoing the body it refused."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from functools import cache
from typing import Any

from ._index import operation
from .errors import AngoHubError

REDACTED = "<redacted>"
MIN_SECRET_LENGTH = 4  # shorter values would redact ordinary words


def _names_in(schema: Any) -> Iterator[str]:
    if isinstance(schema, Mapping):
        for name, prop in (schema.get("properties") or {}).items():
            if isinstance(prop, Mapping) and prop.get("writeOnly"):
                yield name
        for value in schema.values():
            yield from _names_in(value)
    elif isinstance(schema, list):
        for value in schema:
            yield from _names_in(value)


@cache
def write_only_names(operation_id: str) -> frozenset[str]:
    """Names of the write-only properties anywhere in an operation's request body."""
    return frozenset(_names_in(operation(operation_id).body_schemas))


def _texts(value: Any) -> Iterator[str]:
    if isinstance(value, Mapping):
        for item in value.values():
            yield from _texts(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _texts(item)
    elif value is not None:
        yield str(value)


def _found(value: Any, names: frozenset[str]) -> Iterator[str]:
    if isinstance(value, Mapping):
        for key, item in value.items():
            yield from _texts(item) if key in names else _found(item, names)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _found(item, names)


def secrets_in(operation_id: str, body: Any) -> list[str]:
    """The write-only values of ``body`` (a dict or a generated model), longest first."""
    names = write_only_names(operation_id)
    if not names or body is None:
        return []
    if hasattr(body, "to_dict"):
        body = body.to_dict()
    found = {t for t in _found(body, names) if len(t) >= MIN_SECRET_LENGTH}
    return sorted(found, key=len, reverse=True)


def _redact(text: str, secrets: Sequence[str]) -> str:
    for secret in secrets:
        # As given, and as a Python repr quotes it (escaped quotes, newlines, ...).
        text = text.replace(secret, REDACTED).replace(repr(secret)[1:-1], REDACTED)
    return text


def scrub_error(exc: AngoHubError, secrets: Sequence[str]) -> None:
    """Cut ``secrets`` out of an exception's arguments and attributes, in place."""
    if not secrets:
        return
    exc.args = tuple(_redact(a, secrets) if isinstance(a, str) else a for a in exc.args)
    for name, value in vars(exc).items():
        if isinstance(value, str):
            setattr(exc, name, _redact(value, secrets))
        elif value is not None and not isinstance(value, int | float):
            text = json.dumps(value, default=str)
            if _redact(text, secrets) != text:
                setattr(exc, name, json.loads(_redact(text, secrets)))
