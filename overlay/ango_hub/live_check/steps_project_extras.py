"""Live-check steps of the project extras (members, instructions, label validation, webhook
reruns, asset builder templates, metrics, performance).

On a real account these are writes, so each is made as harmless as the API allows:
* members: an existing member is assigned again with the role they already have (nothing
  changes; no member is added, since the spec has no operation to remove one);
* label validation: an empty body, which changes nothing;
* webhook rerun: only a stage of type Webhook is re-sent (the project's own webhook receives
  its tasks again); with none, a stage ID naming no stage, so nothing is sent;
* instructions and asset builder templates cannot be undone through the API: they are tagged
  with the run and reported as leftovers to remove in Ango Hub.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from .context import Run

METRICS = (
    "LabelStageGroups",
    "TimePerTask",
    "AnnotationStatus",
    "AnswerDistribution",
    "ConsensusRanges",
    "AssetSize",
)


def _project(run: Run) -> dict[str, Any]:
    """The project as ``GET /project/{id}`` shows it (members, stages), read once."""
    if "project" not in run.found:
        response = run.raw("GET", f"/project/{run.project}")
        response.raise_for_status()
        run.found["project"] = response.json().get("data", {}).get("project", {})
    project: dict[str, Any] = run.found["project"]
    return project


def add_project_members(run: Run) -> None:
    for member in _project(run).get("assignedTo") or []:
        email = member.get("user") or member.get("email")
        if isinstance(email, str) and isinstance(member.get("role"), str):
            body = {"assignees": [email], "role": member["role"]}
            run.call("addProjectMembers", {"projectId": run.project}, body=body)
            return
    raise LookupError("the project lists no member to assign again with the same role")


def upload_instructions(run: Run) -> None:
    name = f"{run.tag}-instructions.txt"
    run.ledger.expect_kept(
        "instructions",
        name,
        "the project's instructions are now the live check's file; upload yours in Ango Hub",
    )
    text = f"Instructions uploaded by the ango-hub live check, run {run.run_id}.\n".encode()
    run.call(
        "uploadInstructions",
        {"projectId": run.project},
        files={"file": (name, text, "text/plain")},
    )


def update_label_validation(run: Run) -> None:
    # Fields left out keep their value: an empty body changes nothing.
    run.call("updateLabelValidation", {"projectId": run.project}, body={})


def rerun_webhook(run: Run) -> None:
    stages = _project(run).get("stages") or []
    webhook = next(
        (s for s in stages if str(s.get("type", "")).lower() == "webhook" and s.get("id")), None
    )
    stage_id = str(webhook["id"]) if webhook else f"{run.tag}-no-such-stage"
    run.call("rerunWebhook", {"projectId": run.project}, body={"stageId": stage_id})


def create_asset_builder_template(run: Run) -> None:
    name = f"{run.tag}-template"
    run.ledger.expect_kept(
        "builder template",
        name,
        "the spec has no operation to delete a template; remove it in Ango Hub",
    )
    body = {
        "name": name,
        "description": "created by the ango-hub live check",
        "template": "<p>{{text}}</p>",
        "selectedExternalId": "id",
        "dataConfig": {
            "id": {"type": "text", "includeInExport": True},
            "text": {"type": "text", "includeInExport": False},
        },
        "preLabelConfig": {},
    }
    run.call("createAssetBuilderTemplate", {"projectId": run.project}, body=body)


def get_project_metrics(run: Run) -> None:
    for metric in METRICS:
        run.call("getProjectMetrics", {"projectId": run.project, "metric": metric})


def get_project_performance(run: Run) -> None:
    now = datetime.now(UTC)
    window = [f"{t:%Y-%m-%dT%H:%M:%S.%f}Z" for t in (now - timedelta(days=1), now)]
    run.call("getProjectPerformance", {"projectId": run.project}, body={"interval": window})
