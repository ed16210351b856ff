"""Provenance lint (`make lint-spec`): every constraint that can refuse a request, and every
`required` in an answer's schema, says where it comes from with `x-source`.

Checked in what a client sends (parameters and request bodies, `$ref`s followed): `enum`,
`const`, `pattern`, `minimum`/`maximum` (and exclusive), `minLength`/`maxLength`,
`minItems`/`maxItems`, `uniqueItems`, `multipleOf`, `minProperties`/`maxProperties`,
`additionalProperties: false`, `required` (a list, or `required: true` on a query or header
parameter). Checked in what it parses (2xx response bodies): `required`. A path parameter is
required by OpenAPI itself, and an empty path segment is a different URL, so its `required` and
`minLength` are structural, not claims about the server.

`x-source` is one string or a list of them, each one of: a vendor page or SDK-docs URL
(`https://docs.imerit.net/...`), `sdk <file>:<function>` (the official SDK's source), or
`observed` (a live check; text may follow). Exit 1 listing every unsourced constraint.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import yaml

REQUEST_KEYS = (
    "enum", "const", "pattern", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
    "minLength", "maxLength", "minItems", "maxItems", "uniqueItems", "multipleOf",
    "minProperties", "maxProperties",
)  # fmt: skip
SOURCE = re.compile(r"^(https://docs\.imerit\.net/\S+|sdk \S+:\S+|observed\b.*)$")
_SUBSCHEMAS = ("items", "additionalProperties", "not", "contentSchema", "propertyNames")
_LISTS = ("allOf", "anyOf", "oneOf", "prefixItems")


def bad_source(node: dict[str, Any]) -> str | None:
    """Why ``node``'s ``x-source`` does not count, or None when it does."""
    source = node.get("x-source")
    if source is None:
        return "no x-source"
    values = source if isinstance(source, list) else [source]
    wrong = [v for v in values if not (isinstance(v, str) and SOURCE.match(v))]
    if wrong or not values:
        return f"x-source {wrong or values!r} is not a URL, 'sdk <file>:<function>' or 'observed'"
    return None


def constraints(node: dict[str, Any], side: str) -> list[str]:
    found = [] if side == "response" else [k for k in REQUEST_KEYS if k in node]
    if side == "request" and node.get("additionalProperties") is False:
        found.append("additionalProperties: false")
    if isinstance(node.get("required"), list) and node["required"]:
        found.append("required")
    return found


class Linter:
    def __init__(self, spec: dict[str, Any]) -> None:
        self.spec = spec
        self.seen: set[tuple[int, str]] = set()
        self.problems: list[str] = []

    def resolve(self, ref: str) -> tuple[dict[str, Any], str]:
        node: Any = self.spec
        for part in ref.removeprefix("#/").split("/"):
            node = node[part.replace("~1", "/").replace("~0", "~")]
        return node, ref.removeprefix("#/")

    def schema(self, node: Any, where: str, side: str) -> None:
        if not isinstance(node, dict) or (id(node), side) in self.seen:
            return
        self.seen.add((id(node), side))
        if "$ref" in node:
            target, where_ref = self.resolve(node["$ref"])
            self.schema(target, where_ref, side)
        found = constraints(node, side)
        if found and (why := bad_source(node)):
            self.problems.append(f"{where} ({side}): {', '.join(found)}: {why}")
        for key, sub in (node.get("properties") or {}).items():
            self.schema(sub, f"{where}/properties/{key}", side)
        for key in _SUBSCHEMAS:
            self.schema(node.get(key), f"{where}/{key}", side)
        for key in _LISTS:
            for i, sub in enumerate(node.get(key) or ()):
                self.schema(sub, f"{where}/{key}/{i}", side)

    def parameter(self, param: dict[str, Any], where: str) -> None:
        if "$ref" in param:
            param, where = self.resolve(param["$ref"])
        if (id(param), "param") in self.seen:
            return
        self.seen.add((id(param), "param"))
        path = param.get("in") == "path"
        if param.get("required") is True and not path and (why := bad_source(param)):
            self.problems.append(f"{where} (request): required parameter: {why}")
        schema = param.get("schema") or {}
        if path and set(constraints(schema, "request")) <= {"minLength"}:
            return
        self.schema(schema, f"{where}/schema", "request")

    def run(self) -> list[str]:
        for path, item in self.spec.get("paths", {}).items():
            for method, op in item.items():
                if not isinstance(op, dict) or method == "parameters":
                    continue
                where = f"paths/{path}/{method}"
                for i, param in enumerate(item.get("parameters", []) + op.get("parameters", [])):
                    self.parameter(param, f"{where}/parameters/{i}")
                body = op.get("requestBody") or {}
                if "$ref" in body:
                    body, _ = self.resolve(body["$ref"])
                for media, content in (body.get("content") or {}).items():
                    self.schema(content.get("schema"), f"{where}/requestBody/{media}", "request")
                for status, declared in (op.get("responses") or {}).items():
                    if not str(status).startswith("2"):
                        continue
                    response = self.resolve(declared["$ref"])[0] if "$ref" in declared else declared
                    for media, content in (response.get("content") or {}).items():
                        self.schema(content.get("schema"), f"{where}/{status}/{media}", "response")
        return sorted(set(self.problems))


def main(argv: list[str]) -> int:
    spec = yaml.safe_load(Path(argv[1] if len(argv) > 1 else "openapi.yaml").read_text())
    problems = Linter(spec).run()
    for problem in problems:
        print(problem)
    print(f"provenance lint: {len(problems)} unsourced constraint(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
