"""``hub.projects``: the organisation's projects: list (auto-paginated), create, get, label
set / workflow / benchmark settings, clone, purge, delete. What a project is set up with
besides is ``hub.project_setup`` (``project_setup.py``), what its work adds up to
``hub.project_figures`` (``project_figures.py``)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping, Sequence
from typing import Any

from ango_hub_api.models import (
    Project,
    ProjectListItem,
    ProjectListResponse,
    ProjectPage,
    ProjectResponse,
)

from ango_hub.labelled_project import LabelledProject
from ango_hub.labels import Classification, LabelSet, Relation, Stage, Tool
from ango_hub.stage_names import check_next

from ._base import AsyncResource, ExtraBody, ExtraHeaders, ExtraQuery, moved, plain, present
from .paging import PAGE_SIZE, check_page_size, pages
from .project_figures import AsyncProjectFigures
from .project_setup import AsyncProjectSetup


class AsyncProjects(AsyncResource):
    """The projects of the API key's organisation."""

    async def list_page(
        self,
        *,
        page: int = 1,
        limit: int = 10,
        sort: str | None = None,
        extra_body: ExtraBody = None,
        extra_query: ExtraQuery = None,
        extra_headers: ExtraHeaders = None,
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
        self,
        *,
        sort: str | None = None,
        page_size: int = PAGE_SIZE,
        extra_body: ExtraBody = None,
        extra_query: ExtraQuery = None,
        extra_headers: ExtraHeaders = None,
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
        extra_body: ExtraBody = None,
        extra_query: ExtraQuery = None,
        extra_headers: ExtraHeaders = None,
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

    async def get(
        self,
        project_id: str,
        *,
        extra_body: ExtraBody = None,
        extra_query: ExtraQuery = None,
        extra_headers: ExtraHeaders = None,
    ) -> LabelledProject:
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

    async def update(
        self,
        project_id: str,
        *,
        extra_body: ExtraBody = None,
        extra_query: ExtraQuery = None,
        extra_headers: ExtraHeaders = None,
        **fields: Any,
    ) -> Project:
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
        extra_body: ExtraBody = None,
        extra_query: ExtraQuery = None,
        extra_headers: ExtraHeaders = None,
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
        self,
        project_id: str,
        stages: Sequence[Stage | Mapping[str, Any]],
        *,
        extra_body: ExtraBody = None,
        extra_query: ExtraQuery = None,
        extra_headers: ExtraHeaders = None,
    ) -> Project:
        """Replace the workflow: :class:`~ango_hub.labels.Stage` objects or dicts with ``id``,
        ``type``, ``name`` and ``next`` (the IDs of the stages after it). A ``next`` naming
        no stage of the list is refused before sending, listing the stages' IDs."""
        sent = [plain(stage) for stage in stages]
        check_next(sent)
        return await self.update(project_id, stages=sent)

    async def set_benchmark(
        self,
        project_id: str,
        *,
        enabled: bool,
        ratio: float | None = None,
        cutoff: bool | None = None,
        extra_body: ExtraBody = None,
        extra_query: ExtraQuery = None,
        extra_headers: ExtraHeaders = None,
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
        extra_body: ExtraBody = None,
        extra_query: ExtraQuery = None,
        extra_headers: ExtraHeaders = None,
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

    async def purge(
        self,
        project_id: str,
        *,
        confirm_name: str,
        extra_body: ExtraBody = None,
        extra_query: ExtraQuery = None,
        extra_headers: ExtraHeaders = None,
    ) -> None:
        """Delete the project's assets, tasks and stored files; ``confirm_name`` must be
        the project's name."""
        body = {"confirmName": confirm_name}
        await self._hub.call("purgeProject", {"projectId": project_id}, body=body)

    async def delete(
        self,
        project_id: str,
        *,
        extra_body: ExtraBody = None,
        extra_query: ExtraQuery = None,
        extra_headers: ExtraHeaders = None,
    ) -> None:
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

    # The paths of 1.x before the split, kept working (with a DeprecationWarning).
    add_members = moved("project_setup", AsyncProjectSetup.add_members)
    upload_instructions = moved("project_setup", AsyncProjectSetup.upload_instructions)
    set_label_validation = moved("project_setup", AsyncProjectSetup.set_label_validation)
    rerun_webhook = moved("project_setup", AsyncProjectSetup.rerun_webhook)
    create_asset_builder_template = moved(
        "project_setup", AsyncProjectSetup.create_asset_builder_template
    )
    metrics = moved("project_figures", AsyncProjectFigures.metrics)
    performance = moved("project_figures", AsyncProjectFigures.performance)
