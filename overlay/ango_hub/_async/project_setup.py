"""``hub.project_setup``: what a project's work is set up with besides its label set and
workflow: members and their roles, labelling instructions, label validation, webhook reruns,
asset builder templates."""

from __future__ import annotations

import mimetypes
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import IO, Any

from ango_hub_api.models import (
    AssetBuilderTemplateResponse,
    DataConfigItem,
    InstructionsFile,
    InstructionsResponse,
    LabelValidation,
    LabelValidationResponse,
    ProjectMember,
    ProjectMembersResponse,
    ProjectRole,
    RerunWebhookResponse,
    RerunWebhookResult,
    StoredAssetBuilderTemplate,
)

from ._base import AsyncResource, ExtraBody, ExtraHeaders, ExtraQuery, present


class AsyncProjectSetup(AsyncResource):
    """A project's members, instructions, label validation, webhooks and asset builder
    templates."""

    async def add_members(
        self,
        project_id: str,
        emails: Sequence[str],
        role: ProjectRole | str,
        *,
        extra_body: ExtraBody = None,
        extra_query: ExtraQuery = None,
        extra_headers: ExtraHeaders = None,
    ) -> list[ProjectMember]:
        """Add organisation members (by email) to the project, all with ``role`` (``Manager``,
        ``Lead``, ``Reviewer`` or ``Labeler``); a member already there gets ``role``. Returns
        every member of the project afterwards. Safe to repeat (retried like a read)."""
        body = {"assignees": list(emails), "role": role}
        answer = await self._hub.call("addProjectMembers", {"projectId": project_id}, body=body)
        return self._need(
            self._need(
                self._parse(ProjectMembersResponse.from_dict, answer, "addProjectMembers").data,
                "addProjectMembers",
                "data",
            ).assigned_to,
            "addProjectMembers",
            "data.assignedTo",
        )

    async def upload_instructions(
        self,
        project_id: str,
        file: str | os.PathLike[str] | IO[bytes],
        *,
        storage_id: str | None = None,
        bucket: str | None = None,
        extra_body: ExtraBody = None,
        extra_query: ExtraQuery = None,
        extra_headers: ExtraHeaders = None,
    ) -> InstructionsFile:
        """Upload the project's labelling instructions (replacing any earlier file) from a path
        or an open binary file; the file is streamed, never read into memory whole. Its name
        (and type, guessed from the name) are kept. ``storage_id``/``bucket`` keep it in the
        organisation's own storage."""
        params = {"projectId": project_id, "storageId": storage_id, "bucket": bucket}
        part = _file_part(file)
        answer = await self._hub.call("uploadInstructions", params, files={"file": part})
        return self._need(
            self._need(
                self._parse(InstructionsResponse.from_dict, answer, "uploadInstructions").data,
                "uploadInstructions",
                "data",
            ).instructions,
            "uploadInstructions",
            "data.instructions",
        )

    async def set_label_validation(
        self,
        project_id: str,
        *,
        custom_validation_enabled: bool | None = None,
        validation_function: str | None = None,
        external_validation: Mapping[str, Any] | None = None,
        extra_body: ExtraBody = None,
        extra_query: ExtraQuery = None,
        extra_headers: ExtraHeaders = None,
    ) -> LabelValidation:
        """Change the project's label validation; arguments left out keep their value.
        Returns the settings afterwards. Safe to repeat."""
        body = present(
            {
                "customValidationEnabled": custom_validation_enabled,
                "validationFunction": validation_function,
                "externalValidation": external_validation,
            }
        )
        params = {"projectId": project_id}
        answer = await self._hub.call("updateLabelValidation", params, body=body)
        return self._need(
            self._need(
                self._parse(
                    LabelValidationResponse.from_dict, answer, "updateLabelValidation"
                ).data,
                "updateLabelValidation",
                "data",
            ).label_validation,
            "updateLabelValidation",
            "data.labelValidation",
        )

    async def rerun_webhook(
        self,
        project_id: str,
        stage_id: str,
        *,
        extra_body: ExtraBody = None,
        extra_query: ExtraQuery = None,
        extra_headers: ExtraHeaders = None,
    ) -> RerunWebhookResult:
        """Send the tasks in webhook stage ``stage_id`` to its webhook again; returns how many
        (and which) tasks are re-sent. Not retried after a server error: a retry would send
        the webhooks once more."""
        params = {"projectId": project_id}
        answer = await self._hub.call("rerunWebhook", params, body={"stageId": stage_id})
        return self._need(
            self._parse(RerunWebhookResponse.from_dict, answer, "rerunWebhook").data,
            "rerunWebhook",
            "data",
        )

    async def create_asset_builder_template(
        self,
        project_id: str,
        *,
        name: str,
        template: str,
        external_id_column: str,
        data_config: Mapping[str, DataConfigItem | Mapping[str, Any]],
        description: str | None = None,
        batch_column: str | None = None,
        pre_label_config: Mapping[str, Any] | None = None,
        extra_body: ExtraBody = None,
        extra_query: ExtraQuery = None,
        extra_headers: ExtraHeaders = None,
    ) -> StoredAssetBuilderTemplate:
        """Create an asset builder template: ``template`` is the asset's HTML with
        ``{{column}}`` placeholders, ``data_config`` one entry per input column (``type``:
        text, link, image, audio, video, iframe or pdf; media types need a ``storage``),
        ``external_id_column`` and ``batch_column`` name columns of ``data_config``. Returns
        the template with its new ``id``."""
        body = present(
            {
                "name": name,
                "template": template,
                "selectedExternalId": external_id_column,
                "dataConfig": {
                    column: item.to_dict() if isinstance(item, DataConfigItem) else dict(item)
                    for column, item in data_config.items()
                },
                "description": description,
                "batchColumn": batch_column,
                "preLabelConfig": None if pre_label_config is None else dict(pre_label_config),
            }
        )
        params = {"projectId": project_id}
        answer = await self._hub.call("createAssetBuilderTemplate", params, body=body)
        return self._need(
            self._need(
                self._parse(
                    AssetBuilderTemplateResponse.from_dict, answer, "createAssetBuilderTemplate"
                ).data,
                "createAssetBuilderTemplate",
                "data",
            ).template,
            "createAssetBuilderTemplate",
            "data.template",
        )


def _file_part(file: str | os.PathLike[str] | IO[bytes]) -> Any:
    """A path as it is (the client opens and streams it); an open file with its own name."""
    if isinstance(file, str | os.PathLike):
        return Path(file)
    name = Path(str(getattr(file, "name", "instructions"))).name
    return (name, file, mimetypes.guess_type(name)[0] or "application/octet-stream")
