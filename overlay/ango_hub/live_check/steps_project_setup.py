"""Live-check steps of a project's setup (members, instructions, label validation, webhook
reruns, asset builder templates).

Every write here goes to the project the run created, never to the user's project:
* members: the run's project's own member (its creator) is assigned again with their role;
* label validation: an empty body;
* webhook rerun: a stage ID naming no stage of the run's project, so no webhook is called;
* instructions and an asset builder template: tagged with the run; deleting the run's project
  removes them.
"""

from __future__ import annotations

from typing import Any

from .context import Run
from .steps_projects import _own


def add_project_members(run: Run) -> None:
    project_id = _own(run)
    project = run.call("getProject", {"projectId": project_id})["data"]["project"]
    for member in project.get("assignedTo") or []:
        email = member.get("user") or member.get("email")
        if isinstance(email, str) and isinstance(member.get("role"), str):
            body = {"assignees": [email], "role": member["role"]}
            run.call("addProjectMembers", {"projectId": project_id}, body=body)
            return
    raise LookupError("the run's project lists no member to assign again with the same role")


def upload_instructions(run: Run) -> None:
    project_id = _own(run)
    name = f"{run.tag}-instructions.txt"
    run.ledger.expect("instructions", name)
    text = f"Instructions uploaded by the ango-hub live check, run {run.run_id}.\n".encode()
    run.call(
        "uploadInstructions",
        {"projectId": project_id},
        files={"file": (name, text, "text/plain")},
    )


def update_label_validation(run: Run) -> None:
    # Fields left out keep their value: an empty body changes nothing.
    run.call("updateLabelValidation", {"projectId": _own(run)}, body={})


def rerun_webhook(run: Run) -> None:
    # The run's workflow has no Webhook stage: a stage ID naming none calls no webhook.
    stage_id = f"{run.tag}-no-such-stage"
    run.call("rerunWebhook", {"projectId": _own(run)}, body={"stageId": stage_id})


# A minimal asset builder template: one text field shown, its ID field exported.
TEMPLATE: dict[str, Any] = {
    "template": "<p>{{text}}</p>",
    "selectedExternalId": "id",
    "dataConfig": {
        "id": {"type": "text", "includeInExport": True},
        "text": {"type": "text", "includeInExport": False},
    },
    "preLabelConfig": {},
}


def create_asset_builder_template(run: Run) -> None:
    project_id = _own(run)
    name = f"{run.tag}-template"
    run.ledger.expect("template", name)
    body = {**TEMPLATE, "name": name, "description": "created by the ango-hub live check"}
    run.call("createAssetBuilderTemplate", {"projectId": project_id}, body=body)
