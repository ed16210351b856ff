"""``hub.assets``: listing (auto-paginated), import, chat upload, bulk upload, update, batches,
delete."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Unpack

from ango_hub_api.models import (
    Asset,
    AssetListResponse,
    AssetPage,
    AssetResponse,
    AssetsImportedResponse,
    AssignBatchesResponse,
    BatchAssignment,
    CloudAsset,
    DeleteAssetsResponse,
    DeleteAssetsResult,
    ImportSummary,
)

from ango_hub import _validate as check
from ango_hub import upload as bulk
from ango_hub._options import ChatOptions
from ango_hub.errors import AngoHubValidationError
from ango_hub.upload_import import DEFAULT_SETTLE_SECONDS

from ._base import AsyncResource, ExtraBody, ExtraHeaders, ExtraQuery, present
from .paging import PAGE_SIZE, check_page_size, pages
from .upload_run import run_upload

Filters = Mapping[str, Any] | str | None
CloudAssetInput = CloudAsset | Mapping[str, Any]


class AsyncAssets(AsyncResource):
    """A project's assets."""

    async def list_page(
        self,
        project: str,
        *,
        page: int = 1,
        limit: int = 10,
        filters: Filters = None,
        external_id: str | None = None,
        batches: Sequence[str] | None = None,
        extra_body: ExtraBody = None,
        extra_query: ExtraQuery = None,
        extra_headers: ExtraHeaders = None,
    ) -> AssetPage:
        """One page: ``.assets`` and ``.total`` (matches across all pages). ``limit`` 1..100;
        ``filters`` a dict (or JSON text) with ``_id``, ``externalId``, ``isPreLabeled``,
        ``batches`` (batch IDs; an asset must be in all)."""
        params: dict[str, Any] = {
            "projectId": project,
            "page": page,
            "limit": limit,
            "filters": filters,
        }
        params |= {"externalId": external_id, "batches": batches}
        answer = await self._hub.call("listAssets", params)
        listing = self._parse(AssetListResponse.from_dict, answer, "listAssets").data
        self._field(listing.total, int, "listAssets", "data.total")
        for asset in self._field(listing.assets, list, "listAssets", "data.assets"):
            self._field(asset, Asset, "listAssets", "data.assets[]")
        return listing

    async def list(
        self,
        project: str,
        *,
        filters: Filters = None,
        external_id: str | None = None,
        batches: Sequence[str] | None = None,
        page_size: int = PAGE_SIZE,
        extra_body: ExtraBody = None,
        extra_query: ExtraQuery = None,
        extra_headers: ExtraHeaders = None,
    ) -> AsyncIterator[Asset]:
        """Every matching asset, across pages, lazily (two pages in flight ahead of the caller)."""
        check_page_size("listAssets", page_size)

        async def fetch(number: int) -> tuple[list[Asset], int]:
            page = await self.list_page(
                project,
                page=number,
                limit=page_size,
                filters=filters,
                external_id=external_id,
                batches=batches,
            )
            return page.assets, page.total

        async for asset in pages(fetch, page_size):
            yield asset

    async def delete(
        self,
        project: str,
        asset_ids: Iterable[str],
        *,
        extra_body: ExtraBody = None,
        extra_query: ExtraQuery = None,
        extra_headers: ExtraHeaders = None,
    ) -> DeleteAssetsResult:
        """Soft-delete assets; ``.deleted`` and ``.failed`` count them. Safe to retry."""
        answer = await self._hub.call(
            "deleteAssets", {"projectId": project}, body={"assets": asset_ids}
        )
        return self._parse(DeleteAssetsResponse.from_dict, answer, "deleteAssets").data

    async def update(
        self,
        asset_id: str,
        *,
        metadata: Mapping[str, Any] | None = None,
        context_data: Mapping[str, Any] | None = None,
        data: str | None = None,
        overlay: Sequence[str] | None = None,
        external_id: str | None = None,
        extra_body: ExtraBody = None,
        extra_query: ExtraQuery = None,
        extra_headers: ExtraHeaders = None,
    ) -> Asset:
        """Change an asset's properties; those left out stay as they are."""
        body: dict[str, Any] = {"metadata": metadata, "contextData": context_data, "data": data}
        body |= {"overlay": overlay, "externalId": external_id}
        answer = await self._hub.call("updateAsset", {"assetId": asset_id}, body=present(body))
        return self._need(
            self._parse(AssetResponse.from_dict, answer, "updateAsset").data.asset,
            "updateAsset",
            "data.asset",
        )

    async def assign_batches(
        self,
        project: str,
        asset_ids: Iterable[str],
        batches: Iterable[str],
        *,
        mode: str = "add",
        create_missing_batches: bool = False,
        extra_body: ExtraBody = None,
        extra_query: ExtraQuery = None,
        extra_headers: ExtraHeaders = None,
    ) -> BatchAssignment:
        """Put assets into batches: names or IDs of the project's batches (one read of the
        project); one it lacks is refused before anything is sent, unless
        ``create_missing_batches``."""
        ids = await self._hub.batches.resolve(
            project, list(batches), create_missing=create_missing_batches
        )
        body = {"project": project, "assets": asset_ids, "batches": ids, "mode": mode}
        answer = await self._hub.call("assignBatches", body=body)
        result = self._parse(AssignBatchesResponse.from_dict, answer, "assignBatches")
        assets = result.data.assets
        return assets if isinstance(assets, BatchAssignment) else BatchAssignment()

    async def import_from_cloud(
        self,
        project: str,
        assets: Iterable[CloudAssetInput],
        *,
        batches: Sequence[str] | None = None,
        upload_local: bool | None = None,
        priority: float | None = None,
        create_missing_batches: bool = False,
        extra_body: ExtraBody = None,
        extra_query: ExtraQuery = None,
        extra_headers: ExtraHeaders = None,
    ) -> ImportSummary:
        """Create assets from URLs (dicts with ``data``, ``externalId``, ``metadata``,
        ``contextData``, ``batches``, ``storage``). ``priority`` -1000..1000. ``batches``:
        names or IDs of the project's batches; one it lacks is refused before anything is
        sent, unless ``create_missing_batches``.

        Not retried once the request may have reached the server: it creates data.
        """
        if batches:
            batches = await self._hub.batches.resolve(
                project, batches, create_missing=create_missing_batches
            )
        return await self._import_with_ids(
            project, assets, batches=batches, upload_local=upload_local, priority=priority
        )

    async def _import_with_ids(
        self,
        project: str,
        assets: Iterable[CloudAssetInput],
        *,
        batches: Sequence[str] | None,
        upload_local: bool | None = None,
        priority: float | None = None,
    ) -> ImportSummary:
        """:meth:`import_from_cloud` with ``batches`` already the project's batch IDs (sent
        as given: a bulk upload resolves its batches once, then imports in chunks)."""
        body = present({"assets": assets, "uploadLocal": upload_local, "priority": priority})
        params = {"projectId": project, "batches": batches}
        answer = await self._hub.call("importCloudAssets", params, body=body)
        return self._summary(answer, "importCloudAssets")

    async def upload_chat(
        self,
        project: str,
        *,
        extra_body: ExtraBody = None,
        extra_query: ExtraQuery = None,
        extra_headers: ExtraHeaders = None,
        **options: Unpack[ChatOptions],
    ) -> ImportSummary:
        """Create chat assets from a conversations ``file``, ``conversations`` (list or JSON
        text) or ``number_of_conversations`` empty ones; also ``storage_id``, ``bucket``,
        ``batches``, ``llm_config`` (dict), ``naming_strategy``, ``priority``.
        ``batches``: names or IDs of the project's batches (one it lacks is refused before
        sending, unless ``create_missing_batches=True``).
        Sent as multipart with a random boundary when there is a file."""
        check.known_options("upload_chat", options, ChatOptions)
        file, strategy = options.get("file"), options.get("naming_strategy")
        empty = not options.get("number_of_conversations")
        if file is None and options.get("conversations") is None and empty:
            allowed = "file, conversations or number_of_conversations"
            raise AngoHubValidationError("conversations", "nothing to create", allowed)
        batches = options.get("batches")
        if batches:
            create = bool(options.get("create_missing_batches"))
            batches = await self._hub.batches.resolve(project, batches, create_missing=create)
        body = {
            "projectId": project,
            "conversations": options.get("conversations"),
            "numberOfConversations": options.get("number_of_conversations"),
            "storageId": options.get("storage_id"),
            "bucket": options.get("bucket"),
            "batches": batches,
            "llmConfig": options.get("llm_config"),
            "namingStrategy": None if strategy is None else {"type": strategy},
            "priority": options.get("priority"),
        }
        files = None if file is None else {"file": Path(file)}
        answer = await self._hub.call(
            "uploadChatAssets", {"projectId": project}, body=present(body), files=files
        )
        return self._summary(answer, "uploadChatAssets")

    async def upload(
        self,
        project: str,
        files: bulk.Files,
        *,
        batches: Sequence[str] | None = None,
        concurrency: int = 8,
        progress: bool = True,
        external_id: bulk.ExternalIdFrom = "name",
        settle_seconds: float = DEFAULT_SETTLE_SECONDS,
        create_missing_batches: bool = False,
        metadata: bulk.PerFile[Mapping[str, Any]] | None = None,
        context_data: bulk.PerFile[Mapping[str, Any]] | None = None,
        priority: bulk.PerFile[float] | None = None,
        storage_id: str | None = None,
        extra_body: ExtraBody = None,
        extra_query: ExtraQuery = None,
        extra_headers: ExtraHeaders = None,
    ) -> bulk.UploadReport:
        """Upload local files and folders as assets: ``files`` is one path (a ``str`` or ``Path``,
        a file or a folder) or several; see :mod:`ango_hub.upload`
        (:func:`~ango_hub.upload.plan` for folders and ``external_id``). Files whose externalId
        (file name by default) is already in the project are skipped. ``concurrency`` (1-64)
        bounds the requests in flight to each service: up to that many upload-URL calls to the
        API while as many PUTs stream to storage.

        An import that may still be running on the server (a timeout, a lost connection, a
        502/504) is never sent again: the project is checked until every file is found or
        nothing changed for ``settle_seconds``; files not found are reported ``unknown``
        (README, "What a bulk upload guarantees"). Failures never raise: each file's outcome
        is in the report.
        ``batches``: names or IDs of the project's batches, resolved with one read before
        anything is uploaded; one the project lacks raises
        :class:`~ango_hub.AngoHubValidationError` listing its batches, unless
        ``create_missing_batches`` (then created first).
        No total deadline: the client's ``deadline`` bounds each of its requests; under a rate
        limit it goes at the limit's pace (a wait shows on the progress bar).

        Per file, as the official SDK's ``upload_files`` takes them in each file's dict:
        ``external_id`` (also a mapping keyed by path), ``metadata``, ``context_data`` and
        ``priority`` (-1000..1000; files of one priority are imported together), each a mapping
        keyed by the file's path or a function of it. ``storage_id``: the storage integration
        the files go to (upload URLs from it, each asset's ``storage``)."""
        check.int_in_range("concurrency", concurrency, 1, 64)
        check.number_in_range("settle_seconds", settle_seconds, 0, 3600)
        values = bulk.PerFileValues(metadata, context_data, priority)
        items = bulk.plan(files, external_id, values)
        for item in items:
            if item.priority is not None:
                check.number_in_range(f"priority[{item.path}]", item.priority, -1000, 1000)
        return await run_upload(
            self._hub,
            project,
            items,
            batches=(batches, create_missing_batches),
            concurrency=concurrency,
            progress=progress,
            settle_seconds=settle_seconds,
            storage_id=storage_id,
        )

    def _summary(self, answer: Any, operation_id: str) -> ImportSummary:
        assets = self._parse(AssetsImportedResponse.from_dict, answer, operation_id).data.assets
        return assets if isinstance(assets, ImportSummary) else ImportSummary()
