"""The live check's findings per operation, as text for people and JSON for machines."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

from .ledger import UNDELETABLE, Leftover


@dataclass
class Difference:
    """Where the server and the spec disagree (or the check could not tell)."""

    kind: str  # request | response | rejection | call | coverage | fidelity
    detail: str
    known: str | None = None  # the DISCREPANCIES.md row that records it
    count: int = 1


@dataclass
class OperationResult:
    operation_id: str
    outcome: str  # checked | skipped | not called
    calls: int = 0
    statuses: list[int] = field(default_factory=list)
    request_valid: bool | None = None
    response_valid: bool | None = None
    differences: list[Difference] = field(default_factory=list)
    note: str = ""

    def add(self, kind: str, detail: str, known: str | None = None) -> None:
        for existing in self.differences:
            if existing.kind == kind and existing.detail == detail:
                existing.count += 1
                return
        self.differences.append(Difference(kind, detail, known))


@dataclass
class Report:
    server: str
    spec: str
    mode: str
    run_id: str
    operations: list[OperationResult]
    discrepancies: str | None = None  # the file differences were looked up in
    probes: list[dict[str, Any]] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    leftovers: list[Leftover] = field(default_factory=list)
    aborted: str | None = None
    # Requests the request guard refused: each a defect of the live check, never sent.
    refused: list[str] = field(default_factory=list)
    ledger: str | None = None  # the ledger file, for --cleanup

    @property
    def differences(self) -> int:
        return sum(len(op.differences) for op in self.operations)

    @property
    def cleanup_failed(self) -> bool:
        return any(item.kind not in UNDELETABLE for item in self.leftovers)

    @property
    def ok(self) -> bool:
        return (
            not self.differences
            and not self.cleanup_failed
            and self.aborted is None
            and not self.refused
        )

    def to_json(self) -> str:
        data = asdict(self)
        data["ok"] = self.ok
        data["differenceCount"] = self.differences
        return json.dumps(data, indent=2)

    def to_text(self) -> str:
        lines = [
            f"Live check of {self.spec} against {self.server}",
            f"mode: {self.mode}, run ID: {self.run_id}",
            "",
            f"{'operation':<20} {'outcome':<11} {'calls':>5}  {'statuses':<16} "
            f"{'request':<8} {'response':<8}",
        ]
        for op in self.operations:
            statuses = ",".join(str(s) for s in op.statuses) or "-"
            lines.append(
                f"{op.operation_id:<20} {op.outcome:<11} {op.calls:>5}  {statuses:<16} "
                f"{_valid(op.request_valid):<8} {_valid(op.response_valid):<8}"
                + (f"  {op.note}" if op.note else "")
            )
        if self.differences:
            lines += ["", "Differences:"]
            for op in self.operations:
                for diff in op.differences:
                    times = f" (x{diff.count})" if diff.count > 1 else ""
                    where = f"recorded in {diff.known}" if diff.known else "not in DISCREPANCIES.md"
                    lines.append(
                        f"  {op.operation_id} [{diff.kind}] {diff.detail}{times}  -- {where}"
                    )
        if self.probes:
            lines += ["", "Deliberately bad requests:"]
            lines += [
                f"  {p['operation']}: {p['what']} -> {p['status'] or 'no answer'}"
                for p in self.probes
            ]
        if self.refused:
            lines += ["", "Refused by the request guard (defects of the live check, not sent):"]
            lines += [f"  {item}" for item in self.refused]
        if self.mode in ("write", "cleanup"):
            lines += ["", f"Cleanup: {len(self.leftovers)} object(s) left behind."]
            for item in self.leftovers:
                named = f"{item.kind} {item.name}" + (f" (ID {item.id})" if item.id else "")
                if not item.confirmed:
                    named += " (may not exist: its creation was never answered)"
                lines.append(
                    f"  left behind: {named}: {item.reason}; to remove: {item.manual_step}"
                )
            if self.ledger:
                lines.append(f"  ledger: {self.ledger}")
        if self.aborted:
            lines += ["", f"Aborted: {self.aborted}"]
        verdict = "OK: the server and the spec agree" if self.ok else "FAILED"
        lines += ["", f"{verdict} ({self.differences} difference(s))."]
        return "\n".join(lines)


def _valid(flag: bool | None) -> str:
    return "-" if flag is None else ("valid" if flag else "INVALID")
