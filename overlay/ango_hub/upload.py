"""Bulk upload of local files: signed URL, streamed PUT, then cloud import in chunks.

Every file ends in the report as ``created``, ``skipped`` (its externalId already exists in the
project, so running the same upload again does not duplicate it), ``failed`` (not in the
project, with the stage and the error) or ``unknown`` (its import may still land: see
:mod:`ango_hub.upload_import` for when, and what is never done: re-sending an import that may
still be running). This module and that one hold the bookkeeping, without I/O;
the requests are made by ``ango_hub/_async/upload_run.py`` and its produced sync twin.
"""

from __future__ import annotations

import io
import os
import uuid
from collections.abc import Callable, Generator, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Protocol, TypeGuard, TypeVar, get_args

from ._redact import scrub_urls
from .errors import AngoHubValidationError

IMPORT_CHUNK = 500

Status = Literal["pending", "created", "skipped", "failed", "unknown"]
ExternalIdRule = Literal["name", "path"]
ExternalIdFrom = ExternalIdRule | Callable[[Path], str]
EXTERNAL_ID_RULES: tuple[str, ...] = get_args(ExternalIdRule)
_T_co = TypeVar("_T_co", covariant=True)


class PathCollection(Protocol[_T_co]):
    """A list, tuple, set or dict view of paths, but not a ``str``: its ``__contains__``
    takes any object, where ``str``'s takes only a ``str`` (how the type tells them apart)."""

    def __iter__(self) -> Iterator[_T_co]: ...
    def __len__(self) -> int: ...
    def __contains__(self, item: object, /) -> bool: ...


# What ``upload`` takes, as typed: one ``Path`` (a file or a folder), a collection of paths
# (list, tuple, set), a generator of paths, or an iterator of ``Path``s (a glob). A bare
# ``str`` is left out of the type on purpose: ``upload(project, "images")`` is most often a
# list meant, so ``mypy --strict`` flags it (write ``Path("images")`` or ``["images"]``); at
# run time a ``str`` is still one path, never walked character by character (``paths``). Not
# any iterator of text either: an open text file is one, and would be read line by line.
PathText = str | os.PathLike[str]
Files = (
    os.PathLike[str]
    | PathCollection[PathText]
    | Iterator[os.PathLike[str]]
    | Generator[PathText, None, None]
)


@dataclass
class UploadItem:
    """One file's outcome."""

    path: Path
    external_id: str
    status: Status = "pending"
    data_url: str | None = None
    stage: str | None = None
    error: str | None = None

    def fail(self, stage: str, error: BaseException | str) -> None:
        """Mark the file failed at ``stage`` (read, plan, upload_url, put, import)."""
        # Errors carry redacted URLs already; an OSError's or a server's text may not.
        self.status, self.stage, self.error = "failed", stage, scrub_urls(str(error))

    def unsure(self, stage: str, why: str) -> None:
        """Mark the file ``unknown`` at ``stage``: it may or may not become an asset."""
        self.status, self.stage, self.error = "unknown", stage, why

    def to_dict(self) -> dict[str, Any]:
        """The outcome as JSON-ready data (the CLI's ``--json`` report rows)."""
        return {
            "path": str(self.path),
            "externalId": self.external_id,
            "status": self.status,
            "data": self.data_url,
            "stage": self.stage,
            "error": self.error,
        }


@dataclass
class UploadReport:
    """Every file's outcome, in input order."""

    items: list[UploadItem] = field(default_factory=list)

    def _with(self, status: Status) -> list[UploadItem]:
        return [item for item in self.items if item.status == status]

    @property
    def created(self) -> list[UploadItem]:
        """Files that are now assets in the project."""
        return self._with("created")

    @property
    def skipped(self) -> list[UploadItem]:
        """Files whose externalId was already in the project (nothing sent)."""
        return self._with("skipped")

    @property
    def failed(self) -> list[UploadItem]:
        """Files that are not in the project, each with its stage and error."""
        return self._with("failed")

    @property
    def unknown(self) -> list[UploadItem]:
        """Files whose import may still land (never sent twice): run the same upload again
        later; those already in the project are then skipped."""
        return self._with("unknown")

    @property
    def ok(self) -> bool:
        """True when every file is created or skipped."""
        return not self.failed and not self.unknown

    def to_dict(self) -> dict[str, Any]:
        """Counts and every item, as JSON-ready data."""
        return {
            "created": len(self.created),
            "skipped": len(self.skipped),
            "failed": len(self.failed),
            "unknown": len(self.unknown),
            "items": [item.to_dict() for item in self.items],
        }


def paths(files: Files | str) -> list[Path]:
    """``files`` as a list of paths: a single ``str`` or path is one path, not iterated."""
    if isinstance(files, str | os.PathLike):
        return [Path(files)]
    if isinstance(files, bytes | bytearray | io.IOBase):
        raise AngoHubValidationError(
            "files", f"got {type(files).__name__}", "a path, or a list of paths"
        )
    found = []
    for index, raw in enumerate(files):
        if not isinstance(raw, str | os.PathLike):
            raise AngoHubValidationError(
                f"files[{index}]", f"must be a path, got {type(raw).__name__}", "str or Path"
            )
        found.append(Path(raw))
    return found


def plan(files: Files | str, external_id: ExternalIdFrom) -> list[UploadItem]:
    """Items for the given files and folders; a missing file or a repeated externalId fails up
    front.

    ``files`` is one path or several (a ``str`` is one path). A folder stands for every file
    below it (recursively, in name order, hidden ones skipped);
    a file named twice, directly or through a folder, is uploaded once. ``external_id="name"``
    takes the file's name; ``"path"`` its path relative to the folder given (the path as given,
    for a file); a function maps each file's path to its externalId.
    """
    if not (external_id in EXTERNAL_ID_RULES or callable(external_id)):
        raise AngoHubValidationError(
            "external_id",
            f"unknown value {external_id!r}",
            f"{', '.join(EXTERNAL_ID_RULES)} or a function",
        )
    items: list[UploadItem] = []
    seen_ids: set[str] = set()
    seen_files: set[Path] = set()
    for given in paths(files):
        for path, relative in _expand(given):
            if path.is_file():
                if path.resolve() in seen_files:
                    continue
                seen_files.add(path.resolve())
            if callable(external_id):
                ext_id = external_id(path)
            else:
                ext_id = path.name if external_id == "name" else relative.as_posix()
            item = UploadItem(path=path, external_id=ext_id)
            if not path.is_file():
                item.fail("read", f"no such file: {path}")
            elif ext_id in seen_ids:
                item.fail("plan", f"externalId {ext_id!r} is used by another file in this upload")
            seen_ids.add(ext_id)
            items.append(item)
    return items


def _expand(given: Path) -> list[tuple[Path, Path]]:
    """(file, its path relative to ``given``) for a folder's files; ``given`` itself otherwise."""
    if not given.is_dir():
        return [(given, given)]
    found = []
    for path in sorted(given.rglob("*")):
        relative = path.relative_to(given)
        if path.is_file() and not any(part.startswith(".") for part in relative.parts):
            found.append((path, relative))
    return found


def storage_name(path: Path) -> str:
    """A unique storage name keeping the extension (``.nii.gz`` included)."""
    name = path.name.lower()
    suffix = ".nii.gz" if name.endswith(".nii.gz") else path.suffix
    return f"{uuid.uuid4().hex}{suffix}"


def chunks(items: Sequence[UploadItem], size: int = IMPORT_CHUNK) -> Iterator[list[UploadItem]]:
    """``items`` in lists of at most ``size`` (one cloud import each)."""
    for start in range(0, len(items), size):
        yield list(items[start : start + size])


def mark_skipped(items: Sequence[UploadItem], existing: set[str]) -> None:
    """Pending items whose externalId is in ``existing`` become ``skipped``."""
    for item in items:
        if item.status == "pending" and item.external_id in existing:
            item.status = "skipped"


# Listing the whole project costs one request per 100 assets; asking for each file's externalId
# costs one request per file. Whichever is fewer requests wins.
_LOOKUPS_PER_PAGE = 100


def known(external_id: object, wanted: set[str]) -> TypeGuard[str]:
    """Whether a listed asset's externalId is one of those being uploaded."""
    return isinstance(external_id, str) and external_id in wanted


def by_lookup(total: int, candidates: int) -> bool:
    """True when asking for each candidate is fewer requests than listing the project."""
    return candidates * _LOOKUPS_PER_PAGE < total
