"""A short summary of exported tasks: counts per status, stage and batch, labels present."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any


@dataclass
class ExportSummary:
    """Counters over a stream of exported tasks (feed them with :meth:`add`)."""

    tasks: int = 0
    labeled: int = 0
    pre_labeled: int = 0
    with_attachments: int = 0
    by_status: Counter[str] = field(default_factory=Counter)
    by_stage: Counter[str] = field(default_factory=Counter)
    by_batch: Counter[str] = field(default_factory=Counter)

    def add(self, task: dict[str, Any]) -> None:
        """Count one exported task."""
        self.tasks += 1
        self.by_status[str(task.get("status") or "(none)")] += 1
        self.by_stage[str(task.get("stage") or "(none)")] += 1
        batches = task.get("batches") or []
        for batch in batches:
            self.by_batch[str(batch)] += 1
        if not batches:
            self.by_batch["(no batch)"] += 1
        answer = task.get("task") or {}
        if isinstance(answer, dict) and any(answer.get(k) for k in answer):
            self.labeled += 1
        if task.get("isPreLabeled"):
            self.pre_labeled += 1
        if task.get("attachments"):
            self.with_attachments += 1

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready counters (``--json`` output)."""
        return {
            "tasks": self.tasks,
            "labeled": self.labeled,
            "preLabeled": self.pre_labeled,
            "withAttachments": self.with_attachments,
            "byStatus": dict(self.by_status.most_common()),
            "byStage": dict(self.by_stage.most_common()),
            "byBatch": dict(self.by_batch.most_common()),
        }

    def lines(self) -> list[str]:
        """A few human-readable lines."""

        def counts(counter: Counter[str]) -> str:
            return ", ".join(f"{name}: {n}" for name, n in counter.most_common()) or "-"

        return [
            f"Tasks: {self.tasks} ({self.labeled} labeled, {self.pre_labeled} pre-labeled, "
            f"{self.with_attachments} with attachments)",
            f"  by status: {counts(self.by_status)}",
            f"  by stage:  {counts(self.by_stage)}",
            f"  by batch:  {counts(self.by_batch)}",
        ]
