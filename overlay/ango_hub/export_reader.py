"""Reading tasks out of an export archive with bounded memory.

The archive is a zip holding one JSON array of tasks, one NDJSON file, or (``split``) one JSON
file per task. NDJSON is read line by line from the member's stream; a JSON array is parsed
incrementally with ijson (C backend), so memory stays flat whatever the export's size.

An archive of many members (``split``) is read member after member by walking its central
directory one record at a time (:mod:`ango_hub._zip_members`): ``zipfile.ZipFile`` would first
load the whole directory, one ``ZipInfo`` per task (245 MiB for 300,000 tasks). Each task may
hold at most ``max_task_bytes`` once decompressed: a small archive cannot grow without bound in
memory (a zip bomb in one line or one member).
"""

from __future__ import annotations

import io
import json
import struct
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import ijson  # type: ignore[import-untyped]  # no stubs published

from ._config import DEFAULT_MAX_TASK_BYTES
from ._zip_members import iter_members
from .errors import ResponseTooLargeError

_BUFFER = 1 << 20  # read-ahead of a member's stream
_END_OF_DIRECTORY = b"PK\x05\x06"
_MAX_COMMENT = 0xFFFF


def iter_archive_tasks(
    archive: str | Path, *, max_task_bytes: int = DEFAULT_MAX_TASK_BYTES
) -> Iterator[dict[str, Any]]:
    """Yield each task in an export zip, in archive order."""
    if _member_count(Path(archive)) > 1:
        yield from _iter_members_in_order(Path(archive), max_task_bytes)
        return
    with zipfile.ZipFile(archive) as zipped:
        members = [info for info in zipped.infolist() if not info.is_dir()]
        for info in members:
            with zipped.open(info) as stream:
                capped = _CappedReader(stream, info.filename, max_task_bytes)
                for task in _iter_member(info.filename, capped):
                    yield task
                    capped.mark()


def _member_count(archive: Path) -> int:
    """Members listed in the end-of-central-directory record (0 when it is not found: the
    archive is then left to zipfile, which names what is wrong with it)."""
    with archive.open("rb") as handle:
        size = handle.seek(0, io.SEEK_END)
        tail_size = min(size, 22 + _MAX_COMMENT)
        handle.seek(size - tail_size)
        tail = handle.read(tail_size)
    at = tail.rfind(_END_OF_DIRECTORY)
    if at < 0 or len(tail) < at + 22:
        return 0
    (count,) = struct.unpack_from("<H", tail, at + 10)
    return int(count)  # 0xFFFF in a zip64 archive: more than one anyway


def _iter_members_in_order(archive: Path, max_task_bytes: int) -> Iterator[dict[str, Any]]:
    for name, content in iter_members(archive, max_task_bytes, _too_large):
        if name.endswith("/") or not content:
            continue
        yield from _iter_member(name, io.BytesIO(content))


def _too_large(name: str, cap: int) -> ResponseTooLargeError:
    return ResponseTooLargeError(f"a task in export member {name!r}", cap, "max_task_bytes")


class _CappedReader(io.RawIOBase):
    """A member's stream that refuses to hand out more than ``cap`` bytes (plus the reader's
    read-ahead) between two :meth:`mark` calls (one per task yielded)."""

    def __init__(self, stream: Any, name: str, cap: int) -> None:
        self._stream = stream
        self._name = name
        self._cap = cap
        self._allowed = cap + _BUFFER
        self._since_mark = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self._stream.read(len(buffer))
        self._since_mark += len(data)
        if self._since_mark > self._allowed:
            raise _too_large(self._name, self._cap)
        buffer[: len(data)] = data
        return len(data)

    def mark(self) -> None:
        self._since_mark = 0


def _iter_member(name: str, stream: Any) -> Iterator[dict[str, Any]]:
    buffered: io.BufferedReader[Any] = io.BufferedReader(stream, buffer_size=_BUFFER)
    first = _first_significant_byte(buffered)
    if first == b"[":
        yield from ijson.items(buffered, "item", use_float=True)
    elif first == b"{" and name.endswith(".json"):
        # ``split`` archives: one (small) task document per member.
        yield json.load(buffered)
    elif first == b"{":
        for line in io.TextIOWrapper(buffered, encoding="utf-8"):
            if line.strip():
                yield json.loads(line)
    elif first:
        raise ValueError(f"{name}: not JSON or NDJSON (starts with {first!r})")


def _first_significant_byte(stream: io.BufferedReader[Any]) -> bytes:
    """Peek past whitespace (and a UTF-8 BOM) without consuming the stream."""
    head = stream.peek(64).lstrip(b"\xef\xbb\xbf \t\r\n")
    return head[:1]
