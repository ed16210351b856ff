"""Exports: the project's tasks, filtered, written as a zip archive to a temp file.

Archive layout (like Ango's): ``format=json`` holds ``<project>.json`` (one JSON array),
``ndjson`` holds ``<project>.ndjson`` (one task per line), ``split`` holds ``tasks/<taskId>.json``
(one object each). Tasks are streamed into the archive one by one, so memory stays flat for a
million tasks.
"""

from __future__ import annotations

import json
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from . import strict_json
from .api import Call, Handler, success
from .ids import new_id, parse_iso
from .parsing import string_list
from .state import Asset, Project
from .storage import STORAGE_PREFIX

_CHUNK = 1 << 16
# Compact, like a server's JSON.stringify; no cycle check (tasks are fresh trees): ~15% faster.
_encode = json.JSONEncoder(check_circular=False, separators=(",", ":")).encode


@dataclass
class ExportFilter:
    """The export query, parsed. Batch refs match if the asset is in *any* of them."""

    format: str
    status: str | None
    batch_ids: list[str] | None
    stages: list[str] | None
    task_types: list[str] | None
    created: tuple[datetime | None, datetime | None]
    updated: tuple[datetime | None, datetime | None]
    include_assets: bool
    include_metadata: bool
    include_history: bool
    issues: bool

    def accepts(self, asset: Asset) -> bool:
        if self.issues:
            return False  # the mock records no issues
        if self.status is not None and asset.status.lower() != self.status.lower():
            return False
        if self.stages is not None and asset.stage not in self.stages:
            return False
        if self.task_types is not None and asset.task_type not in self.task_types:
            return False
        if self.batch_ids is not None and not any(b in asset.batches for b in self.batch_ids):
            return False
        return _within(asset.created_at, self.created) and _within(asset.updated_at, self.updated)


def _within(stamp: str, bounds: tuple[datetime | None, datetime | None]) -> bool:
    low, high = bounds
    if low is None and high is None:
        return True
    moment = parse_iso(stamp)
    return (low is None or moment > low) and (high is None or moment < high)


# A bound no moment passes: what an unreadable range selects (nothing).
_NOTHING = (datetime.max.replace(tzinfo=UTC), datetime.min.replace(tzinfo=UTC))


def _time_range(name: str, text: str | None) -> tuple[datetime | None, datetime | None]:
    """``{"$gt": iso, "$lt": iso}`` (either optional). The spec types it as a plain string, so
    text the mock cannot read as such a range (not JSON, other keys, a bound that is not ISO
    8601) is schema-valid: it selects nothing, as an unknown filter field does."""
    if not text:
        return None, None
    try:
        value = strict_json.loads(text, f"query.{name}")
    except ValueError:
        return _NOTHING
    if not isinstance(value, dict) or not set(value) <= {"$gt", "$lt"}:
        return _NOTHING
    bounds: list[datetime | None] = []
    for op in ("$gt", "$lt"):
        raw = value.get(op)
        if raw is None:
            bounds.append(None)
            continue
        try:
            bounds.append(parse_iso(str(raw)))
        except ValueError:
            return _NOTHING
    return bounds[0], bounds[1]


def parse_filter(query: dict[str, Any], project: Project) -> ExportFilter:
    """Read the export parameters (already type-checked by the spec)."""
    refs = string_list("query.batches", query.get("batches"), lenient=True)
    stages = string_list("query.stage", query.get("stage"), lenient=True)
    types = string_list("query.taskTypes", query.get("taskTypes"), lenient=True)
    return ExportFilter(
        format=query.get("format", "json"),
        status=query.get("status") or None,
        batch_ids=project.resolve_batches(refs, create=False) if refs else None,
        stages=stages or None,
        task_types=types or None,
        created=_time_range("createdAt", query.get("createdAt")),
        updated=_time_range("updatedAt", query.get("updatedAt")),
        include_assets=query.get("includeAssets", "true") == "true",
        include_metadata=query.get("includeMetadata", "true") == "true",
        include_history=query.get("includeHistory", "false") == "true",
        issues=query.get("type", "task") == "issue",
    )


def task_json(asset: Asset, project: Project, flt: ExportFilter) -> dict[str, Any]:
    """One task as exported (Ango's v3-style shape; see docs/MOCK.md)."""
    answer = asset.answer or {}
    task: dict[str, Any] = {
        "taskId": asset.task_id,
        "assetId": asset.id,
        "externalId": asset.external_id,
        "projectId": project.id,
        "dataset": [],
        "batches": project.batch_names(asset.batches),
        "batchIds": list(asset.batches),
        "stage": asset.stage,
        "status": asset.status,
        "taskType": asset.task_type,
        "priority": asset.priority,
        "assignee": asset.assignee,
        "reviewStatus": asset.review_status,
        "isBenchmark": asset.is_benchmark,
        "completedAt": asset.completed_at,
        "duration": asset.duration,
        "isPreLabeled": asset.is_prelabeled,
        "task": {
            "tools": list(answer.get("objects", [])),
            "classifications": list(answer.get("classifications", [])),
            "relations": list(answer.get("relations", [])),
        },
        "attachments": list(asset.attachments),
        "createdAt": asset.created_at,
        "updatedAt": asset.updated_at,
    }
    if flt.include_assets:
        task["asset"] = asset.data
    if flt.include_metadata:
        task["metadata"] = asset.metadata
        task["contextData"] = asset.context_data
    if flt.include_history:
        task["history"] = [dict(entry) for entry in asset.history]
    return task


def _tasks(project: Project, flt: ExportFilter) -> Iterator[dict[str, Any]]:
    for asset in project.iter_assets():
        if flt.accepts(asset):
            yield task_json(asset, project, flt)


def write_export(path: Path, project: Project, flt: ExportFilter) -> int:
    """Write the archive to ``path``; returns the number of tasks."""
    count = 0
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        if flt.format == "split":
            for task in _tasks(project, flt):
                archive.writestr(f"tasks/{task['taskId']}.json", _encode(task))
                count += 1
            return count
        name = f"{project.id}.{'ndjson' if flt.format == 'ndjson' else 'json'}"
        with archive.open(name, "w", force_zip64=True) as out:
            buffer: list[str] = []
            size = 0
            if flt.format == "json":
                buffer.append("[")
            for task in _tasks(project, flt):
                line = _encode(task)
                if flt.format == "json":
                    line = ("," if count else "") + "\n" + line
                else:
                    line += "\n"
                buffer.append(line)
                size += len(line)
                count += 1
                if size > _CHUNK:
                    out.write("".join(buffer).encode())
                    buffer, size = [], 0
            if flt.format == "json":
                buffer.append("\n]\n")
            out.write("".join(buffer).encode())
    return count


async def export_tasks(call: Call) -> Response:
    with call.ctx.state.lock:  # the export reflects the state at request time
        project = call.project(call.op.query["project"])
        flt = parse_filter(call.op.query, project)
        snapshot = project.snapshot()
    name = f"{project.id}-{new_id()}.zip"
    target = call.ctx.exports_dir / name
    archives = call.ctx.archives

    def build() -> None:
        archives.prune()
        try:
            write_export(target, snapshot, flt)
        except BaseException:
            target.unlink(missing_ok=True)  # not registered yet: nothing else would remove it
            raise

    await run_in_threadpool(build)
    key = f"_exports/{name}"
    signed_at = time.time()
    # Kept until its URL expires (the signer's expiry, computed from the same instant).
    archives.keep(name, int(signed_at + call.ctx.signer.ttl_seconds))
    url = f"{call.root_url}{STORAGE_PREFIX}{key}?{call.ctx.signer.query('get', key, signed_at)}"
    return success({"exportPath": url})


HANDLERS: dict[str, Handler] = {"exportTasks": export_tasks, "exportTasksV3": export_tasks}
