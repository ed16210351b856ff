"""Check values against the spec's JSON Schemas; a failure names the field and what is allowed.

The spec is OpenAPI 3.1, whose schemas are JSON Schema 2020-12, so the well-kept ``jsonschema``
package checks them as written (``allOf``/``anyOf``, enums, bounds, required properties).
It is imported on the first check, not with ``ango_hub``; each validator is compiled once and
shared with the mock and the live check (:mod:`ango_hub.spec_validation`). Values are brought
to their wire form first: a Python bool for a ``"true"``/``"false"`` text field becomes that
text, and a list or dict for a text field that carries JSON becomes JSON text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from .errors import AngoHubValidationError
from .spec_validation import merged_properties, validator

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError  # type: ignore[import-untyped]


properties = merged_properties  # the CLI reads an object schema's fields through this name
_validator = validator


def types(schema: Mapping[str, Any]) -> set[str]:
    """The JSON types a schema admits, looking through ``oneOf``/``anyOf``/``allOf``."""
    declared = schema.get("type")
    found = {declared} if isinstance(declared, str) else set(declared or ())
    if "enum" in schema:
        found |= {_json_type(v) for v in schema["enum"]}
    for key in ("oneOf", "anyOf", "allOf"):
        for part in schema.get(key, ()):
            found |= types(part)
    return found


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, str):
        return "string"
    if isinstance(value, int | float):
        return "number"
    return "array" if isinstance(value, list) else "object"


def to_wire(field: str, value: Any, schema: Mapping[str, Any]) -> Any:
    """``value`` as the spec's schema wants it on the wire (see the module docstring)."""
    if hasattr(value, "to_dict"):  # a generated model
        value = value.to_dict()
    allowed = types(schema)
    if isinstance(value, bool) and "boolean" not in allowed and "string" in allowed:
        return "true" if value else "false"
    if schema.get("contentMediaType") == "application/json":
        return _json_text(field, value, schema.get("contentSchema"))
    if isinstance(value, Mapping):
        props = properties(schema)
        value = {k: to_wire(f"{field}.{k}", v, props.get(k, {})) for k, v in value.items()}
    elif isinstance(value, Iterable) and not isinstance(value, str | bytes):
        items = schema.get("items", {})
        value = [to_wire(f"{field}[{i}]", v, items) for i, v in enumerate(value)]
    else:
        return value
    # An object or array where the spec wants text: the API's convention is JSON text.
    return json.dumps(value) if allowed == {"string"} else value


def _json_text(field: str, value: Any, content_schema: Mapping[str, Any] | None) -> str:
    """A parameter holding a JSON document: check it parses and fits its ``contentSchema``."""
    if isinstance(value, str):
        try:
            document = json.loads(value)
        except ValueError as exc:
            raise AngoHubValidationError(field, f"not valid JSON ({exc})", "JSON text") from exc
    else:
        document = value
    if content_schema:
        # The index's own schema object: the validator cache finds it by its id() first.
        check(field, document, content_schema)
    return value if isinstance(value, str) else json.dumps(document)


def check(field: str, value: Any, schema: Mapping[str, Any]) -> None:
    """Raise :class:`AngoHubValidationError` unless ``value`` fits ``schema``."""
    errors = list(_validator(schema).iter_errors(value))
    if errors:
        # Report a plain error before an alternatives one ("needs one of" is less precise).
        errors.sort(key=lambda e: e.validator in ("anyOf", "oneOf"))
        raise _explain(field, errors[0])


_ONE_FIELD_BRANCH = {"required", "type", "properties", "x-source"}
# A pattern that lists spellings, `^(Admin|admin|...)$`: the spec's enum where values differ
# only in case (generators cannot name such enum members apart).
_SPELLINGS = re.compile(r"\^\(([A-Za-z0-9_-]+(?:\|[A-Za-z0-9_-]+)*)\)\$")


def _where(field: str, error: ValidationError) -> str:
    steps = error.absolute_path
    return field + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in steps)


def _names(values: Iterable[Any]) -> str:
    return ", ".join(str(v) for v in values)


def _explain(field: str, error: ValidationError) -> AngoHubValidationError:  # noqa: PLR0911
    where, kind, rule, value = (
        _where(field, error),
        error.validator,
        error.validator_value,
        error.instance,
    )
    schema: Mapping[str, Any] = error.schema if isinstance(error.schema, Mapping) else {}
    if kind == "enum":
        return AngoHubValidationError(where, f"unknown value {value!r}", _names(rule))
    if kind == "pattern" and (spellings := _SPELLINGS.fullmatch(str(rule))):
        return AngoHubValidationError(
            where, f"unknown value {value!r}", spellings[1].replace("|", ", ")
        )
    if kind in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        low, high = schema.get("minimum"), schema.get("maximum")
        bounds = f"{low}..{high}" if low is not None and high is not None else None
        allowed = bounds or (f">= {low}" if low is not None else f"<= {high}")
        return AngoHubValidationError(where, f"{value} is out of range", allowed)
    if kind == "required":
        missing = [name for name in rule if name not in value]
        return AngoHubValidationError(f"{where}.{missing[0]}" if missing else where, "is required")
    if kind == "type":
        wanted = rule if isinstance(rule, str) else " or ".join(rule)
        return AngoHubValidationError(where, f"must be {wanted}, got {_json_type(value)}")
    if kind in ("minItems", "minLength", "minProperties") and rule == 1:
        return AngoHubValidationError(
            where, "must not be empty", _names(properties(schema)) or None
        )
    if kind == "additionalProperties":
        known = properties(schema)
        extra = [k for k in value if k not in known]
        return AngoHubValidationError(f"{where}.{extra[0]}", "unknown field", _names(known))
    if kind in ("anyOf", "oneOf"):
        needs = [alt.get("required") for alt in rule]
        # Branches that each only require one named field (their `type`/`properties` just name
        # it, so that other generators carry the rule) read as "needs one of A or B".
        if all(
            isinstance(n, list) and len(n) == 1 and set(alt) <= _ONE_FIELD_BRANCH
            for n, alt in zip(needs, rule, strict=True)
        ):
            return AngoHubValidationError(where, "needs one of " + " or ".join(n[0] for n in needs))
        if error.context:
            from jsonschema.exceptions import best_match  # noqa: PLC0415

            return _explain(field, best_match(error.context))
    return AngoHubValidationError(where, error.message)
