"""Client-side input checks: each failure names the field and what would be accepted."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, TypeVar

from .errors import AngoHubValidationError

T = TypeVar("T")


def non_empty_str(field: str, value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise AngoHubValidationError(field, f"must be a non-empty string, got {value!r}")
    return value


def int_in_range(field: str, value: Any, low: int, high: int | None = None) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise AngoHubValidationError(field, f"must be an integer, got {value!r}")
    if value < low or (high is not None and value > high):
        allowed = f"{low}..{high}" if high is not None else f">= {low}"
        raise AngoHubValidationError(field, f"{value} is out of range", allowed)
    return value


def number_in_range(field: str, value: Any, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise AngoHubValidationError(field, f"must be a number, got {value!r}")
    if not low <= value <= high:
        raise AngoHubValidationError(field, f"{value} is out of range", f"{low:g}..{high:g}")
    return value


def choice(field: str, value: Any, allowed: Iterable[str]) -> str:
    options = tuple(allowed)
    if value not in options:
        raise AngoHubValidationError(field, f"unknown value {value!r}", ", ".join(options))
    return str(value)


def str_list(field: str, values: Any, *, allow_empty: bool = False) -> list[str]:
    if isinstance(values, str) or not isinstance(values, Iterable):
        raise AngoHubValidationError(field, "must be a list of strings")
    items = list(values)
    if not items and not allow_empty:
        raise AngoHubValidationError(field, "must not be empty")
    for index, item in enumerate(items):
        non_empty_str(f"{field}[{index}]", item)
    return items


def json_object(field: str, value: Any) -> dict[str, Any]:
    """A dict, or JSON text holding an object."""
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError as exc:
            raise AngoHubValidationError(field, f"not valid JSON ({exc})", "a JSON object") from exc
    if not isinstance(value, Mapping):
        raise AngoHubValidationError(field, f"must be an object, got {type(value).__name__}")
    return dict(value)


def models(
    field: str,
    items: Any,
    model: type[T],
    from_dict: Callable[[Mapping[str, Any]], T],
    *,
    required: tuple[str, ...] = (),
    one_of: tuple[str, ...] = (),
) -> list[T]:
    """Generated models from models or dicts; dicts are checked for the spec's required keys."""
    if isinstance(items, Mapping | str) or not isinstance(items, Iterable):
        raise AngoHubValidationError(field, f"must be a list of objects or {model.__name__}")
    result: list[T] = []
    for index, item in enumerate(items):
        where = f"{field}[{index}]"
        if isinstance(item, model):
            result.append(item)
            continue
        if not isinstance(item, Mapping):
            raise AngoHubValidationError(where, f"must be an object, got {type(item).__name__}")
        for key in required:
            if item.get(key) in (None, ""):
                raise AngoHubValidationError(f"{where}.{key}", "is required")
        if one_of and not any(item.get(key) for key in one_of):
            raise AngoHubValidationError(where, "needs one of " + " or ".join(one_of))
        try:
            result.append(from_dict(item))
        except (KeyError, TypeError, ValueError) as exc:
            raise AngoHubValidationError(where, f"does not fit {model.__name__}: {exc}") from exc
    if not result:
        raise AngoHubValidationError(field, "must not be empty")
    return result


def json_list_param(values: Sequence[str] | None) -> str | None:
    """Batch and stage lists travel as JSON array text."""
    return None if values is None else json.dumps(list(values))
