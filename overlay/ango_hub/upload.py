"""Bulk upload of local files: signed URL, streamed PUT, then cloud import in chunks.

Every file ends in the report as ``created``, ``skipped`` (its externalId already exists in the
project, so running the same upload again does not duplicate it) or ``failed`` (with the stage
and the error). An import whose outcome is unknown (connection lost, 5xx) is never re-sent
blindly: the project is checked and only the files still missing are imported again
(:mod:`ango_hub.upload_import`). This module and that one hold the bookkeeping, without I/O;
the requests are made by ``ango_hub/_async/upload_run.py`` and its produced sync twin.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, TypeGuard

from .errors import AngoHubValidationError

IMPORT_CHUNK = 500

Status = Literal["pending", "created", "skipped", "failed"]
ExternalIdFrom = Literal["name", "path"] | Callable[[Path], str]


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
        self.status, self.stage, self.error = "failed", stage, str(error)

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
    def ok(self) -> bool:
        """True when no file failed."""
        return not self.failed

    def to_dict(self) -> dict[str, Any]:
        """Counts and every item, as JSON-ready data."""
        return {
            "created": len(self.created),
            "skipped": len(self.skipped),
            "failed": len(self.failed),
            "items": [item.to_dict() for item in self.items],
        }


def plan(files: Iterable[str | Path], external_id: ExternalIdFrom) -> list[UploadItem]:
    """Items for the given files; a missing file or a repeated externalId fails up front."""
    items: list[UploadItem] = []
    seen: set[str] = set()
    for raw in files:
        path = Path(raw)
        if external_id == "name":
            ext_id = path.name
        elif external_id == "path":
            ext_id = path.as_posix()
        elif callable(external_id):
            ext_id = external_id(path)
        else:
            raise AngoHubValidationError(
                "external_id", f"unknown value {external_id!r}", "name, path or a function"
            )
        item = UploadItem(path=path, external_id=ext_id)
        if not path.is_file():
            item.fail("read", f"no such file: {path}")
        elif ext_id in seen:
            item.fail("plan", f"externalId {ext_id!r} is used by another file in this upload")
        seen.add(ext_id)
        items.append(item)
    return items


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


@contextmanager
def progress_bar(enabled: bool, total: int) -> Iterator[Callable[[], None]]:
    """A rich progress bar on a terminal; a no-op otherwise."""
    import sys  # noqa: PLC0415

    if not (enabled and sys.stderr.isatty()):
        yield lambda: None
        return
    from rich.progress import Progress  # noqa: PLC0415  (only when drawing)

    with Progress(transient=True) as bar:
        task = bar.add_task("uploading", total=total)
        yield lambda: bar.advance(task)


# Listing the whole project costs one request per 100 assets; asking for each file's externalId
# costs one request per file. Whichever is fewer requests wins.
_LOOKUPS_PER_PAGE = 100


def known(external_id: object, wanted: set[str]) -> TypeGuard[str]:
    """Whether a listed asset's externalId is one of those being uploaded."""
    return isinstance(external_id, str) and external_id in wanted


def by_lookup(total: int, candidates: int) -> bool:
    """True when asking for each candidate is fewer requests than listing the project."""
    return candidates * _LOOKUPS_PER_PAGE < total
