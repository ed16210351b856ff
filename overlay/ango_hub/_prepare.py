"""Turn an operationId, its parameters and body into a checked request, all from the spec.

Nothing here knows a particular operation: names, locations, enums, bounds, required fields
and body content types come from the operation index (:mod:`ango_hub._index`). Bad input is
refused before anything is sent, with an error naming the field and what is allowed.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any
from urllib.parse import quote, unquote

from . import _schema_check as schema_check
from ._index import Operation, operation
from ._options import RawRequest
from ._validate import known_options
from .errors import AngoHubValidationError

JSON = "application/json"
FORM = "application/x-www-form-urlencoded"
MULTIPART = "multipart/form-data"


@dataclass
class Prepared:
    """A request ready to build: ``content`` holds httpx's ``json``/``data``/``files``."""

    operation: Operation
    path: str
    params: dict[str, Any]
    content: dict[str, Any]
    opened: list[IO[bytes]] = field(default_factory=list)  # files to close once sent
    headers: dict[str, str] = field(default_factory=dict)  # the caller's extra_headers

    def rewind(self) -> None:
        """Put file parts back at their start before a retry sends them again."""
        for _name, part in self.content.get("files", ()):
            if hasattr(part[1], "seek"):
                part[1].seek(0)

    def close(self) -> None:
        for handle in self.opened:
            handle.close()


def prepare(
    operation_id: str,
    params: Mapping[str, Any] | None = None,
    *,
    body: Any = None,
    files: Mapping[str, Any] | None = None,
    extra: Extras | None = None,
    scoped: Extras | None = None,
) -> Prepared:
    """Check the input against the spec and lay out the request; ``extra`` (given to the call)
    and ``scoped`` (given to the resource method or ``with_options``: see
    :meth:`Extras.add_to`) are added after the check, unchecked (what the spec does not know
    yet)."""
    op = operation(operation_id)
    values = _parameters(op, params or {})
    path = op.path
    query: dict[str, Any] = {}
    for param in op.parameters:
        if param.name not in values:
            continue
        if param.location == "path":
            path = path.replace("{" + param.name + "}", quote(str(values[param.name]), safe=""))
        elif param.location == "query":
            query[param.name] = values[param.name]
    prepared = Prepared(op, path, query, {})
    try:
        prepared.content = _content(op, body, files, prepared.opened)
    except BaseException:
        prepared.close()
        raise
    try:
        if scoped is not None:
            scoped.add_to(prepared, scoped=True)
        if extra is not None:
            extra.add_to(prepared)
    except BaseException:
        prepared.close()
        raise
    return prepared


@dataclass(frozen=True)
class Extras:
    """``extra_body``, ``extra_query`` and ``extra_headers``: sent as given, not checked
    against the spec (the escape hatch for a field the spec does not know yet). A key given
    here replaces the checked one of the same name."""

    body: Mapping[str, Any] | None = None
    query: Mapping[str, Any] | None = None
    headers: Mapping[str, str] | None = None

    def add_to(self, prepared: Prepared, *, scoped: bool = False) -> None:
        """Add to ``prepared``. ``scoped``: given to a resource method (or ``with_options``),
        so sent with each API request it makes, the body only to those that have one (a read
        the method makes on the way gets no body)."""
        if any(name.lower() == "apikey" for name in self.headers or {}):
            raise AngoHubValidationError("extra_headers.apikey", "the client sends its own key")
        prepared.params.update(self.query or {})
        prepared.headers.update(self.headers or {})
        if not self.body:
            return
        content = prepared.content
        if scoped and not prepared.operation.takes_body:
            return
        if "json" in content and isinstance(content["json"], Mapping):
            content["json"] = {**content["json"], **self.body}
        elif "data" in content:
            content["data"] = {
                **content["data"],
                **{k: _form_text(v) for k, v in self.body.items()},
            }
        elif not content:
            content["json"] = dict(self.body)
        else:
            raise AngoHubValidationError("extra_body", "the body is not an object to add to")

    def merged(self, later: Extras) -> Extras:
        """These extras with ``later``'s added; a key given in both is ``later``'s."""
        return Extras(
            _merge(self.body, later.body),
            _merge(self.query, later.query),
            _merge(self.headers, later.headers),
        )


def _merge(first: Mapping[str, Any] | None, later: Mapping[str, Any] | None) -> dict[str, Any]:
    return {**(first or {}), **(later or {})}


_SAFE_METHODS = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"})


def prepare_raw(
    method: str, path: str, parts: RawRequest, scoped: Extras | None = None
) -> Prepared:
    """A request the spec does not describe (``hub.request``): sent as given, nothing checked
    but that ``path`` stays under the API's base URL. ``scoped``: the client's extras
    (``with_options``), their query and headers added (the body is the caller's own)."""
    known_options("request", parts, RawRequest)
    params, json, data = parts.get("params"), parts.get("json"), parts.get("data")
    files = parts.get("files")
    if not path.startswith("/") or path.startswith("//") or "://" in path:
        raise AngoHubValidationError("path", f"must start with one /, got {path!r}", "/projects")
    method = method.upper()
    op = Operation(
        operation_id=f"{method} {path}",
        method=method,
        path=path,
        summary="",
        tag="",
        parameters=(),
        body_required=False,
        body_schemas={},
        success=(),
        idempotent=method in _SAFE_METHODS,
    )
    query = {name: value for name, value in (params or {}).items() if value is not None}
    prepared = Prepared(op, path, query, {})
    if json is not None:
        prepared.content["json"] = json
    if data is not None or files:
        prepared.content["data"] = {k: _form_text(v) for k, v in (data or {}).items()}
    try:
        if files:
            prepared.content["files"] = [
                _file_part(k, v, prepared.opened) for k, v in files.items()
            ]
        if scoped is not None:
            Extras(query=scoped.query, headers=scoped.headers).add_to(prepared)
        Extras(headers=parts.get("headers")).add_to(prepared)
    except BaseException:
        prepared.close()
        raise
    return prepared


def _parameters(op: Operation, given: Mapping[str, Any]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for key, value in given.items():
        param = op.parameter(key)
        if param is None or param.location not in ("path", "query"):
            names = [p.name for p in op.parameters]
            problem = f"unknown parameter of {op.operation_id}" + schema_check.did_you_mean(
                key, names
            )
            raise AngoHubValidationError(key, problem, ", ".join(names) or "none")
        if value is None:  # left out, like an omitted keyword argument
            continue
        wire = schema_check.to_wire(param.name, value, param.schema)
        schema_check.check(param.name, wire, param.schema)
        if param.location == "path":
            _check_segment(param.name, wire)
        values[param.name] = wire
    for param in op.parameters:
        if param.required and param.name not in values:
            raise AngoHubValidationError(param.name, f"is required by {op.operation_id}")
    return values


def _check_segment(name: str, value: Any) -> None:
    """A path parameter must not be empty or a dot segment (``.``, ``..``, or one
    percent-encoded, at any depth of encoding): an empty segment makes another URL, and URL
    normalisation, or a server decoding it, would drop a dot segment or climb a level; either
    sends the request to another operation. Structural, so the spec states no bound for it."""
    text = str(value)
    if not text:
        raise AngoHubValidationError(
            name, "is empty: the request would reach another path", "a non-empty ID or name"
        )
    for _ in range(8):  # each round undoes one level of percent-encoding
        if text in (".", ".."):
            raise AngoHubValidationError(
                name,
                f"{value!r} is a dot segment: the request would reach another path",
                "an ID or name that is not '.' or '..' (percent-encoded or not)",
            )
        decoded = unquote(text)
        if decoded == text:
            return
        text = decoded


def _content(
    op: Operation, body: Any, files: Mapping[str, Any] | None, opened: list[IO[bytes]]
) -> dict[str, Any]:
    if body is None and not files:
        if op.body_required:
            raise AngoHubValidationError("body", "is required", ", ".join(op.body_schemas))
        return {}
    if not op.takes_body:
        raise AngoHubValidationError("body", f"{op.operation_id} takes no request body")
    if files:
        media = MULTIPART
    elif JSON in op.body_schemas:
        media = JSON
    else:
        media = FORM if FORM in op.body_schemas else next(iter(op.body_schemas))
    schema = op.body_schemas.get(media)
    if schema is None:
        raise AngoHubValidationError("files", f"{op.operation_id} takes no files")
    wire = schema_check.to_wire("body", {} if body is None else body, schema)
    # File parts are body properties too (binary strings): a required `file` is satisfied.
    parts = {name: "" for name in files or {}}
    schema_check.check(
        "body", {**wire, **parts} if parts and isinstance(wire, Mapping) else wire, schema
    )
    if media == JSON:
        return {"json": wire}
    if not isinstance(wire, Mapping):
        raise AngoHubValidationError("body", "must be an object of form fields")
    fields = {k: _form_text(v) for k, v in wire.items() if v is not None}
    if media == FORM:
        return {"data": fields}
    return {"data": fields, "files": [_file_part(k, v, opened) for k, v in (files or {}).items()]}


def _form_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _file_part(name: str, value: Any, opened: list[IO[bytes]]) -> tuple[str, Any]:
    """A multipart file part from a path, bytes, a binary file or (filename, content, type)."""
    if isinstance(value, tuple):
        return name, value
    if isinstance(value, str | Path):
        path = Path(value)
        if not path.is_file():
            raise AngoHubValidationError(f"files.{name}", f"no such file: {path}")
        handle = path.open("rb")
        opened.append(handle)
        mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return name, (path.name, handle, mime)
    return name, (name, value, "application/octet-stream")
