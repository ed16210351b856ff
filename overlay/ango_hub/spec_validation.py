"""Checking values against ``openapi.yaml``: the one spec-validation module.

The client's input check (:mod:`ango_hub._schema_check`), the mock server
(:mod:`ango_hub.mock.validation`) and the live check (:mod:`ango_hub.live_check.validation`)
all read the spec through these helpers and word a failure the same way, naming the field:
``body.assets: [] should be non-empty``.

* :func:`validator`: a JSON Schema 2020-12 validator (OpenAPI 3.1's dialect), compiled once
  per distinct schema and strictness and shared by every caller in the process: one cache,
  keyed by (schema, strict). ``strict=True`` is the client's own input check (:func:`closed`:
  an object that lists its properties takes no others); the mock and the live check use the
  spec's open schemas.
* :func:`compile_operations`: the fast path for operations that take only path and query
  parameters: each parameter read once from the spec, with its validator from the same cache.
  The mock and the live check accept a request there without openapi-core (which rebuilds its
  validators on every request); anything it does not accept goes to openapi-core, which words
  the error. A parameter's validator is the very object the client's check of it uses.
* :func:`resolve`, :func:`inline_refs`, :func:`merged_properties`, :func:`closed`: reading the
  spec's schemas.
* :func:`describe_schema_error`, :func:`describe_openapi_error`, :func:`schema_errors`: one
  message per failure, from jsonschema's or openapi-core's errors.
* :class:`WireRequest`, :class:`WireResponse`, :func:`spec_routes`: requests and answers in the
  shape openapi-core reads, and the spec's routes (method, path regex, operationId).

Importing it is cheap: jsonschema is imported on the first :func:`validator` call, and
openapi-core (the ``mock`` extra) only by the functions that read its objects.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError  # type: ignore[import-untyped]
    from jsonschema.protocols import Validator  # type: ignore[import-untyped]
    from openapi_core.datatypes import RequestParameters

__all__ = [
    "HTTP_METHODS",
    "CompiledOperation",
    "CompiledParam",
    "RouteInfo",
    "WireRequest",
    "WireResponse",
    "closed",
    "compile_operation",
    "compile_operations",
    "describe_openapi_error",
    "describe_schema_error",
    "inline_refs",
    "merged_properties",
    "resolve",
    "schema_errors",
    "spec_routes",
    "validator",
]

HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")

_by_id: dict[tuple[int, bool], tuple[Mapping[str, Any], Validator]] = {}
_by_content: dict[str, Validator] = {}
_BY_ID_MAX = 4096  # schemas built per call (not kept) cannot grow it without bound


def validator(schema: Mapping[str, Any], *, strict: bool = False) -> Validator:
    """The compiled Draft 2020-12 validator for ``schema`` (:func:`closed` first when
    ``strict``), built once per distinct (schema, strict).

    Looked up by the schema object first (the hot path: the client's operation index and the
    mock's compiled operations live as long as the process), then by what it checks
    (annotations such as ``description`` left out: the operation index drops them), so the
    client, the mock and the live check share one validator for the same schema; a schema
    that closing changes nothing in (a parameter's) has one validator, strict or not.
    """
    hit = _by_id.get((id(schema), strict))
    if hit is not None and hit[0] is schema:
        return hit[1]
    checked = closed(schema) if strict else schema
    key = json.dumps(_essence(checked), sort_keys=True, default=str)
    found = _by_content.get(key)
    if found is None:
        # Imported on the first check: jsonschema costs ~100 ms to import.
        from jsonschema import Draft202012Validator  # type: ignore[import-untyped]  # noqa: PLC0415

        found = _by_content[key] = Draft202012Validator(checked)
    if len(_by_id) >= _BY_ID_MAX:
        _by_id.clear()
    _by_id[(id(schema), strict)] = (schema, found)  # the schema kept: its id() stays its own
    return found


_COMPOSED = ("allOf", "anyOf", "oneOf")
_OPEN = ("additionalProperties", "unevaluatedProperties", "patternProperties")


def closed(schema: Any, *, part: bool = False) -> Any:
    """``schema`` with every object that lists its properties closed to others.

    ``unevaluatedProperties: false`` sees the properties of ``allOf``/``anyOf``/``oneOf``
    parts, so it goes on the outermost schema only, never on a part (which would refuse its
    siblings' properties)."""
    if isinstance(schema, list):
        return [closed(item) for item in schema]
    if not isinstance(schema, Mapping):
        return schema
    result: dict[str, Any] = {}
    for key, value in schema.items():
        if key in _COMPOSED:
            result[key] = [closed(item, part=True) for item in value]
        elif key in ("properties", "patternProperties", "$defs"):
            result[key] = {name: closed(sub) for name, sub in value.items()}
        elif key in ("items", "additionalProperties", "unevaluatedProperties", "contentSchema"):
            result[key] = closed(value)
        else:
            result[key] = value
    if (
        not part
        and merged_properties(schema, alternatives=True)
        and not any(k in schema for k in _OPEN)
    ):
        result["unevaluatedProperties"] = False
    return result


# Keywords that annotate and never change what a schema accepts.
_ANNOTATIONS = frozenset(
    {"description", "title", "examples", "example", "default", "deprecated", "$comment"}
)
# Keywords whose value maps names (not keywords) to schemas.
_SCHEMA_MAPS = frozenset({"properties", "patternProperties", "$defs", "dependentSchemas"})
# Keywords whose value is data, compared as written.
_DATA = frozenset({"enum", "const", "required"})


def _essence(node: Any, names: bool = False) -> Any:
    """What of a schema decides acceptance: annotations and ``x-`` extensions dropped."""
    if isinstance(node, dict):
        if names:
            return {name: _essence(sub) for name, sub in node.items()}
        return {
            k: v if k in _DATA else _essence(v, k in _SCHEMA_MAPS)
            for k, v in node.items()
            if k not in _ANNOTATIONS and not k.startswith("x-")
        }
    if isinstance(node, list):
        return [_essence(item) for item in node]
    return node


def resolve(spec: Mapping[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    """``node`` with its ``$ref`` (a local ``#/...`` pointer) followed, repeatedly."""
    while "$ref" in node:
        target: Any = spec
        for part in node["$ref"].lstrip("#/").split("/"):
            target = target[part]
        node = target
    return node


def inline_refs(spec: Mapping[str, Any], node: Any) -> Any:
    """A copy of ``node`` with every ``$ref`` replaced by what it points to."""
    if isinstance(node, dict):
        if "$ref" in node:
            return inline_refs(spec, resolve(spec, node))
        return {k: inline_refs(spec, v) for k, v in node.items()}
    if isinstance(node, list):
        return [inline_refs(spec, v) for v in node]
    return node


def merged_properties(schema: Mapping[str, Any], *, alternatives: bool = False) -> dict[str, Any]:
    """An object schema's properties, ``allOf`` parts merged (and those of every ``anyOf`` and
    ``oneOf`` alternative, when ``alternatives``)."""
    merged = dict(schema.get("properties", {}))
    for key in _COMPOSED if alternatives else ("allOf",):
        for part in schema.get(key, ()):
            merged.update(merged_properties(part, alternatives=alternatives))
    return merged


def _field_path(prefix: str, error: ValidationError) -> str:
    parts = [str(p) for p in error.absolute_path]
    return ".".join([prefix, *parts]) if parts else prefix


def describe_schema_error(prefix: str, error: ValidationError) -> str:
    """One message naming the field: ``body.assets: [] should be non-empty``."""
    from jsonschema.exceptions import best_match  # noqa: PLC0415

    if error.validator in ("anyOf", "oneOf") and error.context:
        required = [e for e in error.context if e.validator == "required"]
        if required and len(required) == len(error.context):
            names = sorted({re.findall(r"'([^']+)'", e.message)[0] for e in required})
            return f"{_field_path(prefix, error)}: one of {', '.join(names)} is required"
        error = best_match(error.context) or error
    if error.validator == "oneOf" and "valid under each of" in error.message:
        names = sorted({r for s in error.validator_value for r in s.get("required", [])})
        return f"{_field_path(prefix, error)}: give only one of {', '.join(names)}"
    return f"{_field_path(prefix, error)}: {error.message}"


def schema_errors(exc: BaseException) -> list[ValidationError]:
    """The jsonschema errors behind an openapi-core exception (through its causes)."""
    cause: BaseException | None = exc
    while cause is not None:
        errors = getattr(cause, "schema_errors", None)
        if errors:
            return list(errors)
        cause = cause.__cause__
    return []


def describe_openapi_error(exc: BaseException) -> str:  # noqa: PLR0911
    """One message naming the field for an openapi-core request error."""
    from jsonschema.exceptions import best_match  # noqa: PLC0415
    from openapi_core.validation.request.exceptions import (  # noqa: PLC0415
        InvalidRequestBody,
        MissingParameter,
        MissingRequestBody,
        MissingRequiredParameter,
        MissingRequiredRequestBody,
        ParameterValidationError,
        RequestBodyValidationError,
    )

    if isinstance(exc, MissingRequiredParameter | MissingParameter):
        return f"{exc.location}.{exc.name}: required parameter is missing"
    if isinstance(exc, ParameterValidationError):
        prefix = f"{exc.location}.{exc.name}"
        errors = schema_errors(exc)
        if errors:
            return describe_schema_error(prefix, errors[0])
        cause = exc.__cause__
        return f"{prefix}: {cause or exc}"
    if isinstance(exc, MissingRequiredRequestBody | MissingRequestBody):
        return "body: request body is required"
    if isinstance(exc, InvalidRequestBody):
        errors = schema_errors(exc)
        if errors:
            return describe_schema_error("body", best_match(errors) or errors[0])
        return f"body: {exc.__cause__ or exc}"
    if isinstance(exc, RequestBodyValidationError):
        cause = exc.__cause__
        mimetypes = getattr(cause, "availableMimetypes", None)
        if mimetypes is not None:
            given = getattr(cause, "mimetype", "")
            return f"body: content type {given!r} not accepted; use {', '.join(mimetypes)}"
        if cause is not None and hasattr(cause, "mimetype"):
            return f"body: not valid {cause.mimetype}"
        return f"body: {_safe_str(exc).removeprefix('Request body validation error: ')}"
    return _safe_str(exc)


def _safe_str(exc: BaseException) -> str:
    try:
        return str(exc)
    except Exception:  # openapi-core decodes the offending bytes as UTF-8 in __str__
        return f"malformed input ({type(exc).__name__})"


@dataclass
class WireRequest:
    """A request in the shape openapi-core reads (see ``openapi_core.protocols.Request``)."""

    method: str
    path: str
    query: list[tuple[str, str]]
    headers: Mapping[str, str]
    body: bytes | None
    content_type: str
    host_url: str = "http://127.0.0.1"
    parameters: RequestParameters = field(init=False)

    def __post_init__(self) -> None:
        from openapi_core.datatypes import RequestParameters  # noqa: PLC0415
        from werkzeug.datastructures import Headers, ImmutableMultiDict  # noqa: PLC0415

        self.method = self.method.lower()
        self.parameters = RequestParameters(
            query=ImmutableMultiDict(self.query),
            header=Headers(list(self.headers.items())),
            cookie=ImmutableMultiDict(),
        )


@dataclass
class WireResponse:
    """A response in the shape openapi-core reads."""

    status_code: int
    data: bytes
    content_type: str
    headers: Mapping[str, str]


@dataclass(frozen=True)
class RouteInfo:
    operation_id: str
    method: str
    template: str
    regex: re.Pattern[str]


def spec_routes(spec: Mapping[str, Any], base_path: str) -> tuple[RouteInfo, ...]:
    """(method, path regex, operationId) for every operation of ``spec`` served under
    ``base_path`` (the mock's own, or a checked server's)."""
    found = []
    for template, item in spec["paths"].items():
        pattern = re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(template))
        regex = re.compile(f"^{re.escape(base_path)}{pattern}$")
        for method in HTTP_METHODS:
            op = item.get(method)
            if isinstance(op, dict) and "operationId" in op:
                found.append(RouteInfo(op["operationId"], method.upper(), template, regex))
    return tuple(found)


_MISSING = object()
_CASTS: dict[str, Any] = {"integer": int, "number": float}


@dataclass(frozen=True)
class CompiledParam:
    """One path or query parameter: how to read its text and the validator that checks it."""

    name: str
    required: bool
    cast: Any  # None: the text as sent
    default: Any
    validator: Validator  # from validator(): the client's check of it uses the same

    def read(self, given: dict[str, str]) -> Any:
        """The typed value, ``_MISSING`` when absent without default; raises on bad input."""
        if self.name not in given:
            if self.required:
                raise ValueError(self.name)
            return self.default
        value = given[self.name] if self.cast is None else self.cast(given[self.name])
        if not self.validator.is_valid(value):
            raise ValueError(self.name)
        return value


@dataclass(frozen=True)
class CompiledOperation:
    """An operation's parameters, read from the spec once; :meth:`read` accepts a request
    with openapi-core's rules (first value of a repeated name, ``int()``/``float()`` casts,
    ``default`` for a missing optional) or gives ``None``: then openapi-core decides."""

    operation_id: str
    path_regex: re.Pattern[str]  # named groups, one per path parameter
    path_params: tuple[CompiledParam, ...]
    query_params: tuple[CompiledParam, ...]

    def read(
        self, path: str, query: list[tuple[str, str]]
    ) -> tuple[dict[str, Any], dict[str, Any]] | None:
        """(path values, query values) if every parameter is valid, else ``None``."""
        match = self.path_regex.match(path)
        if match is None:
            return None
        first: dict[str, str] = {}
        for name, value in query:
            first.setdefault(name, value)  # openapi-core reads the first of a repeated name
        try:
            path_values = {p.name: p.read(match.groupdict()) for p in self.path_params}
            query_values = {}
            for param in self.query_params:
                value = param.read(first)
                if value is not _MISSING:
                    query_values[param.name] = value
        except (ValueError, TypeError, OverflowError):
            return None
        return path_values, query_values


def _compile_param(spec_param: dict[str, Any], resolve: Any) -> CompiledParam | None:
    """``None`` for what the fast path does not cover (styles, arrays, objects, content)."""
    if "content" in spec_param or spec_param.get("style") not in (None, "form", "simple"):
        return None
    schema = resolve(spec_param.get("schema", {}))
    kind = schema.get("type")
    if kind not in ("string", "integer", "number") or spec_param.get("allowEmptyValue"):
        return None
    if "format" in schema:
        return None  # openapi-core asserts formats; the shared validators do not
    return CompiledParam(
        name=spec_param["name"],
        required=bool(spec_param.get("required", False)),
        cast=_CASTS.get(kind),
        default=schema.get("default", _MISSING),
        validator=validator(schema),
    )


def compile_operation(
    operation_id: str, api_prefix: str, template: str, parameters: list[Any], resolve: Any
) -> CompiledOperation | None:
    """The fast path for one operation, or ``None`` if any parameter is out of its reach."""
    compiled: dict[str, list[CompiledParam]] = {"path": [], "query": []}
    for raw in parameters:
        param = resolve(raw)
        where = param.get("in")
        if not str(param.get("name", "")).isidentifier():
            return None  # the path regex names its groups after parameters
        if where not in compiled:
            return None  # header / cookie parameters: openapi-core only
        found = _compile_param(param, resolve)
        if found is None:
            return None
        compiled[where].append(found)
    pattern = re.sub(r"\\\{([^}]+)\\\}", r"(?P<\1>[^/]+)", re.escape(template))
    return CompiledOperation(
        operation_id=operation_id,
        path_regex=re.compile(f"^{api_prefix}{pattern}$"),
        path_params=tuple(compiled["path"]),
        query_params=tuple(compiled["query"]),
    )


def compile_operations(spec: Mapping[str, Any], base_path: str) -> dict[str, CompiledOperation]:
    """operationId -> fast path, for every operation of ``spec`` without a request body whose
    parameters the fast path covers, served under ``base_path``."""
    found = {}
    for template, item in spec["paths"].items():
        for method in HTTP_METHODS:
            op = item.get(method)
            if not isinstance(op, dict) or "operationId" not in op or "requestBody" in op:
                continue
            params = [*item.get("parameters", []), *op.get("parameters", [])]
            compiled = compile_operation(
                op["operationId"],
                re.escape(base_path),
                template,
                params,
                lambda node: resolve(spec, node),
            )
            if compiled is not None:
                found[op["operationId"]] = compiled
    return found
