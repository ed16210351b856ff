"""Checks of the client's own options (not API fields: those are checked against the spec by
:mod:`ango_hub._schema_check`); each failure names the option and what would be accepted."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from .errors import AngoHubValidationError


def int_in_range(field: str, value: Any, low: int, high: int | None = None) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise AngoHubValidationError(field, f"must be an integer, got {value!r}")
    if value < low or (high is not None and value > high):
        allowed = f"{low}..{high}" if high is not None else f">= {low}"
        raise AngoHubValidationError(field, f"{value} is out of range", allowed)
    return value


def number_in_range(field: str, value: Any, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or math.isnan(value):
        raise AngoHubValidationError(field, f"must be a number, got {value!r}")
    if not low <= value <= high:
        raise AngoHubValidationError(field, f"{value} is out of range", f"{low:g}..{high:g}")
    return float(value)


def known_options(where: str, given: Mapping[str, Any], options: Any) -> None:
    """Refuse a keyword ``given`` that the TypedDict ``options`` does not declare (``**options``
    takes any name at run time: a misspelt one would be dropped without a word)."""
    names: frozenset[str] = options.__required_keys__ | options.__optional_keys__
    for key in given:
        if key not in names:
            from ._schema_check import did_you_mean  # noqa: PLC0415

            problem = f"unknown option of {where}" + did_you_mean(key, sorted(names))
            raise AngoHubValidationError(key, problem, ", ".join(sorted(names)))
