"""The cleanup ledger: everything a write-mode run creates is written down *before* the call
that creates it, so that a run failing halfway (even with the answer lost, or the process
killed) still knows what to look for and delete.

Each :class:`Entry` names one object by its tagged name; the request guard fills in its ID when
an answer shows it, and marks it ``refused`` when the server answered the creation with a 4xx
(nothing was made). With a ``path``, the ledger is rewritten on every change, so that
``ango-hub live-check --cleanup LEDGER`` can resume after a crash.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

# What to do by hand for a kind of object that cleanup could not remove.
MANUAL_STEPS = {
    "project": "delete the project in Ango Hub (Projects > the project > Settings > Delete)",
    "issue": "delete the issue in Ango Hub (the task's Issues panel)",
    "storage": "delete the storage in Ango Hub (Organization > Storages)",
    "llm": "delete the LLM configuration in Ango Hub (Organization > LLMs)",
    "invite": "withdraw the invitation in Ango Hub (Organization > Members > Invites)",
    "notification": "nothing to remove: the API cannot recall a notification; it went to an "
    "address that cannot receive mail",
    "plugin log": "nothing to remove: the API keeps plugin log lines; they carry the run's tag",
    "plugin response": "nothing to remove: the API keeps plugin responses; they carry the "
    "run's tag",
}
# Kinds no operation of the spec deletes: left behind whenever the server accepted them.
UNDELETABLE = frozenset({"notification", "plugin log", "plugin response"})


@dataclass
class Entry:
    """One object the run creates (or tried to): ``state`` is planned (written before the
    call), created (the answer named it), refused (a 4xx: nothing was made) or deleted."""

    kind: str
    name: str
    id: str | None = None
    state: str = "planned"


@dataclass
class Leftover:
    """Something the run created and could not remove, why, and how to remove it by hand."""

    kind: str
    name: str
    reason: str
    id: str | None = None
    manual_step: str = ""
    # False when the creation was never answered (the object may not exist).
    confirmed: bool = True

    def __post_init__(self) -> None:
        if not self.manual_step:
            self.manual_step = MANUAL_STEPS.get(self.kind, "remove it in Ango Hub")


@dataclass
class Ledger:
    """What the run may have created, the IDs it owns, and the outcome of cleanup."""

    run_id: str = ""
    tag: str = ""
    base_url: str = ""
    organization: str | None = None
    entries: list[Entry] = field(default_factory=list)
    # Kind -> IDs of objects this run created (or found inside a project it created).
    owned: dict[str, list[str]] = field(default_factory=dict)
    removed: list[str] = field(default_factory=list)  # asset IDs deleted by a step
    leftovers: list[Leftover] = field(default_factory=list)
    path: Path | None = field(default=None, repr=False, compare=False)

    # -- writing down ---------------------------------------------------------------------

    def expect(self, kind: str, name: str) -> Entry:
        """Write down, before the call, that ``name`` may be created; returns its entry."""
        for entry in self.entries:
            if entry.kind == kind and entry.name == name:
                return entry
        entry = Entry(kind, name)
        self.entries.append(entry)
        self.save()
        return entry

    def expected(self, kind: str, name: str) -> Entry | None:
        return next((e for e in self.entries if e.kind == kind and e.name == name), None)

    def named(self, kind: str) -> list[Entry]:
        return [e for e in self.entries if e.kind == kind]

    def own(self, kind: str, object_id: str) -> None:
        ids = self.owned.setdefault(kind, [])
        if object_id not in ids:
            ids.append(object_id)
            self.save()

    def owns(self, kind: str, object_id: str) -> bool:
        return object_id in self.owned.get(kind, ())

    def mark(self, entry: Entry, state: str, object_id: str | None = None) -> None:
        entry.state = state
        if object_id is not None:
            entry.id = object_id
        self.save()

    # -- on disk --------------------------------------------------------------------------

    def save(self) -> None:
        """Rewrite the ledger file (atomically: a kill mid-write leaves the previous one)."""
        if self.path is None:
            return
        data = asdict(self)
        data.pop("path")
        partial = self.path.with_name(self.path.name + ".partial")
        partial.write_text(json.dumps(data, indent=1), encoding="utf-8")
        os.replace(partial, self.path)

    @classmethod
    def load(cls, path: Path) -> Ledger:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        return cls(
            run_id=data["run_id"],
            tag=data["tag"],
            base_url=data["base_url"],
            organization=data.get("organization"),
            entries=[Entry(**e) for e in data["entries"]],
            owned={k: list(v) for k, v in data.get("owned", {}).items()},
            removed=list(data.get("removed", [])),
            leftovers=[],
            path=path,
        )
