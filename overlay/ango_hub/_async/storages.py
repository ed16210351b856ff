"""``hub.storages``: the organisation's cloud storage integrations and their files.

Credentials are write-only: :meth:`AsyncStorages.create` sends them and keeps no reference
to them; no answer contains them, and ``hub.call`` cuts them (every ``writeOnly`` field of the
spec) out of any error raised while sending them (a server may quote the body it refuses).
"""

from __future__ import annotations

import builtins
from collections.abc import AsyncIterator, Mapping, Sequence
from typing import Any

from ango_hub_api.models import (
    FileExplorerResponse,
    FileExplorerResult,
    Storage,
    StorageFile,
    StorageFilesResponse,
    StorageListResponse,
    StorageProvider,
    StorageResponse,
    StorageType,
)

from ._base import AsyncResource, ExtraBody, ExtraHeaders, ExtraQuery, present
from .paging import PAGE_SIZE, check_page_size, pages_until_short


class AsyncStorages(AsyncResource):
    """Cloud storage integrations of the API key's organisation."""

    async def list_page(
        self,
        *,
        page: int = 1,
        limit: int = 10,
        extra_body: ExtraBody = None,
        extra_query: ExtraQuery = None,
        extra_headers: ExtraHeaders = None,
    ) -> list[Storage]:
        """One page of storages, oldest first (never with credentials)."""
        answer = await self._hub.call("listStorages", {"page": page, "limit": limit})
        return self._need(
            self._parse(StorageListResponse.from_dict, answer, "listStorages").data.storages,
            "listStorages",
            "data.storages",
        )

    async def list(
        self,
        *,
        page_size: int = PAGE_SIZE,
        extra_body: ExtraBody = None,
        extra_query: ExtraQuery = None,
        extra_headers: ExtraHeaders = None,
    ) -> AsyncIterator[Storage]:
        """Every storage, across pages, lazily."""
        check_page_size("listStorages", page_size)

        async def fetch(number: int) -> list[Storage]:
            return await self.list_page(page=number, limit=page_size)

        async for storage in pages_until_short(fetch, page_size):
            yield storage

    async def get(
        self,
        storage_id: str,
        *,
        extra_body: ExtraBody = None,
        extra_query: ExtraQuery = None,
        extra_headers: ExtraHeaders = None,
    ) -> Storage | None:
        """One storage by ID, or ``None`` if the organisation has none by that ID."""
        answer = await self._hub.call("listStorages", {"_id": storage_id})
        found = self._need(
            self._parse(StorageListResponse.from_dict, answer, "listStorages").data.storages,
            "listStorages",
            "data.storages",
        )
        return next((s for s in found if s.id == storage_id), None)

    async def create(
        self,
        name: str,
        *,
        type: StorageType | None = None,
        provider: StorageProvider | None = None,
        bucket: str | None = None,
        region: str | None = None,
        credentials: Mapping[str, Any] | str | None = None,
        private_key: str | None = None,
        public_key: str | None = None,
        extra_body: ExtraBody = None,
        extra_query: ExtraQuery = None,
        extra_headers: ExtraHeaders = None,
    ) -> Storage:
        """Connect a bucket. Name the cloud with ``type`` (``aws``, ``gcs``, ``azure``: the
        reference page) or ``provider`` (``AWS``, ``GCP``, ``AZURE``: the official SDK).
        ``credentials`` is an object such as ``{"accessKeyId", "secretAccessKey"}`` or text
        (a GCP service-account JSON); ``private_key``/``public_key`` are the SDK's fields.
        The answer never contains the credentials. Not retried after a lost answer."""
        body: dict[str, Any] = {"name": name, "type": type, "provider": provider}
        body |= {"bucket": bucket}
        body |= {"region": region, "credentials": credentials}
        body |= {"privateKey": private_key, "publicKey": public_key}
        answer = await self._hub.call("createStorage", body=present(body))
        return self._need(
            self._parse(StorageResponse.from_dict, answer, "createStorage").data.storage,
            "createStorage",
            "data.storage",
        )

    async def delete(
        self,
        storage_id: str,
        *,
        extra_body: ExtraBody = None,
        extra_query: ExtraQuery = None,
        extra_headers: ExtraHeaders = None,
    ) -> Storage:
        """Disconnect a storage (its bucket's files stay); returns it."""
        answer = await self._hub.call("deleteStorage", {"storageId": storage_id})
        return self._need(
            self._parse(StorageResponse.from_dict, answer, "deleteStorage").data.storage,
            "deleteStorage",
            "data.storage",
        )

    async def files(
        self,
        storage_id: str,
        *,
        bucket: str | None = None,
        path: str = "",
        signed_urls: bool = True,
        extra_body: ExtraBody = None,
        extra_query: ExtraQuery = None,
        extra_headers: ExtraHeaders = None,
    ) -> builtins.list[StorageFile]:
        """The files under ``path`` (a key prefix), each with a signed ``signed_url`` unless
        ``signed_urls`` is false."""
        params = {"storageId": storage_id, "bucketName": bucket, "path": path}
        params["getSignedUrls"] = "true" if signed_urls else "false"
        answer = await self._hub.call("listStorageFiles", present(params))
        return self._need(
            self._need(
                self._parse(StorageFilesResponse.from_dict, answer, "listStorageFiles").data,
                "listStorageFiles",
                "data",
            ).files,
            "listStorageFiles",
            "data.files",
        )

    async def explore(
        self,
        storage_id: str,
        bucket: str,
        *,
        folder: str | None = None,
        files: Sequence[str] | None = None,
        extensions: Sequence[str] | None = None,
        upload_to: str | None = None,
        batches: Sequence[str] | None = None,
        extra_body: ExtraBody = None,
        extra_query: ExtraQuery = None,
        extra_headers: ExtraHeaders = None,
    ) -> FileExplorerResult:
        """One folder's sub-folders and files (only ``files`` named and ``extensions``
        listed, when given). With ``upload_to`` (a project ID) the files found also become
        assets of that project, in ``batches``."""
        body: dict[str, Any] = {"bucket": bucket, "storageId": storage_id, "folder": folder}
        body |= {"files": files}
        body |= {"extensions": extensions, "batches": batches}
        if upload_to is not None:
            body |= {"upload": True, "projectId": upload_to}
        answer = await self._hub.call("fileExplorer", body=present(body))
        return self._need(
            self._parse(FileExplorerResponse.from_dict, answer, "fileExplorer").data,
            "fileExplorer",
            "data",
        )
