"""``hub.batches``: a project's batches: list, create (one or many), assign assets."""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Sequence

from ango_hub_api.models import Batch, BatchAssignment, ProjectResponse

from ango_hub.batch_names import batch_ids, unknown_batch

from ._base import AsyncResource, ExtraBody, ExtraHeaders, ExtraQuery, ProjectRead


class AsyncBatches(AsyncResource):
    """A project's batches."""

    async def list(
        self,
        project_id: str,
        *,
        extra_body: ExtraBody = None,
        extra_query: ExtraQuery = None,
        extra_headers: ExtraHeaders = None,
    ) -> list[Batch]:
        """The project's batches (from ``getProject``, as the official SDK reads them)."""
        return await self._read(ProjectRead(self._hub, project_id))

    async def _read(self, read: ProjectRead) -> builtins.list[Batch]:
        return self._batches(await read.answer(), "getProject")

    async def create(
        self,
        project_id: str,
        names: str | Iterable[str],
        *,
        extra_body: ExtraBody = None,
        extra_query: ExtraQuery = None,
        extra_headers: ExtraHeaders = None,
    ) -> builtins.list[Batch]:
        """Create the batches not there yet (by name); returns all the project's batches."""
        wanted = [names] if isinstance(names, str) else list(names)
        body = {"batches": [{"name": name} for name in wanted]}
        answer = await self._hub.call("createBatches", {"projectId": project_id}, body=body)
        return self._batches(answer, "createBatches")

    def _batches(self, answer: object, operation_id: str) -> builtins.list[Batch]:
        """The project's batches: an answer without the project is a typed error; a project
        without ``batches`` has none."""
        parsed = self._parse(ProjectResponse.from_dict, answer, operation_id)
        project = self._need(parsed.data.project, operation_id, "data.project")
        batches = project.batches
        return batches if isinstance(batches, list) else []

    async def resolve(
        self,
        project_id: str,
        batches: Sequence[str],
        *,
        create_missing: bool = False,
        extra_body: ExtraBody = None,
        extra_query: ExtraQuery = None,
        extra_headers: ExtraHeaders = None,
    ) -> builtins.list[str]:
        """The IDs of ``batches`` (names or IDs): one read of the project. A batch it lacks
        raises :class:`~ango_hub.AngoHubValidationError` listing the project's batches, or
        with ``create_missing`` is created first (one more request)."""
        return await self._resolve(project_id, batches, create_missing=create_missing)

    async def _resolve(
        self,
        project_id: str,
        batches: Sequence[str],
        *,
        create_missing: bool = False,
        read: ProjectRead | None = None,
    ) -> builtins.list[str]:
        """:meth:`resolve`; ``read`` shares the project's read with the call's other checks."""
        if isinstance(batches, str):  # one name, not its characters
            batches = [batches]
        if not batches:
            return []
        known = await self._read(read or ProjectRead(self._hub, project_id))
        ids, missing = batch_ids(batches, known)
        if missing and create_missing:
            known = await self.create(project_id, dict.fromkeys(missing))
            ids, missing = batch_ids(batches, known)
        if missing:
            raise unknown_batch(project_id, missing[0], known)
        return ids

    async def assign(
        self,
        project_id: str,
        asset_ids: Iterable[str],
        batches: Iterable[str],
        *,
        mode: str = "add",
        create_missing_batches: bool = False,
        extra_body: ExtraBody = None,
        extra_query: ExtraQuery = None,
        extra_headers: ExtraHeaders = None,
    ) -> BatchAssignment:
        """Put assets into batches (names or IDs); ``hub.assets.assign_batches`` by another name."""
        return await self._hub.assets.assign_batches(
            project_id, asset_ids, batches, mode=mode, create_missing_batches=create_missing_batches
        )
