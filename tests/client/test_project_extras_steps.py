"""The cross-language steps of the project extras (tools/other_languages/steps/
20-project-extras.json) played through ``hub.call`` on both clients against the mock, as the
Python runner of those steps does: every step answers 2xx and meets its ``expect``."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from ango_hub import AngoHub
from ango_hub.mock.server import MockServer

STEPS = Path(__file__).resolve().parents[2] / "tools/other_languages/steps/20-project-extras.json"


def _fill(value: Any, names: dict[str, str]) -> Any:
    if isinstance(value, str):
        return re.sub(r"\{(\w+)\}", lambda m: names.get(m.group(1), m.group(0)), value)
    if isinstance(value, list):
        return [_fill(v, names) for v in value]
    if isinstance(value, dict):
        return {k: _fill(v, names) for k, v in value.items()}
    return value


def _at(answer: Any, dotted: str) -> Any:
    for part in dotted.split("."):
        answer = answer[int(part)] if isinstance(answer, list) else answer[part]
    return answer


def test_every_step_succeeds_and_meets_its_expectations(
    hub: AngoHub, mock: MockServer, client_kind: str
) -> None:
    names = {"project": mock.project_id, "generator": f"python-{client_kind}", "run": "r1"}
    steps = json.loads(STEPS.read_text())
    for written in steps:
        step = _fill(written, names)
        files = {
            name: (part["filename"], part["text"].encode(), part["type"])
            for name, part in step.get("files", {}).items()
        }
        params = {**step.get("path", {}), **step.get("query", {})}
        answer = hub.call(step["op"], params, body=step.get("body"), files=files or None)
        assert answer["status"] == "success", step["op"]
        for dotted, expected in step.get("expect", {}).items():
            assert _at(answer, dotted) == expected, (step["op"], dotted)
        for name, dotted in step.get("save", {}).items():
            names[name] = _at(answer, dotted)
    assert {s["op"] for s in steps} == {
        "addProjectMembers",
        "uploadInstructions",
        "updateLabelValidation",
        "createAssetBuilderTemplate",
        "rerunWebhook",
        "getProjectMetrics",
        "getProjectPerformance",
    }
    assert mock.project.members["labeler-r1@example.com"] == "Reviewer"
    assert [t["_id"] for t in mock.project.asset_builder_templates] == [names["templateId"]]
    assert mock.project.instructions is not None
