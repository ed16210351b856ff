"""A zip archive's members, front to back, each read whole (up to a cap), with bounded memory.

``zipfile.ZipFile`` reads the whole central directory when it opens an archive: one ``ZipInfo``
per member, 245 MiB for a 300,000-member ``split`` export. Here the directory is walked one
record at a time (the standard library's ``struct``), and each member's data is read from its
local header and inflated with ``zlib``, its CRC checked. Stored and deflated members are read
(what export archives hold); another method, an encrypted member or a broken structure raises
(``NotImplementedError``, ``RuntimeError``, ``zipfile.BadZipFile``), which the export reader
turns into ``ExportArchiveError``.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

_READ = 1 << 16
_END = struct.Struct("<4s4H2LH")  # end of central directory
_END64_LOCATOR = struct.Struct("<4sLQL")
_END64 = struct.Struct("<4sQ2H2L4Q")
_DIRECTORY = struct.Struct("<4s4B4HL2L5H2L")  # one central directory record
_LOCAL = struct.Struct("<4s2B4HL2L2H")  # a member's local header
_MAX_COMMENT = 0xFFFF
_ZIP64_EXTRA = 0x0001
_STORED, _DEFLATED = 0, 8
_ENCRYPTED = 0x1


@dataclass(frozen=True)
class _Member:
    name: str
    method: int
    flags: int
    crc: int
    compressed: int
    size: int
    offset: int


def iter_members(
    archive: Path, cap: int, too_large: Callable[[str, int], Exception]
) -> Iterator[tuple[str, bytes]]:
    """Yield ``(name, content)`` of each member in directory order; a member larger than ``cap``
    once decompressed raises ``too_large(name, cap)`` before more than ``cap`` bytes are held."""
    with archive.open("rb") as directory, archive.open("rb") as data:
        for member in _directory(directory):
            yield member.name, _content(data, member, cap, too_large)


def _directory(handle: io.BufferedReader) -> Iterator[_Member]:
    count, offset = _directory_location(handle)
    handle.seek(offset)
    for _ in range(count):
        fixed = handle.read(_DIRECTORY.size)
        if len(fixed) < _DIRECTORY.size or fixed[:4] != b"PK\x01\x02":
            raise zipfile.BadZipFile("bad central directory record")
        (_, _, _, _, _, flags, method, _, _, crc, compressed, size, name_len, extra_len,
         comment_len, _, _, _, offset) = _DIRECTORY.unpack(fixed)  # fmt: skip
        raw_name = handle.read(name_len)
        extra = handle.read(extra_len)
        handle.seek(comment_len, io.SEEK_CUR)
        size, compressed, offset = _zip64_fields(extra, size, compressed, offset)
        name = raw_name.decode("utf-8" if flags & 0x800 else "cp437", "replace")
        yield _Member(name, method, flags, crc, compressed, size, offset)


def _directory_location(handle: io.BufferedReader) -> tuple[int, int]:
    """(member count, offset of the central directory), zip64 included."""
    size = handle.seek(0, io.SEEK_END)
    tail_size = min(size, _END.size + _MAX_COMMENT)
    handle.seek(size - tail_size)
    tail = handle.read(tail_size)
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) < at + _END.size:
        raise zipfile.BadZipFile("File is not a zip file")
    _, _, _, _, count, _, offset, _ = _END.unpack_from(tail, at)
    locator_at = at - _END64_LOCATOR.size
    if locator_at >= 0 and tail[locator_at : locator_at + 4] == b"PK\x06\x07":
        _, _, end64_offset, _ = _END64_LOCATOR.unpack_from(tail, locator_at)
        handle.seek(end64_offset)
        record = handle.read(_END64.size)
        if len(record) < _END64.size or record[:4] != b"PK\x06\x06":
            raise zipfile.BadZipFile("bad zip64 end of central directory")
        _, _, _, _, _, _, _, count, _, offset = _END64.unpack(record)
    return count, offset


def _zip64_fields(extra: bytes, size: int, compressed: int, offset: int) -> tuple[int, int, int]:
    """Sizes and offset from the zip64 extra field, for each one the record marks as there."""
    at = 0
    while at + 4 <= len(extra):
        kind, length = struct.unpack_from("<2H", extra, at)
        if kind == _ZIP64_EXTRA:
            values = iter(struct.unpack_from(f"<{length // 8}Q", extra, at + 4))
            if size == 0xFFFFFFFF:
                size = next(values)
            if compressed == 0xFFFFFFFF:
                compressed = next(values)
            if offset == 0xFFFFFFFF:
                offset = next(values)
            break
        at += 4 + length
    return size, compressed, offset


def _content(
    handle: io.BufferedReader,
    member: _Member,
    cap: int,
    too_large: Callable[[str, int], Exception],
) -> bytes:
    if member.flags & _ENCRYPTED:
        raise RuntimeError(f"{member.name}: the member is encrypted")
    if member.method not in (_STORED, _DEFLATED):
        raise NotImplementedError(f"{member.name}: compression method {member.method}")
    handle.seek(member.offset)
    local = handle.read(_LOCAL.size)
    if len(local) < _LOCAL.size or local[:4] != b"PK\x03\x04":
        raise zipfile.BadZipFile(f"{member.name}: bad local file header")
    name_len, extra_len = _LOCAL.unpack(local)[-2:]
    handle.seek(name_len + extra_len, io.SEEK_CUR)
    inflate = zlib.decompressobj(-zlib.MAX_WBITS) if member.method == _DEFLATED else None
    parts: list[bytes] = []
    total = 0
    left = member.compressed
    while left:
        chunk = handle.read(min(_READ, left))
        if not chunk:
            raise zipfile.BadZipFile(f"{member.name}: truncated")
        left -= len(chunk)
        while chunk:
            if inflate is None:
                out, chunk = chunk, b""
            else:
                out = inflate.decompress(chunk, cap + 1 - total)
                chunk = inflate.unconsumed_tail
            total += len(out)
            if total > cap:
                raise too_large(member.name, cap)
            parts.append(out)
    if inflate is not None:
        parts.append(inflate.flush())
        if not inflate.eof:
            raise zipfile.BadZipFile(f"{member.name}: the deflate stream is cut short")
    content = b"".join(parts)
    if zlib.crc32(content) != member.crc:
        raise zipfile.BadZipFile(f"Bad CRC-32 for file {member.name!r}")
    return content
