"""``hub.exports``: prepare an export, stream its zip to disk, or iterate its tasks.

The archive is fetched from ``exportPath``, a signed URL: the API key is not sent there.
Downloads are streamed to a ``.part`` file and renamed when complete; a download broken midway
starts again (it is a plain GET) up to the client's ``max_retries``.
"""

from __future__ import annotations

import asyncio
import os
import tempfile
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any, Unpack

import httpx

from .. import _operations as ops
from .._operations import ExportOptions
from ..export_reader import iter_archive_tasks
from ._base import AsyncResource, SyncResource

CHUNK = 1 << 20


def _part(path: Path) -> Path:
    return path.with_name(path.name + ".part")


def _temp_zip() -> Path:
    handle, name = tempfile.mkstemp(prefix="ango-export-", suffix=".zip")
    os.close(handle)
    return Path(name)


class Exports(SyncResource):
    """Task exports."""

    def create(self, project: str, **options: Unpack[ExportOptions]) -> str:
        """Prepare an export and return its archive URL (``exportPath``).

        Options: ``format`` (json, ndjson, split), ``v3`` (use /exportV3), ``status``,
        ``batches``, ``stage``, ``task_types`` (default, consensus, benchmark),
        ``export_type`` (task, issue), ``include_assets``, ``include_history``,
        ``include_metadata``, ``created_at``/``updated_at`` (``{"$gt": iso, "$lt": iso}``),
        ``send_email``, ``notify``.
        """
        return self._hub._run(ops.create_export_call(project, **options))

    def download(self, project: str, path: str | Path, **options: Unpack[ExportOptions]) -> Path:
        """Create an export and stream its zip archive to ``path``; returns the path."""
        return self.download_url(self.create(project, **options), path)

    def download_url(self, url: str, path: str | Path) -> Path:
        """Stream an archive from an ``exportPath`` URL to ``path``."""
        target = Path(path)
        part = _part(target)
        attempts = self._hub._attempts(idempotent=True)
        while True:
            response = self._hub._send(
                lambda: self._hub._http.build_request("GET", url), idempotent=True, stream=True
            )
            try:
                with part.open("wb") as out:
                    for chunk in response.iter_bytes(CHUNK):
                        out.write(chunk)
            except httpx.TransportError as exc:
                time.sleep(attempts.after_error(exc, response.request))
                continue
            finally:
                response.close()
            part.replace(target)
            return target

    def iter_tasks(
        self, project: str, **options: Unpack[ExportOptions]
    ) -> Iterator[dict[str, Any]]:
        """Create an export and yield its tasks one by one, with bounded memory.

        The archive goes to a temporary file, removed when the iteration ends.
        """
        temp = _temp_zip()
        try:
            self.download(project, temp, **options)
            yield from iter_archive_tasks(temp)
        finally:
            temp.unlink(missing_ok=True)
            _part(temp).unlink(missing_ok=True)


class AsyncExports(AsyncResource):
    """Async twin of :class:`Exports`."""

    async def create(self, project: str, **options: Unpack[ExportOptions]) -> str:
        """See :meth:`Exports.create`."""
        return await self._hub._run(ops.create_export_call(project, **options))

    async def download(
        self, project: str, path: str | Path, **options: Unpack[ExportOptions]
    ) -> Path:
        """See :meth:`Exports.download`."""
        return await self.download_url(await self.create(project, **options), path)

    async def download_url(self, url: str, path: str | Path) -> Path:
        """See :meth:`Exports.download_url`."""
        target = Path(path)
        part = _part(target)
        attempts = self._hub._attempts(idempotent=True)
        while True:
            response = await self._hub._send(
                lambda: self._hub._http.build_request("GET", url), idempotent=True, stream=True
            )
            try:
                with part.open("wb") as out:
                    async for chunk in response.aiter_bytes(CHUNK):
                        out.write(chunk)
            except httpx.TransportError as exc:
                await asyncio.sleep(attempts.after_error(exc, response.request))
                continue
            finally:
                await response.aclose()
            part.replace(target)
            return target

    async def iter_tasks(
        self, project: str, **options: Unpack[ExportOptions]
    ) -> AsyncIterator[dict[str, Any]]:
        """See :meth:`Exports.iter_tasks`. Reading the local archive happens on the loop's
        thread in small steps."""
        temp = _temp_zip()
        try:
            await self.download(project, temp, **options)
            for task in iter_archive_tasks(temp):
                yield task
        finally:
            temp.unlink(missing_ok=True)
            _part(temp).unlink(missing_ok=True)
