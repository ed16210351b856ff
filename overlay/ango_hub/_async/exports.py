"""``hub.exports``: prepare an export, stream its zip to disk, or iterate its tasks.

The archive is fetched from ``exportPath``, a signed URL: the API key is not sent there.
Downloads are streamed to a ``.part`` file and renamed when complete; a download broken midway
starts again (it is a plain GET) up to the client's ``max_retries``.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any, Literal, Unpack, overload

import httpx
from ango_hub_api.models import ExportResponse

from ango_hub import _validate as check
from ango_hub._concurrency_async import sleep
from ango_hub._config import EXPORT_TIMEOUT
from ango_hub._options import ExportOptions
from ango_hub.errors import ExportArchiveError
from ango_hub.export_archive import archive_tasks
from ango_hub.export_rows import ExportRow, read_row
from ango_hub.stage_names import stage_refs

from ._base import AsyncResource, ExtraBody, ExtraHeaders, ExtraQuery, ProjectRead

CHUNK = 1 << 20


def _check_zip(path: Path) -> None:
    """An export is a zip archive: a storage's error page answered with a 200 is not one."""
    with path.open("rb") as file:
        head = file.read(4)
    if head not in (b"PK\x03\x04", b"PK\x05\x06"):
        raise ExportArchiveError(f"the export is not a zip archive (it starts {head!r})")


def _part(path: Path) -> Path:
    return path.with_name(path.name + ".part")


def _temp_zip() -> Path:
    handle, name = tempfile.mkstemp(prefix="ango-export-", suffix=".zip")
    os.close(handle)
    return Path(name)


def export_params(project: str, options: ExportOptions) -> dict[str, Any]:
    """The Python options as the spec's query parameters (checked against it when sent)."""
    check.known_options("an export", options, ExportOptions)
    notify = options.get("notify")
    return {
        "project": project,
        "format": options.get("format", "json"),
        "status": options.get("status"),
        "batches": options.get("batches"),
        "stage": options.get("stage"),
        "taskTypes": options.get("task_types"),
        "type": options.get("export_type"),
        "includeAssets": options.get("include_assets"),
        "includeHistory": options.get("include_history"),
        "includeMetadata": options.get("include_metadata"),
        "createdAt": options.get("created_at"),
        "updatedAt": options.get("updated_at"),
        "sendEmail": options.get("send_email"),
        "doNotNotify": None if notify is None else not notify,
    }


class AsyncExports(AsyncResource):
    """Task exports."""

    async def create(
        self,
        project: str,
        *,
        extra_body: ExtraBody = None,
        extra_query: ExtraQuery = None,
        extra_headers: ExtraHeaders = None,
        **options: Unpack[ExportOptions],
    ) -> str:
        """Prepare an export and return its archive URL (``exportPath``).

        Options: ``format`` (json, ndjson, split), ``v3`` (use /exportV3), ``status``,
        ``batches`` (names or IDs of the project's batches: one read of the project; a batch
        it lacks is refused, not exported as nothing), ``stage`` (names or IDs of the
        workflow's stages, checked the same way), ``task_types`` (default,
        consensus, benchmark),
        ``export_type`` (task, issue), ``include_assets``, ``include_history``,
        ``include_metadata``, ``created_at``/``updated_at`` (``{"$gt": iso, "$lt": iso}``),
        ``send_email``, ``notify``.
        """
        operation_id = "exportTasksV3" if options.get("v3") else "exportTasks"
        params = export_params(project, options)
        read = ProjectRead(self._hub, project)  # one read for both checks
        if params["batches"]:  # names to IDs (what the SDK sends); an unknown one is refused
            params["batches"] = await self._hub.batches._resolve(
                project, params["batches"], read=read
            )
        if params["stage"]:  # stage names (an ID is turned into its name); unknown: refused
            stages = [params["stage"]] if isinstance(params["stage"], str) else params["stage"]
            known = await self._workflow(project, read)
            params["stage"] = stage_refs("stage", project, stages, known, "name")
        answer = await self._hub.call(operation_id, params, timeout=EXPORT_TIMEOUT)
        path = self._parse(ExportResponse.from_dict, answer, operation_id).data.export_path
        return self._url(path, operation_id, "data.exportPath")

    async def download(
        self,
        project: str,
        path: str | Path,
        *,
        extra_body: ExtraBody = None,
        extra_query: ExtraQuery = None,
        extra_headers: ExtraHeaders = None,
        **options: Unpack[ExportOptions],
    ) -> Path:
        """Create an export and stream its zip archive to ``path``; returns the path.

        No total deadline: preparing waits up to 600 s (or the client's shorter ``deadline``);
        the download streams for as long as bytes keep coming within the read timeout."""
        return await self.download_url(await self.create(project, **options), path)

    async def download_url(
        self,
        url: str,
        path: str | Path,
        *,
        extra_body: ExtraBody = None,
        extra_query: ExtraQuery = None,
        extra_headers: ExtraHeaders = None,
    ) -> Path:
        """Stream an archive from an ``exportPath`` URL to ``path``."""
        target = Path(path)
        part = _part(target)
        try:
            await self._fetch_to(url, part)
            _check_zip(part)
            part.replace(target)
        except BaseException:  # a failed download leaves nothing behind
            part.unlink(missing_ok=True)
            raise
        return target

    async def _fetch_to(self, url: str, part: Path) -> None:
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
                await sleep(attempts.after_error(exc, response.request))
                continue
            except (httpx.DecodingError, httpx.StreamError) as exc:
                raise attempts.unusable(exc, response.request) from exc
            finally:
                await response.aclose()
            return

    @overload
    def iter_tasks(
        self,
        project: str,
        *,
        raw: Literal[True],
        extra_body: ExtraBody = None,
        extra_query: ExtraQuery = None,
        extra_headers: ExtraHeaders = None,
        **options: Unpack[ExportOptions],
    ) -> AsyncIterator[dict[str, Any]]: ...

    @overload
    def iter_tasks(
        self,
        project: str,
        *,
        raw: Literal[False] = False,
        extra_body: ExtraBody = None,
        extra_query: ExtraQuery = None,
        extra_headers: ExtraHeaders = None,
        **options: Unpack[ExportOptions],
    ) -> AsyncIterator[ExportRow]: ...

    async def iter_tasks(
        self,
        project: str,
        *,
        raw: bool = False,
        extra_body: ExtraBody = None,
        extra_query: ExtraQuery = None,
        extra_headers: ExtraHeaders = None,
        **options: Unpack[ExportOptions],
    ) -> AsyncIterator[ExportRow | dict[str, Any]]:
        """Create an export and yield its tasks one by one, with bounded memory: typed
        :class:`~ango_hub.export_rows.ExportRow` objects (``.task_id``, ``.stage``,
        ``.asset_id``, ``.tools`` ...), or with ``raw=True`` the rows as dicts.

        The archive goes to a temporary file, removed when the iteration ends (with the async
        client, reading it happens on the loop's thread in small steps). Memory stays flat in
        every format, ``split`` included; a task larger than the client's ``max_task_bytes``
        once decompressed raises :class:`~ango_hub.ResponseTooLargeError`."""
        operation_id = "exportTasksV3" if options.get("v3") else "exportTasks"

        def parse(read: Callable[[Any], Any], value: Any) -> Any:
            return self._parse(read, value, operation_id)

        temp = _temp_zip()
        try:
            await self.download(project, temp, **options)
            cap = self._hub._settings.max_task_bytes
            for task in archive_tasks(temp, max_task_bytes=cap):
                yield task if raw else read_row(task, parse)
        finally:
            temp.unlink(missing_ok=True)
            _part(temp).unlink(missing_ok=True)
