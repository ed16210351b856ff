"""Fast path for operations that take only path and query parameters (no request body).

openapi-core rebuilds its schema validators and re-resolves the spec on every request: about
2 ms of CPU for ``getUploadUrl`` and more for the 16-parameter export operations, most of the
mock's cost in a bulk upload. Here each operation's parameters are read from the same spec once,
with one compiled validator per parameter (openapi-schema-validator's ``OAS31Validator``, the
validator openapi-core itself uses), and a request is checked with openapi-core's own rules:
first value of a repeated name, ``int()``/``float()`` casts, ``default`` for a missing optional.

Only acceptance is decided here. A request with anything wrong gets ``None``, and openapi-core
then checks it again and words the error, so messages stay exactly openapi-core's. With
``ANGO_HUB_MOCK_CROSSCHECK=1`` (the test suite sets it) every request goes both ways and any
disagreement is an error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from openapi_schema_validator import OAS31Validator, oas31_format_checker

_MISSING = object()
_CASTS: dict[str, Any] = {"integer": int, "number": float}


@dataclass(frozen=True)
class CompiledParam:
    name: str
    required: bool
    cast: Any  # None: the text as sent
    default: Any
    validator: Any  # OAS31Validator, built once

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
    return CompiledParam(
        name=spec_param["name"],
        required=bool(spec_param.get("required", False)),
        cast=_CASTS.get(kind),
        default=schema.get("default", _MISSING),
        validator=OAS31Validator(schema, format_checker=oas31_format_checker),
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
