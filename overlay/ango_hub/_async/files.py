"""``hub.files``: signed URLs, and streamed uploads of local files to them."""

from __future__ import annotations

import mimetypes
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
from ango_hub_api.models import SignedUrlResponse, StorageFileType, UploadUrlResponse

from ango_hub._redact import redacted_url
from ango_hub.errors import RedirectError

from ._base import AsyncResource, ExtraBody, ExtraHeaders, ExtraQuery, present

CHUNK = 256 * 1024


def object_url(upload_url: str) -> str:
    """The lasting URL of an uploaded file: the signed upload URL without its query string."""
    return upload_url.split("?", 1)[0]


def _put_headers(path: Path) -> dict[str, str]:
    # Presigned S3-style PUTs need an explicit length: the body is streamed, never chunked.
    mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return {"Content-Length": str(path.stat().st_size), "Content-Type": mime}


async def _chunks(path: Path) -> AsyncIterator[bytes]:
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            yield chunk


class AsyncFiles(AsyncResource):
    """Signed upload and download URLs."""

    async def upload_url(
        self,
        project: str,
        name: str,
        *,
        file_type: StorageFileType = "assets",
        storage_id: str | None = None,
        bucket: str | None = None,
        extra_body: ExtraBody = None,
        extra_query: ExtraQuery = None,
        extra_headers: ExtraHeaders = None,
    ) -> str:
        """A signed URL to PUT a file to. ``file_type`` is the spec's ``type`` (assets,
        brushes, medicalBrushes, exports, instructions, segmentationModels)."""
        params: dict[str, Any] = {"name": name, "project": project, "type": file_type}
        params |= {"storageId": storage_id, "bucket": bucket}
        answer = await self._hub.call("getUploadUrl", params)
        url = self._parse(UploadUrlResponse.from_dict, answer, "getUploadUrl").data.upload_url
        return self._url(url, "getUploadUrl", "data.uploadUrl")

    async def signed_url(
        self,
        url: str,
        *,
        project: str | None = None,
        file_type: StorageFileType | None = None,
        storage_id: str | None = None,
        extra_body: ExtraBody = None,
        extra_query: ExtraQuery = None,
        extra_headers: ExtraHeaders = None,
    ) -> str:
        """A signed GET URL for a stored file (e.g. an asset's ``data`` URL)."""
        params = {"url": url, "project": project, "type": file_type, "storageId": storage_id}
        answer = await self._hub.call("getSignedUrl", present(params))
        url = self._parse(SignedUrlResponse.from_dict, answer, "getSignedUrl").data.signed_url
        return self._url(url, "getSignedUrl", "data.signedUrl")

    async def put(
        self,
        upload_url: str,
        path: str | Path,
        *,
        extra_body: ExtraBody = None,
        extra_query: ExtraQuery = None,
        extra_headers: ExtraHeaders = None,
    ) -> str:
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

        response = await self._hub._send(build, idempotent=True)
        await response.aclose()
        if response.history:  # a 301/302 turned the PUT into a GET: nothing was stored
            raise RedirectError(
                f"storage redirected the upload ({response.history[0].status_code}), and the"
                f" file was not stored",
                method="PUT",
                url=redacted_url(httpx.URL(upload_url)),
            )
        return object_url(upload_url)
