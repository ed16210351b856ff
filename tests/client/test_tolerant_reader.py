"""The tolerant reader, property-based, for every operation on both clients.

Each operation's 2xx example from the spec is mutated the ways a real server's answer differs
from the spec (a non-required field dropped, unknown fields added, a nullable field set to null,
a field that is not required, so no method needs it, given a value of another JSON type) and read
through the resources' one reading function (``_parse`` with the operation's generated model,
what every typed method calls). It must parse, and what was added or retyped must stay reachable
in ``additional_properties``. A required field removed is an ``UnexpectedResponseError`` naming
it. The typed methods themselves read the vendor's samples in test_vendor_samples.py.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from typing import Any

import pytest
from ango_hub import AngoHub, AsyncAngoHub
from ango_hub._index import operations
from ango_hub._spec import load_spec
from ango_hub._tolerant import _branches, _declared, _json_type, _properties, _resolve
from ango_hub.errors import UnexpectedResponseError
from ango_hub_api import models
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

Path = tuple[str | int, ...]
OTHER = {"string": 12345, "integer": "text", "number": "text", "boolean": "text",
         "array": {"an": "object"}, "object": ["a", "list"], "null": "text"}  # fmt: skip


def _answer(operation_id: str) -> tuple[Any, type[Any], dict[str, Any]]:
    """The operation's first 2xx example, its generated model and its schema."""
    spec, op = load_spec(), operations()[operation_id]
    declared = spec["paths"][op.path][op.method.lower()]["responses"][str(op.success[0])]
    if "$ref" in declared:
        declared = _resolve(declared)
    content = declared["content"]["application/json"]
    example = content.get("example")
    if example is None:
        example = next(iter(content["examples"].values()))
        example = _resolve(example)["value"]
    name = content["schema"]["$ref"].rsplit("/", 1)[-1]
    return example, getattr(models, name), dict(_resolve(content["schema"]))


def _fields(value: Any, schema: Any, at: Path = ()) -> Iterator[tuple[Path, Any, bool, bool]]:
    """(path, schema, required, nullable) of every field of the answer that the schema names."""
    branch = next(
        (
            b
            for b in _branches(schema)
            if isinstance(value, dict) and "object" in (_declared(b) or ())
        ),
        None,
    )
    if isinstance(value, dict) and branch is not None:
        required = set(branch.get("required", ()))
        for part in branch.get("allOf", ()):
            required |= set(_resolve(part).get("required", ()))
        for key, sub in _properties(branch).items():
            if not key:
                continue
            if key in value:
                nullable = any("null" in (_declared(b) or ()) for b in _branches(sub))
                yield (*at, key), sub, key in required, nullable
                yield from _fields(value[key], sub, (*at, key))
    elif isinstance(value, list):
        items = next((b.get("items") for b in _branches(schema) if "items" in b), None)
        for index, item in enumerate(value[:2]):
            if items is not None:
                yield from _fields(item, items, (*at, index))


def _at(value: Any, path: Path) -> Any:
    for step in path:
        value = value[step]
    return value


def _objects(value: Any, at: Path = ()) -> Iterator[Path]:
    if isinstance(value, dict):
        yield at
        for key, item in value.items():
            yield from _objects(item, (*at, key))
    elif isinstance(value, list):
        for index, item in enumerate(value[:2]):
            yield from _objects(item, (*at, index))


def _reachable(model: Any, key: str, value: Any) -> bool:
    """Whether some ``additional_properties`` in the parsed tree holds ``key: value``."""
    seen: list[Any] = [model]
    while seen:
        node = seen.pop()
        if isinstance(node, list):
            seen.extend(node)
            continue
        if isinstance(node, dict):  # a raw value the model keeps as the server sent it
            if node.get(key, object()) == value:
                return True
            seen.extend(node.values())
            continue
        extra = getattr(node, "additional_properties", None)
        if isinstance(extra, dict):
            if any(k.split(".")[-1].split("[")[0] == key and v == value for k, v in extra.items()):
                return True
            seen.extend(extra.values())
        for name in getattr(type(node), "__attrs_attrs__", ()):
            seen.append(getattr(node, name.name))
    return False


OPERATIONS = sorted(operations())


@pytest.fixture(params=["sync", "async"], scope="module")
def reader(request: pytest.FixtureRequest) -> Any:
    """A resource of the sync or the async client (``_parse`` is the same code in both)."""
    kind = AngoHub if request.param == "sync" else AsyncAngoHub
    hub = kind(api_key="k" * 24, base_url="https://hub.test/v2")
    return hub.projects


def test_every_operation_has_an_example_and_a_model() -> None:
    assert len(OPERATIONS) == 59
    for operation_id in OPERATIONS:
        example, model, _ = _answer(operation_id)
        assert model.from_dict(example) is not None, operation_id


@pytest.mark.parametrize("operation_id", OPERATIONS)
@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_a_mutated_answer_parses_and_keeps_what_it_cannot_type(
    reader: Any, operation_id: str, data: st.DataObject
) -> None:
    example, model, schema = _answer(operation_id)
    answer = copy.deepcopy(example)
    fields = list(_fields(answer, schema))
    added: list[tuple[str, Any]] = []
    retyped: list[tuple[str, Any]] = []
    touched: list[Path] = []  # each place is mutated once, nothing inside or around it again

    def free(path: Path) -> bool:
        return all(path[: len(t)] != t and t[: len(path)] != path for t in touched)

    for _ in range(data.draw(st.integers(1, 4), label="mutations")):
        kind = data.draw(st.sampled_from(["drop", "add", "null", "retype"]), label="kind")
        optional = [f for f in fields if not f[2] and _present(answer, f[0]) and free(f[0])]
        if kind == "drop" and optional:
            path = data.draw(st.sampled_from([f[0] for f in optional]), label="drop")
            del _at(answer, path[:-1])[path[-1]]
            touched.append(path)
        elif kind == "add":
            places = [p for p in _objects(answer) if free(p)]
            if not places:
                continue
            where = data.draw(st.sampled_from(places), label="add at")
            key = data.draw(
                st.sampled_from(["zzNewField", "serverAddedThis", "x_meta"]), label="key"
            )
            value = data.draw(
                st.one_of(st.integers(), st.text(max_size=5), st.none(), st.just({"deep": [1]})),
                label="value",
            )
            if key not in _at(answer, where):
                _at(answer, where)[key] = value
                added.append((key, value))
                touched.append((*where, key))
        elif kind == "null":
            nullable = [f for f in fields if f[3] and _present(answer, f[0]) and free(f[0])]
            if nullable:
                path = data.draw(st.sampled_from([f[0] for f in nullable]), label="null")
                _at(answer, path[:-1])[path[-1]] = None
                touched.append(path)
        elif optional:
            path = data.draw(st.sampled_from([f[0] for f in optional]), label="retype")
            old = _at(answer, path)
            new = OTHER[_json_type(old)]
            _at(answer, path[:-1])[path[-1]] = new
            touched.append(path)
            if isinstance(path[-1], str):
                retyped.append((path[-1], new))
    parsed = reader._parse(model.from_dict, answer, operation_id)
    assert parsed.to_dict() is not None
    for key, value in added:
        assert _reachable(parsed, key, value), (key, value, json.dumps(answer)[:300])
    for key, value in retyped:
        typed = _reachable(parsed, key, value) or json.dumps(value) in json.dumps(parsed.to_dict())
        assert typed, (key, value)


def _present(answer: Any, path: Path) -> bool:
    try:
        _at(answer, path)
    except (KeyError, IndexError, TypeError):
        return False
    return True


# Known only from the official SDK, whose functions return the answer unread (spec 4.0.0,
# docs/DISCREPANCIES.md row 89): the typed methods name a missing `data` themselves.
# (createAssetBuilderTemplate's stored template still has a sourced `required`.)
NOTHING_REQUIRED = {
    "addProjectMembers", "uploadInstructions", "updateLabelValidation", "rerunWebhook",
    "getProjectMetrics", "getProjectPerformance",
    "listStorageFiles", "fileExplorer", "listLlms", "createLlm", "deleteLlm",
    "sendNotification", "deleteProject", "purgeProject", "setTasksBenchmark",
}  # fmt: skip


@pytest.mark.parametrize("operation_id", OPERATIONS)
def test_a_missing_required_field_is_an_error_naming_it(reader: Any, operation_id: str) -> None:
    example, model, schema = _answer(operation_id)
    # The deepest required field outside lists (at least `data`): an item of a list or map
    # that lacks one is set aside whole, into additional_properties, not an error.
    required = [
        f for f in _fields(example, schema) if f[2] and not any(isinstance(p, int) for p in f[0])
    ]
    if not required:  # no source shows these answers: nothing in them is required
        assert operation_id in NOTHING_REQUIRED
        answer = {k: v for k, v in example.items() if k != "data"}
        assert reader._parse(model.from_dict, answer, operation_id) is not None
        return
    assert operation_id not in NOTHING_REQUIRED
    path = required[-1][0]
    answer = copy.deepcopy(example)
    del _at(answer, path[:-1])[path[-1]]
    with pytest.raises(UnexpectedResponseError, match=repr(path[-1])):
        reader._parse(model.from_dict, answer, operation_id)
