"""Provenance lint (`make lint-spec`): every constraint node in the spec says where it comes from,
with its own `x-source`.

Every schema is checked where it is written (components, parameters, request bodies, answers,
headers), whether an operation reaches it or not, and in requests and answers alike. A node is a
constraint node when it carries any of: `enum`, `const`, `pattern`, `minimum`/`maximum`,
`exclusiveMinimum`/`exclusiveMaximum`, `multipleOf`, `minLength`/`maxLength`,
`minItems`/`maxItems`, `uniqueItems: true`, `minProperties`/`maxProperties`,
`additionalProperties: false`, a non-empty `required` list, `oneOf` (one and only one branch must
match: an exclusivity claim, unless its branches admit disjoint JSON types), `not`,
`dependentRequired`; and a parameter with `required: true`. `anyOf` and `allOf` add no refusal
of their own (each refusal comes from a branch's constraints, which are checked).
Such a node needs an `x-source` on itself: one on an enclosing node (a parent schema, the
parameter around a schema, the operation) does not count for it.

Not constraint nodes, by rule rather than by claim:
- anything inside an `if`: a condition selects when its `then`/`else` apply and refuses nothing
  itself (the `then`/`else` constraints are checked);
- a path parameter's `required: true`: OpenAPI requires every path parameter (the URL template
  cannot be filled without it); its schema's own constraints are still checked;
- `type` (and `format`, which names how a typed value is read): a value of another type is
  certainly wrong, which the brief lets the client refuse without a source.

A request body's `required: true` is a constraint node like a parameter's: the page or SDK
function that shows the operation sending its body is its source.

`x-source` is one string or a list of them; each names its kind and its place:
- `https://docs.imerit.net/api-reference/...`: a vendor API page (`https://docs.imerit.net/...`
  covers the vendor's other pages, its SDK documentation among them);
- `sdk <file>:<name>`: the official SDK's source (`imerit_ango/...py`, a function, class or
  `Class.method` in it). With `--sdk DIR` (the installed `imerit_ango` package), the file must
  exist and define that name;
- `observed` (a live check against the real server), optionally followed by what and when.
Every other `x-source` in the document (an operation's, say) must have the same format.

Exit 1 listing every constraint node without a valid source of its own.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

import yaml

SCHEMA_KEYS = (
    "enum", "const", "pattern", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
    "multipleOf", "minLength", "maxLength", "minItems", "maxItems", "minProperties",
    "maxProperties", "oneOf", "not", "dependentRequired",
)  # fmt: skip
_URL = re.compile(r"^https://docs\.imerit\.net/\S+$")
_SDK = re.compile(
    r"^sdk (?P<file>imerit_ango/[\w/]+\.py):(?P<name>[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)?)$"
)
_DEFINED = re.compile(r"^\s*(?:async\s+)?(?:def|class)\s+(\w+)", re.M)
_ASSIGNED = re.compile(r"^\s*([A-Za-z_]\w*)\s*[:=]", re.M)  # constants, enum members
_OBSERVED = re.compile(r"^observed(?: \S.*)?$")
# Where a schema holds further schemas: one schema, a list of them, a map of them.
# `if` is not walked: its constraints choose when `then`/`else` apply and refuse nothing.
_ONE = ("items", "additionalProperties", "not", "contains", "propertyNames", "then",
        "else", "contentSchema", "unevaluatedItems", "unevaluatedProperties")  # fmt: skip
_MANY = ("allOf", "anyOf", "oneOf", "prefixItems")
_MAP = ("properties", "patternProperties", "dependentSchemas", "$defs")
_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def constraints(node: dict[str, Any]) -> list[str]:
    """The constraint keywords of one schema node (not of its children)."""
    found = [k for k in SCHEMA_KEYS if k in node]
    if node.get("uniqueItems") is True:
        found.append("uniqueItems")
    if node.get("additionalProperties") is False:
        found.append("additionalProperties: false")
    if isinstance(node.get("required"), list) and node["required"]:
        found.append("required")
    return found


class Sources:
    """Checks one `x-source` value; knows the SDK's files when given its package folder."""

    def __init__(self, sdk: Path | None = None) -> None:
        self.sdk = sdk
        self._defined: dict[str, set[str]] = {}

    def _names(self, sdk: Path, file: str) -> set[str] | None:
        if file not in self._defined:
            path = sdk.parent / file
            if not path.is_file():
                return None
            text = path.read_text()
            self._defined[file] = set(_DEFINED.findall(text)) | set(_ASSIGNED.findall(text))
        return self._defined[file]

    def _sdk_problem(self, value: str, file: str, name: str) -> str | None:
        if self.sdk is None:
            return None
        names = self._names(self.sdk, file)
        if names is None:
            return f"x-source {value!r}: the SDK has no file {file}"
        missing = [n for n in name.split(".") if n not in names]
        return f"x-source {value!r}: {file} defines no {missing[0]}" if missing else None

    def why_not(self, value: Any) -> str | None:
        if not isinstance(value, str):
            return f"x-source {value!r} is not a string"
        if _URL.match(value) or _OBSERVED.match(value):
            return None
        if sdk := _SDK.match(value):
            return self._sdk_problem(value, sdk["file"], sdk["name"])
        return (
            f"x-source {value!r} is not a vendor URL (https://docs.imerit.net/...), "
            "'sdk imerit_ango/<file>.py:<name>' or 'observed ...'"
        )

    def check(self, node: dict[str, Any]) -> str | None:
        """Why ``node``'s own ``x-source`` does not count, or None when it does."""
        if "x-source" not in node:
            return "no x-source"
        source = node["x-source"]
        values = source if isinstance(source, list) else [source]
        if not values:
            return "x-source is empty"
        for value in values:
            if why := self.why_not(value):
                return why
        return None


class Linter:
    def __init__(self, spec: dict[str, Any], sdk: Path | None = None) -> None:
        self.spec = spec
        self.sources = Sources(sdk)
        self.problems: list[str] = []
        self.nodes = 0
        self.checked: set[int] = set()

    def _report(self, node: dict[str, Any], where: str, found: list[str]) -> None:
        self.nodes += 1
        self.checked.add(id(node))
        if why := self.sources.check(node):
            self.problems.append(f"{where}: {', '.join(found)}: {why}")

    def _types(self, node: Any, depth: int = 0) -> set[str] | None:
        """The JSON types a schema admits when it says so (`$ref`s followed), else None."""
        if not isinstance(node, dict) or depth > 8:
            return None
        if "$ref" in node:
            target: Any = self.spec
            for part in node["$ref"].removeprefix("#/").split("/"):
                target = target.get(part.replace("~1", "/").replace("~0", "~"), {})
            return self._types(target, depth + 1)
        declared = node.get("type")
        if declared is None:
            return None
        types = set(declared) if isinstance(declared, list) else {declared}
        return types | {"number"} if "integer" in types else types

    def _type_union(self, branches: list[Any]) -> bool:
        """Branches that admit disjoint JSON types: at most one can match any value, so `oneOf`
        there says "one of these types" (a type, not an exclusivity claim)."""
        seen: set[str] = set()
        for branch in branches:
            types = self._types(branch)
            if types is None or types & seen:
                return False
            seen |= types
        return True

    def schema(self, node: Any, where: str) -> None:
        if not isinstance(node, dict) or ("$ref" in node and len(node) == 1):
            return
        found = constraints(node)
        if "oneOf" in found and self._type_union(node["oneOf"]):
            found.remove("oneOf")
        if found:
            self._report(node, where, found)
        for key in _ONE:
            self.schema(node.get(key), f"{where}/{key}")
        for key in _MANY:
            for i, sub in enumerate(node.get(key) or ()):
                self.schema(sub, f"{where}/{key}/{i}")
        for key in _MAP:
            for name, sub in (node.get(key) or {}).items():
                self.schema(sub, f"{where}/{key}/{name}")
        if isinstance(node.get("items"), list):  # draft-4 tuple form
            for i, sub in enumerate(node["items"]):
                self.schema(sub, f"{where}/items/{i}")

    def content(self, content: Any, where: str) -> None:
        for media, body in (content or {}).items():
            self.schema(body.get("schema"), f"{where}/content/{media}/schema")
            for name, enc in (body.get("encoding") or {}).items():
                for header, obj in (enc.get("headers") or {}).items():
                    self.parameter(obj, f"{where}/content/{media}/encoding/{name}/headers/{header}")

    def parameter(self, param: Any, where: str, *, header: bool = False) -> None:
        """A parameter or header object, where it is written (a `$ref` is checked at its target)."""
        if not isinstance(param, dict) or "$ref" in param:
            return
        if param.get("required") is True and param.get("in") != "path":
            self._report(param, where, ["required: true"])
        self.schema(param.get("schema"), f"{where}/schema")
        self.content(param.get("content"), where)

    def response(self, response: Any, where: str) -> None:
        if not isinstance(response, dict) or "$ref" in response:
            return
        self.content(response.get("content"), where)
        for name, obj in (response.get("headers") or {}).items():
            self.parameter(obj, f"{where}/headers/{name}")

    def request_body(self, body: Any, where: str) -> None:
        if isinstance(body, dict) and "$ref" not in body:
            if body.get("required") is True:  # a request without a body is refused
                self._report(body, where, ["required: true"])
            self.content(body.get("content"), where)

    def operation(self, op: dict[str, Any], where: str) -> None:
        for i, param in enumerate(op.get("parameters") or ()):
            self.parameter(param, f"{where}/parameters/{i}")
        self.request_body(op.get("requestBody"), f"{where}/requestBody")
        for status, response in (op.get("responses") or {}).items():
            self.response(response, f"{where}/responses/{status}")
        for name, callback in (op.get("callbacks") or {}).items():
            if isinstance(callback, dict):
                self.path_items(callback, f"{where}/callbacks/{name}")

    def path_items(self, items: dict[str, Any], where: str) -> None:
        for path, item in items.items():
            if not isinstance(item, dict):
                continue
            for i, param in enumerate(item.get("parameters") or ()):
                self.parameter(param, f"{where}/{path}/parameters/{i}")
            for method in _METHODS:
                if isinstance(item.get(method), dict):
                    self.operation(item[method], f"{where}/{path}/{method}")

    def run(self) -> list[str]:
        self.path_items(self.spec.get("paths") or {}, "paths")
        self.path_items(self.spec.get("webhooks") or {}, "webhooks")
        parts = self.spec.get("components") or {}
        for name, schema in (parts.get("schemas") or {}).items():
            self.schema(schema, f"components/schemas/{name}")
        for name, param in (parts.get("parameters") or {}).items():
            self.parameter(param, f"components/parameters/{name}")
        for name, header in (parts.get("headers") or {}).items():
            self.parameter(header, f"components/headers/{name}")
        for name, body in (parts.get("requestBodies") or {}).items():
            self.request_body(body, f"components/requestBodies/{name}")
        for name, response in (parts.get("responses") or {}).items():
            self.response(response, f"components/responses/{name}")
        for name, item in (parts.get("pathItems") or {}).items():
            self.path_items({name: item}, "components/pathItems")
        self.every_source(self.spec, "")
        return sorted(set(self.problems))

    def every_source(self, node: Any, where: str) -> None:
        """An `x-source` anywhere else (an operation's, a description's) has the same format."""
        if isinstance(node, dict):
            if "x-source" in node and id(node) not in self.checked:
                why = self.sources.check(node)
                if why:
                    self.problems.append(f"{where.lstrip('/') or '(root)'}: {why}")
            for key, sub in node.items():
                if key not in ("example", "examples"):
                    self.every_source(sub, f"{where}/{key}")
        elif isinstance(node, list):
            for i, sub in enumerate(node):
                self.every_source(sub, f"{where}/{i}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("spec", nargs="?", default="openapi.yaml")
    parser.add_argument("--sdk", type=Path, help="the installed imerit_ango package folder")
    args = parser.parse_args(argv[1:])
    spec = yaml.safe_load(Path(args.spec).read_text())
    linter = Linter(spec, args.sdk)
    problems = linter.run()
    for problem in problems:
        print(problem)
    print(f"provenance lint: {linter.nodes} constraint node(s), {len(problems)} unsourced")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
