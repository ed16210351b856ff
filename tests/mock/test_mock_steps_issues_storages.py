"""tools/other_languages/steps/30-issues-storages.json played through ``hub.call`` against the
mock, the way the cross-language runner plays it: every step answers 2xx, its expectations
hold, and the mock is left as it was."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from ango_hub import AngoHub
from ango_hub.mock.server import MockServer

STEPS = Path(__file__).resolve().parents[2] / "tools/other_languages/steps/30-issues-storages.json"


def _fill(value: Any, names: dict[str, str]) -> Any:
    if isinstance(value, str):
        return re.sub(r"\{(\w+)\}", lambda m: names.get(m.group(1), m.group(0)), value)
    if isinstance(value, dict):
        return {k: _fill(v, names) for k, v in value.items()}
    if isinstance(value, list):
        return [_fill(v, names) for v in value]
    return value


def _at(answer: Any, dotted: str) -> Any:
    for part in dotted.split("."):
        answer = answer[int(part)] if isinstance(answer, list) else answer[part]
    return answer


def test_steps_play_against_the_mock(mock: MockServer) -> None:
    names = {"project": mock.project_id, "generator": "python", "run": "r1"}
    answers = []
    with AngoHub(api_key=mock.api_key, base_url=mock.base_url) as hub:
        for step in json.loads(STEPS.read_text()):
            params = {**_fill(step.get("path", {}), names), **_fill(step.get("query", {}), names)}
            answer = hub.call(step["op"], params, body=_fill(step.get("body"), names))
            answers.append(answer)
            for name, dotted in step.get("save", {}).items():
                names[name] = str(_at(answer, dotted))
            for dotted, expected in step.get("expect", {}).items():
                assert _at(answer, dotted) == _fill(expected, names), (step["op"], dotted)
    played = {e["operation"] for e in mock.requests.entries}
    for op in ("createIssue", "listIssues", "updateIssue", "commentOnIssue", "deleteIssue"):
        assert op in played
    for op in ("createStorage", "listStorages", "listStorageFiles", "fileExplorer"):
        assert op in played
    assert all(e["status"] < 300 for e in mock.requests.entries)
    assert "example-secret-r1" not in json.dumps(answers)
    assert mock.state.issues == {}
    assert mock.state.storages == {}
    assert mock.project.live_count() == 0
