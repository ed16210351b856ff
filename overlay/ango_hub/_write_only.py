"""Write-only request fields (``writeOnly: true`` in the spec: storage credentials, API keys
of integrations): an exception raised while sending them must not quote them, whether the
text comes from the client's own input check or from a server echoing the body it refused."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from functools import cache
from typing import Any

from ._index import operation
from ._secrets import scrub_secrets

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


def _redact(value: Any, secrets: Sequence[str]) -> Any:
    """``value`` (text, or a parsed JSON body) with every form of each secret cut out."""
    if isinstance(value, str):
        return scrub_secrets(value, secrets, REDACTED)
    if isinstance(value, Mapping):
        return {_redact(k, secrets): _redact(v, secrets) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(_redact(v, secrets) for v in value)
    return value


def scrub_error(exc: BaseException, secrets: Sequence[str]) -> None:
    """Cut ``secrets`` out of an exception's arguments and attributes, in place, and out of
    the causes chained to it (a traceback prints them); a cause that still shows one after
    that (its text is built elsewhere) is detached."""
    if not secrets:
        return
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        _scrub_one(current, secrets)
        cause = current.__cause__ or (None if current.__suppress_context__ else current.__context__)
        if cause is not None and _shows(cause, secrets):
            _scrub_one(cause, secrets)
            if _shows(cause, secrets):
                current.__cause__ = None
                current.__suppress_context__ = True
                break
        current = cause


def _shows(exc: BaseException, secrets: Sequence[str]) -> bool:
    try:
        text = f"{exc!s} {exc!r}"
    except Exception:  # a broken __str__ shows nothing, but is not trusted
        return True
    return scrub_secrets(text, secrets, REDACTED) != text


def _scrub_one(exc: BaseException, secrets: Sequence[str]) -> None:
    try:
        exc.args = tuple(_redact(a, secrets) for a in exc.args)
        for name, value in list(vars(exc).items()):
            if value is not None and not isinstance(value, int | float | BaseException):
                setattr(exc, name, _redact(value, secrets))
    except (AttributeError, TypeError):  # a built-in exception without a __dict__
        pass
