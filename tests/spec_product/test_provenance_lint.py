"""The provenance lint (`make lint-spec`): the spec passes it; on a fixture spec holding a sourced
and an unsourced node of each kind of constraint, in a request body, a parameter, an answer and a
schema no operation uses, it names exactly the unsourced ones; a source on an enclosing node does
not count; a malformed source, or an SDK name the SDK lacks, fails."""

from __future__ import annotations

import copy
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tools.spec.provenance_lint import Linter

ROOT = Path(__file__).resolve().parents[2]

SPEC: dict[str, Any] = yaml.safe_load((ROOT / "openapi.yaml").read_text())
PAGE = "https://docs.imerit.net/api-reference/tasks"
SDK_DOCS = "https://docs.imerit.net/sdk/sdk-documentation/project-level-sdk-functions/get_tasks"

# One schema per kind of constraint: the keyword(s) that make it a constraint node.
KINDS: dict[str, dict[str, Any]] = {
    "enum": {"type": "string", "enum": ["a", "b"]},
    "const": {"type": "string", "const": "a"},
    "pattern": {"type": "string", "pattern": "^a+$"},
    "minimum": {"type": "integer", "minimum": 1},
    "maximum": {"type": "integer", "maximum": 100},
    "exclusiveMinimum": {"type": "number", "exclusiveMinimum": 0},
    "exclusiveMaximum": {"type": "number", "exclusiveMaximum": 1},
    "multipleOf": {"type": "integer", "multipleOf": 5},
    "minLength": {"type": "string", "minLength": 1},
    "maxLength": {"type": "string", "maxLength": 10},
    "minItems": {"type": "array", "items": {"type": "string"}, "minItems": 1},
    "maxItems": {"type": "array", "items": {"type": "string"}, "maxItems": 5},
    "uniqueItems": {"type": "array", "items": {"type": "string"}, "uniqueItems": True},
    "minProperties": {"type": "object", "minProperties": 1},
    "maxProperties": {"type": "object", "maxProperties": 0},
    "additionalProperties: false": {"type": "object", "additionalProperties": False},
    "required": {"type": "object", "required": ["a"], "properties": {"a": {"type": "string"}}},
    "oneOf": {
        "oneOf": [
            {"type": "object", "properties": {"a": {"type": "string"}}},
            {"type": "object", "properties": {"b": {"type": "string"}}},
        ]
    },
    "not": {"type": "string", "not": {"type": "string"}},
    "dependentRequired": {"type": "object", "dependentRequired": {"a": ["b"]}},
}
PLACES = ("request", "parameter", "response", "component")


def _node(kind: str, sourced: bool) -> dict[str, Any]:
    node = copy.deepcopy(KINDS[kind])
    if sourced:
        node["x-source"] = PAGE
    return node


def _name(kind: str, sourced: bool) -> str:
    return f"{kind.split(':', maxsplit=1)[0]}_{'sourced' if sourced else 'unsourced'}"


def _fixture() -> tuple[dict[str, Any], set[str]]:
    """A spec with every kind in every place, sourced and not; and where the unsourced ones are."""
    props = {_name(k, s): _node(k, s) for k in KINDS for s in (True, False)}
    params = [
        {"name": _name(k, s), "in": "query", "schema": _node(k, s)}
        for k in KINDS
        for s in (True, False)
    ]
    op = {
        "parameters": params,
        "requestBody": {
            "content": {"application/json": {"schema": {"type": "object", "properties": props}}}
        },
        "responses": {
            "200": {
                "description": "ok",
                "content": {
                    "application/json": {
                        "schema": {"type": "object", "properties": copy.deepcopy(props)}
                    }
                },
            }
        },
    }
    spec = {
        "openapi": "3.1.0",
        "paths": {"/things": {"post": op}},
        "components": {
            "schemas": {"Unused": {"type": "object", "properties": copy.deepcopy(props)}}
        },
    }
    base = {
        "request": "paths//things/post/requestBody/content/application/json/schema/properties",
        "response": "paths//things/post/responses/200/content/application/json/schema/properties",
        "component": "components/schemas/Unused/properties",
    }
    expected = {f"{base[p]}/{_name(k, False)}: {k}: no x-source" for k in KINDS for p in base}
    unsourced = [i for i, prm in enumerate(params) if "unsourced" in prm["name"]]
    expected |= {
        f"paths//things/post/parameters/{i}/schema: {params[i]['name'].rsplit('_', 1)[0]}"
        for i in unsourced
    }
    return spec, expected


def _problems(spec: dict[str, Any], sdk: Path | None = None) -> list[str]:
    return Linter(spec, sdk).run()


def test_the_spec_has_no_unsourced_constraint() -> None:
    assert _problems(SPEC) == []


def test_the_spec_names_only_sdk_functions_the_sdk_has() -> None:
    sdk = ROOT / ".venv-sdk"
    found = sorted(sdk.glob("lib/python3*/site-packages/imerit_ango"))
    if not found:  # `make install` creates it; without it this check cannot run
        pytest.fail("the official SDK is not installed in .venv-sdk: run `make install`")
    linter = Linter(SPEC, found[0])
    assert linter.run() == []
    assert linter.nodes > 100  # the walk reaches the spec's constraints


def test_each_kind_in_each_place_is_checked_on_its_own_node() -> None:
    spec, expected = _fixture()
    problems = _problems(spec)
    # parameter problems end with the keyword name(s) then the reason; compare loosely there
    exact = {p for p in expected if "/parameters/" not in p}
    assert exact <= set(problems), sorted(exact - set(problems))
    params = [p for p in problems if "/parameters/" in p]
    assert len(params) == len(KINDS)
    for want in (e for e in expected if "/parameters/" in e):
        assert any(p.startswith(want) and p.endswith("no x-source") for p in params), want
    assert len(problems) == len(KINDS) * len(PLACES)
    assert not [p for p in problems if "_sourced" in p]


@pytest.mark.parametrize("place", ["query", "header", "cookie"])
def test_a_required_parameter_needs_its_own_source(place: str) -> None:
    param = {"name": "x", "in": place, "required": True, "schema": {"type": "string"}}
    spec = {"openapi": "3.1.0", "paths": {"/a": {"get": {"parameters": [param], "responses": {}}}}}
    assert _problems(spec) == ["paths//a/get/parameters/0: required: true: no x-source"]
    param["x-source"] = "sdk imerit_ango/sdk.py:get_tasks"
    assert _problems(spec) == []


def test_a_path_parameter_is_required_by_openapi_but_its_schema_is_checked() -> None:
    param = {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
    spec = {"openapi": "3.1.0", "paths": {"/a/{id}": {"get": {"parameters": [param]}}}}
    assert _problems(spec) == []
    param["schema"]["minLength"] = 1
    assert _problems(spec) == ["paths//a/{id}/get/parameters/0/schema: minLength: no x-source"]


def test_a_source_on_an_enclosing_node_does_not_count() -> None:
    child = {"type": "integer", "minimum": 1}
    body = {"type": "object", "x-source": PAGE, "required": ["n"], "properties": {"n": child}}
    enum = {"type": "string", "enum": ["a"]}
    param = {"name": "q", "in": "query", "x-source": PAGE, "schema": enum}
    op = {
        "x-source": PAGE,
        "parameters": [param],
        "requestBody": {"content": {"application/json": {"schema": body}}},
    }
    spec = {"openapi": "3.1.0", "paths": {"/a": {"post": op}}}
    assert _problems(spec) == [
        "paths//a/post/parameters/0/schema: enum: no x-source",
        "paths//a/post/requestBody/content/application/json/schema/properties/n: minimum: "
        "no x-source",
    ]


def test_a_required_request_body_needs_its_own_source() -> None:
    schema = {"type": "object"}
    body = {"required": True, "content": {"application/json": {"schema": schema}}}
    spec = {"openapi": "3.1.0", "paths": {"/a": {"post": {"x-source": PAGE, "requestBody": body}}}}
    assert _problems(spec) == ["paths//a/post/requestBody: required: true: no x-source"]
    body["x-source"] = PAGE
    assert _problems(spec) == []


def test_an_if_is_a_condition_its_then_is_checked() -> None:
    item = {
        "type": "object",
        "if": {"required": ["type"], "properties": {"type": {"enum": ["image"]}}},
        "then": {"required": ["storage"], "properties": {"storage": {"minLength": 1}}},
    }
    spec = {"openapi": "3.1.0", "components": {"schemas": {"Item": item}}}
    assert _problems(spec) == [
        "components/schemas/Item/then/properties/storage: minLength: no x-source",
        "components/schemas/Item/then: required: no x-source",
    ]


def test_a_oneof_of_disjoint_types_is_a_type_not_an_exclusivity_claim() -> None:
    schemas = {
        "Text": {"type": "string"},
        "Either": {"oneOf": [{"$ref": "#/components/schemas/Text"}, {"type": "null"}]},
        "Numbers": {"oneOf": [{"type": "integer"}, {"type": "number"}]},  # 1 matches both
    }
    spec = {"openapi": "3.1.0", "components": {"schemas": schemas}}
    assert _problems(spec) == ["components/schemas/Numbers: oneOf: no x-source"]


@pytest.mark.parametrize(
    ("source", "problem"),
    [
        (PAGE, None),
        (SDK_DOCS, None),
        ([PAGE, "sdk imerit_ango/sdk.py:get_tasks"], None),
        ("sdk imerit_ango/models/enums.py:Metrics", None),
        ("sdk imerit_ango/sdk.py:SDK.get_tasks", None),
        ("observed", None),
        ("observed 2026-11-02 live check: the answer had no total", None),
        ("sdk", "is not a vendor URL"),
        ("sdk imerit_ango/sdk.py", "is not a vendor URL"),
        ("the mock", "is not a vendor URL"),
        ("https://example.com/docs", "is not a vendor URL"),
        ("http://docs.imerit.net/api", "is not a vendor URL"),
        ("observedish", "is not a vendor URL"),
        ([], "x-source is empty"),
        ([PAGE, 3], "is not a string"),
    ],
)
def test_the_source_format(source: Any, problem: str | None) -> None:
    schema = {"type": "string", "enum": ["a"], "x-source": source}
    found = _problems({"openapi": "3.1.0", "components": {"schemas": {"S": schema}}})
    if problem is None:
        assert found == []
    else:
        assert len(found) == 1
        assert problem in found[0]


def test_an_operations_source_has_the_same_format() -> None:
    op = {"x-source": "sdk", "responses": {"200": {"description": "ok"}}}
    spec = {"openapi": "3.1.0", "paths": {"/a": {"get": op}}}
    assert _problems(spec) == [f"paths//a/get: {Linter(spec).sources.why_not('sdk')}"]
    op["x-source"] = "sdk imerit_ango/sdk.py:get_tasks"
    assert _problems(spec) == []


def test_an_sdk_source_must_name_a_file_and_a_name_the_sdk_has(tmp_path: Path) -> None:
    package = tmp_path / "imerit_ango"
    (package / "models").mkdir(parents=True)
    (package / "sdk.py").write_text("class SDK:\n    def get_tasks(self):\n        pass\n")
    (package / "models" / "enums.py").write_text("class Metrics(Enum):\n    TimePerTask = 'x'\n")

    def problems(source: str) -> list[str]:
        schema = {"type": "string", "enum": ["a"], "x-source": source}
        return _problems({"openapi": "3.1.0", "components": {"schemas": {"S": schema}}}, package)

    assert problems("sdk imerit_ango/sdk.py:get_tasks") == []
    assert problems("sdk imerit_ango/sdk.py:SDK.get_tasks") == []
    assert problems("sdk imerit_ango/models/enums.py:Metrics") == []
    assert "defines no get_everything" in problems("sdk imerit_ango/sdk.py:get_everything")[0]
    assert "has no file imerit_ango/other.py" in problems("sdk imerit_ango/other.py:get_tasks")[0]


def test_the_command_exits_1_naming_the_node(tmp_path: Path) -> None:
    spec = copy.deepcopy(SPEC)
    spec["components"]["schemas"]["AssetUpdate"]["minProperties"] = 1
    path = tmp_path / "openapi.yaml"
    path.write_text(yaml.safe_dump(spec))
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools/spec/provenance_lint.py"), str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert "components/schemas/AssetUpdate: minProperties: no x-source" in done.stdout
    assert done.stdout.strip().endswith("1 unsourced")
