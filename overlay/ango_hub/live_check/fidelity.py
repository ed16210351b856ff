"""Fidelity probe: what the real server's answers say about the spec.

For every 2xx JSON answer the live check sees, :func:`findings` walks the answer with the
operation's response schema and reports two kinds of fact, each with a ready-to-paste
``openapi.yaml`` entry marked ``x-source: observed``:

- a field the server sent that the schema does not name (the entry adds the property, typed as
  seen);
- a field the schema requires that the server left out (the entry is the ``required`` list
  without it; a required field the server omits is a guess the spec must drop).

Only objects whose schema lists ``properties`` are compared (maps, and objects marked
``additionalProperties: true`` such as a task's answer, are the server's to shape), and only
the first two items of each list, which keeps a long listing's report short.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

_TYPES = {bool: "boolean", int: "integer", float: "number", str: "string", list: "array",
          dict: "object", type(None): "null"}  # fmt: skip


@dataclass(frozen=True)
class Finding:
    kind: str  # "unknown field" | "required field omitted"
    where: str  # the JSON path in the answer, e.g. data.tasks[].labelTaskId
    schema: str  # the schema to edit, e.g. components/schemas/Task
    paste: str  # the YAML to put under that schema

    def text(self) -> str:
        return f"{self.kind} {self.where} (in {self.schema}); paste:\n{self.paste}"


class _Walker:
    def __init__(self, spec: Mapping[str, Any]) -> None:
        self.spec = spec

    def resolve(self, schema: Mapping[str, Any], name: str) -> tuple[Mapping[str, Any], str]:
        while "$ref" in schema:
            ref = str(schema["$ref"])
            node: Any = self.spec
            for part in ref.removeprefix("#/").split("/"):
                node = node[part]
            schema, name = node, ref.removeprefix("#/")
        return schema, name

    def object_branch(
        self, schema: Mapping[str, Any], name: str
    ) -> tuple[Mapping[str, Any], str] | None:
        schema, name = self.resolve(schema, name)
        for key in ("anyOf", "oneOf"):
            for part in schema.get(key, ()):
                found = self.object_branch(part, name)
                if found is not None:
                    return found
        if "properties" in schema or "allOf" in schema:
            return schema, name
        return None

    def shape(self, schema: Mapping[str, Any]) -> tuple[dict[str, Any], set[str], bool]:
        """Properties, required names and whether other keys are expected (allOf merged)."""
        props = dict(schema.get("properties", {}))
        required = set(schema.get("required", ()))
        extra = schema.get("additionalProperties")
        open_map = isinstance(extra, Mapping) or extra is True  # a map, or free-form on purpose
        for part in schema.get("allOf", ()):
            inner, _ = self.resolve(part, "")
            more, more_required, more_open = self.shape(inner)
            props |= more
            required |= more_required
            open_map = open_map or more_open
        return props, required, open_map

    def walk(
        self, value: Any, schema: Mapping[str, Any], name: str, where: str
    ) -> Iterator[Finding]:
        if isinstance(value, list):
            resolved, name = self.resolve(schema, name)
            items = next(
                (self.resolve(b, name) for b in [resolved, *resolved.get("anyOf", ())]
                 if isinstance(b, Mapping) and "items" in self.resolve(b, name)[0]),
                None,
            )  # fmt: skip
            if items is not None:
                item_schema, item_name = self.resolve(items[0]["items"], items[1])
                for item in value[:2]:
                    yield from self.walk(item, item_schema, item_name, f"{where}[]")
            return
        if not isinstance(value, dict):
            return
        found = self.object_branch(schema, name)
        if found is None:
            return
        schema, name = found
        props, required, open_map = self.shape(schema)
        if not props or open_map:
            return
        for key in sorted(value.keys() - props.keys()):
            yield Finding(
                "unknown field",
                f"{where}.{key}",
                name,
                f"properties:\n  {key}:\n    type: {_TYPES.get(type(value[key]), 'object')}\n"
                f"    x-source: observed",
            )
        for key in sorted(required - value.keys()):
            rest = ", ".join(sorted(required - {key}))
            yield Finding(
                "required field omitted",
                f"{where}.{key}",
                name,
                f"required: [{rest}]\nx-source: observed  # the server's answer had no {key}",
            )
        for key in sorted(value.keys() & props.keys()):
            yield from self.walk(value[key], props[key], name, f"{where}.{key}")


def response_schema(spec: Mapping[str, Any], method: str, path: str, status: int) -> Any:
    """The JSON schema of ``status`` for the operation at ``path`` (a spec path), or None."""
    responses = spec["paths"][path][method.lower()].get("responses", {})
    response = responses.get(str(status))
    if response is None:
        return None
    response, _ = _Walker(spec).resolve(response, "")
    return response.get("content", {}).get("application/json", {}).get("schema")


def findings(spec: Mapping[str, Any], schema: Mapping[str, Any], answer: Any) -> list[Finding]:
    """Every field the answer has and the schema lacks, and every required one it lacks."""
    walker = _Walker(spec)
    start, name = walker.resolve(schema, "the response")
    return list(walker.walk(answer, start, name, "body"))


def observed(spec: Mapping[str, Any], operation_id: str, status: int, body: bytes) -> list[Finding]:
    """The findings for one answer of ``operation_id`` (none unless a 2xx JSON object)."""
    if not 200 <= status < 300:
        return []
    try:
        answer = json.loads(body)
    except ValueError:
        return []
    for path, item in spec.get("paths", {}).items():
        for method, operation in item.items():
            if isinstance(operation, Mapping) and operation.get("operationId") == operation_id:
                schema = response_schema(spec, method, path, status)
                return findings(spec, schema, answer) if isinstance(schema, Mapping) else []
    return []
