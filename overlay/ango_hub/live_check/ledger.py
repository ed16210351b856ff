"""The cleanup ledger: everything a write-mode run creates is written down *before* the call
that creates it, so that a run failing halfway (even with the answer lost) still knows what to
look for and delete."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Leftover:
    """Something the run created and could not remove, and why."""

    kind: str
    name: str
    reason: str


@dataclass
class Ledger:
    """External IDs and batch names of what the run may have created, and the outcome of
    cleanup."""

    external_ids: list[str] = field(default_factory=list)
    batches: list[str] = field(default_factory=list)
    # Batches that held nothing before the run put assets in them: every asset listed in one
    # is the run's (assets whose external IDs the server picks are found this way).
    asset_batches: list[str] = field(default_factory=list)
    issues: list[str] = field(default_factory=list)  # texts of issues the run opened
    storages: list[str] = field(default_factory=list)  # names of storages the run created
    invites: list[str] = field(default_factory=list)  # emails the run invited
    llms: list[str] = field(default_factory=list)  # names of LLM configurations it created
    removed: list[str] = field(default_factory=list)  # asset IDs deleted
    projects: list[str] = field(default_factory=list)  # names of projects the run may create
    project_ids: dict[str, str] = field(default_factory=dict)  # name -> ID, once answered
    leftovers: list[Leftover] = field(default_factory=list)
    # What the run creates or changes that no operation of the spec can undo (an asset
    # builder template, the project's instructions file); cleanup reports each as a leftover.
    undoable_only_in_hub: list[Leftover] = field(default_factory=list)

    def expect_assets(self, external_ids: list[str]) -> None:
        self.external_ids.extend(x for x in external_ids if x not in self.external_ids)

    def expect_batch(self, name: str) -> None:
        if name not in self.batches:
            self.batches.append(name)

    def expect_kept(self, kind: str, name: str, reason: str) -> None:
        """Write down, before the call, a change cleanup cannot undo."""
        self.undoable_only_in_hub.append(Leftover(kind, name, reason))

    def expect_project(self, name: str) -> None:
        if name not in self.projects:
            self.projects.append(name)
