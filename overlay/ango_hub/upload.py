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
from collections.abc import Callable, Generator, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Protocol, TypeGuard, TypeVar, get_args

from ._redact import scrub_urls
from .errors import AngoHubValidationError, APIStatusError

IMPORT_CHUNK = 500

Status = Literal["pending", "created", "skipped", "failed", "unknown", "not_attempted"]
# A bulk upload stops when its first FAIL_FAST_AFTER files all fail with the same one of these
# statuses (a wrong project, key or base URL fails every file alike): it raises
# BulkJobStoppedError, and the files it did not try are reported not_attempted.
FAIL_FAST_AFTER = 3
SYSTEMIC_STATUSES = frozenset({401, 403, 404})
ExternalIdRule = Literal["name", "path"]
T = TypeVar("T")
# A per-file value (the official SDK's upload_files takes them in each file's dict): a mapping
# keyed by the file's path (as given, or as found below a folder given), or a function of it.
PerFile = Mapping[str | os.PathLike[str], T] | Callable[[Path], T]
ExternalIdFrom = ExternalIdRule | Callable[[Path], str] | Mapping[str | os.PathLike[str], str]
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
    metadata: Mapping[str, Any] | None = None
    context_data: Mapping[str, Any] | None = None
    priority: float | None = None

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
    def not_attempted(self) -> list[UploadItem]:
        """Files the upload did not try, after it stopped (a systemic failure, Ctrl-C): nothing
        of them is in the project. Run the same upload again to send them."""
        return self._with("not_attempted")

    @property
    def ok(self) -> bool:
        """True when every file is created or skipped."""
        return not self.failed and not self.unknown and not self.not_attempted

    def to_dict(self) -> dict[str, Any]:
        """Counts and every item, as JSON-ready data."""
        return {
            "created": len(self.created),
            "skipped": len(self.skipped),
            "failed": len(self.failed),
            "unknown": len(self.unknown),
            "notAttempted": len(self.not_attempted),
            "items": [item.to_dict() for item in self.items],
        }

    def stop(self, why: str) -> None:
        """Every file still pending (not tried yet, or in storage but not imported) becomes
        ``not_attempted``."""
        for item in self.items:
            if item.status == "pending":
                stage = "import" if item.data_url else None
                note = "put in storage, not imported: sent again on a rerun" if stage else why
                item.status, item.stage, item.error = "not_attempted", stage, note

    def interrupted_summary(self) -> str:
        """What an interrupted upload did, and how to go on (the CLI prints it)."""
        in_storage = sum(1 for item in self.not_attempted if item.stage == "import")
        return (
            f"interrupted: {len(self.created)} created, {len(self.skipped)} skipped (already"
            f" there), {len(self.failed)} failed, {len(self.unknown)} unknown,"
            f" {len(self.not_attempted)} not attempted. Run the same upload again to resume:"
            " files already in the project are skipped"
            + (
                f"; the {in_storage} files already put in storage but not yet imported (at"
                f" most one import chunk, {IMPORT_CHUNK}) will be sent again."
                if in_storage
                else "."
            )
        )


class Tripwire:
    """Watches the first :data:`FAIL_FAST_AFTER` outcomes of a bulk job: when they are all the
    same 401, 403 or 404, the job must stop (``cause`` is then that error)."""

    def __init__(self, after: int = FAIL_FAST_AFTER) -> None:
        self.after = after
        self.seen: list[int | None] = []
        self.cause: APIStatusError | None = None

    def record(self, error: BaseException | None) -> None:
        """One file's outcome: ``None`` when it went through."""
        if len(self.seen) >= self.after:
            return
        systemic = isinstance(error, APIStatusError) and error.status_code in SYSTEMIC_STATUSES
        self.seen.append(error.status_code if systemic else None)  # type: ignore[union-attr]
        if len(self.seen) == self.after and None not in self.seen and len(set(self.seen)) == 1:
            self.cause = error  # type: ignore[assignment]

    @property
    def tripped(self) -> bool:
        return self.cause is not None


def systemic_reason(cause: APIStatusError, project: str, tried: int) -> str:
    """The message of :class:`~ango_hub.errors.BulkJobStoppedError`: the cause, in words."""
    if "add /v2" in cause.message:
        what = f"the API answered 404 Not Found: {cause.message}"
    elif cause.status_code == 404:
        what = f"project {project} not found (or not visible to this API key): {cause.message}"
    elif cause.status_code == 401:
        what = f"the API key was refused (401): {cause.message}"
    else:
        what = f"permission denied on project {project} (403): {cause.message}"
    first = "the project check failed" if tried == 0 else f"the first {tried} files failed alike"
    return f"upload stopped: {what}; {first}, the other files were not attempted"


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


@dataclass(frozen=True)
class PerFileValues:
    """``upload``'s per-file ``metadata``, ``context_data`` and ``priority``."""

    metadata: PerFile[Mapping[str, Any]] | None = None
    context_data: PerFile[Mapping[str, Any]] | None = None
    priority: PerFile[float] | None = None


def per_file(value: PerFile[T] | None, path: Path) -> T | None:
    """``value`` for the file at ``path``: called with it, or looked up by it (the path as
    found, or its absolute form); None when not given."""
    if value is None:
        return None
    if callable(value):
        return value(path)
    for key, found in value.items():
        given = Path(key)
        if given == path or given.absolute() == path.absolute():
            return found
    return None


def plan(
    files: Files | str, external_id: ExternalIdFrom, values: PerFileValues | None = None
) -> list[UploadItem]:
    """Items for the given files and folders; a missing file or a repeated externalId fails up
    front.

    ``files`` is one path or several (a ``str`` is one path). A folder stands for every file
    below it (recursively, in name order, hidden ones skipped);
    a file named twice, directly or through a folder, is uploaded once. ``external_id="name"``
    takes the file's name; ``"path"`` its path relative to the folder given (the path as given,
    for a file); a function maps each file's path to its externalId, and so does a mapping
    keyed by path (a file it lacks takes its name). ``values``: per-file metadata, contextData
    and priority, each a mapping keyed by path or a function of it.
    """
    values = values or PerFileValues()
    if not (
        external_id in EXTERNAL_ID_RULES
        or callable(external_id)
        or isinstance(external_id, Mapping)
    ):
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
            if callable(external_id) or isinstance(external_id, Mapping):
                ext_id = per_file(external_id, path) or path.name
            else:
                ext_id = path.name if external_id == "name" else relative.as_posix()
            item = UploadItem(path=path, external_id=ext_id)
            item.metadata = per_file(values.metadata, path)
            item.context_data = per_file(values.context_data, path)
            item.priority = per_file(values.priority, path)
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
    """``items`` in lists of at most ``size`` (one cloud import each), files of one priority
    per list (the import's ``priority`` is one value for its whole body), in input order."""
    groups: dict[float | None, list[UploadItem]] = {}
    for item in items:
        groups.setdefault(item.priority, []).append(item)
    for group in groups.values():
        for start in range(0, len(group), size):
            yield group[start : start + size]


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
