"""Bulk upload, the I/O half: signed URLs and PUTs in parallel, then chunked cloud imports.

The bookkeeping (plan, report, chunk rounds) lives in :mod:`ango_hub.upload` and
:mod:`ango_hub.upload_import`, which do no I/O.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

from ango_hub._concurrency_async import (
    INTERRUPTS,
    Semaphore,
    Workers,
    interrupted,
    sleep,
    stop_on_sigterm,
)
from ango_hub._progress import Advance, progress_bar
from ango_hub.errors import (
    AngoHubError,
    AngoHubValidationError,
    APIStatusError,
    BulkJobStoppedError,
    PermissionDeniedError,
)
from ango_hub.upload import (
    SYSTEMIC_STATUSES,
    Tripwire,
    UploadItem,
    UploadReport,
    by_lookup,
    chunks,
    known,
    mark_skipped,
    storage_name,
    systemic_reason,
)
from ango_hub.upload_import import ChunkImport, cloud_assets

if TYPE_CHECKING:
    from .client import AsyncAngoHub


async def existing_ids(
    hub: AsyncAngoHub, project: str, candidates: Sequence[str], workers: int
) -> set[str]:
    """Which of ``candidates`` are already externalIds of assets in the project."""
    if not candidates:
        return set()
    total = (await hub.assets.list_page(project, limit=1)).total
    if total == 0:
        return set()
    if not by_lookup(total, len(candidates)):
        wanted = set(candidates)
        return {
            a.external_id async for a in hub.assets.list(project) if known(a.external_id, wanted)
        }

    async def present(ext_id: str) -> bool:
        page = await hub.assets.list_page(project, limit=1, external_id=ext_id)
        return page.total > 0

    async with Workers(workers) as pool:
        hits = await pool.map(present, candidates)
    return {e for e, hit in zip(candidates, hits, strict=True) if hit}


@contextmanager
def show_rate_waits(hub: AsyncAngoHub, advance: Advance) -> Iterator[None]:
    """While the block runs, a wait for the API's rate limit shows on the progress bar."""
    pacer = hub._pacer
    previous, pacer.on_wait = (
        pacer.on_wait,
        lambda s: advance(0, note=f"waiting {s:.1f} s for the rate limit"),
    )
    try:
        yield
    finally:
        pacer.on_wait = previous


async def run_upload(
    hub: AsyncAngoHub,
    project: str,
    items: list[UploadItem],
    *,
    batches: tuple[Sequence[str] | None, bool],
    concurrency: int,
    progress: bool,
    settle_seconds: float,
    storage_id: str | None = None,
) -> UploadReport:
    """Resolve the batches (names or IDs, and whether to create those missing), skip what
    exists, fetch URLs and PUT files in parallel, then import in chunks. A batch the project
    lacks raises before anything is uploaded; a systemic failure (the project check, or the
    first files, failing with the same 401/403/404) raises :class:`BulkJobStoppedError`, and
    Ctrl-C/SIGTERM an interrupt carrying the report (:func:`interrupted`); every other
    failure becomes an item's outcome."""
    report = UploadReport(items)
    job = _Job()
    try:
        with stop_on_sigterm():
            job.storage_id = storage_id
            return await _run(
                hub, project, report, job, batches, concurrency, progress, settle_seconds
            )
    except INTERRUPTS as exc:
        for item in job.importing:
            if item.status == "pending":
                item.unsure("import", "interrupted while its import was in flight: it may land")
        report.stop("not attempted: the upload was interrupted")
        raise interrupted(exc, report) from None


class _Job:
    """What an interrupt needs to know: the chunk whose import is in flight."""

    def __init__(self) -> None:
        self.importing: list[UploadItem] = []
        self.storage_id: str | None = None  # the storage integration files go to


async def _run(  # noqa: PLR0917
    hub: AsyncAngoHub,
    project: str,
    report: UploadReport,
    job: _Job,
    batches: tuple[Sequence[str] | None, bool],
    concurrency: int,
    progress: bool,
    settle_seconds: float,
) -> UploadReport:
    batch_ids = await _check(hub, project, report, batches, concurrency)
    if batch_ids is None:
        return report
    items = report.items
    todo = [item for item in items if item.status == "pending"]
    api_slots, storage_slots = Semaphore(concurrency), Semaphore(concurrency)
    wire = Tripwire()

    async def fresh_url(item: UploadItem) -> str:
        async with api_slots:
            name = storage_name(item.path)
            return await hub.files.upload_url(project, name, storage_id=job.storage_id)

    async def transfer(item: UploadItem) -> None:
        if wire.tripped:  # a systemic failure: no new file is started
            return
        stage = "upload_url"
        try:
            url = await fresh_url(item)
            stage = "put"
            async with storage_slots:
                try:
                    item.data_url = await hub.files.put(url, item.path)
                except PermissionDeniedError:  # the URL expired while it waited: one new one
                    stage = "upload_url"
                    url = await fresh_url(item)
                    stage = "put"
                    item.data_url = await hub.files.put(url, item.path)
        except (AngoHubError, OSError) as exc:
            item.fail(stage, exc)
            wire.record(exc)
        else:
            wire.record(None)

    # Twice the workers: `concurrency` of them asking the API for URLs while as many PUT to
    # storage, so each host sees at most `concurrency` requests and a URL waits at most one
    # PUT for its turn. (A worker holding a storage slot may wait for an API slot, never the
    # reverse, so the two cannot deadlock.)
    with progress_bar("uploading", len(todo), progress) as advance, show_rate_waits(hub, advance):

        async def transfer_and_count(item: UploadItem) -> None:
            await transfer(item)
            advance(note="")

        async with Workers(2 * concurrency) as workers:
            await workers.map(transfer_and_count, todo)
    if wire.cause is not None:
        report.stop("not attempted: the upload stopped on a systemic failure")
        reason = systemic_reason(wire.cause, project, wire.after)
        raise BulkJobStoppedError(reason, cause=wire.cause, report=report)
    for chunk in chunks([item for item in todo if item.status == "pending"]):
        job.importing = chunk
        await import_chunk(
            hub,
            project,
            ChunkImport(chunk, hub.max_retries, hub._policy, settle_seconds),
            batches=batch_ids or None,
            workers=concurrency,
            storage_id=job.storage_id,
        )
    job.importing = []
    return report


async def _check(
    hub: AsyncAngoHub,
    project: str,
    report: UploadReport,
    batches: tuple[Sequence[str] | None, bool],
    concurrency: int,
) -> list[str] | None:
    """The batch IDs, with the files already in the project marked skipped; None when the
    check failed (every file then fails with the reason)."""
    items = report.items
    pending_ids = [item.external_id for item in items if item.status == "pending"]
    named, create_missing = batches
    try:
        batch_ids = await hub.batches.resolve(project, named or [], create_missing=create_missing)
        mark_skipped(items, await existing_ids(hub, project, pending_ids, concurrency))
    except AngoHubError as exc:  # nothing sent yet: every file fails, and says why
        if isinstance(exc, AngoHubValidationError) and exc.field == "batches":
            raise  # a batch the project lacks: the caller's mistake, refused up front
        if isinstance(exc, APIStatusError) and exc.status_code in SYSTEMIC_STATUSES:
            report.stop("not attempted: the project check failed")
            reason = systemic_reason(exc, project, 0)
            raise BulkJobStoppedError(reason, cause=exc, report=report) from exc
        for item in items:
            if item.status == "pending":
                item.fail("check", exc)
        return None
    return list(batch_ids)


async def import_chunk(
    hub: AsyncAngoHub,
    project: str,
    job: ChunkImport,
    *,
    batches: Sequence[str] | None,
    workers: int,
    storage_id: str | None = None,
) -> None:
    """Drive ``job`` to the end: every item created, failed or unknown (see
    :mod:`ango_hub.upload_import`)."""
    while job.missing:
        try:
            await hub.assets._import_with_ids(
                project,
                cloud_assets(job.missing, storage_id),
                batches=batches,
                upload_local=True,
                priority=job.missing[0].priority,  # one per chunk (upload.chunks)
            )
            job.imported()
            continue
        except AngoHubError as exc:
            failure = job.failed(exc)
        if failure == "in_flight":
            await watch(hub, project, job, workers)
        elif failure == "settled":
            try:
                delay = job.checked(await existing_ids(hub, project, job.external_ids, workers))
            except AngoHubError as exc:  # the import may have created some: cannot tell
                job.unsure(f"the import failed ({job.error}), then checking failed ({exc})")
                continue
            if delay is not None:
                await sleep(delay)


async def watch(hub: AsyncAngoHub, project: str, job: ChunkImport, workers: int) -> None:
    """After an import that may still be running: check the project until every file is
    found or nothing changes for ``job.settle_seconds``; never send the import again."""
    watching = job.watch(time.monotonic())
    while True:
        try:
            job.found(await existing_ids(hub, project, job.external_ids, workers))
        except AngoHubError as exc:
            job.unsure(f"the import failed ({job.error}), then checking failed ({exc})")
            return
        if not watching.go_on(len(job.missing), time.monotonic()):
            break
        await sleep(watching.interval)
    if job.missing:
        job.unsure(
            f"the import failed ({job.error}) and may still be running; not in the project"
            f" after {job.settle_seconds:g} s without change"
        )
