"""Request (and response) validation against ``openapi.yaml`` with openapi-core.

The mock does not restate the API: routes are matched and inputs checked by the spec. Errors
are turned into one ``message`` that names the field at fault, e.g. ``query.limit: 500 is
greater than the maximum of 100``.
"""

from __future__ import annotations

import copy
import logging
import os
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from jsonschema.exceptions import best_match  # type: ignore[import-untyped]
from openapi_core import Config, OpenAPI
from openapi_core.templating.paths.exceptions import OperationNotFound, PathNotFound
from openapi_core.validation.request.exceptions import (
    MissingRequestBody,
    MissingRequiredRequestBody,
)

from .._spec import load_spec
from ..spec_validation import (
    HTTP_METHODS,
    CompiledOperation,
    RouteInfo,
    WireRequest,
    WireResponse,
    compile_operations,
    describe_schema_error,
    spec_routes,
    validator,
)
from ..spec_validation import describe_openapi_error as _describe
from ..spec_validation import inline_refs as _inline_refs
from ..spec_validation import merged_properties as _merged_properties
from ..spec_validation import resolve as _resolve
from ..spec_validation import schema_errors as _schema_errors
from . import strict_json

API_PREFIX = "/v2"
CROSSCHECK_ENV = "ANGO_HUB_MOCK_CROSSCHECK"
_log = logging.getLogger("ango_hub.mock")


class RequestInvalid(Exception):
    """The request breaks the spec; ``message`` names the field."""

    def __init__(self, message: str, status: int = 400, allow: list[str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.allow = allow or []


@dataclass
class Validated:
    operation_id: str
    path: dict[str, Any]
    query: dict[str, Any]
    body: Any


@lru_cache(maxsize=1)
def _served_spec() -> dict[str, Any]:
    spec = copy.deepcopy(load_spec())
    # The spec lists the vendor's hosts; the mock serves the same paths under its own root.
    spec["servers"] = [{"url": API_PREFIX}]
    return spec


@lru_cache(maxsize=1)
def openapi() -> OpenAPI:
    """The spec as an openapi-core object (built once per process). openapi-core would first
    validate the spec itself (about 3 s, on the first request of every mock); `make lint-spec`
    and tests/spec do that once, so the mock does not."""
    return OpenAPI.from_dict(_served_spec(), config=Config(spec_validator_cls=None))


@lru_cache(maxsize=1)
def routes() -> tuple[RouteInfo, ...]:
    """(method, path regex, operationId) for every operation in the spec."""
    return spec_routes(_served_spec(), API_PREFIX)


def _matching(path: str) -> list[RouteInfo]:
    """The routes of the most specific templates matching ``path``: as OpenAPI says, a
    concrete path (``/task/assign``) wins over a templated one (``/task/{taskId}``)."""
    found = [route for route in routes() if route.regex.match(path)]
    if not found:
        return []
    fewest = min(route.template.count("{") for route in found)
    return [route for route in found if route.template.count("{") == fewest]


def operation_for(method: str, path: str) -> str | None:
    """The operationId the spec gives ``method path``, if any."""
    upper = method.upper()
    return next((r.operation_id for r in _matching(path) if r.method == upper), None)


def allowed_methods(path: str) -> list[str]:
    return sorted({r.method for r in _matching(path)})


@cache
def _json_content_params(operation_id: str) -> dict[str, Any]:
    """Validators (built once) for query parameters the spec declares as JSON text with a
    ``contentSchema``."""
    spec = _served_spec()
    out = {}
    for param in _operation(operation_id).get("parameters", []):
        resolved = _resolve(spec, param)
        schema = resolved.get("schema", {})
        if schema.get("contentMediaType") == "application/json" and "contentSchema" in schema:
            content_schema = _inline_refs(spec, _resolve(spec, schema["contentSchema"]))
            out[resolved["name"]] = validator(content_schema)
    return out


@cache
def _non_empty_query_params(operation_id: str) -> frozenset[str]:
    """Query parameters whose schema refuses an empty string (not a string type, ``minLength``,
    an enum, a pattern), so that ``?status=`` or ``?limit=`` is the client's error rather than
    "not given"."""
    if not operation_id:
        return frozenset()
    spec = _served_spec()
    template, method = _operation_location(operation_id)
    item = spec["paths"][template]
    params = [*item.get("parameters", []), *item[method].get("parameters", [])]
    names = set()
    for param in params:
        resolved = _resolve(spec, param)
        schema = _resolve(spec, resolved.get("schema", {}))
        if resolved.get("in") == "query" and _refuses_empty(spec, schema):
            names.add(resolved["name"])
    return frozenset(names)


@cache
def _required_query_params(operation_id: str) -> frozenset[str]:
    """Required query parameters: given empty (``?name=``), they hold the empty string their
    schema allows (openapi-core drops an empty value; the mock puts it back)."""
    if not operation_id:
        return frozenset()
    spec = _served_spec()
    template, method = _operation_location(operation_id)
    item = spec["paths"][template]
    params = [
        _resolve(spec, p)
        for p in (*item.get("parameters", []), *item[method].get("parameters", []))
    ]
    return frozenset(p["name"] for p in params if p.get("in") == "query" and p.get("required"))


def _with_empty_required(validated: Validated, empty: set[str]) -> Validated:
    for name in empty:
        validated.query.setdefault(name, "")
    return validated


def _refuses_empty(spec: dict[str, Any], schema: dict[str, Any]) -> bool:
    branches = schema.get("anyOf") or schema.get("oneOf")
    if branches:
        return all(_refuses_empty(spec, _resolve(spec, branch)) for branch in branches)
    types = schema.get("type", "string")
    if "string" not in (types if isinstance(types, list) else [types]):
        return True  # a number or boolean: "" is not one
    if schema.get("minLength", 0) >= 1:
        return True
    if "enum" in schema:
        return "" not in schema["enum"]
    pattern = schema.get("pattern")
    return pattern is not None and re.search(pattern, "") is None


def _operation_location(operation_id: str) -> tuple[str, str]:
    for template, item in _served_spec()["paths"].items():
        for method in HTTP_METHODS:
            op = item.get(method)
            if isinstance(op, dict) and op.get("operationId") == operation_id:
                return template, method
    raise KeyError(operation_id)


def is_json(content_type: str) -> bool:
    media = content_type.split(";", 1)[0].strip().lower()
    return media == "application/json" or media.endswith("+json")


def _refuse_non_json_values(body: bytes) -> None:
    """NaN, Infinity and over-deep nesting pass Python's JSON reader but cannot be stored."""
    try:
        strict_json.loads(body, "body")
    except strict_json.JsonRefused as exc:
        raise RequestInvalid(exc.message) from exc
    except ValueError:
        pass  # not JSON at all: openapi-core words that error


FORM_TYPES = ("multipart/form-data", "application/x-www-form-urlencoded")


def is_form(content_type: str) -> bool:
    return content_type.split(";", 1)[0].strip().lower() in FORM_TYPES


@lru_cache(maxsize=1)
def compiled_operations() -> dict[str, CompiledOperation]:
    """operationId -> fast path, for operations with only path/query parameters and no body."""
    return compile_operations(_served_spec(), API_PREFIX)


class CrosscheckMismatch(AssertionError):
    """The fast path and openapi-core disagree about a request (test builds only)."""


def validate_request(request: WireRequest) -> Validated:
    """Unmarshal ``request`` against the spec or raise :class:`RequestInvalid`.

    Parameter-only operations take the compiled fast path (``compile_operations``); anything
    it does not accept, and every operation with a body, goes to openapi-core.
    """
    if request.body and is_json(request.content_type):
        _refuse_non_json_values(request.body)
    operation_id = operation_for(request.method, request.path)
    # An empty query value (`?externalId=`) means "not given", as in most web frameworks,
    # unless the spec demands a non-empty string there: then it is the client's error.
    non_empty = _non_empty_query_params(operation_id or "")
    required = _required_query_params(operation_id or "")
    keep = non_empty | required
    given = [(name, value) for name, value in request.query if value != "" or name in keep]
    empty_required = {name for name, value in request.query if value == "" and name in required}
    compiled = compiled_operations().get(operation_id or "")
    fast = None if compiled is None else compiled.read(request.path, given)
    if os.environ.get(CROSSCHECK_ENV) and compiled is not None:
        validated = _crosschecked(request, given, fast, empty_required)
    elif fast is not None and operation_id is not None:
        validated = Validated(operation_id, fast[0], fast[1], None)
    else:
        validated = _with_empty_required(
            _validate_with_openapi_core(request, given, frozenset(empty_required)), empty_required
        )
    for name, checker in _json_content_params(validated.operation_id).items():
        if name in validated.query:
            validated.query[name] = _parse_json_param(name, validated.query[name], checker)
    return validated


def _crosschecked(
    request: WireRequest,
    given: list[tuple[str, str]],
    fast: tuple[dict[str, Any], dict[str, Any]] | None,
    empty_required: set[str],
) -> Validated:
    try:
        slow: Validated | RequestInvalid = _with_empty_required(
            _validate_with_openapi_core(request, given, frozenset(empty_required)), empty_required
        )
    except RequestInvalid as exc:
        slow = exc
    slow_view = None if isinstance(slow, RequestInvalid) else (slow.path, slow.query)
    if fast != slow_view:
        _log.error("validation crosscheck: fast %r, openapi-core %r", fast, slow)
        raise CrosscheckMismatch(f"{request.method.upper()} {request.path}")
    if isinstance(slow, RequestInvalid):
        raise slow
    return slow


def _validate_with_openapi_core(
    request: WireRequest, given: list[tuple[str, str]], empty_required: frozenset[str] = frozenset()
) -> Validated:
    """The reference path: openapi-core checks and words every error. ``empty_required``:
    required query parameters given empty, which openapi-core refuses ("cannot be empty", the
    `allowEmptyValue` rule) while their schema allows the empty string (the mock keeps it)."""
    form = is_form(request.content_type)
    if form or len(given) != len(request.query):
        body = None if is_form(request.content_type) else request.body
        content_type = "" if is_form(request.content_type) else request.content_type
        request = WireRequest(
            request.method,
            request.path,
            given,
            request.headers,
            body,
            content_type,
            request.host_url,
        )
    try:
        result = openapi().unmarshal_request(request)
    except Exception as exc:  # malformed input can trip the parsers themselves
        raise RequestInvalid(f"body: malformed request ({type(exc).__name__})") from exc
    operation_id = operation_for(request.method, request.path)
    for error in result.errors:
        if isinstance(error, PathNotFound):
            raise RequestInvalid(f"path: {request.path} is not an API path", status=404)
        if isinstance(error, OperationNotFound):
            raise RequestInvalid(
                f"method: {request.method.upper()} is not allowed on {request.path}",
                status=405,
                allow=allowed_methods(request.path),
            )
    # Security is checked by the mock's own auth layer (401 before 400), not here.
    problems = [
        e
        for e in result.errors
        if not type(e).__name__.startswith("Security")
        and not (
            type(e).__name__ == "ParameterValidationError"
            and getattr(e, "name", None) in empty_required
        )
    ]
    if form:  # the form body was taken out above; validate_form checks it and its required parts
        problems = [
            e
            for e in problems
            if not isinstance(e, MissingRequiredRequestBody | MissingRequestBody)
        ]
    if problems:
        raise RequestInvalid(_describe(problems[0]))
    if operation_id is None:  # pragma: no cover - openapi-core found the operation above
        raise RequestInvalid(f"path: {request.path} is not an API path", status=404)
    params = result.parameters
    return Validated(operation_id, dict(params.path), dict(params.query), result.body)


class Unreadable(str):
    """A JSON-text query parameter the mock cannot read as its ``contentSchema``'s kind of
    value (not JSON, or JSON of another type): kept as text, and a filter made of it selects
    nothing. The spec types these parameters as strings; `contentMediaType` only annotates
    them, so a request carrying other text is schema-valid (docs/MOCK.md)."""


def _parse_json_param(name: str, text: str, validator: Any) -> Any:
    try:
        value = strict_json.loads(text, f"query.{name}")
    except strict_json.JsonRefused as exc:
        raise RequestInvalid(exc.message) from exc
    except ValueError:
        return Unreadable(text)
    if not _json_kind_matches(value, validator.schema):
        return Unreadable(text)
    error = best_match(validator.iter_errors(value))
    if error is not None:  # the right kind of value, against what the contentSchema states
        raise RequestInvalid(describe_schema_error(f"query.{name}", error))
    return value


def _json_kind_matches(value: Any, schema: dict[str, Any]) -> bool:
    kind = schema.get("type")
    if kind == "object":
        return isinstance(value, dict)
    if kind == "array":
        return isinstance(value, list)
    return True


def response_errors(request: WireRequest, response: WireResponse) -> list[str]:
    """Spec violations of ``response`` to ``request`` (empty when it conforms)."""
    result = openapi().unmarshal_response(request, response)
    return [_describe_response(e) for e in result.errors]


def _describe_response(exc: BaseException) -> str:
    errors = _schema_errors(exc)
    if errors:
        return describe_schema_error("response", errors[0])
    return f"{type(exc).__name__}: {exc} ({exc.__cause__})"


def _operation(operation_id: str) -> dict[str, Any]:
    template, method = _operation_location(operation_id)
    op: dict[str, Any] = _served_spec()["paths"][template][method]
    return op


@cache
def _form_schema(operation_id: str, media: str) -> dict[str, Any]:
    """The operation's body schema for a form media type, ``$ref``s inlined (built once)."""
    content = _operation(operation_id)["requestBody"]["content"]
    schema: dict[str, Any] = _inline_refs(_served_spec(), content[media].get("schema", {}))
    return schema


def validate_form(
    operation_id: str, content_type: str, fields: list[tuple[str, str]], files: list[str]
) -> dict[str, Any]:
    """Check a parsed form body against the spec's schema for its media type.

    Text fields are cast to the property's declared type (forms carry only text); file parts
    are checked for presence only. Returns the typed fields.
    """
    media = content_type.split(";", 1)[0].strip().lower()
    content = _operation(operation_id).get("requestBody", {}).get("content", {})
    if media not in content:
        raise RequestInvalid(
            f"body: content type {media!r} not accepted; use one of {', '.join(content)}"
        )
    schema = _form_schema(operation_id, media)
    props = _merged_properties(schema)
    values: dict[str, Any] = {}
    for name, text in fields:
        if props.get(name, {}).get("format") == "binary":
            # Without `filename=` in its Content-Disposition a part is a text field, not a file.
            raise RequestInvalid(
                f"body.{name}: must be a file part (Content-Disposition with filename=)"
            )
        kind = props.get(name, {}).get("type")
        try:
            if kind == "integer":
                values[name] = int(text)
            elif kind == "number":
                values[name] = float(text)
                strict_json.check(values[name], f"body.{name}")
            else:
                values[name] = text
        except strict_json.JsonRefused as exc:
            raise RequestInvalid(exc.message) from exc
        except ValueError as exc:
            raise RequestInvalid(f"body.{name}: {text!r} is not of type {kind!r}") from exc
    for name in files:
        if props.get(name, {}).get("format") != "binary":
            raise RequestInvalid(f"body.{name}: a file is not accepted here")
        values[name] = ""  # binary placeholder: the schema types it as a string
    error = best_match(validator(schema).iter_errors(values))
    if error is not None:
        raise RequestInvalid(describe_schema_error("body", error))
    return {k: v for k, v in values.items() if k not in files}
