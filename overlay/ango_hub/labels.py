"""Typed builders for the three structures a labelling team works in: the label set (tools,
classifications, relations), the workflow (stages) and the answer (objects, classifications,
relations). They read like the domain and produce what the API takes::

    from ango_hub.labels import Answer, Classification, LabelSet, Relation, Stage, Tool

    colour = Classification("radio", "Colour", options=["Red", "Blue"])
    car = Tool("bounding-box", "Car", classifications=[colour])
    labels = LabelSet(tools=[car], relations=[Relation("one-to-one", "Follows")])

The kinds are the spec's ``ToolKind``, ``ClassificationKind``, ``RelationKind`` and
``StageType`` (``Literal`` types: mypy catches a misspelt kind). Defaults are stable: a
category's ``schema_id`` is derived from its kind, title and parent (not random, as in the
official SDK), and its colour, when none is given, from its ``schema_id``; the same code
builds the same label set on every run. Every object has ``to_dict()``, the API's JSON, which
the client checks against the spec before sending (as it checks plain dicts).

``LabelSet.from_dict``, ``Tool.from_dict`` (and ``Classification``, ``Relation``) and
``Stage.from_dict`` read that JSON back (``hub.projects.get(p).label_set`` and ``.workflow``):
schema IDs, colours, options, tree options, nested classifications, ``regex``, ``required``
and ``shortcutKey`` as they came, every field the builders do not model in ``extra``, so
``LabelSet.from_dict(d).to_dict()`` keeps what ``d`` had. A kind the client does not know
(the server may have kinds newer than the spec) still reads: ``kind`` (a stage's ``type``) is
annotated with the ``Literal`` of the known kinds, but holds the text as it came; test
``kind in typing.get_args(ToolKind)`` before relying on it being one of them. An option or
tree node ID equal to the one ``to_dict()`` would derive is read as not given (``""``), so a
label set read back equals the builders' one it was made from.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar, cast

from ango_hub_api.models.classification_kind import ClassificationKind
from ango_hub_api.models.relation_kind import RelationKind
from ango_hub_api.models.stage_type import StageType
from ango_hub_api.models.tool_kind import ToolKind

__all__ = [
    "Answer",
    "Classification",
    "ClassificationAnswer",
    "ClassificationKind",
    "LabelSet",
    "ObjectAnswer",
    "Option",
    "Relation",
    "RelationAnswer",
    "RelationKind",
    "Stage",
    "StageType",
    "Tool",
    "ToolKind",
    "TreeOption",
    "linear_workflow",
    "stable_id",
]


def stable_id(*parts: str) -> str:
    """A 23-hex-digit ID (the length of the IDs Ango Hub makes) from ``parts``."""
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:23]


def _colour(schema_id: str) -> str:
    """``#RRGGBB`` from the schema ID: the same category always gets the same colour."""
    return "#" + hashlib.sha256(schema_id.encode()).hexdigest()[:6].upper()


def _set(obj: object, name: str, value: Any) -> None:
    object.__setattr__(obj, name, value)  # filling a frozen dataclass's defaults


def _rest(d: Mapping[str, Any], modelled: Sequence[str]) -> dict[str, Any]:
    """The fields of ``d`` a builder does not model (its ``extra``)."""
    return {key: value for key, value in d.items() if key not in modelled}


@dataclass(frozen=True)
class Option:
    """One answer to choose from (``radio``, ``checkbox``, the dropdowns)."""

    value: str
    schema_id: str = ""
    extra: Mapping[str, Any] = field(default_factory=dict)  # more fields, passed on as they are

    def to_dict(self) -> dict[str, Any]:
        return {**self.extra, "value": self.value, "schemaId": self.schema_id}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any], owner: str = "") -> Option:
        """An option as the API has it; its ID is read as not given (``""``) when it is the
        one ``to_dict()`` derives from ``owner``, the classification's schema ID."""
        own = str(d.get("schemaId", ""))
        value = str(d.get("value", ""))
        own = "" if owner and own == stable_id(owner, value) else own
        return cls(value, own, _rest(d, ("value", "schemaId")))


@dataclass(frozen=True)
class TreeOption:
    """One node of a ``tree-dropdown``, with the nodes under it."""

    title: str
    children: Sequence[TreeOption] = ()
    schema_id: str = ""
    extra: Mapping[str, Any] = field(default_factory=dict)  # e.g. the SDK's `key`, a `value`

    @classmethod
    def from_dict(cls, d: Mapping[str, Any], parent: str = "") -> TreeOption:
        """A tree node as the API has it; its ID is read as not given when it is the one
        ``to_dict()`` derives under ``parent`` (and one without an ID gets that one). A
        ``value`` other than the title, and the SDK's ``key``, are kept in ``extra``."""
        title = str(d.get("title", ""))
        own = str(d.get("schemaId", ""))
        derived = bool(parent) and own == stable_id(parent, "tree", title)
        kids = [cls.from_dict(child, own) for child in d.get("children") or ()]
        extra = _rest(d, ("title", "schemaId", "children"))
        if extra.get("value") == title:
            del extra["value"]  # what to_dict() writes anyway
        return cls(title, tuple(kids), "" if derived else own, extra)

    def __post_init__(self) -> None:
        _set(self, "children", tuple(self.children))

    def _with_ids(self, parent: str) -> TreeOption:
        own = self.schema_id or stable_id(parent, "tree", self.title)
        kids = tuple(child._with_ids(own) for child in self.children)
        return replace(self, schema_id=own, children=kids)

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "value": self.title,
            "schemaId": self.schema_id,
            **self.extra,
            "children": [child.to_dict() for child in self.children],
        }

    def flattened(self, prefix: str = "") -> list[Option]:
        """This node and those under it as options titled ``parent / child`` (as the SDK
        sends a tree's options)."""
        value = f"{prefix} / {self.title}" if prefix else self.title
        found = [Option(value, self.schema_id)]
        for child in self.children:
            found += child.flattened(value)
        return found


@dataclass(frozen=True, kw_only=True)
class _Category:
    required: bool = False
    color: str | None = None
    schema_id: str = ""
    shortcut_key: str = ""
    extra: Mapping[str, Any] = field(default_factory=dict)  # more fields, passed on as they are
    # Whether schema_id and color were derived here (then a parent may derive them anew).
    derived: tuple[bool, bool] = field(default=(False, False), repr=False, compare=False)

    def _fill(self, kind: str, title: str, parent: str) -> None:
        derived = (not self.schema_id, self.color is None)
        if derived[0]:
            _set(self, "schema_id", stable_id(parent, kind, title))
        if derived[1]:
            _set(self, "color", _colour(self.schema_id))
        _set(self, "derived", derived)

    def _underived(self) -> dict[str, Any]:
        """The fields to rebuild this category with under another parent."""
        return {
            "schema_id": "" if self.derived[0] else self.schema_id,
            "color": None if self.derived[1] else self.color,
            "derived": (False, False),
        }

    def _fields(self, kind: str) -> dict[str, Any]:
        return {
            **self.extra,
            "tool": kind,
            "title": getattr(self, "title", ""),
            "required": self.required,
            "schemaId": self.schema_id,
            "color": self.color,
            "shortcutKey": self.shortcut_key,
            "columnField": self.extra.get("columnField", False),
        }


# Every category's fields a builder models, and those each kind adds.
_COMMON = ("tool", "title", "required", "schemaId", "color", "shortcutKey")
C = TypeVar("C", bound=_Category)


def _read(cls: type[C], d: Mapping[str, Any], own: Sequence[str], **fields: Any) -> C:
    """A category from its JSON: ``own`` the fields ``cls`` models beyond the common ones,
    ``fields`` their values; the rest goes to ``extra``, except a filler ``to_dict()`` writes
    anyway (``columnField: false``, a tool's or relation's empty lists)."""
    extra = _rest(d, (*_COMMON, *own))
    for key, filler in (("columnField", False), ("options", []), ("classifications", [])):
        if key in extra and extra[key] == filler and type(extra[key]) is type(filler):
            del extra[key]
    made = cast(Any, cls)(
        kind=d.get("tool", ""),  # an unknown kind's text as it came (see the module's doc)
        title=d.get("title", ""),
        required=d.get("required", False),
        color=d.get("color"),
        schema_id=d.get("schemaId", ""),
        shortcut_key=d.get("shortcutKey", ""),
        extra=extra,
        **fields,
    )
    if "color" in d and d["color"] is None:
        _set(made, "color", None)  # no colour came: none is derived
    return cast(C, made)


@dataclass(frozen=True)
class Classification(_Category):
    """A question: about the whole asset (in ``LabelSet.classifications``) or about each
    object of a tool (nested in ``Tool.classifications``). ``options`` for ``radio``,
    ``checkbox`` and the dropdowns, ``tree`` for a ``tree-dropdown``, ``regex`` to check a
    ``text`` answer; ``classifications`` are asked in turn about this one's answer."""

    kind: ClassificationKind
    title: str
    options: Sequence[str | Option] = ()
    tree: Sequence[TreeOption] = ()
    classifications: Sequence[Classification] = ()
    regex: str | None = None
    parent: str = ""  # the schema ID of the tool or classification this one is nested in

    def __post_init__(self) -> None:
        self._fill(self.kind, self.title, self.parent)
        _set(
            self, "options", tuple(o if isinstance(o, Option) else Option(o) for o in self.options)
        )
        _set(self, "tree", tuple(self.tree))
        _set(self, "classifications", _nested(self.classifications, self.schema_id))

    @classmethod
    def from_dict(cls, d: Mapping[str, Any], parent: str = "") -> Classification:
        """A classification from its JSON (``parent`` the schema ID it is nested in). Options
        that are the tree's flattened nodes (as ``to_dict()`` writes them) are read as not
        given."""
        own = str(d.get("schemaId", ""))
        tree = tuple(TreeOption.from_dict(node, own) for node in d.get("treeOptions") or ())
        options = list(d.get("options") or ())
        flat = [o.to_dict() for node in tree for o in node._with_ids(own).flattened()]
        if tree and options == flat:
            options = []
        return _read(
            cls,
            d,
            ("options", "treeOptions", "classifications", "regex"),
            options=tuple(Option.from_dict(o, own) for o in options),
            tree=tree,
            classifications=tuple(cls.from_dict(c, own) for c in d.get("classifications") or ()),
            regex=d.get("regex"),
            parent=parent,
        )

    def to_dict(self) -> dict[str, Any]:
        # Option and tree IDs not given are derived here, from this classification's final ID
        # (a nested one's depends on its parent).
        own = self.schema_id
        given = [o if isinstance(o, Option) else Option(o) for o in self.options]
        given = [o if o.schema_id else replace(o, schema_id=stable_id(own, o.value)) for o in given]
        tree = [node._with_ids(own) for node in self.tree]
        options = given or [o for node in tree for o in node.flattened()]
        return {
            **self._fields(self.kind),
            "options": [o.to_dict() for o in options],
            "treeOptions": [node.to_dict() for node in tree],
            "classifications": [c.to_dict() for c in self.classifications],
            "regex": self.regex,
        }


def _nested(children: Sequence[Classification], parent: str) -> tuple[Classification, ...]:
    """Nested classifications, their derived IDs and colours derived under ``parent``."""
    return tuple(
        child if child.parent == parent else replace(child, parent=parent, **child._underived())
        for child in children
    )


@dataclass(frozen=True)
class Tool(_Category):
    """A tool annotators draw with; ``classifications`` are asked about each object."""

    kind: ToolKind
    title: str
    classifications: Sequence[Classification] = ()

    def __post_init__(self) -> None:
        self._fill(self.kind, self.title, "")
        _set(self, "classifications", _nested(self.classifications, self.schema_id))

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Tool:
        """A tool from its JSON (options a tool does not model stay in ``extra``)."""
        own = str(d.get("schemaId", ""))
        nested = tuple(Classification.from_dict(c, own) for c in d.get("classifications") or ())
        return _read(cls, d, ("classifications",), classifications=nested)

    def to_dict(self) -> dict[str, Any]:
        return {
            **self._fields(self.kind),
            "classifications": [c.to_dict() for c in self.classifications],
            "options": self.extra.get("options", []),
        }


@dataclass(frozen=True)
class Relation(_Category):
    """A relation annotators draw between objects: ``one-to-one``, ``one-to-many`` or
    ``group``."""

    kind: RelationKind
    title: str

    def __post_init__(self) -> None:
        self._fill(self.kind, self.title, "")

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Relation:
        """A relation from its JSON (nested classifications and options stay in ``extra``)."""
        return _read(cls, d, ())

    def to_dict(self) -> dict[str, Any]:
        return {
            **self._fields(self.kind),
            "classifications": self.extra.get("classifications", []),
            "options": self.extra.get("options", []),
        }


@dataclass(frozen=True)
class LabelSet:
    """A project's label set (the vendor's category schema, or ontology)."""

    tools: Sequence[Tool] = ()
    classifications: Sequence[Classification] = ()
    relations: Sequence[Relation] = ()
    extra: Mapping[str, Any] = field(default_factory=dict)  # more fields, passed on as they are

    def __post_init__(self) -> None:
        for name in ("tools", "classifications", "relations"):
            _set(self, name, tuple(getattr(self, name)))

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> LabelSet:
        """A label set from its JSON (a project's ``categorySchema``); see the module's doc."""
        return cls(
            tools=tuple(Tool.from_dict(t) for t in d.get("tools") or ()),
            classifications=tuple(
                Classification.from_dict(c) for c in d.get("classifications") or ()
            ),
            relations=tuple(Relation.from_dict(r) for r in d.get("relations") or ()),
            extra=_rest(d, ("tools", "classifications", "relations")),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.extra,
            "tools": [t.to_dict() for t in self.tools],
            "classifications": [c.to_dict() for c in self.classifications],
            "relations": [r.to_dict() for r in self.relations],
        }

    def schema_ids(self) -> dict[str, str]:
        """Each category's title path (``Car``, ``Car/Colour``) and its schema ID."""
        found: dict[str, str] = {}

        def walk(prefix: str, items: Sequence[_Category]) -> None:
            for item in items:
                path = prefix + str(getattr(item, "title", ""))
                found[path] = item.schema_id
                walk(path + "/", getattr(item, "classifications", ()))

        walk("", [*self.tools, *self.classifications, *self.relations])
        return found


# -- the workflow --------------------------------------------------------------------------


@dataclass(frozen=True)
class Stage:
    """A workflow stage: ``type`` (``Start``, ``Label``, ``Review``, ``Complete``, ...),
    ``id`` (the ``name``, or the type, when not given), ``next`` the IDs of the stages a task
    goes to after this one; ``assigned_to`` the emails of a Label stage's annotators."""

    type: StageType
    name: str = ""
    id: str = ""
    next: Sequence[str] = ()
    assigned_to: Sequence[str] = ()
    position: tuple[float, float] = (0, 0)
    extra: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        _set(self, "name", self.name or self.type)
        _set(self, "id", self.id or self.name)
        _set(self, "next", tuple(self.next))
        _set(self, "assigned_to", tuple(self.assigned_to))

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Stage:
        """A stage from its JSON: fields it does not model (``autoForward``,
        ``consensusConfig``, ...) go to ``extra``; a ``type`` the client does not know is kept
        as its text (see the module's doc)."""
        where = d.get("position") or {}
        assigned = d.get("assignedTo") or ()
        modelled = (
            "id",
            "type",
            "name",
            "position",
            "next",
            *(("assignedTo",) if assigned else ()),
        )
        return cls(
            type=d.get("type", ""),
            name=d.get("name", ""),
            id=d.get("id", ""),
            next=tuple(d.get("next") or ()),
            assigned_to=tuple(assigned),
            position=(where.get("x", 0), where.get("y", 0)),
            extra=_rest(d, modelled),
        )

    def to_dict(self) -> dict[str, Any]:
        stage: dict[str, Any] = {
            **self.extra,
            "id": self.id,
            "type": self.type,
            "name": self.name,
            "position": {"x": self.position[0], "y": self.position[1]},
            "next": list(self.next),
        }
        if self.assigned_to:
            stage["assignedTo"] = list(self.assigned_to)
        return stage


def linear_workflow(*stages: Stage) -> list[Stage]:
    """The stages one after the other: each one's ``next`` is the following stage (unless
    it has its own), laid out left to right."""
    linked = []
    for number, stage in enumerate(stages):
        after = [stages[number + 1].id] if number + 1 < len(stages) else []
        linked.append(replace(stage, next=stage.next or after, position=(200.0 * number, 0.0)))
    return linked


# -- the answer ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ClassificationAnswer:
    """A classification answered: ``answer`` is text (``radio``, single dropdown, ``text``)
    or a list of texts (``checkbox``, multi dropdown)."""

    schema_id: str
    answer: str | Sequence[str] | bool
    classifications: Sequence[ClassificationAnswer] = ()
    title: str | None = None

    def to_dict(self) -> dict[str, Any]:
        answer = self.answer if isinstance(self.answer, str | bool) else list(self.answer)
        found: dict[str, Any] = {"schemaId": self.schema_id, "answer": answer}
        if self.title is not None:
            found["title"] = self.title
        found["classifications"] = [c.to_dict() for c in self.classifications]
        return found


@dataclass(frozen=True)
class ObjectAnswer:
    """One object drawn with a tool: ``geometry`` is what that tool carries (``bounding-box``
    ``{x, y, width, height}``, ``polygon``/``polyline`` ``[[x, y], ...]``, ``point``
    ``[x, y]``, ...), under the tool's name. ``object_id`` defaults to one derived from the
    rest, so relations can name it."""

    tool: ToolKind
    schema_id: str
    geometry: Any
    classifications: Sequence[ClassificationAnswer] = ()
    object_id: str = ""
    page: int | None = None

    def __post_init__(self) -> None:
        if not self.object_id:
            _set(self, "object_id", stable_id(self.schema_id, self.tool, repr(self.geometry)))

    @classmethod
    def box(
        cls, schema_id: str, x: float, y: float, width: float, height: float, **more: Any
    ) -> ObjectAnswer:
        """A bounding box, ``x``/``y`` its top-left corner in pixels."""
        geometry = {"x": x, "y": y, "width": width, "height": height}
        return cls("bounding-box", schema_id, geometry, **more)

    def to_dict(self) -> dict[str, Any]:
        found: dict[str, Any] = {
            "schemaId": self.schema_id,
            "objectId": self.object_id,
            self.tool: self.geometry,
            "classifications": [c.to_dict() for c in self.classifications],
        }
        if self.page is not None:
            found["page"] = self.page
        return found


@dataclass(frozen=True)
class RelationAnswer:
    """A relation between objects: ``source`` to ``target`` (a single relation), or
    ``group`` (the objects of a group relation), by their ``object_id``."""

    schema_id: str
    source: str | None = None
    target: str | None = None
    group: Sequence[str] = ()
    direction: str = "straight"

    def to_dict(self) -> dict[str, Any]:
        found: dict[str, Any] = {
            "schemaId": self.schema_id,
            "objectId": stable_id(self.schema_id, str(self.source), str(self.target), *self.group),
        }
        if self.group:
            found["group"] = list(self.group)
        else:
            found |= {"from": self.source, "to": self.target, "direction": self.direction}
        return found


@dataclass(frozen=True)
class Answer:
    """A task's annotation: objects, classifications about the whole asset, relations."""

    objects: Sequence[ObjectAnswer] = ()
    classifications: Sequence[ClassificationAnswer] = ()
    relations: Sequence[RelationAnswer] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "objects": [o.to_dict() for o in self.objects],
            "classifications": [c.to_dict() for c in self.classifications],
            "relations": [r.to_dict() for r in self.relations],
        }
