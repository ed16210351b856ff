"""``hub.projects``: the organisation's projects: list (auto-paginated), create, get, label
set / workflow / benchmark settings, clone, purge, delete."""

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

from ._base import AsyncResource, present
from .paging import PAGE_SIZE, check_page_size, pages


class AsyncProjects(AsyncResource):
    """The projects of the API key's organisation."""

    async def list_page(
        self, *, page: int = 1, limit: int = 10, sort: str | None = None
    ) -> ProjectPage:
        """One page: ``.projects`` and ``.total``. ``sort`` a field (``createdAt``, ``name``),
        ``-`` first for descending; the server's default is newest first."""
        params = {"page": page, "limit": limit, "sort": sort}
        return ProjectListResponse.from_dict(await self._hub.call("listProjects", params)).data

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
        category_schema: Mapping[str, Any] | None = None,
    ) -> Project:
        """A new project (``type``: ``ango``, ``pct`` or ``iframe``), with the default
        workflow ``Start -> Label -> Complete``."""
        body = present(
            {
                "name": name,
                "description": description,
                "type": type,
                "categorySchema": category_schema,
            }
        )
        return await self._project("createProject", {}, body)

    async def get(self, project_id: str) -> Project:
        """The project with its label set, workflow stages, benchmark settings and batches."""
        return await self._project("getProject", {"projectId": project_id}, None)

    async def update(self, project_id: str, **fields: Any) -> Project:
        """Set any of ``categorySchema``, ``stages``, ``benchmarkEnabled``,
        ``benchmarkRatio``, ``benchmarkCutoff`` (the API's names); the rest is unchanged."""
        return await self._project("updateProject", {"projectId": project_id}, fields)

    async def set_label_set(
        self,
        project_id: str,
        *,
        tools: Sequence[Mapping[str, Any]] = (),
        classifications: Sequence[Mapping[str, Any]] = (),
        relations: Sequence[Mapping[str, Any]] = (),
    ) -> Project:
        """Replace the label set (tool, classification and relation categories)."""
        schema = {
            "tools": list(tools),
            "classifications": list(classifications),
            "relations": list(relations),
        }
        return await self.update(project_id, categorySchema=schema)

    async def set_workflow(self, project_id: str, stages: Sequence[Mapping[str, Any]]) -> Project:
        """Replace the workflow: stages with ``id``, ``type``, ``name`` and ``next`` (IDs)."""
        return await self.update(project_id, stages=list(stages))

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
        return ProjectResponse.from_dict(answer).data.project
