"""Resources reach their client through this small base, which also reads answers into models:
an answer of the wrong shape is an :class:`~ango_hub.errors.UnexpectedResponseError`, never a
``KeyError`` or ``TypeError`` from deep inside a generated model."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

import httpx

from ango_hub._index import operation
from ango_hub._tolerant import put_back, response_schema, split
from ango_hub.errors import UnexpectedResponseError

if TYPE_CHECKING:
    from .client import AsyncAngoHub

M = TypeVar("M")
# What a generated model's from_dict raises on a body of the wrong shape.
_SHAPE_ERRORS = (KeyError, TypeError, ValueError, AttributeError, IndexError, OverflowError)


class AsyncResource:
    def __init__(self, hub: AsyncAngoHub) -> None:
        self._hub = hub

    def _unexpected(self, operation_id: str, problem: str) -> UnexpectedResponseError:
        op = operation(operation_id)
        return UnexpectedResponseError(
            f"{operation_id}: {problem}", method=op.method, url=self._hub.base_url + op.path
        )

    def _parse(self, read: Callable[[Any], M], answer: Any, operation_id: str) -> M:
        """``read(answer)`` (a generated model's ``from_dict``), tolerantly: values the model
        cannot read (an unknown enum value, a field of another type) are set aside into
        ``additional_properties`` and the rest is read (``ango_hub._tolerant``); an answer
        that still does not fit is an :class:`UnexpectedResponseError` naming what is missing."""
        try:
            return read(answer)
        except _SHAPE_ERRORS as exc:
            first = exc
        schema = response_schema(operation_id)
        if schema is not None and isinstance(answer, dict):
            kept, taken = split(answer, schema)
            try:
                parsed = read(kept)
            except _SHAPE_ERRORS as exc:
                first = exc
            else:
                put_back(parsed, taken)
                return parsed
        if isinstance(first, KeyError):
            problem = f"the answer has no {first.args[0]!r}"
        else:
            problem = f"the answer does not have the spec's shape ({type(first).__name__}: {first})"
        raise self._unexpected(operation_id, problem) from first

    def _need(self, value: M | None, operation_id: str, name: str) -> M:
        """A field the method cannot do without: the answer's schema leaves it optional (no
        source requires it), so its absence is a typed error naming it, not a ``None``."""
        if value is None:
            raise self._unexpected(operation_id, f"the answer has no {name}")
        return value

    def _field(self, value: Any, kind: type[M], operation_id: str, name: str) -> M:
        """``value`` when it is a ``kind`` (a bool is not an int here), else a typed error."""
        if isinstance(value, kind) and not (kind is int and isinstance(value, bool)):
            return value
        if value is None:
            raise self._unexpected(operation_id, f"the answer has no {name}")
        problem = f"{name} must be {kind.__name__}, got {type(value).__name__}"
        raise self._unexpected(operation_id, problem)

    def _url(self, value: Any, operation_id: str, name: str) -> str:
        """An http(s) URL from the answer (signed URLs the client then sends requests to)."""
        text = self._field(value, str, operation_id, name)
        try:
            scheme = httpx.URL(text).scheme
        except (httpx.InvalidURL, ValueError, TypeError) as exc:
            raise self._unexpected(operation_id, f"{name} is not a URL ({exc})") from exc
        if scheme not in ("http", "https"):
            raise self._unexpected(operation_id, f"{name} is not an http(s) URL")
        return text


def present(fields: Mapping[str, Any]) -> dict[str, Any]:
    """The fields the caller gave: ``None`` means left out, as for a keyword argument."""
    return {name: value for name, value in fields.items() if value is not None}


def plain(value: Any) -> Any:
    """A builder (``to_dict``) or an official SDK object (``toDict``) as its dict; a mapping
    as a dict; anything else as it is (the spec check then names what is wrong)."""
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if hasattr(value, "toDict"):
        return value.toDict()
    return dict(value) if isinstance(value, Mapping) else value
