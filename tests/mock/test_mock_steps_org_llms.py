"""tools/other_languages/steps/40-org-llms.json played through ``hub.call`` against the mock by
the cross-language runner itself: every step answers 2xx, its expectations hold, the LLM key
never comes back, and the mock is left as it was (no invite, no LLM)."""

from __future__ import annotations

import json

from ango_hub import AngoHub
from ango_hub.mock.server import MockServer

from tests.support.steps import play
from tools.other_languages import steps


def test_steps_play_against_the_mock(mock: MockServer) -> None:
    with AngoHub(api_key=mock.api_key, base_url=mock.base_url) as hub:
        played = play(hub, "40-org-llms.json", project=mock.project_id)
    logged = {e["operation"] for e in mock.requests.entries}
    assert {step["op"] for step in steps.named("40-org-llms.json").steps} <= logged
    assert all(e["status"] < 300 for e in mock.requests.entries)
    assert "example-llm-secret-r1" not in json.dumps(played.answers)
    organisation = mock.state.organisation_for_key(mock.api_key)
    assert organisation is not None
    assert organisation.people.invites == {}
    assert organisation.people.llms == {}
    assert [m.email for m in organisation.roster()] == [organisation.owner_email]
