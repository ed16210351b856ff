"""Reading tasks out of an export archive with bounded memory.

The archive is a zip holding one JSON array of tasks, one NDJSON file, or (``split``) one JSON
file per task. NDJSON is read line by line from the member's stream; a JSON array is parsed
incrementally with ijson (C backend), so memory stays flat whatever the export's size.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import ijson  # type: ignore[import-untyped]  # no stubs published


def iter_archive_tasks(archive: str | Path) -> Iterator[dict[str, Any]]:
    """Yield each task in an export zip, in archive order."""
    with zipfile.ZipFile(archive) as zipped:
        members = [info for info in zipped.infolist() if not info.is_dir()]
        for info in members:
            with zipped.open(info) as stream:
                yield from _iter_member(info.filename, stream)


def _iter_member(name: str, stream: io.BufferedIOBase | Any) -> Iterator[dict[str, Any]]:
    buffered = io.BufferedReader(stream, buffer_size=1 << 20)
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


def _first_significant_byte(stream: io.BufferedReader) -> bytes:
    """Peek past whitespace (and a UTF-8 BOM) without consuming the stream."""
    head = stream.peek(64).lstrip(b"\xef\xbb\xbf \t\r\n")
    return head[:1]
