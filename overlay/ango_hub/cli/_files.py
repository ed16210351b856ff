"""Turning ``PATH...`` arguments (files or folders) into (file, external ID) pairs."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ._errors import fail_usage

EXTERNAL_ID_SOURCES = ("name", "path")


@dataclass(frozen=True)
class LocalFile:
    """A file to upload and the external ID it will get."""

    path: Path
    external_id: str


def collect_files(paths: list[Path], external_id_from: str) -> list[LocalFile]:
    """Every file named or found (recursively, hidden ones skipped) under ``paths``, in order.

    ``external_id_from='name'`` uses the file name; ``'path'`` the path relative to the folder
    given on the command line (or the path as given, for a file argument).
    """
    if external_id_from not in EXTERNAL_ID_SOURCES:
        fail_usage("--external-id-from", repr(external_id_from), " or ".join(EXTERNAL_ID_SOURCES))
    found: list[LocalFile] = []
    seen: set[Path] = set()
    for given in paths:
        if given.is_file():
            candidates = [(given, given)]
        elif given.is_dir():
            candidates = [
                (file, file.relative_to(given))
                for file in sorted(given.rglob("*"))
                if file.is_file() and not _hidden(file.relative_to(given))
            ]
        else:
            fail_usage("PATH", f"{given}: no such file or folder", "existing files or folders")
        for file, relative in candidates:
            resolved = file.resolve()
            if resolved in seen:
                continue
            seen.add(resolved)
            external_id = file.name if external_id_from == "name" else relative.as_posix()
            found.append(LocalFile(file, external_id))
    if not found:
        fail_usage("PATH", "no files found", "files, or folders holding files")
    return found


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)
