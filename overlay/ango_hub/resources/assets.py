"""``hub.assets``: listing (auto-paginated), import, chat upload, bulk upload, update, batches,
delete.

Listing fetches the next page while the caller works through the current one.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any, Unpack

from ango_hub_api.models import (
    Asset,
    AssetPage,
    BatchAssignment,
    CloudAsset,
    DeleteAssetsResult,
    ImportSummary,
)

from .. import _operations as ops
from .. import _validate as check
from .. import upload as bulk
from ._base import AsyncResource, SyncResource

PAGE_SIZE = 100
Filters = Mapping[str, Any] | str | None
CloudAssetInput = CloudAsset | Mapping[str, Any]


def _more_pages(page: AssetPage, number: int, page_size: int) -> bool:
    return len(page.assets) == page_size and number * page_size < page.total


class Assets(SyncResource):
    """A project's assets."""

    def list_page(
        self,
        project: str,
        *,
        page: int = 1,
        limit: int = 10,
        filters: Filters = None,
        external_id: str | None = None,
        batches: Sequence[str] | None = None,
    ) -> AssetPage:
        """One page: ``.assets`` and ``.total`` (matches across all pages). ``limit`` 1..100;
        ``filters`` a dict (or JSON text) with ``_id``, ``externalId``, ``isPreLabeled``,
        ``batches`` (batch IDs; an asset must be in all)."""
        call = ops.list_assets_page(
            project,
            page=page,
            limit=limit,
            filters=filters,
            external_id=external_id,
            batches=batches,
        )
        return self._hub._run(call)

    def list(
        self,
        project: str,
        *,
        filters: Filters = None,
        external_id: str | None = None,
        batches: Sequence[str] | None = None,
        page_size: int = PAGE_SIZE,
    ) -> Iterator[Asset]:
        """Every matching asset, across pages, lazily (one page ahead)."""
        check.int_in_range("page_size", page_size, 1, 100)

        def fetch(number: int) -> AssetPage:
            return self.list_page(
                project,
                page=number,
                limit=page_size,
                filters=filters,
                external_id=external_id,
                batches=batches,
            )

        with ThreadPoolExecutor(1, thread_name_prefix="ango-hub-page") as ahead:
            number = 1
            pending: Future[AssetPage] = ahead.submit(fetch, number)
            while True:
                page = pending.result()
                more = _more_pages(page, number, page_size)
                if more:
                    pending = ahead.submit(fetch, number + 1)
                yield from page.assets
                if not more:
                    return
                number += 1

    def delete(self, project: str, asset_ids: Iterable[str]) -> DeleteAssetsResult:
        """Soft-delete assets; ``.deleted`` and ``.failed`` count them. Safe to retry."""
        return self._hub._run(ops.delete_assets_call(project, asset_ids))

    def update(
        self,
        asset_id: str,
        *,
        metadata: Mapping[str, Any] | None = None,
        context_data: Mapping[str, Any] | None = None,
        data: str | None = None,
        overlay: Sequence[str] | None = None,
        external_id: str | None = None,
    ) -> Asset:
        """Change an asset's properties; those left out stay as they are."""
        call = ops.update_asset_call(
            asset_id,
            metadata=metadata,
            context_data=context_data,
            data=data,
            overlay=overlay,
            external_id=external_id,
        )
        return self._hub._run(call)

    def assign_batches(
        self, project: str, asset_ids: Iterable[str], batches: Iterable[str], *, mode: str = "add"
    ) -> BatchAssignment:
        """Put assets into batches (names or IDs)."""
        return self._hub._run(ops.assign_batches_call(project, asset_ids, batches, mode=mode))

    def import_from_cloud(
        self,
        project: str,
        assets: Iterable[CloudAssetInput],
        *,
        batches: Sequence[str] | None = None,
        upload_local: bool | None = None,
        priority: float | None = None,
    ) -> ImportSummary:
        """Create assets from URLs (dicts with ``data``, ``externalId``, ``metadata``,
        ``contextData``, ``batches``, ``storage``). ``priority`` -1000..1000.

        Not retried once the request may have reached the server: it creates data.
        """
        call = ops.import_cloud_call(
            project, assets, batches=batches, upload_local=upload_local, priority=priority
        )
        return self._hub._run(call)

    def upload_chat(self, project: str, **options: Unpack[ops.ChatOptions]) -> ImportSummary:
        """Create chat assets from a conversations ``file``, ``conversations`` (list or JSON
        text) or ``number_of_conversations`` empty ones; also ``storage_id``, ``bucket``,
        ``batches``, ``llm_config`` (dict), ``naming_strategy``, ``priority``.
        Sent as multipart with a random boundary when there is a file."""
        return self._hub._run(ops.upload_chat_call(project, **options))

    def upload(
        self,
        project: str,
        files: Iterable[str | Path],
        *,
        batches: Sequence[str] | None = None,
        concurrency: int = 8,
        progress: bool = True,
        external_id: bulk.ExternalIdFrom = "name",
    ) -> bulk.UploadReport:
        """Upload local files as assets; see :mod:`ango_hub.upload`. Files whose externalId
        (file name by default) is already in the project are skipped."""
        check.int_in_range("concurrency", concurrency, 1, 64)
        items = bulk.plan(files, external_id)
        return bulk.run_sync(
            self._hub,
            project,
            items,
            batches=batches,
            concurrency=concurrency,
            progress=progress,
        )


class AsyncAssets(AsyncResource):
    """Async twin of :class:`Assets`."""

    async def list_page(
        self,
        project: str,
        *,
        page: int = 1,
        limit: int = 10,
        filters: Filters = None,
        external_id: str | None = None,
        batches: Sequence[str] | None = None,
    ) -> AssetPage:
        """See :meth:`Assets.list_page`."""
        call = ops.list_assets_page(
            project,
            page=page,
            limit=limit,
            filters=filters,
            external_id=external_id,
            batches=batches,
        )
        return await self._hub._run(call)

    async def list(
        self,
        project: str,
        *,
        filters: Filters = None,
        external_id: str | None = None,
        batches: Sequence[str] | None = None,
        page_size: int = PAGE_SIZE,
    ) -> AsyncIterator[Asset]:
        """See :meth:`Assets.list`."""
        check.int_in_range("page_size", page_size, 1, 100)

        def fetch(number: int) -> asyncio.Task[AssetPage]:
            return asyncio.ensure_future(
                self.list_page(
                    project,
                    page=number,
                    limit=page_size,
                    filters=filters,
                    external_id=external_id,
                    batches=batches,
                )
            )

        number = 1
        pending = fetch(number)
        try:
            while True:
                page = await pending
                more = _more_pages(page, number, page_size)
                if more:
                    pending = fetch(number + 1)
                for asset in page.assets:
                    yield asset
                if not more:
                    return
                number += 1
        finally:
            pending.cancel()

    async def delete(self, project: str, asset_ids: Iterable[str]) -> DeleteAssetsResult:
        """See :meth:`Assets.delete`."""
        return await self._hub._run(ops.delete_assets_call(project, asset_ids))

    async def update(
        self,
        asset_id: str,
        *,
        metadata: Mapping[str, Any] | None = None,
        context_data: Mapping[str, Any] | None = None,
        data: str | None = None,
        overlay: Sequence[str] | None = None,
        external_id: str | None = None,
    ) -> Asset:
        """See :meth:`Assets.update`."""
        call = ops.update_asset_call(
            asset_id,
            metadata=metadata,
            context_data=context_data,
            data=data,
            overlay=overlay,
            external_id=external_id,
        )
        return await self._hub._run(call)

    async def assign_batches(
        self, project: str, asset_ids: Iterable[str], batches: Iterable[str], *, mode: str = "add"
    ) -> BatchAssignment:
        """See :meth:`Assets.assign_batches`."""
        call = ops.assign_batches_call(project, asset_ids, batches, mode=mode)
        return await self._hub._run(call)

    async def import_from_cloud(
        self,
        project: str,
        assets: Iterable[CloudAssetInput],
        *,
        batches: Sequence[str] | None = None,
        upload_local: bool | None = None,
        priority: float | None = None,
    ) -> ImportSummary:
        """See :meth:`Assets.import_from_cloud`."""
        call = ops.import_cloud_call(
            project, assets, batches=batches, upload_local=upload_local, priority=priority
        )
        return await self._hub._run(call)

    async def upload_chat(self, project: str, **options: Unpack[ops.ChatOptions]) -> ImportSummary:
        """See :meth:`Assets.upload_chat`."""
        return await self._hub._run(ops.upload_chat_call(project, **options))

    async def upload(
        self,
        project: str,
        files: Iterable[str | Path],
        *,
        batches: Sequence[str] | None = None,
        concurrency: int = 8,
        progress: bool = True,
        external_id: bulk.ExternalIdFrom = "name",
    ) -> bulk.UploadReport:
        """See :meth:`Assets.upload`."""
        check.int_in_range("concurrency", concurrency, 1, 64)
        items = bulk.plan(files, external_id)
        return await bulk.run_async(
            self._hub,
            project,
            items,
            batches=batches,
            concurrency=concurrency,
            progress=progress,
        )
