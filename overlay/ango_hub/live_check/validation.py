"""Check recorded requests and responses against a copy of ``openapi.yaml`` with openapi-core.

The spec is a parameter (a path), so a test can hand in an edited copy and see exactly that
difference reported. Error wording is the mock's (:mod:`ango_hub.mock.validation`), so the
live check and the mock name a field at fault the same way.
"""

from __future__ import annotations

import copy
import json
from email.parser import BytesParser
from email.policy import HTTP
from pathlib import Path
from typing import Any

import httpx
import yaml
from jsonschema.exceptions import best_match  # type: ignore[import-untyped]
from openapi_core import OpenAPI

from .._spec import load_spec
from ..spec_validation import (
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

# The API key is the server's to judge; a multipart body is checked by _multipart_errors.
_SKIPPED_ERRORS: tuple[str, ...] = ("Security",)
_BODY_ABSENT = ("MissingRequiredRequestBody", "MissingRequestBody")


class SpecChecker:
    """openapi-core over one spec file, serving its paths under the checked server's base path."""

    def __init__(self, spec: dict[str, Any], base_path: str) -> None:
        self.spec: dict[str, Any] = copy.deepcopy(spec)
        self.base_path = base_path.rstrip("/")
        self.spec["servers"] = [{"url": self.base_path or "/"}]
        self._openapi = OpenAPI.from_dict(self.spec)
        self.routes = spec_routes(self.spec, self.base_path)
        self._compiled = compile_operations(self.spec, self.base_path)

    @property
    def operation_ids(self) -> list[str]:
        """Every operationId in the spec, in spec order."""
        return [route.operation_id for route in self.routes]

    def operation_for(self, method: str, path: str) -> str | None:
        for route in self.routes:
            if route.method == method.upper() and route.regex.match(path):
                return route.operation_id
        return None

    def route(self, operation_id: str) -> RouteInfo:
        for route in self.routes:
            if route.operation_id == operation_id:
                return route
        raise KeyError(operation_id)

    def operation(self, operation_id: str) -> dict[str, Any]:
        route = self.route(operation_id)
        operation: dict[str, Any] = self.spec["paths"][route.template][route.method.lower()]
        return operation

    def request_errors(self, request: httpx.Request, body: bytes) -> list[str]:
        """Spec violations of ``request`` as sent (the API key check excepted)."""
        wire = _wire_request(request, body)
        compiled = self._compiled.get(self.operation_for(wire.method, wire.path) or "")
        if (
            compiled is not None
            and not body
            and all(value for _, value in wire.query)  # the fast path's rules skip empty values
            and compiled.read(wire.path, wire.query) is not None
        ):
            return self._json_param_errors(wire)  # the shared fast path accepts it as it is
        if wire.content_type.startswith("multipart/form-data"):
            # openapi-core 0.23 drops multipart fields; check the parts ourselves.
            problems: list[str] | None = self._multipart_errors(wire)
            wire = WireRequest(wire.method, wire.path, wire.query, wire.headers, None, "")
        else:
            problems = None
        result = self._openapi.unmarshal_request(wire)
        skipped = _SKIPPED_ERRORS + (_BODY_ABSENT if problems is not None else ())
        found = [_describe(e) for e in result.errors if not type(e).__name__.startswith(skipped)]
        return found + (problems or []) + self._json_param_errors(wire)

    def response_errors(
        self, request: httpx.Request, body: bytes, response: httpx.Response
    ) -> list[str]:
        """Spec violations of ``response`` (status code, content type, body)."""
        wire = _wire_request(request, body)
        if wire.content_type.split(";")[0] in ("multipart/form-data",):
            wire = WireRequest(wire.method, wire.path, wire.query, wire.headers, None, "")
        answer = WireResponse(
            status_code=response.status_code,
            data=response.content,
            content_type=response.headers.get("content-type", ""),
            headers=dict(response.headers),
        )
        result = self._openapi.unmarshal_response(wire, answer)
        return [_describe_response(response.status_code, e) for e in result.errors]

    def _json_param_errors(self, wire: WireRequest) -> list[str]:
        """Query parameters declared as JSON text with a ``contentSchema`` (``filters``)."""
        operation_id = self.operation_for(wire.method, wire.path)
        if operation_id is None:
            return []
        given = dict(wire.query)
        found = []
        for param in self.operation(operation_id).get("parameters", []):
            resolved = _resolve(self.spec, param)
            schema = resolved.get("schema", {})
            name = resolved.get("name", "")
            if "contentSchema" not in schema or not given.get(name):
                continue
            try:
                value = json.loads(given[name])
            except ValueError as exc:
                found.append(f"query.{name}: not valid JSON ({exc})")
                continue
            content = _inline_refs(self.spec, schema["contentSchema"])
            error = best_match(validator(content).iter_errors(value))
            if error is not None:
                found.append(describe_schema_error(f"query.{name}", error))
        return found

    def _multipart_errors(self, wire: WireRequest) -> list[str]:
        operation_id = self.operation_for(wire.method, wire.path)
        if operation_id is None:
            return []
        content = self.operation(operation_id).get("requestBody", {}).get("content", {})
        if "multipart/form-data" not in content:
            return ["body: content type 'multipart/form-data' not accepted"]
        schema = _inline_refs(self.spec, content["multipart/form-data"].get("schema", {}))
        props = _merged_properties(schema)
        values: dict[str, Any] = {}
        for name, text, is_file in _multipart_fields(wire.content_type, wire.body or b""):
            declared = props.get(name, {})
            if is_file:
                if declared.get("format") != "binary":
                    return [f"body.{name}: a file is not accepted here"]
                values[name] = ""
                continue
            kind = declared.get("type")
            try:
                values[name] = (
                    int(text) if kind == "integer" else float(text) if kind == "number" else text
                )
            except ValueError:
                return [f"body.{name}: {text!r} is not of type {kind!r}"]
        error = best_match(validator(schema).iter_errors(values))
        return [] if error is None else [describe_schema_error("body", error)]


def load_spec_file(path: Path | None) -> dict[str, Any]:
    """The spec at ``path``, or the one this package was built from."""
    if path is None:
        return load_spec()
    loaded = yaml.safe_load(path.read_bytes())
    if not isinstance(loaded, dict) or "paths" not in loaded:
        raise ValueError(f"--spec: {path} is not an OpenAPI document")
    return loaded


def _wire_request(request: httpx.Request, body: bytes) -> WireRequest:
    url = request.url
    return WireRequest(
        method=request.method,
        path=url.path,
        query=list(url.params.multi_items()),
        headers=dict(request.headers),
        body=body or None,
        content_type=request.headers.get("content-type", ""),
        host_url=f"{url.scheme}://{url.netloc.decode()}",
    )


def _multipart_fields(content_type: str, body: bytes) -> list[tuple[str, str, bool]]:
    """(name, text, is_file) for each part of a multipart body."""
    head = f"Content-Type: {content_type}\r\n\r\n".encode()
    message = BytesParser(policy=HTTP).parsebytes(head + body)
    fields = []
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if not isinstance(name, str):
            continue
        is_file = part.get_filename() is not None
        payload = part.get_payload(decode=True)
        text = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else ""
        fields.append((name, text, is_file))
    return fields


def _describe_response(status: int, exc: BaseException) -> str:
    errors = _schema_errors(exc)
    if errors:
        return f"{status} " + describe_schema_error("response", best_match(errors) or errors[0])
    name = type(exc).__name__
    if name == "ResponseNotFound":
        return f"{status}: status code not declared by the spec for this operation"
    if name == "MediaTypeNotFound":
        return f"{status}: content type not declared by the spec ({exc})"
    return f"{status} response: {_describe(exc)}"
