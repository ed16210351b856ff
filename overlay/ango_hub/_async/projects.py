"""``hub.projects``: the organisation's projects, one page or all of them (auto-paginated)."""

from __future__ import annotations

from collections.abc import AsyncIterator

from ango_hub_api.models import ProjectListItem, ProjectListResponse, ProjectPage

from ._base import AsyncResource
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
