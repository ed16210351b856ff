"""``hub.assets``: listing (auto-paginated), import, chat upload, bulk upload, update, batches,
delete.

Listing keeps two pages in flight while the caller works through the current one.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import AsyncIterator, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from itertools import islice
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


PREFETCH = 2


def _last_page(first: AssetPage, page_size: int) -> int:
    """The last page number, from the first page's ``total``."""
    if len(first.assets) < page_size:
        return 1
    return max(1, -(-first.total // page_size))


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
        """Every matching asset, across pages, lazily (two pages in flight ahead of the caller)."""
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

        first = fetch(1)
        yield from first.assets
        last = _last_page(first, page_size)
        if last == 1:
            return
        # Pages 2..last are fetched PREFETCH at a time, so the server works on one page while
        # this process parses another.
        with ThreadPoolExecutor(PREFETCH, thread_name_prefix="ango-hub-page") as pool:
            pending: deque[Future[AssetPage]] = deque()
            upcoming = iter(range(2, last + 1))
            for number in islice(upcoming, PREFETCH):
                pending.append(pool.submit(fetch, number))
            while pending:
                page = pending.popleft().result()
                for number in islice(upcoming, 1):
                    pending.append(pool.submit(fetch, number))
                yield from page.assets
                if len(page.assets) < page_size:  # the listing shrank meanwhile
                    for future in pending:
                        future.cancel()
                    return

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
        (file name by default) is already in the project are skipped. ``concurrency`` (1-64)
        bounds the requests in flight to each service: up to that many upload-URL calls to the
        API while as many PUTs stream to storage."""
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

        first = await fetch(1)
        for asset in first.assets:
            yield asset
        last = _last_page(first, page_size)
        upcoming = iter(range(2, last + 1))
        pending: deque[asyncio.Task[AssetPage]] = deque(
            fetch(n) for n in islice(upcoming, PREFETCH)
        )
        try:
            while pending:
                page = await pending.popleft()
                pending.extend(fetch(n) for n in islice(upcoming, 1))
                for asset in page.assets:
                    yield asset
                if len(page.assets) < page_size:
                    return
        finally:
            for task in pending:
                task.cancel()

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
