"""A project's setup besides its label set and workflow: members, instructions, label
validation, webhook reruns, asset builder templates. Each is kept on the project
(``state.Project``) and scoped to the key's organisation (others' projects answer 404)."""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from .api import Call, Handler, success
from .ids import iso_now, new_id
from .storage import STORAGE_PREFIX, StorageError
from .validation import RequestInvalid


async def add_project_members(call: Call) -> Response:
    body = call.op.body
    with call.ctx.state.lock:
        project = call.project(call.op.path["projectId"])
        for email in body["assignees"]:
            project.members[email] = body["role"]
        return success({"assignedTo": project.members_to_api()})


async def upload_instructions(call: Call) -> Response:
    """Writes the file to the mock's storage (the answer's ``url`` reads back through
    ``getSignedUrl``) and keeps its description on the project."""
    data = call.files["file"]
    file_name, content_type = call.file_meta["file"]
    with call.ctx.state.lock:
        project = call.project(call.op.path["projectId"])
    try:
        key = call.ctx.store.make_key(project.id, "instructions", file_name)
        target = call.ctx.store.path_for(key)
    except StorageError as exc:
        raise RequestInvalid(f"body.file: file name {exc}") from exc
    await run_in_threadpool(_write, target, data)
    record: dict[str, Any] = {
        "url": f"{call.root_url}{STORAGE_PREFIX}{key}",
        "fileName": file_name,
        "contentType": content_type,
        "size": len(data),
        "sha256": hashlib.sha256(data).hexdigest(),
        "uploadedAt": iso_now(),
    }
    for name in ("storageId", "bucket"):
        if name in call.op.query:
            record[name] = call.op.query[name]
    with call.ctx.state.lock:
        project.instructions = record
    return success({"instructions": record})


def _write(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=".upload-")
    with os.fdopen(fd, "wb") as out:
        out.write(data)
    os.replace(temporary, target)  # a reader never sees half a file


async def update_label_validation(call: Call) -> Response:
    """Fields left out keep their value."""
    body = call.op.body or {}
    with call.ctx.state.lock:
        project = call.project(call.op.path["projectId"])
        project.label_validation.update(body)
        return success({"labelValidation": dict(project.label_validation)})


async def rerun_webhook(call: Call) -> Response:
    """The tasks now in stage ``stageId`` are the ones the webhook would receive again."""
    stage_id = call.op.body["stageId"]
    with call.ctx.state.lock:
        project = call.project(call.op.path["projectId"])
        task_ids = [a.task_id for a in project.iter_assets() if a.stage == stage_id]
    return success({"stageId": stage_id, "tasks": len(task_ids), "taskIds": task_ids})


async def create_asset_builder_template(call: Call) -> Response:
    # A media column without `storage` is refused by the spec (the SDK's rule). The SDK also
    # refuses, before sending, a `selectedExternalId`/`batchColumn` that names no `dataConfig`
    # column; JSON Schema cannot say it and no source says the server refuses it: stored as sent.
    body = dict(call.op.body)
    template = {"_id": new_id(), **body, "createdAt": iso_now()}
    with call.ctx.state.lock:
        project = call.project(call.op.path["projectId"])
        project.asset_builder_templates.append(template)
    return success({"template": template})


HANDLERS: dict[str, Handler] = {
    "addProjectMembers": add_project_members,
    "uploadInstructions": upload_instructions,
    "updateLabelValidation": update_label_validation,
    "rerunWebhook": rerun_webhook,
    "createAssetBuilderTemplate": create_asset_builder_template,
}
