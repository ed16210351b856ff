"""Parsing of the API's JSON-in-text parameters, with errors that name the field."""

from __future__ import annotations

from typing import Any

from . import strict_json
from .validation import RequestInvalid


def json_text(field: str, text: str) -> Any:
    try:
        return strict_json.loads(text, field)
    except strict_json.JsonRefused as exc:
        raise RequestInvalid(exc.message) from exc
    except ValueError as exc:
        raise RequestInvalid(f"{field}: not valid JSON ({exc})") from exc


def string_list(field: str, text: str | list[Any] | None, lenient: bool = False) -> list[str]:
    """A JSON array of strings, or a comma-separated list (anything not starting with ``[``).

    Lenient on purpose: the reference pages show comma lists, the SDK sends JSON arrays. A
    parameter the spec declares as JSON content (``taskTypes``) arrives already decoded.
    ``lenient`` (query filters, typed as plain strings in the spec): text that is not a JSON
    array of strings is read as a comma list too, whose names then match nothing.
    """
    if text is None or text == "":
        return []
    if isinstance(text, list):
        return [str(item) for item in text]
    stripped = text.strip()
    commas = [part.strip() for part in stripped.split(",") if part.strip()]
    if not stripped.startswith(("[", "{")):
        return commas
    if lenient:
        try:
            value = strict_json.loads(text, field)
        except ValueError:
            return commas
        ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
        return value if ok else commas
    value = json_text(field, text)  # `{` cannot start a batch name: JSON, and the wrong kind
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RequestInvalid(
            f"{field}: must be a JSON array of strings or a comma-separated list, "
            f"not {_json_kind(value)}"
        )
    return value


def _json_kind(value: Any) -> str:
    if isinstance(value, dict):
        return "a JSON object"
    if isinstance(value, list):
        return "an array holding non-strings"
    return "a JSON " + type(value).__name__


def json_object(field: str, text: str | None, bare_key: str) -> dict[str, Any] | None:
    """A JSON object; text that is no JSON object is read as ``{bare_key: text}`` (e.g.
    ``random``): the spec types these form fields as free text."""
    if text is None or text == "":
        return None
    try:
        value = strict_json.loads(text, field)
    except strict_json.JsonRefused as exc:
        raise RequestInvalid(exc.message) from exc
    except ValueError:
        return {bare_key: text}
    return value if isinstance(value, dict) else {bare_key: text}
