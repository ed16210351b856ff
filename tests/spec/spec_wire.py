"""Check wire-level requests and responses against openapi.yaml with openapi-core.

Requests are plain data (method, URL, headers, body bytes) so that the same check applies to a
docs example, a request captured from the official SDK and one built by the generated client.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from email.message import Message
from email.parser import BytesParser
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import httpx
import jsonschema  # type: ignore[import-untyped]
import yaml
from openapi_core import OpenAPI
from openapi_core.datatypes import RequestParameters
from openapi_core.templating.paths.finders import APICallPathFinder
from werkzeug.datastructures import Headers, ImmutableMultiDict

SPEC_PATH = Path(__file__).resolve().parents[2] / "openapi.yaml"
HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")


@lru_cache(maxsize=1)
def spec_dict() -> dict[str, Any]:
    """openapi.yaml as a dict (shared; do not mutate)."""
    loaded = yaml.safe_load(SPEC_PATH.read_bytes())
    assert isinstance(loaded, dict)
    return loaded


@lru_cache(maxsize=1)
def openapi() -> OpenAPI:
    """The spec as openapi-core sees it, with its real server URLs."""
    return OpenAPI.from_dict(spec_dict())


def resolve(node: Any) -> Any:
    """Follow local ``$ref``s until a concrete node."""
    while isinstance(node, dict) and "$ref" in node:
        target: Any = spec_dict()
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def operations() -> dict[str, tuple[str, str, dict[str, Any]]]:
    """operationId -> (METHOD, path template, operation object)."""
    found = {}
    for template, item in spec_dict()["paths"].items():
        for method in HTTP_METHODS:
            if method in item:
                op = item[method]
                found[op["operationId"]] = (method.upper(), template, op)
    return found


@dataclass
class WireRequest:
    """A request in the shape of ``openapi_core.protocols.Request``."""

    method: str
    host_url: str
    path: str
    query: list[tuple[str, str]]
    headers: list[tuple[str, str]]
    body: bytes | None
    parameters: RequestParameters = field(init=False)

    def __post_init__(self) -> None:
        self.method = self.method.lower()
        self.parameters = RequestParameters(
            query=ImmutableMultiDict(self.query),
            header=Headers(self.headers),
            cookie=ImmutableMultiDict(),
        )

    @property
    def content_type(self) -> str:
        return dict((k.lower(), v) for k, v in self.headers).get("content-type", "").lower()


@dataclass
class WireResponse:
    """A response in the shape of ``openapi_core.protocols.Response``."""

    status_code: int
    data: bytes
    content_type: str = "application/json"
    headers: dict[str, str] = field(default_factory=dict)


def wire_request(
    method: str, url: str, headers: list[tuple[str, str]] | None = None, body: bytes | None = None
) -> WireRequest:
    """Build a request from an absolute URL; the query string is parsed as a server would."""
    parts = urlsplit(url)
    return WireRequest(
        method=method,
        host_url=f"{parts.scheme}://{parts.netloc}",
        path=parts.path,
        query=parse_qsl(parts.query, keep_blank_values=True),
        headers=list(headers or []),
        body=body,
    )


def from_httpx(request: httpx.Request) -> WireRequest:
    """The request exactly as httpx would put it on the wire."""
    return WireRequest(
        method=request.method,
        host_url=f"{request.url.scheme}://{request.url.netloc.decode()}",
        # The path as sent (percent-escapes kept), as a server's router sees it.
        path=request.url.raw_path.decode("ascii").split("?")[0],
        query=list(request.url.params.multi_items()),
        headers=list(request.headers.multi_items()),
        body=request.read() or None,
    )


def schema_errors(schema: dict[str, Any], instance: Any) -> list[str]:
    """jsonschema (2020-12) errors of ``instance`` against ``schema``, whose ``$ref``s point
    into openapi.yaml's components."""
    root = {**schema, "components": spec_dict()["components"]}
    validator = jsonschema.Draft202012Validator(root)
    return [f"{_where(e)}: {e.message}" for e in validator.iter_errors(instance)]


def multipart_fields(request: WireRequest) -> list[tuple[str, bytes]]:
    """The (name, bytes) parts of a ``multipart/form-data`` body, as a server splits them."""
    head = f"Content-Type: {request.content_type}\r\n\r\n".encode()
    message = BytesParser().parsebytes(head + (request.body or b""))
    assert message.is_multipart(), f"not a multipart body: {request.body!r}"
    fields = []
    for part in message.get_payload():
        assert isinstance(part, Message)
        name = part.get_param("name", header="content-disposition")
        payload = part.get_payload(decode=True)
        assert isinstance(name, str), part
        assert isinstance(payload, bytes), part
        fields.append((name, payload))
    return fields


def _flat_properties(schema: dict[str, Any]) -> dict[str, Any]:
    schema = resolve(schema)
    properties = {k: resolve(v) for k, v in schema.get("properties", {}).items()}
    for member in schema.get("allOf", []):
        properties.update(_flat_properties(member))
    return properties


def _multipart_errors(request: WireRequest, operation: dict[str, Any]) -> list[str]:
    """openapi-core 0.23.1 skips an ``allOf`` multipart schema whose parts are still text, so
    it checks no field of ``ChatUploadMultipart``: decode the parts and check them ourselves."""
    media = resolve(operation["requestBody"])["content"]["multipart/form-data"]
    properties = _flat_properties(media["schema"])
    instance: dict[str, Any] = {}
    errors = []
    casts = {"integer": int, "number": float}
    for name, payload in multipart_fields(request):
        prop = properties.get(name, {})
        if prop.get("format") == "binary":
            instance[name] = "<binary>"
            continue
        text = payload.decode("utf-8")
        cast = casts.get(prop.get("type", "string"))
        try:
            instance[name] = cast(text) if cast else text
        except ValueError:
            errors.append(f"body.{name}: {text!r} is not of type {prop['type']!r}")
    return errors + [f"body.{e}" for e in schema_errors(media["schema"], instance)]


def _content_schema_errors(request: WireRequest, operation: dict[str, Any]) -> list[str]:
    """openapi-core ignores ``contentSchema``: check JSON-text query parameters ourselves."""
    errors = []
    for param in map(resolve, operation.get("parameters", [])):
        schema = param.get("schema", {})
        if param["in"] != "query" or schema.get("contentMediaType") != "application/json":
            continue
        for name, value in request.query:
            if name != param["name"]:
                continue
            try:
                decoded = json.loads(value)
            except json.JSONDecodeError as exc:
                errors.append(f"query.{name}: not JSON ({exc})")
                continue
            found = schema_errors(schema["contentSchema"], decoded)
            errors += [f"query.{name}: {e}" for e in found]
    return errors


def request_errors(request: WireRequest) -> list[str]:
    """Every way ``request`` breaks the spec (empty when it conforms)."""
    result = openapi().unmarshal_request(request)
    errors = [_describe(e) for e in result.errors]
    if not errors:
        operation = _find_operation(request)
        errors += _content_schema_errors(request, operation)
        if request.content_type.startswith("multipart/form-data"):
            errors += _multipart_errors(request, operation)
    return errors


def response_errors(request: WireRequest, response: WireResponse) -> list[str]:
    """Every way ``response`` to ``request`` breaks the spec."""
    result = openapi().unmarshal_response(request, response)
    return [_describe(e) for e in result.errors]


def operation_id_of(request: WireRequest) -> str:
    """The operationId openapi-core routes ``request`` to."""
    return str(_find_operation(request)["operationId"])


def _find_operation(request: WireRequest) -> dict[str, Any]:
    finder = APICallPathFinder(openapi().spec)
    path_result = finder.find(request.method, f"{request.host_url}{request.path}")
    return dict(path_result.operation.read_value())


def _where(error: jsonschema.ValidationError) -> str:
    return ".".join(map(str, error.absolute_path)) or "<root>"


def _describe(error: Exception) -> str:
    parts = [f"{type(error).__name__}: {error}"]
    cause = error.__cause__
    while cause is not None:
        details = getattr(cause, "schema_errors", None)
        if details:
            for detail in details:
                parts.append(f"  {_where(detail)}: {detail.message}")
                # anyOf/oneOf: say which alternatives failed and why (e.g. the missing field).
                parts += [f"    {sub.message}" for sub in detail.context or []]
        else:
            parts.append(f"  caused by {type(cause).__name__}: {cause}")
        cause = cause.__cause__
    return "\n".join(parts)
