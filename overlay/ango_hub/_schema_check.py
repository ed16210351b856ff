"""Check values against the spec's JSON Schemas; a failure names the field and what is allowed.

The spec is OpenAPI 3.1, whose schemas are JSON Schema 2020-12, so the well-kept ``jsonschema``
package checks them as written (``allOf``/``anyOf``, enums, bounds, required properties).
It is imported on the first check, not with ``ango_hub``; validators are compiled by
:mod:`ango_hub.spec_validation`, which the mock and the live check share. Values are brought
to their wire form first: a Python bool for a ``"true"``/``"false"`` text field becomes that
text, and a list or dict for a text field that carries JSON becomes JSON text.

The caller's input is checked strictly: an object whose schema lists its properties takes no
others (unless the schema says ``additionalProperties``), so a misspelt key in a body, a filter
or an option is refused, naming the closest known key, instead of being sent and ignored. The
spec itself stays open (the server is not known to refuse unknown keys); ``extra_body=`` and
``extra_query=`` send what the spec does not know yet. The mock and the live check validate
against the open schemas: only the client's own input check is strict.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from .errors import AngoHubValidationError
from .spec_validation import _OPEN, merged_properties, validator

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError  # type: ignore[import-untyped]


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


def properties(schema: Mapping[str, Any], *, alternatives: bool = False) -> dict[str, Any]:
    """An object schema's properties, ``allOf`` parts merged (and those of every ``anyOf`` and
    ``oneOf`` alternative, when ``alternatives``)."""
    return merged_properties(schema, alternatives=alternatives)


def did_you_mean(key: str, known: Iterable[str]) -> str:
    """``"; did you mean `x`?"`` for the known name closest to ``key``, or ``""``."""
    names = list(known)
    close = difflib.get_close_matches(key, names, n=1, cutoff=0.6)
    if not close:  # a case slip (externalID) or a short form (role) is closer than it says
        low = key.lower()
        close = [name for name in names if name.lower() == low]
        close += [name for name in names if len(low) > 2 and low in name.lower()]
    return f"; did you mean `{close[0]}`?" if close else ""


def unknown_key(where: str, key: str, known: Iterable[str]) -> AngoHubValidationError:
    """The error for a key that is none of ``known``: the closest one suggested, all listed."""
    names = list(known)
    return AngoHubValidationError(
        f"{where}.{key}", "unknown field" + did_you_mean(key, names), _names(names)
    )


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
    errors = list(validator(schema, strict=True).iter_errors(value))
    if errors:
        # An unknown key first (a misspelt required key is also a missing one: the typo is the
        # news), then a plain error before an alternatives one ("needs one of" is less precise).
        errors.sort(key=_rank)
        raise _explain(field, errors[0])


def _rank(error: ValidationError) -> int:
    if error.validator in _OPEN:
        # Keys known to some part, "unevaluated" only because that part failed: the part's
        # own error is the one to report.
        return 0 if _extra(error) else 3
    return 2 if error.validator in ("anyOf", "oneOf") else 1


def _extra(error: ValidationError) -> list[str]:
    """The keys of the error's object that its schema knows in none of its parts."""
    schema = error.schema if isinstance(error.schema, Mapping) else {}
    known = properties(schema, alternatives=True)
    value = error.instance
    return [key for key in value if key not in known] if isinstance(value, Mapping) else []


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
    if kind in ("additionalProperties", "unevaluatedProperties") and _extra(error):
        return unknown_key(where, _extra(error)[0], properties(schema, alternatives=True))
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
