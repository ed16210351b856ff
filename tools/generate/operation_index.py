"""Write the operation index (``operations.json``) that ``make generate`` puts in ``ango_hub_api``.

One entry per operationId, taken from ``openapi.yaml`` with every ``$ref`` inlined: method,
path, summary, tag, parameters (name, location, required, schema), request body schemas by
content type, success statuses, and whether the operation is safe to repeat. The client reads
it at run time (``ango_hub._index``) to build and validate any operation's request, so the
overlay never restates a parameter name, enum or bound, and ``import ango_hub`` never pays for
YAML parsing. Output is sorted and stable: the same spec always gives the same bytes.

Safe to repeat: GET, HEAD, PUT, DELETE and OPTIONS (idempotent by HTTP's definition), and any
other operation the spec marks ``x-idempotent: true`` (a POST that sets state).

Usage: python tools/generate/operation_index.py openapi.yaml OUT.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import yaml

IDEMPOTENT_METHODS = frozenset({"get", "head", "put", "delete", "options"})
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
# Schema keywords that only document; the client needs none of them.
_DROP = frozenset({"description", "example", "examples", "title", "externalDocs"})
# Keywords whose value maps names to schemas: a property may well be called "title".
_NAME_MAPS = frozenset({"properties", "patternProperties", "$defs", "dependentSchemas"})


def _resolve(spec: dict[str, Any], ref: str) -> Any:
    node: Any = spec
    for part in ref.removeprefix("#/").split("/"):
        node = node[part.replace("~1", "/").replace("~0", "~")]
    return node


def inline(spec: dict[str, Any], node: Any, seen: tuple[str, ...] = ()) -> Any:
    """Schema ``node`` with every ``$ref`` inlined and documentation keywords dropped."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str):
            if ref in seen:
                raise ValueError(f"recursive $ref {ref}: the index cannot inline it")
            return inline(spec, _resolve(spec, ref), (*seen, ref))
        return {
            key: _names(spec, value, seen) if key in _NAME_MAPS else inline(spec, value, seen)
            for key, value in node.items()
            if key not in _DROP
        }
    if isinstance(node, list):
        return [inline(spec, item, seen) for item in node]
    return node


def _names(spec: dict[str, Any], node: Any, seen: tuple[str, ...]) -> Any:
    if not isinstance(node, dict):
        return node
    return {name: inline(spec, schema, seen) for name, schema in node.items()}


def _parameter(spec: dict[str, Any], raw: dict[str, Any]) -> dict[str, Any]:
    param = _resolve(spec, raw["$ref"]) if "$ref" in raw else raw
    return {
        "name": param["name"],
        "in": param["in"],
        "required": bool(param.get("required", False)),
        "description": " ".join(str(param.get("description", "")).split()),
        "schema": inline(spec, param.get("schema", {})),
    }


def _body(spec: dict[str, Any], raw: dict[str, Any] | None) -> dict[str, Any] | None:
    if raw is None:
        return None
    body = _resolve(spec, raw["$ref"]) if "$ref" in raw else raw
    return {
        "required": bool(body.get("required", False)),
        "content": {
            media: inline(spec, entry.get("schema", {}))
            for media, entry in sorted(body.get("content", {}).items())
        },
    }


def _success(responses: dict[str, Any]) -> list[int]:
    return sorted(int(code) for code in responses if str(code).isdigit() and str(code)[0] == "2")


def build(spec: dict[str, Any]) -> dict[str, Any]:
    """The index: ``{"version": info.version, "operations": {operationId: entry}}``."""
    operations: dict[str, Any] = {}
    for path, item in spec["paths"].items():
        shared = item.get("parameters", [])
        for method in METHODS:
            op = item.get(method)
            if op is None:
                continue
            params = [_parameter(spec, p) for p in [*shared, *op.get("parameters", [])]]
            operations[op["operationId"]] = {
                "method": method.upper(),
                "path": path,
                "summary": op.get("summary", ""),
                "tag": (op.get("tags") or [""])[0],
                "parameters": params,
                "body": _body(spec, op.get("requestBody")),
                "success": _success(op.get("responses", {})),
                "idempotent": method in IDEMPOTENT_METHODS or bool(op.get("x-idempotent")),
            }
    return {
        "version": spec["info"]["version"],
        "operations": dict(sorted(operations.items())),
    }


def main(argv: list[str]) -> int:
    source, target = Path(argv[1]), Path(argv[2])
    index = build(yaml.safe_load(source.read_text()))
    target.write_text(dumps(index))
    return 0


def dumps(index: dict[str, Any]) -> str:
    """One operation per line, each compact: the file ships in every install (an indented
    one was a third of a megabyte, mostly spaces) and a change still shows as one line."""

    def compact(value: Any) -> str:
        return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))

    lines = [f'{{"version":{compact(index["version"])},"operations":{{']
    items = list(index["operations"].items())
    for i, (name, op) in enumerate(items):
        lines.append(f"{compact(name)}:{compact(op)}" + ("," if i < len(items) - 1 else ""))
    lines.append("}}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main(sys.argv))
