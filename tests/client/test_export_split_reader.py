"""``split`` archives (one member per task) read with the standard library alone (issue 26):
the central directory walked record by record, never loaded whole by ``zipfile.ZipFile``;
stored and deflated members, zip64, and every broken member a typed error."""

from __future__ import annotations

import json
import struct
import sys
import zipfile
from pathlib import Path

import pytest
from ango_hub import ExportArchiveError, ResponseTooLargeError
from ango_hub._zip_members import _zip64_fields
from ango_hub.export_archive import archive_tasks


def _split(path: Path, count: int, method: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w") as zipped:
        for n in range(count):
            task = json.dumps({"taskId": f"t{n}", "pad": "x" * (n % 50)})
            # every third member stored, as an archiver may leave small files
            stored = method == zipfile.ZIP_DEFLATED and n % 3 == 0
            zipped.writestr(f"tasks/t{n:06d}.json", task, zipfile.ZIP_STORED if stored else method)
    return path


def _no_zipfile(monkeypatch: pytest.MonkeyPatch) -> None:
    """Neither zipfile's directory loader nor a zip library outside the standard one."""
    for name in ("stream_unzip", "Crypto"):
        monkeypatch.setitem(sys.modules, name, None)

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("zipfile.ZipFile loads the whole central directory")

    monkeypatch.setattr(zipfile, "ZipFile", refuse)


def test_a_zip64_split_archive_is_read_in_order_without_zipfile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    count = 70_000  # more than 65,535 members: a zip64 end of central directory
    path = _split(tmp_path / "split.zip", count)
    assert b"PK\x06\x06" in path.read_bytes()[-200:]
    _no_zipfile(monkeypatch)
    ids = [task["taskId"] for task in archive_tasks(path)]
    assert ids == [f"t{n}" for n in range(count)]


def _patched(path: Path, find: bytes, offset: int, value: bytes) -> Path:
    data = bytearray(path.read_bytes())
    at = data.index(find) + offset
    data[at : at + len(value)] = value
    path.write_bytes(bytes(data))
    return path


def test_a_corrupt_member_is_an_export_archive_error(tmp_path: Path) -> None:
    path = _split(tmp_path / "split.zip", 5, zipfile.ZIP_STORED)
    # the third task's text changed in place: its CRC no longer matches
    _patched(path, b'{"taskId": "t2"', 2, b"X")
    with pytest.raises(ExportArchiveError, match=r"after 2 tasks .*Bad CRC-32.*t000002"):
        list(archive_tasks(path))


def test_an_encrypted_member_is_an_export_archive_error(tmp_path: Path) -> None:
    path = _split(tmp_path / "split.zip", 3, zipfile.ZIP_STORED)
    data = bytearray(path.read_bytes())
    record = data.index(b"PK\x01\x02")
    data[record + 8] |= 0x1  # the first member's flag bits: encrypted
    path.write_bytes(bytes(data))
    with pytest.raises(ExportArchiveError, match=r"after 0 tasks .*encrypted"):
        list(archive_tasks(path))


def test_an_unsupported_compression_is_an_export_archive_error(tmp_path: Path) -> None:
    path = _split(tmp_path / "split.zip", 3, zipfile.ZIP_BZIP2)
    with pytest.raises(ExportArchiveError, match=r"compression method 12"):
        list(archive_tasks(path))


def test_a_truncated_archive_is_an_export_archive_error(tmp_path: Path) -> None:
    path = _split(tmp_path / "split.zip", 40)
    data = path.read_bytes()
    directory = data.index(b"PK\x01\x02")
    # the members' data cut short but the directory kept: the reader hits the gap
    path.write_bytes(data[: directory // 2] + data[directory:])
    with pytest.raises(ExportArchiveError, match="unreadable"):
        list(archive_tasks(path))


def test_a_split_member_beyond_the_cap_is_too_large(tmp_path: Path) -> None:
    path = tmp_path / "split.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zipped:
        zipped.writestr("tasks/a.json", json.dumps({"taskId": "a"}))
        zipped.writestr("tasks/b.json", json.dumps({"taskId": "b", "x": " " * 3_000_000}))
    reader = archive_tasks(path, max_task_bytes=1 << 20)
    assert next(reader)["taskId"] == "a"
    with pytest.raises(ResponseTooLargeError, match=r"tasks/b\.json"):
        next(reader)


def test_zip64_extra_supplies_the_fields_marked_as_there() -> None:
    extra = struct.pack("<2H", 0x5455, 5) + b"\x00" * 5  # a timestamp field first
    extra += struct.pack("<2H3Q", 0x0001, 24, 5_000_000_000, 4_000_000_000, 6_000_000_000)
    full = 0xFFFFFFFF
    assert _zip64_fields(extra, full, full, full) == (5_000_000_000, 4_000_000_000, 6_000_000_000)
    only_offset = struct.pack("<2HQ", 0x0001, 8, 7_000_000_000)
    assert _zip64_fields(only_offset, 10, 9, full) == (10, 9, 7_000_000_000)
