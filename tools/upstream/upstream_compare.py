"""openapi.yaml against the vendor's merged fragments, through the project's spec_diff.

Read a difference as the change from openapi.yaml (old) to the vendor (new): "added" means the
vendor has it and openapi.yaml does not, "removed" the reverse, "A -> B" that openapi.yaml says
A and the vendor B. Two things spec_diff compares between two versions of our own spec are left
out here, because the vendor's fragments never state them:
* error statuses openapi.yaml declares and a fragment does not (the vendor's overview page lists
  400, 401, 403, 404, 429 and 500 for every operation); an error status a fragment declares and
  openapi.yaml lacks is still reported (a range such as `5XX`, should the spec ever declare one
  again, covers its codes; today it lists 500, 502, 503 and 504 one by one);
* `required` inside response bodies (no fragment marks response fields required; the spec's
  rule for them is docs/DISCREPANCIES.md row 24).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from tools.spec.spec_diff import METHODS, Change, Differ, Spec

Json = Any


class UpstreamDiffer(Differ):
    """spec_diff's walk, minus what the vendor's fragments never state (module docstring)."""

    def _responses(self, where: str, old: Json, new: Json) -> None:
        def only_in_our_range(code: str) -> bool:  # a vendor code under a range of ours
            return code not in old and not code.startswith("2") and f"{code[:1]}XX" in old

        vendor = {c: v for c, v in new.items() if not only_in_our_range(str(c))}
        ours = {c: v for c, v in old.items() if str(c).startswith("2") or c in new}
        super()._responses(where, ours, vendor)

    def _properties(self, where: str, old: Json, new: Json, *, request: bool, depth: int) -> None:
        if not request:
            old = {k: v for k, v in old.items() if k != "required"}
            new = {k: v for k, v in new.items() if k != "required"}
        super()._properties(where, old, new, request=request, depth=depth)


def operations(doc: Json) -> dict[str, set[str]]:
    """`METHOD /path` -> the operation's tags."""
    found = {}
    for path, item in (doc.get("paths") or {}).items():
        for method, op in item.items():
            if isinstance(op, dict) and method in METHODS:
                found[f"{method.upper()} {path}"] = set(op.get("tags") or [])
    return found


def differences(spec: Json, vendor: Json) -> list[Change]:
    """Every difference, openapi.yaml -> vendor."""
    return UpstreamDiffer(Spec(spec), Spec(vendor)).run()


def operation_of(where: str) -> str:
    """`GET /export parameter query.format: ...` -> `GET /export`."""
    method, rest = where.split(" ", 1)
    return f"{method} {rest.split(' ', 1)[0].rstrip(':')}"


def key(change: Change) -> str:
    """The text a known difference is recorded under."""
    return f"{change.where}: {change.what}"


@dataclass(frozen=True)
class KnownDifference:
    key: str
    discrepancy: int
    why: str


@dataclass
class Known:
    """docs/upstream-known.yaml: settled differences and operations not in the spec yet."""

    differences: dict[str, KnownDifference] = field(default_factory=dict)
    pending: dict[str, str] = field(default_factory=dict)


def discrepancy_rows(markdown: str) -> set[int]:
    """Row numbers of the table in docs/DISCREPANCIES.md (`| 6 | ...`)."""
    return {int(m) for m in re.findall(r"^\|\s*(\d+)\s*\|", markdown, re.MULTILINE)}


def load_known(path: Path, rows: set[int]) -> Known:
    """Read and check the known file; ValueError names the first bad entry."""
    raw = yaml.safe_load(path.read_text()) or {}
    known = Known()
    for index, entry in enumerate(raw.get("known") or []):
        where = f"{path} known[{index}]"
        if not isinstance(entry, dict) or not {"key", "discrepancy", "why"} <= entry.keys():
            raise ValueError(f"{where}: needs key, discrepancy and why")
        if entry["discrepancy"] not in rows:
            raise ValueError(
                f"{where}: discrepancy {entry['discrepancy']!r} is no row of docs/DISCREPANCIES.md"
            )
        if entry["key"] in known.differences:
            raise ValueError(f"{where}: {entry['key']!r} is recorded twice")
        known.differences[entry["key"]] = KnownDifference(
            entry["key"], entry["discrepancy"], entry["why"]
        )
    for index, entry in enumerate(raw.get("pending") or []):
        if not isinstance(entry, dict) or not {"operation", "why"} <= entry.keys():
            raise ValueError(f"{path} pending[{index}]: needs operation and why")
        known.pending[entry["operation"]] = entry["why"]
    return known


@dataclass
class Verdict:
    """Every difference sorted: new ones fail the check, the rest are shown."""

    new: list[Change] = field(default_factory=list)
    known: list[tuple[Change, KnownDifference]] = field(default_factory=list)
    pending: list[tuple[Change, str]] = field(default_factory=list)
    not_checked: dict[str, str] = field(default_factory=dict)
    stale: list[str] = field(default_factory=list)
    unconfirmed: list[str] = field(default_factory=list)


def judge(
    changes: list[Change],
    known: Known,
    *,
    spec_ops: dict[str, set[str]],
    cut_off: set[str],
    partial_pages: dict[str, set[str]],
) -> Verdict:
    """Sort the differences.

    `cut_off`: operations seen only in a cut-off fragment of a partial saved copy (not
    compared). `partial_pages`: URL -> tags of each partial saved copy; an operation of
    openapi.yaml missing upstream whose tag is such a page's is not checked rather than reported.
    """
    verdict = Verdict()
    seen = set()
    for change in changes:
        seen.add(key(change))
        if change.what == "operation removed":
            if change.where in cut_off:
                verdict.not_checked[change.where] = "its fragment is cut off in the saved copy"
                continue
            tags = spec_ops[change.where]
            page = next((url for url, seen_tags in partial_pages.items() if tags & seen_tags), None)
            if page is not None:
                verdict.not_checked[change.where] = f"the saved copy of {page} is partial"
                continue
        if key(change) in known.differences:
            verdict.known.append((change, known.differences[key(change)]))
        elif change.what == "operation added" and change.where in known.pending:
            verdict.pending.append((change, known.pending[change.where]))
        else:
            verdict.new.append(change)
    for op in sorted(cut_off - spec_ops.keys()):
        change = Change(op, "operation added", breaking=False)
        seen.add(key(change))
        if op in known.pending:
            verdict.pending.append((change, known.pending[op]))
        else:
            verdict.new.append(change)
    # An entry for an operation this run could not compare is unconfirmed, not stale.
    unseen = sorted(k for k in known.differences if k not in seen)
    verdict.unconfirmed = [k for k in unseen if operation_of(k) in verdict.not_checked]
    verdict.stale = [k for k in unseen if operation_of(k) not in verdict.not_checked]
    verdict.stale += [
        f"pending {op}: {'in openapi.yaml now' if op in spec_ops else 'not seen upstream'}"
        for op in sorted(known.pending)
        if key(Change(op, "operation added", breaking=False)) not in seen
    ]
    return verdict
