"""Breaking-change report between two versions of openapi.yaml, and the semver gate on it.

No maintained diff tool runs here for OpenAPI 3.1: oasdiff ships in no reachable registry,
@useoptic/optic 1.0.9 crashes at start-up (its unpinned ajv dependencies drifted), Atlassian's
openapi-diff reads 3.0 only, and @pb33f/openapi-changes downloads its binary at install. So
this is a focused checker for what matters to clients generated from the spec:

* request side (what a client sends): removed operations/parameters/fields, new required
  parameters or fields, narrowed types, enums and bounds are breaking;
* response side (what a client parses): removed status codes, fields or media types, fields no
  longer required, changed types and new enum values (generated clients reject unknown enum
  values) are breaking.
* a changed `default` is reported as a non-breaking change (generated clients send it).

Usage: spec_diff.py OLD NEW [--changelog CHANGELOG.md] [--gate]
OLD/NEW are files; OLD may be "-" for stdin. Exit 1 with --gate when the version in NEW does
not admit the changes (breaking needs a MAJOR bump, additions at least a MINOR bump) or the
changelog has no section for NEW's version; exit 1 without --gate on any breaking change.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml


def load_yaml(text: str) -> Json:
    """Parse YAML safely, with libyaml when PyYAML has it (the spec is large for pure Python)."""
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506


METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
Json = Any
_ABSENT = object()


@dataclass(frozen=True)
class Change:
    """One difference; `breaking` says whether an existing client can fail because of it."""

    where: str
    what: str
    breaking: bool

    def __str__(self) -> str:
        return f"{'BREAKING' if self.breaking else 'added   '}  {self.where}: {self.what}"


class Spec:
    """A loaded spec with local `$ref`s resolved on access (YAML anchors are resolved by YAML)."""

    def __init__(self, doc: Json) -> None:
        self.doc = doc

    def resolve(self, node: Json) -> Json:
        """The `$ref` target; keywords beside the `$ref` (3.1, e.g. `default`) override it."""
        seen: set[str] = set()
        beside: dict[str, Json] = {}
        while isinstance(node, dict) and "$ref" in node:
            ref = node["$ref"]
            if not isinstance(ref, str) or not ref.startswith("#/") or ref in seen:
                return node
            seen.add(ref)
            beside = {**{k: v for k, v in node.items() if k != "$ref"}, **beside}
            target: Json = self.doc
            for part in ref[2:].split("/"):
                target = target[part.replace("~1", "/").replace("~0", "~")]
            node = target
        return {**node, **beside} if beside and isinstance(node, dict) else node


def _minus(a: list[Json], b: list[Json]) -> list[str]:
    """Values of enum a that enum b lacks, as text."""
    kept = {repr(v) for v in b}
    return sorted(str(v) for v in a if repr(v) not in kept)


def _types(schema: Json) -> set[str]:
    t = schema.get("type")
    if t is None:
        return set()
    return set(t) if isinstance(t, list) else {t}


class Differ:
    """Walks two specs side by side and collects Changes."""

    def __init__(self, old: Spec, new: Spec) -> None:
        self.old, self.new = old, new
        self.changes: list[Change] = []

    def add(self, where: str, what: str, *, breaking: bool) -> None:
        self.changes.append(Change(where, what, breaking))

    def run(self) -> list[Change]:
        old_ops, new_ops = self._operations(self.old), self._operations(self.new)
        for key in sorted(old_ops.keys() - new_ops.keys()):
            self.add(key, "operation removed", breaking=True)
        for key in sorted(new_ops.keys() - old_ops.keys()):
            self.add(key, "operation added", breaking=False)
        for key in sorted(old_ops.keys() & new_ops.keys()):
            self._operation(key, old_ops[key], new_ops[key])
        return self.changes

    @staticmethod
    def _operations(spec: Spec) -> dict[str, tuple[Json, list[Json]]]:
        ops = {}
        for path, raw in (spec.doc.get("paths") or {}).items():
            item = spec.resolve(raw)
            shared = item.get("parameters") or []
            for method in METHODS:
                if method in item:
                    ops[f"{method.upper()} {path}"] = (item[method], shared)
        return ops

    def _params(self, spec: Spec, op: Json, shared: list[Json]) -> dict[str, Json]:
        params = {}
        for raw in [*shared, *(op.get("parameters") or [])]:
            p = spec.resolve(raw)
            params[f"{p['in']}.{p['name']}"] = p
        return params

    def _operation(
        self, where: str, old: tuple[Json, list[Json]], new: tuple[Json, list[Json]]
    ) -> None:
        (old_op, old_shared), (new_op, new_shared) = old, new
        if old_op.get("operationId") != new_op.get("operationId"):
            self.add(
                where,
                f"operationId {old_op.get('operationId')!r} -> {new_op.get('operationId')!r}",
                breaking=True,
            )
        old_p = self._params(self.old, old_op, old_shared)
        new_p = self._params(self.new, new_op, new_shared)
        for name in sorted(old_p.keys() - new_p.keys()):
            self.add(where, f"parameter {name} removed", breaking=True)
        for name in sorted(new_p.keys() - old_p.keys()):
            required = bool(new_p[name].get("required"))
            self.add(
                where,
                f"{'required' if required else 'optional'} parameter {name} added",
                breaking=required,
            )
        for name in sorted(old_p.keys() & new_p.keys()):
            o, n = old_p[name], new_p[name]
            if n.get("required") and not o.get("required"):
                self.add(where, f"parameter {name} became required", breaking=True)
            elif o.get("required") and not n.get("required"):
                self.add(where, f"parameter {name} no longer required", breaking=False)
            self._schema(
                f"{where} parameter {name}", o.get("schema"), n.get("schema"), request=True
            )
        self._request_body(where, old_op.get("requestBody"), new_op.get("requestBody"))
        self._responses(where, old_op.get("responses") or {}, new_op.get("responses") or {})

    def _request_body(self, where: str, old: Json, new: Json) -> None:
        old, new = self.old.resolve(old), self.new.resolve(new)
        if old is None and new is None:
            return
        if old is None:
            required = bool(new.get("required"))
            self.add(
                where,
                f"{'required' if required else 'optional'} request body added",
                breaking=required,
            )
            return
        if new is None:
            self.add(where, "request body removed", breaking=True)
            return
        if new.get("required") and not old.get("required"):
            self.add(where, "request body became required", breaking=True)
        elif old.get("required") and not new.get("required"):
            self.add(where, "request body no longer required", breaking=False)
        self._content(
            f"{where} request", old.get("content") or {}, new.get("content") or {}, request=True
        )

    def _responses(self, where: str, old: Json, new: Json) -> None:
        for code in sorted(set(old) - set(new), key=str):
            self.add(where, f"response {code} removed", breaking=str(code).startswith("2"))
        for code in sorted(set(new) - set(old), key=str):
            self.add(where, f"response {code} added", breaking=False)
        for code in sorted(set(old) & set(new), key=str):
            o, n = self.old.resolve(old[code]), self.new.resolve(new[code])
            self._content(
                f"{where} response {code}",
                o.get("content") or {},
                n.get("content") or {},
                request=False,
            )

    def _content(self, where: str, old: Json, new: Json, *, request: bool) -> None:
        for media in sorted(set(old) - set(new)):
            self.add(where, f"media type {media} removed", breaking=True)
        for media in sorted(set(new) - set(old)):
            self.add(where, f"media type {media} added", breaking=False)
        for media in sorted(set(old) & set(new)):
            self._schema(
                f"{where} {media}",
                old[media].get("schema"),
                new[media].get("schema"),
                request=request,
            )

    def _schema(self, where: str, old: Json, new: Json, *, request: bool, depth: int = 0) -> None:
        """Compare two schemas; `request` picks the direction in which narrowing breaks."""
        if depth > 32 or old is None or new is None:
            return
        old, new = self.old.resolve(old), self.new.resolve(new)
        if not isinstance(old, dict) or not isinstance(new, dict):
            return
        self._type(where, old, new, request=request)
        self._enum(where, old, new, request=request)
        self._default(where, old, new)
        self._bounds(where, old, new, request=request)
        self._properties(where, old, new, request=request, depth=depth)
        for key in ("items", "contentSchema", "additionalProperties"):
            if isinstance(old.get(key), dict) and isinstance(new.get(key), dict):
                self._schema(f"{where}.{key}", old[key], new[key], request=request, depth=depth + 1)
        for key in ("allOf", "anyOf", "oneOf"):
            o, n = old.get(key) or [], new.get(key) or []
            if len(o) != len(n):
                if key != "allOf" and request and not n and self._pattern_covers(old, new):
                    self.add(where, f"{key} of enums -> pattern accepting them all", breaking=False)
                elif o or n:
                    self.add(
                        where, f"{key} changed from {len(o)} to {len(n)} subschemas", breaking=True
                    )
                continue
            for i, (os_, ns) in enumerate(zip(o, n, strict=True)):
                self._schema(f"{where}.{key}[{i}]", os_, ns, request=request, depth=depth + 1)

    def _pattern_covers(self, old: Json, new: Json) -> bool:
        """Whether ``new``'s pattern accepts every value ``old`` enumerates: its own enum, or
        the enums of all its anyOf/oneOf branches (one type per spelling, say)."""
        values = old.get("enum")
        if values is None:
            branches = [self.old.resolve(b) for k in ("anyOf", "oneOf") for b in old.get(k) or []]
            if not branches or not all(isinstance(b, dict) and b.get("enum") for b in branches):
                return False
            values = [v for b in branches for v in b["enum"]]
        return bool(new.get("pattern")) and _pattern_accepts_all(new["pattern"], values)

    def _type(self, where: str, old: Json, new: Json, *, request: bool) -> None:
        ot, nt = _types(old), _types(new)
        if ot == nt:
            return

        # An integer is a number: number<-integer widens, the reverse narrows.
        def widened(a: set[str], b: set[str]) -> bool:
            return not b or all(t in b or (t == "integer" and "number" in b) for t in a)

        ok = widened(ot, nt) if request else (bool(nt) and widened(nt, ot))
        self.add(where, f"type {sorted(ot)} -> {sorted(nt)}", breaking=not ok)

    def _enum(self, where: str, old: Json, new: Json, *, request: bool) -> None:
        oe, ne = old.get("enum"), new.get("enum")
        if oe == ne:
            return
        removed = _minus(oe, ne) if oe is not None and ne is not None else []
        added = _minus(ne, oe) if oe is not None and ne is not None else []
        if request:
            # The server accepts less when an enum appears or loses values.
            if ne is not None and oe is None:
                self.add(where, "enum added", breaking=True)
            elif removed:
                self.add(where, f"enum values removed: {removed}", breaking=True)
            if added:
                self.add(where, f"enum values added: {added}", breaking=False)
            if ne is None:
                self.add(where, "enum removed", breaking=False)
        else:
            # Clients reject values they do not know.
            if oe is not None and ne is None:
                self.add(where, "enum removed (clients reject unknown values)", breaking=True)
            elif added:
                self.add(
                    where,
                    f"enum values added: {added} (clients reject unknown values)",
                    breaking=True,
                )
            if removed:
                self.add(where, f"enum values removed: {removed}", breaking=False)
            if oe is None:
                self.add(where, "enum added", breaking=False)

    def _default(self, where: str, old: Json, new: Json) -> None:
        # Generated clients send a parameter's default when the caller gives none, and fill
        # a missing response field with it: a change is client-visible, never a rejection.
        if old.get("default", _ABSENT) != new.get("default", _ABSENT):
            shown = [repr(s["default"]) if "default" in s else "none" for s in (old, new)]
            self.add(where, f"default {shown[0]} -> {shown[1]}", breaking=False)

    def _bounds(self, where: str, old: Json, new: Json, *, request: bool) -> None:
        # (keyword, True when a larger value accepts less)
        for key, larger_narrows in (
            ("minimum", True),
            ("exclusiveMinimum", True),
            ("minLength", True),
            ("minItems", True),
            ("maximum", False),
            ("exclusiveMaximum", False),
            ("maxLength", False),
            ("maxItems", False),
        ):
            o, n = old.get(key), new.get(key)
            if o == n or not all(isinstance(v, int | float | None) for v in (o, n)):
                continue
            if n is None:
                narrowed = False
            elif o is None:
                narrowed = True
            else:
                narrowed = (n > o) if larger_narrows else (n < o)
            if request and narrowed:
                self.add(where, f"{key} {o} -> {n} (accepts less)", breaking=True)
        if request and new.get("pattern") and new.get("pattern") != old.get("pattern"):
            change = f"pattern {old.get('pattern')!r} -> {new['pattern']!r}"
            if self._pattern_covers(old, new):
                self.add(where, f"{change} (accepts every value of the old enum)", breaking=False)
            else:
                self.add(where, change, breaking=True)

    def _properties(self, where: str, old: Json, new: Json, *, request: bool, depth: int) -> None:
        op, np_ = old.get("properties") or {}, new.get("properties") or {}
        oreq, nreq = set(old.get("required") or []), set(new.get("required") or [])
        for name in sorted(set(op) - set(np_)):
            self.add(where, f"property {name} removed", breaking=True)
        for name in sorted(set(np_) - set(op)):
            required = name in nreq
            if name in oreq:
                # Required before, only described now (e.g. a one-of branch that names the
                # property so that generators carry it): asks nothing new of a client.
                self.add(where, f"required property {name} described", breaking=False)
                continue
            self.add(
                where,
                f"{'required' if required else 'optional'} property {name} added",
                breaking=request and required,
            )
        for name in sorted(nreq - oreq):
            if name in op:
                self.add(where, f"property {name} became required", breaking=request)
            elif name not in np_:
                self.add(where, f"property {name} required", breaking=request)
        for name in sorted(oreq - nreq):
            if name in np_:
                self.add(where, f"property {name} no longer required", breaking=not request)
        for name in sorted(set(op) & set(np_)):
            self._schema(f"{where}.{name}", op[name], np_[name], request=request, depth=depth + 1)


def diff(old_doc: Json, new_doc: Json) -> list[Change]:
    """Every client-visible change from old_doc to new_doc."""
    return Differ(Spec(old_doc), Spec(new_doc)).run()


SEMVER = re.compile(r"^(\d+)\.(\d+)\.(\d+)(?:[-+].*)?$")


def parse_version(text: str) -> tuple[int, int, int]:
    """`info.version` as (major, minor, patch); it must be semver."""
    m = SEMVER.match(str(text))
    if not m:
        raise ValueError(f"info.version {text!r} is not semver (MAJOR.MINOR.PATCH)")
    return int(m[1]), int(m[2]), int(m[3])


def gate(old_doc: Json, new_doc: Json, changes: list[Change], changelog: str | None) -> list[str]:
    """Problems with NEW's version given the changes; empty when the bump admits them."""
    problems = []
    old_v = parse_version(old_doc["info"]["version"])
    new_v = parse_version(new_doc["info"]["version"])
    shown = ".".join(map(str, new_v))
    if new_v < old_v:
        problems.append(f"info.version went backwards: {'.'.join(map(str, old_v))} -> {shown}")
    if any(c.breaking for c in changes) and new_v[0] <= old_v[0]:
        problems.append(
            f"breaking changes need a MAJOR bump of info.version "
            f"(base {'.'.join(map(str, old_v))}, now {shown})"
        )
    elif changes and new_v[:2] <= old_v[:2]:
        problems.append(
            f"additions need at least a MINOR bump of info.version "
            f"(base {'.'.join(map(str, old_v))}, now {shown})"
        )
    if changelog is not None and not re.search(
        rf"^##\s+\[?{re.escape(shown)}\]?(\s|$)", changelog, re.MULTILINE
    ):
        problems.append(f"CHANGELOG.md has no '## {shown}' section")
    return problems


def _pattern_accepts_all(pattern: str, enum: Any) -> bool:
    """Whether a new ``pattern`` accepts every value an old string ``enum`` allowed (an enum
    replaced by an equivalent or wider pattern is not breaking)."""
    if not isinstance(enum, list) or not all(isinstance(v, str) for v in enum):
        return False
    try:
        compiled = re.compile(pattern)
    except re.error:
        return False
    return all(compiled.search(value) for value in enum)


def main(argv: list[str] | None = None) -> int:
    """CLI entry point; see the module docstring."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("old")
    ap.add_argument("new")
    ap.add_argument("--changelog", type=Path)
    ap.add_argument("--gate", action="store_true", help="check info.version and the changelog")
    args = ap.parse_args(argv)
    old_text = sys.stdin.read() if args.old == "-" else Path(args.old).read_text()
    old_doc = load_yaml(old_text)
    new_doc = load_yaml(Path(args.new).read_text())
    changes = diff(old_doc, new_doc)
    versions = f"{old_doc['info']['version']} -> {new_doc['info']['version']}"
    breaking = [c for c in changes if c.breaking]
    print(
        f"spec diff ({versions}): {len(breaking)} breaking, "
        f"{len(changes) - len(breaking)} non-breaking"
    )
    for change in changes:
        print(f"  {change}")
    if not args.gate:
        return 1 if breaking else 0
    changelog = args.changelog.read_text() if args.changelog else None
    try:
        problems = gate(old_doc, new_doc, changes, changelog)
    except ValueError as exc:
        problems = [str(exc)]
    for problem in problems:
        print(f"spec-compat: {problem}", file=sys.stderr)
    if not problems:
        print("spec-compat: the version admits every change")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
