"""The project's overview metrics and performance figures, computed from its tasks.

The mock keeps one task per asset (its ``status``, ``stage``, ``answer``, ``task_type``,
``created_at``/``updated_at``), so every figure here is counted from that state, never canned.
Nobody labels inside the mock: an answer belongs to whoever put it there, the seeding user for
seeded labels and the key's user (the organisation's owner) for labels imported through the API.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import urlsplit

from .ids import iso, parse_iso
from .state import COMPLETED_STATUS, Asset, Project, owner_email

SEED_USER = "seed@mock.invalid"
# ConsensusRanges buckets the share of a consensus task's classifications that agree; a mock
# task has one answer, so each consensus task with an answer agrees fully with itself.
CONSENSUS_RANGES = ("0-25", "25-50", "50-75", "75-100")


def labeler_of(asset: Asset) -> str:
    return SEED_USER if asset.created_by == SEED_USER else owner_email(asset.organization_id)


def _groups(counts: Counter[str]) -> list[dict[str, Any]]:
    return [{"key": key, "count": count} for key, count in counts.most_common()]


def _by(attribute: Callable[[Asset], str], assets: list[Asset]) -> dict[str, Any]:
    return {"total": len(assets), "groups": _groups(Counter(attribute(a) for a in assets))}


def _time_per_task(assets: list[Asset]) -> dict[str, Any]:
    """Completed tasks per stage, with their mean seconds from creation to their last change."""
    done = [a for a in assets if a.status == COMPLETED_STATUS]
    seconds: dict[str, list[float]] = {}
    for asset in done:
        spent = (parse_iso(asset.updated_at) - parse_iso(asset.created_at)).total_seconds()
        seconds.setdefault(asset.stage, []).append(max(spent, 0.0))
    groups = [
        {"key": stage, "count": len(values), "value": round(sum(values) / len(values), 3)}
        for stage, values in seconds.items()
    ]
    return {"total": len(done), "groups": groups}


def _answer_distribution(assets: list[Asset]) -> dict[str, Any]:
    """Classification answers per ``schemaId=answer`` (objects per ``schemaId`` as well)."""
    counts: Counter[str] = Counter()
    answered = [a for a in assets if a.answer]
    for asset in answered:
        answer = asset.answer or {}
        for item in answer.get("classifications") or []:
            if isinstance(item, dict):
                counts[f"{item.get('schemaId')}={item.get('answer')}"] += 1
        for item in answer.get("objects") or []:
            if isinstance(item, dict):
                counts[f"{item.get('schemaId')}"] += 1
    return {"total": len(answered), "groups": _groups(counts)}


def _consensus_ranges(assets: list[Asset]) -> dict[str, Any]:
    consensus = [a for a in assets if a.task_type == "consensus"]
    counts = Counter({key: 0 for key in CONSENSUS_RANGES})
    for asset in consensus:
        if asset.answer:
            counts[CONSENSUS_RANGES[-1]] += 1
    groups = [{"key": key, "count": counts[key]} for key in CONSENSUS_RANGES]
    return {"total": len(consensus), "groups": groups}


def _file_type(asset: Asset) -> str:
    suffix = PurePosixPath(urlsplit(asset.data).path).suffix.lower().lstrip(".")
    return suffix or "unknown"


METRICS: dict[str, Callable[[list[Asset]], dict[str, Any]]] = {
    "LabelStageGroups": lambda assets: _by(lambda a: a.stage, assets),
    "AnnotationStatus": lambda assets: _by(lambda a: a.status, assets),
    "TimePerTask": _time_per_task,
    "AnswerDistribution": _answer_distribution,
    "ConsensusRanges": _consensus_ranges,
    # The mock does not know the size of files behind URLs: assets per file type instead.
    "AssetSize": lambda assets: _by(_file_type, assets),
}


def metric(project: Project, name: str) -> dict[str, Any]:
    """``ProjectMetricResult`` of ``name`` (one of the spec's ``ProjectMetric`` values)."""
    return {"metric": name, **METRICS[name](list(project.iter_assets()))}


def performance(
    project: Project,
    window: tuple[datetime | None, datetime | None],
    batch_ids: list[str],
    users: list[str],
) -> dict[str, Any]:
    """``Performance``: tasks changed inside ``window`` (on ``updatedAt``), in any of
    ``batch_ids`` (all when empty; as in every mock filter, an unknown ID matches nothing),
    counted overall and per labeller (``users`` when given)."""
    start, end = window
    chosen = list(_select(project.iter_assets(), start, end, set(batch_ids)))
    per_user: dict[str, Counter[str]] = {}
    for asset in chosen:
        if asset.answer:
            row = per_user.setdefault(labeler_of(asset), Counter())
            row["labeled"] += 1
            row["completed"] += asset.status == COMPLETED_STATUS
    if users:
        per_user = {user: per_user.get(user, Counter()) for user in users}
    return {
        "from": None if start is None else iso(start),
        "to": None if end is None else iso(end),
        "tasks": len(chosen),
        "completed": sum(a.status == COMPLETED_STATUS for a in chosen),
        "labeled": sum(bool(a.answer) for a in chosen),
        "users": [
            {"user": user, "labeled": row["labeled"], "completed": row["completed"]}
            for user, row in per_user.items()
        ],
    }


def _select(
    assets: Iterable[Asset], start: datetime | None, end: datetime | None, batches: set[str]
) -> Iterable[Asset]:
    for asset in assets:
        changed = parse_iso(asset.updated_at)
        if start is not None and changed < start:
            continue
        if end is not None and changed > end:
            continue
        if batches and not batches.intersection(asset.batches):
            continue
        yield asset
