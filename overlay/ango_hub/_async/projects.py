"""``hub.projects``: the organisation's projects: list (auto-paginated), create, get, label
set / workflow / benchmark settings, clone, purge, delete."""

from __future__ import annotations

import builtins
import mimetypes
import os
from collections.abc import AsyncIterator, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from ango_hub_api.models import (
    AssetBuilderTemplateResponse,
    DataConfigItem,
    InstructionsFile,
    InstructionsResponse,
    LabelValidation,
    LabelValidationResponse,
    Performance,
    PerformanceResponse,
    Project,
    ProjectListItem,
    ProjectListResponse,
    ProjectMember,
    ProjectMembersResponse,
    ProjectMetric,
    ProjectMetricResponse,
    ProjectMetricResult,
    ProjectPage,
    ProjectResponse,
    ProjectRole,
    RerunWebhookResponse,
    RerunWebhookResult,
    StoredAssetBuilderTemplate,
)

from ango_hub.labelled_project import LabelledProject
from ango_hub.labels import Classification, LabelSet, Relation, Stage, Tool

from ._base import AsyncResource, plain, present
from .paging import PAGE_SIZE, check_page_size, pages


class AsyncProjects(AsyncResource):
    """The projects of the API key's organisation."""

    async def list_page(
        self, *, page: int = 1, limit: int = 10, sort: str | None = None
    ) -> ProjectPage:
        """One page: ``.projects`` and ``.total``. ``sort`` a field (``createdAt``, ``name``),
        ``-`` first for descending; the server's default is newest first."""
        params = {"page": page, "limit": limit, "sort": sort}
        answer = await self._hub.call("listProjects", params)
        listing = self._parse(ProjectListResponse.from_dict, answer, "listProjects").data
        self._field(listing.total, int, "listProjects", "data.total")
        for project in self._field(listing.projects, list, "listProjects", "data.projects"):
            self._field(project, ProjectListItem, "listProjects", "data.projects[]")
        return listing

    async def list(
        self, *, sort: str | None = None, page_size: int = PAGE_SIZE
    ) -> AsyncIterator[ProjectListItem]:
        """Every project, across pages, lazily (two pages in flight ahead of the caller)."""
        check_page_size("listProjects", page_size)

        async def fetch(number: int) -> tuple[list[ProjectListItem], int]:
            page = await self.list_page(page=number, limit=page_size, sort=sort)
            return page.projects, page.total

        async for project in pages(fetch, page_size):
            yield project

    async def create(
        self,
        name: str,
        *,
        description: str | None = None,
        type: str | None = None,
        category_schema: LabelSet | Mapping[str, Any] | None = None,
    ) -> Project:
        """A new project (``type``: ``ango``, ``pct`` or ``iframe``), with the default
        workflow ``Start -> Label -> Complete``."""
        body = present(
            {
                "name": name,
                "description": description,
                "type": type,
                "categorySchema": None if category_schema is None else plain(category_schema),
            }
        )
        return await self._project("createProject", {}, body)

    async def get(self, project_id: str) -> LabelledProject:
        """The project with its label set and workflow as :mod:`ango_hub.labels` objects
        (``.label_set``, a ``LabelSet``; ``.workflow``, a list of ``Stage``), besides every
        field of the generated ``Project`` (``.category_schema``, ``.stages``, benchmark
        settings, batches)."""
        answer = await self._hub.call("getProject", {"projectId": project_id})
        project = self._read_project(answer, "getProject")
        # From the answer's JSON; a shape the builders cannot read is a typed error too.
        return self._parse(
            lambda kept: LabelledProject.of(project, kept["data"]["project"]), answer, "getProject"
        )

    async def update(self, project_id: str, **fields: Any) -> Project:
        """Set any of ``categorySchema``, ``stages``, ``benchmarkEnabled``,
        ``benchmarkRatio``, ``benchmarkCutoff`` (the API's names); the rest is unchanged."""
        return await self._project("updateProject", {"projectId": project_id}, fields)

    async def set_label_set(
        self,
        project_id: str,
        label_set: LabelSet | Mapping[str, Any] | None = None,
        *,
        tools: Sequence[Tool | Mapping[str, Any]] = (),
        classifications: Sequence[Classification | Mapping[str, Any]] = (),
        relations: Sequence[Relation | Mapping[str, Any]] = (),
    ) -> Project:
        """Replace the label set: a :class:`~ango_hub.labels.LabelSet` (or its dict, e.g. a
        project's ``categorySchema``), or its ``tools``, ``classifications`` and
        ``relations`` (builders, plain dicts, or the official SDK's category objects). Checked
        against the spec before sending: a missing or misspelt ``tool`` kind names the field
        and the allowed kinds."""
        if label_set is not None:
            schema = plain(label_set)
        else:
            schema = {
                "tools": [plain(t) for t in tools],
                "classifications": [plain(c) for c in classifications],
                "relations": [plain(r) for r in relations],
            }
        return await self.update(project_id, categorySchema=schema)

    async def set_workflow(
        self, project_id: str, stages: Sequence[Stage | Mapping[str, Any]]
    ) -> Project:
        """Replace the workflow: :class:`~ango_hub.labels.Stage` objects or dicts with ``id``,
        ``type``, ``name`` and ``next`` (the IDs of the stages after it)."""
        return await self.update(project_id, stages=[plain(stage) for stage in stages])

    async def set_benchmark(
        self,
        project_id: str,
        *,
        enabled: bool,
        ratio: float | None = None,
        cutoff: bool | None = None,
    ) -> Project:
        """Turn benchmark sampling on or off; ``ratio`` is a percentage (0 to 100)."""
        fields = present({"benchmarkRatio": ratio, "benchmarkCutoff": cutoff})
        return await self.update(project_id, benchmarkEnabled=enabled, **fields)

    async def clone(
        self,
        project_id: str,
        *,
        category_schema: bool = True,
        assigned_to: bool = True,
        batches: bool = True,
        workflow: bool = True,
        plugin_presets: bool = True,
        project_general_settings: bool = True,
    ) -> Project:
        """A new project ``<name> copy`` with the chosen sections (never assets or tasks)."""
        body = {
            "categorySchema": category_schema,
            "assignedTo": assigned_to,
            "batches": batches,
            "workflow": workflow,
            "pluginPresets": plugin_presets,
            "projectGeneralSettings": project_general_settings,
        }
        return await self._project("cloneProject", {"projectId": project_id}, body)

    async def purge(self, project_id: str, *, confirm_name: str) -> None:
        """Delete the project's assets, tasks and stored files; ``confirm_name`` must be
        the project's name."""
        body = {"confirmName": confirm_name}
        await self._hub.call("purgeProject", {"projectId": project_id}, body=body)

    async def delete(self, project_id: str) -> None:
        """Delete the project with everything in it."""
        await self._hub.call("deleteProject", {"projectId": project_id})

    async def _project(
        self, operation_id: str, params: Mapping[str, Any], body: Mapping[str, Any] | None
    ) -> Project:
        answer = await self._hub.call(operation_id, params, body=body)
        return self._read_project(answer, operation_id)

    def _read_project(self, answer: Any, operation_id: str) -> Project:
        return self._need(
            self._parse(ProjectResponse.from_dict, answer, operation_id).data.project,
            operation_id,
            "data.project",
        )

    # -- project extras: members, instructions, validation, webhooks, templates, figures --

    async def add_members(
        self, project_id: str, emails: Sequence[str], role: ProjectRole | str
    ) -> builtins.list[ProjectMember]:  # `list` here is the method above
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

    async def rerun_webhook(self, project_id: str, stage_id: str) -> RerunWebhookResult:
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

    async def metrics(self, project_id: str, metric: ProjectMetric | str) -> ProjectMetricResult:
        """One metric of the project's overview (``LabelStageGroups``, ``TimePerTask``,
        ``AnnotationStatus``, ``AnswerDistribution``, ``ConsensusRanges``, ``AssetSize``):
        ``.total`` counted and one ``.groups`` row (``key``, ``count``, maybe ``value``) per
        group."""
        params = {"projectId": project_id, "metric": metric}
        answer = await self._hub.call("getProjectMetrics", params)
        return self._need(
            self._parse(ProjectMetricResponse.from_dict, answer, "getProjectMetrics").data,
            "getProjectMetrics",
            "data",
        )

    async def performance(
        self,
        project_id: str,
        *,
        start: datetime | str | None = None,
        end: datetime | str | None = None,
        batches: Sequence[str] | None = None,
        users: Sequence[str] | None = None,
    ) -> Performance:
        """The project's labelling figures (tasks, completed, labelled, one row per labeller),
        optionally within ``start``..``end`` (datetimes, naive ones read as UTC, or ISO
        text), for some batch IDs and some users (emails). A full window goes as the SDK's
        ``interval``, a one-sided one as the vendor's ``startDate``/``endDate``."""
        window = present({"startDate": _iso(start), "endDate": _iso(end)})
        body: dict[str, Any] = (
            {"interval": [window["startDate"], window["endDate"]]} if len(window) == 2 else window
        )
        body.update(present({"batches": _listed(batches), "users": _listed(users)}))
        params = {"projectId": project_id}
        answer = await self._hub.call("getProjectPerformance", params, body=body)
        return self._need(
            self._need(
                self._parse(PerformanceResponse.from_dict, answer, "getProjectPerformance").data,
                "getProjectPerformance",
                "data",
            ).performance,
            "getProjectPerformance",
            "data.performance",
        )


def _file_part(file: str | os.PathLike[str] | IO[bytes]) -> Any:
    """A path as it is (the client opens and streams it); an open file with its own name."""
    if isinstance(file, str | os.PathLike):
        return Path(file)
    name = Path(str(getattr(file, "name", "instructions"))).name
    return (name, file, mimetypes.guess_type(name)[0] or "application/octet-stream")


def _iso(moment: datetime | str | None) -> str | None:
    if not isinstance(moment, datetime):
        return moment
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return aware.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _listed(values: Sequence[str] | None) -> list[str] | None:
    return None if values is None else list(values)
