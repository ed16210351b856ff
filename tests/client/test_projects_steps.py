"""tools/other_languages/steps/10-projects.json played through ``hub.call`` on both clients by
the cross-language runner itself: every step answers 2xx from the mock (which validates each
request against the spec) and meets its ``expect``."""

from __future__ import annotations

from ango_hub import AngoHub
from ango_hub.mock.server import MockServer

from tests.support.steps import play


def test_projects_steps_play_through_hub_call(hub: AngoHub, mock: MockServer) -> None:
    before = {p.id for p in hub.projects.list()}
    play(hub, "10-projects.json", project=mock.project_id)
    assert {p.id for p in hub.projects.list()} == before  # the steps clean up
