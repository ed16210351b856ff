"""An export archive's tasks, with every way the archive can be broken turned into one typed
error (:class:`~ango_hub.errors.ExportArchiveError`): not a zip, a corrupt or truncated member,
an unsupported or encrypted member, text that is not JSON or NDJSON, or a task that is not a
JSON object. The reading itself is :mod:`ango_hub.export_reader`'s."""

from __future__ import annotations

import lzma
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import ijson  # type: ignore[import-untyped]  # no stubs published

from ._config import DEFAULT_MAX_TASK_BYTES
from .errors import ExportArchiveError
from .export_reader import iter_archive_tasks

# What zipfile, zlib/lzma/bz2, json and ijson raise on a broken archive. ValueError covers
# JSON and UTF-8 errors; RuntimeError an encrypted member (and RecursionError, deep nesting);
# OSError a bz2 member's bad data (and a truncated read).
_BROKEN = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    lzma.LZMAError,
    EOFError,
    ValueError,
    NotImplementedError,
    RuntimeError,
    OSError,
    ijson.JSONError,
)


def archive_tasks(
    archive: str | Path, *, max_task_bytes: int = DEFAULT_MAX_TASK_BYTES
) -> Iterator[dict[str, Any]]:
    """Yield each task of an export zip; a broken archive raises ``ExportArchiveError`` (a task
    over ``max_task_bytes``, ``ResponseTooLargeError``)."""
    count = 0
    try:
        for task in iter_archive_tasks(archive, max_task_bytes=max_task_bytes):
            if not isinstance(task, dict):
                found = type(task).__name__
                raise ExportArchiveError(f"task {count + 1} is a JSON {found}, not an object")
            count += 1
            yield task
    except _BROKEN as exc:
        raise ExportArchiveError(
            f"the export archive is unreadable after {count} tasks ({type(exc).__name__}: {exc})"
        ) from exc
