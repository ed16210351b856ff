"""tools/other_languages/steps/10-projects.json played through ``hub.call`` on both clients,
as the cross-language runner's Python workload plays it: every step answers 2xx from the mock
(which validates each request against the spec) and meets its ``expect``."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from ango_hub import AngoHub
from ango_hub.mock.server import MockServer

STEPS = Path(__file__).resolve().parents[2] / "tools/other_languages/steps/10-projects.json"


def _dig(answer: Any, dotted: str) -> Any:
    for part in dotted.split("."):
        answer = answer[int(part)] if isinstance(answer, list) else answer[part]
    return answer


def _fill(value: Any, names: dict[str, str]) -> Any:
    if isinstance(value, str):
        return re.sub(r"\{(\w+)\}", lambda m: names.get(m.group(1), m.group(0)), value)
    if isinstance(value, list):
        return [_fill(v, names) for v in value]
    if isinstance(value, dict):
        return {k: _fill(v, names) for k, v in value.items()}
    return value


def test_projects_steps_play_through_hub_call(hub: AngoHub, mock: MockServer) -> None:
    names = {"project": mock.project_id, "generator": "python", "run": "r1"}
    before = {p.field_id for p in hub.projects.list()}
    for step in json.loads(STEPS.read_text()):
        params = {**_fill(step.get("path", {}), names), **_fill(step.get("query", {}), names)}
        answer = hub.call(step["op"], params, body=_fill(step.get("body"), names))
        for dotted, expected in step.get("expect", {}).items():
            assert _dig(answer, dotted) == _fill(expected, names), (step["op"], dotted)
        for name, dotted in step.get("save", {}).items():
            names[name] = _dig(answer, dotted)
    assert {p.field_id for p in hub.projects.list()} == before  # the steps clean up
