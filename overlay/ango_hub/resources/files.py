"""``hub.files``: signed URLs, and streamed uploads of local files to them."""

from __future__ import annotations

import mimetypes
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx

from .. import _operations as ops
from ._base import AsyncResource, SyncResource

CHUNK = 256 * 1024


def object_url(upload_url: str) -> str:
    """The lasting URL of an uploaded file: the signed upload URL without its query string."""
    return upload_url.split("?", 1)[0]


def _put_headers(path: Path) -> dict[str, str]:
    # Presigned S3-style PUTs need an explicit length: the body is streamed, never chunked.
    mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return {"Content-Length": str(path.stat().st_size), "Content-Type": mime}


def _chunks(path: Path) -> Iterator[bytes]:
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            yield chunk


async def _achunks(path: Path) -> AsyncIterator[bytes]:
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            yield chunk


class Files(SyncResource):
    """Signed upload and download URLs."""

    def upload_url(
        self,
        project: str,
        name: str,
        *,
        file_type: str = "assets",
        storage_id: str | None = None,
        bucket: str | None = None,
    ) -> str:
        """A signed URL to PUT a file to (``file_type``: assets, brushes, medicalBrushes,
        exports, instructions, segmentationModels)."""
        return self._hub._run(
            ops.upload_url_call(
                project, name, file_type=file_type, storage_id=storage_id, bucket=bucket
            )
        )

    def signed_url(
        self,
        url: str,
        *,
        project: str | None = None,
        file_type: str | None = None,
        storage_id: str | None = None,
    ) -> str:
        """A signed GET URL for a stored file (e.g. an asset's ``data`` URL)."""
        return self._hub._run(
            ops.signed_url_call(url, project=project, file_type=file_type, storage_id=storage_id)
        )

    def put(self, upload_url: str, path: str | Path) -> str:
        """Stream a local file to a signed upload URL; returns the file's lasting URL.

        The file is read in chunks, never whole. The API key is not sent to storage. Retried
        like any repeatable request (a PUT of the same bytes is idempotent).
        """
        source = Path(path)
        headers = _put_headers(source)

        def build() -> httpx.Request:
            return self._hub._http.build_request(
                "PUT", upload_url, content=_chunks(source), headers=headers
            )

        self._hub._send(build, idempotent=True).close()
        return object_url(upload_url)


class AsyncFiles(AsyncResource):
    """Async twin of :class:`Files`."""

    async def upload_url(
        self,
        project: str,
        name: str,
        *,
        file_type: str = "assets",
        storage_id: str | None = None,
        bucket: str | None = None,
    ) -> str:
        """See :meth:`Files.upload_url`."""
        return await self._hub._run(
            ops.upload_url_call(
                project, name, file_type=file_type, storage_id=storage_id, bucket=bucket
            )
        )

    async def signed_url(
        self,
        url: str,
        *,
        project: str | None = None,
        file_type: str | None = None,
        storage_id: str | None = None,
    ) -> str:
        """See :meth:`Files.signed_url`."""
        return await self._hub._run(
            ops.signed_url_call(url, project=project, file_type=file_type, storage_id=storage_id)
        )

    async def put(self, upload_url: str, path: str | Path) -> str:
        """See :meth:`Files.put`."""
        source = Path(path)
        headers = _put_headers(source)

        def build() -> httpx.Request:
            return self._hub._http.build_request(
                "PUT", upload_url, content=_achunks(source), headers=headers
            )

        response = await self._hub._send(build, idempotent=True)
        await response.aclose()
        return object_url(upload_url)
