"""The cross-language steps of a project's setup and figures (tools/other_languages/steps/
20-project-setup-and-figures.json) played through ``hub.call`` on both clients against the mock by
the cross-language runner itself: every step answers 2xx and meets its ``expect``."""

from __future__ import annotations

from ango_hub import AngoHub
from ango_hub.mock.server import MockServer

from tests.support.steps import play
from tools.other_languages import steps


def test_every_step_succeeds_and_meets_its_expectations(
    hub: AngoHub, mock: MockServer, client_kind: str
) -> None:
    played = play(
        hub,
        "20-project-setup-and-figures.json",
        project=mock.project_id,
        generator=f"python-{client_kind}",
    )
    assert {s["op"] for s in steps.named("20-project-setup-and-figures.json").steps} == {
        "addProjectMembers",
        "uploadInstructions",
        "updateLabelValidation",
        "createAssetBuilderTemplate",
        "rerunWebhook",
        "getProjectMetrics",
        "getProjectPerformance",
    }
    assert [a["status"] for a in played.answers] == ["success"] * len(played.answers)
    assert mock.project.members["labeler-r1@example.com"] == "Reviewer"
    assert [t["_id"] for t in mock.project.asset_builder_templates] == [played.names["templateId"]]
    assert mock.project.instructions is not None
