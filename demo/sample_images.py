"""Small valid PNG files for the demo, written with zlib and struct only (no Pillow)."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _chunk(kind: bytes, payload: bytes) -> bytes:
    crc = zlib.crc32(kind + payload) & 0xFFFFFFFF
    return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", crc)


def png_bytes(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    """A ``width`` x ``height`` RGB PNG with a diagonal stripe over a ``rgb`` background."""
    rows = []
    for y in range(height):
        row = bytearray([0])  # filter type 0 (None) for every scanline
        for x in range(width):
            row += bytes((255, 255, 255)) if abs(x - y) <= 1 else bytes(rgb)
        rows.append(bytes(row))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB
    return (
        PNG_SIGNATURE
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(b"".join(rows), 9))
        + _chunk(b"IEND", b"")
    )


COLOURS = [(220, 60, 60), (60, 160, 80), (60, 90, 200), (230, 180, 40), (150, 70, 170)]


def write_sample_images(folder: Path, count: int, size: int = 32) -> list[Path]:
    """Write ``count`` PNGs (``img-001.png``...) under ``folder``, some in a sub-folder."""
    written = []
    for index in range(1, count + 1):
        # Every third image goes to a sub-folder, to show recursive folder uploads.
        target = folder / "more" if index % 3 == 0 else folder
        target.mkdir(parents=True, exist_ok=True)
        path = target / f"img-{index:03d}.png"
        path.write_bytes(png_bytes(size, size, COLOURS[index % len(COLOURS)]))
        written.append(path)
    return written
