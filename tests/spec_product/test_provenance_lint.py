"""The provenance lint (`make lint-spec`): the spec passes it, and each kind of unsourced
constraint on a copy of the spec makes it fail, naming the place."""

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


def _problems(spec: dict[str, Any]) -> list[str]:
    return Linter(spec).run()


def test_the_spec_has_no_unsourced_constraint() -> None:
    assert _problems(SPEC) == []


def test_the_command_exits_1_on_an_unsourced_constraint(tmp_path: Path) -> None:
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
    assert "components/schemas/AssetUpdate (request): minProperties: no x-source" in done.stdout


def _schemas(spec: dict[str, Any]) -> dict[str, Any]:
    schemas: dict[str, Any] = spec["components"]["schemas"]
    return schemas


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda s: _schemas(s)["AssetUpdate"].__setitem__("additionalProperties", False),
            "components/schemas/AssetUpdate (request): additionalProperties: false",
        ),
        (
            lambda s: _schemas(s)["CreateProjectRequest"]["properties"]["benchmarkRatio"].update(
                maximum=100
            ),
            "CreateProjectRequest/properties/benchmarkRatio (request): maximum",
        ),
        (
            lambda s: _schemas(s)["TaskStatus"].pop("x-source"),
            "components/schemas/TaskStatus (request): enum: no x-source",
        ),
        (
            lambda s: _schemas(s)["TaskHistoryEntry"].__setitem__("required", ["task", "user"]),
            "components/schemas/TaskHistoryEntry (response): required: no x-source",
        ),
        (
            lambda s: _schemas(s)["TaskListResponse"].__setitem__("x-source", "the mock"),
            "x-source ['the mock'] is not a URL",
        ),
        (
            lambda s: s["paths"]["/listProjects"]["get"]["parameters"][0].update(required=True),
            "paths//listProjects/get/parameters/0 (request): required parameter",
        ),
    ],
    ids=["additionalProperties", "bound", "enum", "answer required", "bad source", "param"],
)
def test_each_kind_of_unsourced_constraint_is_found(change: Any, expected: str) -> None:
    spec = copy.deepcopy(SPEC)
    change(spec)
    problems = _problems(spec)
    assert any(expected in p for p in problems), problems
    assert len(problems) == 1, problems


def test_a_path_parameter_needs_no_source() -> None:
    spec = copy.deepcopy(SPEC)
    task_id = spec["components"]["parameters"]["TaskIdPath"]
    assert task_id["required"] is True
    assert task_id["schema"].get("minLength") == 1
    assert "x-source" not in task_id
    assert _problems(spec) == []
