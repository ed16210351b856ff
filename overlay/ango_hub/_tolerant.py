"""The tolerant reader: an answer the generated model cannot read as sent is read without the
parts that stop it, and those parts stay reachable.

Generated ``from_dict`` methods trust the spec: an unknown enum value, a date that does not
parse, an object where the spec says text, each raises deep inside. The server adds fields and
values over time, and no source promises every field's type. So when a model refuses an answer,
:func:`split` walks the answer with the operation's response schema and takes out every value
whose JSON type (or enum value, or date) the schema does not admit; the model then reads the
rest, and :func:`put_back` stores each value taken out in the ``additional_properties`` of the
model that should have held it (under its wire name; a list item under ``name[index]``; an
entry of a list or of a map of models that lacks a field its schema requires is set aside
whole the same way). A field
the method needs and cannot do without is checked by the resource (``_need``), which raises
:class:`~ango_hub.errors.UnexpectedResponseError` naming it. Only this slow path loads the spec:
answers that parse as sent cost nothing more.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from keyword import kwlist
from typing import Any

from ._index import operation
from ._schema_check import _json_type as json_type
from ._spec import load_spec

Path = tuple[str | int, ...]
Taken = list[tuple[Path, Any]]
_CAMEL = re.compile(r"(?<=[a-z0-9])([A-Z])")
# The names whose attribute keeps the generator's "_" suffix: keywords, and the builtins the
# models' class bodies use as types (generator-templates/model.py.jinja, KEEP_SUFFIX); other
# builtins' names (`type`, `next`) are attributes as they are.
_RENAMED: frozenset[str] = frozenset(kwlist) | {
    "self",
    "true",
    "false",
    "datetime",
    "list",
    "dict",
    "str",
    "int",
}
_RENAMED |= {"float", "bool", "bytes", "object", "tuple", "set", "frozenset"}


def _resolve(schema: Mapping[str, Any]) -> Mapping[str, Any]:
    while "$ref" in schema:
        node: Any = load_spec()
        for part in str(schema["$ref"]).removeprefix("#/").split("/"):
            node = node[part]
        schema = node
    return schema


@lru_cache(maxsize=128)
def response_schema(operation_id: str) -> Mapping[str, Any] | None:
    """The JSON schema of the operation's first 2xx answer, or None when it has none."""
    op = operation(operation_id)
    declared = load_spec()["paths"][op.path][op.method.lower()]["responses"]
    for status in op.success:
        response = _resolve(declared.get(str(status), {}))
        schema = response.get("content", {}).get("application/json", {}).get("schema")
        if schema:
            return _resolve(schema)
    return None


def _json_type(value: Any) -> str:
    kind = json_type(value)
    return "integer" if kind == "number" and isinstance(value, int) else kind


def _branches(schema: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The alternatives of ``anyOf``/``oneOf`` (resolved), or the schema itself."""
    schema = _resolve(schema)
    for key in ("anyOf", "oneOf"):
        if key in schema:
            return [b for part in schema[key] for b in _branches(part)]
    return [schema]


def _declared(branch: Mapping[str, Any]) -> set[str] | None:
    """The JSON types one alternative admits; None for any value."""
    declared = branch.get("type")
    found = {declared} if isinstance(declared, str) else set(declared or ())
    if found:
        return found
    if "enum" in branch:
        return {_json_type(v) for v in branch["enum"]}
    if "properties" in branch or "allOf" in branch:
        return {"object"}
    return None


def _is_date(text: str) -> bool:
    from dateutil.parser import isoparse  # noqa: PLC0415  (the generated models use it too)

    try:
        isoparse(text)
    except (ValueError, OverflowError):
        return False
    return True


def _fits(value: Any, schema: Mapping[str, Any]) -> bool:
    """Whether the generated code can read ``value`` as ``schema`` (type, enum value, date)."""
    kind = _json_type(value)
    for branch in _branches(schema):
        declared = _declared(branch)
        if declared is None:
            return True
        numeric = kind in ("integer", "number") and bool(declared & {"integer", "number"})
        if kind not in declared and not numeric:
            continue
        if "enum" in branch and value not in branch["enum"]:
            continue
        if isinstance(value, str) and branch.get("format") == "date-time" and not _is_date(value):
            continue
        return True
    return False


def _object_schema(value: Any, schema: Mapping[str, Any]) -> Mapping[str, Any]:
    """The alternative of ``schema`` an object or list ``value`` is read with."""
    kind = _json_type(value)
    for branch in _branches(schema):
        if kind in (_declared(branch) or ()):
            return branch
    return {}


def _properties(schema: Mapping[str, Any]) -> dict[str, Any]:
    """An object schema's properties and ``additionalProperties``, ``allOf`` parts merged."""
    merged = dict(schema.get("properties", {}))
    extra = schema.get("additionalProperties")
    for part in schema.get("allOf", ()):
        inner = _properties(_resolve(part))
        extra = inner.pop("", None) if extra is None else extra
        merged.update(inner)
    if isinstance(extra, Mapping):
        merged[""] = extra  # "" is no property name the spec uses
    return merged


def _complete(value: Any, schema: Mapping[str, Any]) -> bool:
    """Whether an object has every field its schema requires (for entries of a map or list,
    which are set aside whole when they lack one)."""
    if not isinstance(value, dict):
        return True
    branch = _object_schema(value, schema)
    required = set(branch.get("required", ()))
    for part in branch.get("allOf", ()):
        required |= set(_resolve(part).get("required", ()))
    return required <= value.keys()


def split(
    value: Any, schema: Mapping[str, Any], at: Path = ()
) -> tuple[Any, list[tuple[Path, Any]]]:
    """``value`` without what ``schema`` does not admit, and what was taken out (path, value)."""
    taken: Taken = []
    schema = _object_schema(value, schema)
    if isinstance(value, dict):
        props = _properties(schema)
        kept: dict[str, Any] = {}
        for key, item in value.items():
            sub = props.get(key) if key else None
            entry = sub is None and "" in props  # an entry of a map of typed values
            sub = props.get("") if sub is None else sub
            if sub is None:
                kept[key] = item  # unknown: the model keeps it in additional_properties
            elif not _fits(item, sub) or (entry and not _complete(item, sub)):
                taken.append(((*at, key), item))
            else:
                kept[key], inner = split(item, sub, (*at, key))
                taken += inner
        return kept, taken
    if isinstance(value, list) and isinstance(schema.get("items"), Mapping):
        items = _resolve(schema["items"])
        out: list[Any] = []
        for index, item in enumerate(value):
            if _fits(item, items) and _complete(item, items):
                clean, inner = split(item, items, (*at, len(out)))
                out.append(clean)
                taken += inner
            else:
                taken.append(((*at, f"[{index}]"), item))
        return out, taken
    return value, taken


def _attribute(key: str) -> str:
    """The generated attribute of a wire name (``_id`` → ``id``, ``isSkipped`` →
    ``is_skipped``, ``from`` → ``from_``), as openapi-python-client names them with this
    project's generator-config.yaml (``field_prefix: ""``)."""
    name = _CAMEL.sub(r"_\1", key).lower().lstrip("_")
    return name + "_" if name in _RENAMED else name


def put_back(model: Any, taken: Taken) -> None:
    """Store each taken value in the ``additional_properties`` of the model holding its place;
    where that model's extra fields are typed (a map of models), or the place is no model, in
    the nearest enclosing one that takes any value, under the dotted path from there."""
    for path, value in taken:
        for depth in range(len(path) - 1, -1, -1):
            owner = _parent_of(model, path[:depth])
            extra = getattr(owner, "additional_properties", None)
            if not isinstance(extra, dict):
                continue
            name = ".".join(str(step) for step in path[depth:]).replace(".[", "[")
            extra[name] = value
            try:
                owner.to_dict()
            except (AttributeError, TypeError, ValueError):
                del extra[name]
                continue
            break


def _parent_of(model: Any, path: Path) -> Any:
    node = model
    for step in path:
        if isinstance(step, int):
            node = node[step] if isinstance(node, list) and step < len(node) else None
        else:
            node = getattr(node, _attribute(step), None)
        if node is None:
            return None
    return node
