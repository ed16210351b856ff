"""tools/other_languages/steps/30-issues-storages.json played through ``hub.call`` against the
mock by the cross-language runner itself: every step answers 2xx, its expectations hold, and
the mock is left as it was."""

from __future__ import annotations

import json

from ango_hub import AngoHub
from ango_hub.mock.server import MockServer

from tests.support.steps import play


def test_steps_play_against_the_mock(mock: MockServer) -> None:
    with AngoHub(api_key=mock.api_key, base_url=mock.base_url) as hub:
        played = play(hub, "30-issues-storages.json", project=mock.project_id)
    logged = {e["operation"] for e in mock.requests.entries}
    for op in ("createIssue", "listIssues", "updateIssue", "commentOnIssue", "deleteIssue"):
        assert op in logged
    for op in ("createStorage", "listStorages", "listStorageFiles", "fileExplorer"):
        assert op in logged
    assert all(e["status"] < 300 for e in mock.requests.entries)
    assert "example-secret-r1" not in json.dumps(played.answers)
    assert mock.state.issues == {}
    assert mock.state.storages == {}
    assert mock.project.live_count() == 0
