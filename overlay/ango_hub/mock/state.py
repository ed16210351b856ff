"""In-memory state: organisations, projects, batches, assets and their (single) label task.

Seeded benchmark assets are not stored one object each: a :class:`SeedBlock` describes N
synthetic assets by index and materialises an :class:`Asset` only when one is read or changed,
so a million-task project costs a few bytes until it is touched.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from .ids import HEX24, iso_now, new_id
from .org_people import Member, People
from .org_records import IssueRecord, StorageRecord

INITIAL_STAGE = "Start"
INITIAL_STATUS = "TODO"
COMPLETE_STAGE = "Complete"
COMPLETED_STATUS = "Completed"


LABEL_VALIDATION_OFF: dict[str, Any] = {
    "customValidationEnabled": False,
    "validationFunction": "",
    "externalValidation": None,
}


@dataclass(slots=True)
class Asset:
    """One asset and its label task (Ango creates one task per asset in a plain project)."""

    id: str
    project_id: str
    organization_id: str
    data: str
    task_id: str
    created_at: str
    created_by: str
    external_id: str | None = None
    metadata: dict[str, Any] | None = None
    context_data: dict[str, Any] | None = None
    batches: list[str] = field(default_factory=list)
    overlay: list[str] = field(default_factory=list)
    priority: float = 0
    deleted: bool = False
    attachments: list[dict[str, Any]] = field(default_factory=list)
    answer: dict[str, Any] | None = None
    is_prelabeled: bool = False
    status: str = INITIAL_STATUS
    stage: str = INITIAL_STAGE
    task_type: str = "default"
    updated_at: str = ""
    # The task's workflow state (handlers_tasks.py); history entries are TaskHistoryEntry dicts.
    assignee: str | None = None
    is_benchmark: bool = False
    is_draft: bool = False
    review_status: str | None = None
    completed_at: str | None = None
    duration: float = 0
    updated_by: str | None = None
    history: list[dict[str, Any]] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.updated_at:
            self.updated_at = self.created_at

    def touch(self) -> None:
        """Record a change (exports filter on ``updatedAt``)."""
        self.updated_at = iso_now()

    def to_api(self, batch_ids: bool = True) -> dict[str, Any]:
        """The asset as the API lists it (``Asset`` schema)."""
        return {
            "_id": self.id,
            "data": self.data,
            "dataset": [],
            "overlay": list(self.overlay),
            "project": self.project_id,
            "organization": self.organization_id,
            "externalId": self.external_id,
            "batches": list(self.batches) if batch_ids else [],
            "metadata": self.metadata,
            "contextData": self.context_data,
            "labelTasks": [self.task_id],
            "deleted": self.deleted,
            "isPreLabeled": self.is_prelabeled,
            "createdAt": self.created_at,
            "createdBy": self.created_by,
        }


@dataclass(slots=True)
class SeedBlock:
    """``count`` synthetic assets whose IDs are ``prefix`` + 12-hex index."""

    prefix: str
    task_prefix: str
    count: int
    labeled: bool
    created_at: str
    created_by: str
    batches: list[str]
    history_prefix: str = ""  # creation history entries: prefix + 12-hex index

    def asset_id(self, index: int) -> str:
        return f"{self.prefix}{index:012x}"

    def index_of(self, asset_id: str) -> int | None:
        if not asset_id.startswith(self.prefix):
            return None
        try:
            index = int(asset_id[len(self.prefix) :], 16)
        except ValueError:
            return None
        return index if 0 <= index < self.count else None

    def make(self, project: Project, index: int) -> Asset:
        asset = Asset(
            id=self.asset_id(index),
            project_id=project.id,
            organization_id=project.organization_id,
            data=f"https://mock-storage.invalid/{project.id}/seed/{index}.jpg",
            task_id=f"{self.task_prefix}{index:012x}",
            created_at=self.created_at,
            created_by=self.created_by,
            external_id=f"seed-{self.prefix}-{index}",
            metadata={"seedIndex": index},
            batches=list(self.batches),
        )
        if self.labeled:
            asset.answer = {
                "objects": [],
                "classifications": [
                    {"schemaId": "seed-class", "title": "Seed", "answer": f"value-{index % 7}"}
                ],
                "relations": [],
            }
            asset.is_prelabeled = True
            asset.status = COMPLETED_STATUS
            asset.stage = COMPLETE_STAGE
        asset.history.append(
            {
                "_id": f"{self.history_prefix}{index:012x}",
                "task": asset.task_id,
                "project": project.id,
                "action": "create",
                "stage": asset.stage,
                "toStage": asset.stage,
                "user": self.created_by,
                "createdAt": self.created_at,
            }
        )
        return asset


def default_workflow() -> list[dict[str, Any]]:
    """Start -> Label -> Complete, the workflow Ango gives a new project."""
    return [
        {"id": "Start", "type": "Start", "name": "Start", "next": ["Label"]},
        {"id": "Label", "type": "Label", "name": "Label", "next": ["Complete"]},
        {"id": "Complete", "type": "Complete", "name": "Complete", "next": []},
    ]


@dataclass
class Batch:
    id: str
    name: str

    def to_api(self) -> dict[str, str]:
        return {"_id": self.id, "name": self.name}


@dataclass
class Project:
    id: str
    organization_id: str
    name: str
    created_at: str = field(default_factory=iso_now)
    batches: dict[str, Batch] = field(default_factory=dict)
    assets: dict[str, Asset] = field(default_factory=dict)  # created by the API, in order
    seed_blocks: list[SeedBlock] = field(default_factory=list)
    touched: dict[str, Asset] = field(default_factory=dict)  # materialised seeded assets
    # The project's setup (addProjectMembers & co., handlers_project_setup.py).
    members: dict[str, str] = field(default_factory=dict)  # email -> project role, in order added
    instructions: dict[str, Any] | None = None  # the stored file (InstructionsFile schema)
    label_validation: dict[str, Any] = field(default_factory=lambda: dict(LABEL_VALIDATION_OFF))
    asset_builder_templates: list[dict[str, Any]] = field(default_factory=list)
    description: str = ""
    type: str = "ango"
    category_schema: dict[str, Any] | None = None  # the label set, as posted
    stages: list[dict[str, Any]] = field(default_factory=default_workflow)
    benchmark: dict[str, Any] = field(default_factory=dict)  # benchmarkEnabled/Ratio/Cutoff
    history_index: dict[str, Asset] = field(default_factory=dict)  # history entry ID -> task
    warnings: list[str] = field(default_factory=list)  # accepted, doubtful input (answer_refs)

    # -- batches ------------------------------------------------------------------------
    def batch_by_ref(self, ref: str) -> Batch | None:
        """Find a batch by ID or by name."""
        if ref in self.batches:
            return self.batches[ref]
        return next((b for b in self.batches.values() if b.name == ref), None)

    def resolve_batches(self, refs: list[str], create: bool = True) -> list[str]:
        """Map batch names or IDs to IDs.

        Policy: a reference that names no batch of the project creates one. A 24-hex
        reference becomes the new batch's ID (and name); anything else is a name and gets a
        fresh 24-hex ID. With ``create=False`` unknown references are dropped (filters). An
        empty reference creates nothing.
        """
        ids: list[str] = []
        for ref in refs:
            if not ref and create:  # a batch's name is never empty: nothing to put the asset in
                continue
            batch = self.batch_by_ref(ref)
            if batch is None:
                if not create:
                    ids.append(f"unknown:{ref}")  # matches no asset
                    continue
                batch = Batch(id=ref if HEX24.match(ref) else new_id(), name=ref)
                self.batches[batch.id] = batch
            if batch.id not in ids:
                ids.append(batch.id)
        return ids

    def batch_names(self, ids: list[str]) -> list[str]:
        return [self.batches[i].name if i in self.batches else i for i in ids]

    # -- assets -------------------------------------------------------------------------
    def add_asset(self, asset: Asset) -> None:
        self.assets[asset.id] = asset
        self.record(asset, "create", asset.created_by, to_stage=asset.stage)

    def record(
        self, asset: Asset, action: str, user: str, to_stage: str | None = None, **extra: Any
    ) -> dict[str, Any]:
        """Append a history entry to the asset's task (a ``TaskHistoryEntry``)."""
        entry: dict[str, Any] = {
            "_id": new_id(),
            "task": asset.task_id,
            "project": self.id,
            "action": action,
            "stage": asset.stage,
            "toStage": to_stage or asset.stage,
            "user": user,
            **extra,
            "createdAt": iso_now(),
        }
        asset.history.append(entry)
        self.history_index[entry["_id"]] = asset
        return entry

    def get_asset(self, asset_id: str) -> Asset | None:
        """A live (not deleted) asset by ID; seeded assets are materialised on access."""
        asset = self.assets.get(asset_id) or self.touched.get(asset_id)
        if asset is None:
            for block in self.seed_blocks:
                index = block.index_of(asset_id)
                if index is not None:
                    asset = block.make(self, index)
                    self.touched[asset_id] = asset
                    break
        return None if asset is None or asset.deleted else asset

    def iter_assets(self) -> Iterator[Asset]:
        """Live assets in creation order (seeded blocks first, in seeding order)."""
        touched = self.touched
        for block in self.seed_blocks:
            for index in range(block.count):
                asset_id = block.asset_id(index)
                asset = touched.get(asset_id)
                if asset is None:
                    yield block.make(self, index)
                elif not asset.deleted:
                    yield asset
        for asset in self.assets.values():
            if not asset.deleted:
                yield asset

    def page(self, offset: int, limit: int) -> list[Asset]:
        """``limit`` live assets from position ``offset`` of :meth:`iter_assets`.

        Whole seeded blocks are skipped by count, and blocks without deletions are entered at
        the right index, so page 5,000 of a million seeded assets costs one page of work.
        """
        if offset >= self.live_count():  # also keeps absurd page numbers away from islice
            return []
        out: list[Asset] = []
        deleted = self._deleted_per_block()
        for number, block in enumerate(self.seed_blocks):
            live = block.count - deleted.get(number, 0)
            if offset >= live:
                offset -= live
                continue
            jump = offset if number not in deleted else 0
            indexes = range(jump, block.count)
            live_assets = (
                self.touched.get(block.asset_id(i)) or block.make(self, i) for i in indexes
            )
            wanted = limit - len(out)
            skip = offset - jump
            out.extend(islice((a for a in live_assets if not a.deleted), skip, skip + wanted))
            offset = 0
            if len(out) >= limit:
                return out[:limit]
        own = (a for a in self.assets.values() if not a.deleted)
        out.extend(islice(own, offset, offset + limit - len(out)))
        return out

    def _deleted_per_block(self) -> dict[int, int]:
        counts: dict[int, int] = {}
        for asset in self.touched.values():
            if asset.deleted:
                for number, block in enumerate(self.seed_blocks):
                    if block.index_of(asset.id) is not None:
                        counts[number] = counts.get(number, 0) + 1
        return counts

    def live_count(self) -> int:
        deleted = sum(1 for a in self.touched.values() if a.deleted)
        deleted += sum(1 for a in self.assets.values() if a.deleted)
        return sum(b.count for b in self.seed_blocks) + len(self.assets) - deleted

    def find_by_external_id(self, external_id: str) -> list[Asset]:
        return [a for a in self.iter_assets() if a.external_id == external_id]

    def snapshot(self) -> Project:
        """A shallow copy whose collections later changes do not touch (take it under the lock).

        Costs O(assets created by the API + touched seeded assets), not O(seeded assets), so a
        long export can run without holding the state lock.
        """
        return Project(
            id=self.id,
            organization_id=self.organization_id,
            name=self.name,
            created_at=self.created_at,
            batches=dict(self.batches),
            assets=dict(self.assets),
            seed_blocks=list(self.seed_blocks),
            touched=dict(self.touched),
            description=self.description,
            type=self.type,
            category_schema=self.category_schema,
            stages=list(self.stages),
            benchmark=dict(self.benchmark),
        )

    def members_to_api(self) -> list[dict[str, str]]:
        """The project's ``assignedTo``: every member with their role, in the order added."""
        return [
            {"assignee": user, "user": user, "role": role} for user, role in self.members.items()
        ]

    def to_api(self) -> dict[str, Any]:
        """The project as ``getProject`` answers it."""
        answer: dict[str, Any] = {
            "_id": self.id,
            "name": self.name,
            "description": self.description,
            "organization": self.organization_id,
            "type": self.type,
            "batches": [b.to_api() for b in self.batches.values()],
            "assignedTo": self.members_to_api(),
            "assetBuilderTemplates": list(self.asset_builder_templates),
            "instructions": (self.instructions or {}).get("url"),
            "createdAt": self.created_at,
            "stages": [dict(stage) for stage in self.stages],
            **self.benchmark,
        }
        if self.category_schema is not None:
            answer["categorySchema"] = self.category_schema
        return answer


@dataclass
class Organisation:
    id: str
    api_keys: set[str] = field(default_factory=set)
    people: People = field(default_factory=People)
    created_at: str = field(default_factory=iso_now)

    def roster(self) -> list[Member]:
        """Every member, the owner first."""
        owner = Member(self.owner_email, "Admin", "Owner", id=self.id, created_at=self.created_at)
        return [owner, *self.people.members.values()]

    def member(self, email: str) -> Member | None:
        """The member with this email (any case), the owner included."""
        key = email.lower()
        return next((m for m in self.roster() if m.email.lower() == key), None)

    @property
    def owner_email(self) -> str:
        """The user behind the organisation's keys (its owner, role Admin)."""
        return owner_email(self.id)


def owner_email(organisation_id: str) -> str:
    return f"owner@{organisation_id}.mock.invalid"


class MockState:
    """All mutable state of one mock instance; guard every access with :attr:`lock`."""

    def __init__(self) -> None:
        self.lock = threading.RLock()
        self.organisations: dict[str, Organisation] = {}
        self.key_to_org: dict[str, str] = {}
        self.projects: dict[str, Project] = {}
        self.issues: dict[str, IssueRecord] = {}
        self.storages: dict[str, StorageRecord] = {}

    def reset(self) -> None:
        """Forget everything (organisations, keys, projects)."""
        with self.lock:
            self.organisations.clear()
            self.key_to_org.clear()
            self.projects.clear()
            self.issues.clear()
            self.storages.clear()

    def organisation_for_key(self, api_key: str, create: bool = False) -> Organisation | None:
        with self.lock:
            org_id = self.key_to_org.get(api_key)
            if org_id is not None:
                return self.organisations[org_id]
            if not create:
                return None
            org = Organisation(id=new_id(), api_keys={api_key})
            self.organisations[org.id] = org
            self.key_to_org[api_key] = org.id
            return org

    def projects_of(self, api_key: str) -> list[Project]:
        """The projects of the key's organisation, in creation order (none for an unknown key)."""
        with self.lock:
            org = self.organisation_for_key(api_key)
            if org is None:
                return []
            return [p for p in self.projects.values() if p.organization_id == org.id]

    def create_project(
        self, api_key: str, project_id: str | None = None, name: str | None = None
    ) -> Project:
        """Create (or return, if the key's organisation owns it) a project."""
        with self.lock:
            org = self.organisation_for_key(api_key, create=True)
            if org is None:  # pragma: no cover - create=True always returns one
                raise RuntimeError("organisation not created")
            pid = project_id or new_id()
            existing = self.projects.get(pid)
            if existing is not None:
                if existing.organization_id != org.id:
                    raise ValueError(f"project {pid} belongs to another organisation")
                return existing
            project = Project(id=pid, organization_id=org.id, name=name or f"Mock project {pid}")
            project.members[org.owner_email] = "Manager"  # whoever creates a project manages it
            self.projects[pid] = project
            return project

    def project_for(self, api_key: str, project_id: str) -> Project | None:
        """The project if it exists *and* belongs to the key's organisation."""
        with self.lock:
            org_id = self.key_to_org.get(api_key)
            project = self.projects.get(project_id)
            if org_id is None or project is None or project.organization_id != org_id:
                return None
            return project

    def find_asset(self, api_key: str, asset_id: str) -> Asset | None:
        """An asset of any project of the key's organisation."""
        with self.lock:
            org_id = self.key_to_org.get(api_key)
            for project in self.projects.values():
                if project.organization_id == org_id:
                    asset = project.get_asset(asset_id)
                    if asset is not None:
                        return asset
            return None

    def seed(
        self, project: Project, count: int, labeled: bool, batches: list[str] | None = None
    ) -> SeedBlock:
        """Add ``count`` synthetic assets (each with its task) in O(1) time and memory."""
        with self.lock:
            block = SeedBlock(
                prefix=new_id()[:12],
                task_prefix=new_id()[:12],
                history_prefix=new_id()[:12],
                count=count,
                labeled=labeled,
                created_at=iso_now(),
                created_by="seed@mock.invalid",
                batches=project.resolve_batches(batches or []),
            )
            project.seed_blocks.append(block)
            return block
