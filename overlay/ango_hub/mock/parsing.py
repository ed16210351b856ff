"""Parsing of the API's JSON-in-text parameters, with errors that name the field."""

from __future__ import annotations

import json
from typing import Any

from .validation import RequestInvalid


def json_text(field: str, text: str) -> Any:
    try:
        return json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise RequestInvalid(f"{field}: not valid JSON ({exc})") from exc


def string_list(field: str, text: str | None, allow_comma_list: bool = False) -> list[str]:
    """A JSON array of strings (or, if allowed, a comma-separated list); ``None`` is empty."""
    if text is None or text == "":
        return []
    stripped = text.strip()
    if allow_comma_list and not stripped.startswith("["):
        return [part.strip() for part in stripped.split(",") if part.strip()]
    value = json_text(field, text)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        hint = " or a comma-separated list" if allow_comma_list else ""
        raise RequestInvalid(f"{field}: must be a JSON array of strings{hint}")
    return value


def json_object(field: str, text: str | None) -> dict[str, Any] | None:
    if text is None:
        return None
    value = json_text(field, text)
    if not isinstance(value, dict):
        raise RequestInvalid(f"{field}: must be a JSON object")
    return value
