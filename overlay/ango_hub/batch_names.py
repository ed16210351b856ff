"""Batches named by the caller, by name or ID, resolved to the project's batch IDs (no I/O).

The server is known to accept batch IDs where a batch is named (DISCREPANCIES row 10), and the
mock creates a batch for a name it does not know: a misspelt name would put the data in a new,
misspelt batch. So names are resolved on the client, and an unknown one is refused before
anything is sent, unless the caller asks for it to be created.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from ._schema_check import did_you_mean
from .errors import AngoHubValidationError

if TYPE_CHECKING:
    from ango_hub_api.models import Batch


def batch_ids(given: Iterable[str], batches: Sequence[Batch]) -> tuple[list[str], list[str]]:
    """(the IDs of ``given``, in order and once each; the entries naming no batch).

    ``batches`` are the project's; an entry is a batch's ID or its name."""
    by_ref: dict[str, str] = {}
    for batch in batches:
        if isinstance(batch.id, str):
            by_ref.setdefault(batch.name, batch.id)
            by_ref[batch.id] = batch.id
    ids: list[str] = []
    missing: list[str] = []
    for ref in given:
        found = by_ref.get(ref)
        if found is None:
            missing.append(ref)
        elif found not in ids:
            ids.append(found)
    return ids, missing


def unknown_batch(project: str, name: str, batches: Sequence[Batch]) -> AngoHubValidationError:
    """The error for a batch the project lacks: the closest name suggested, all listed."""
    names = [str(b.name) for b in batches]
    listed = ", ".join(f"{b.name} ({b.id})" for b in batches)
    listed = listed or "none: the project has no batch"
    problem = f"no batch {name!r} in project {project}" + did_you_mean(name, names)
    problem += " (create_missing_batches=True, or --create-batches, creates it)"
    return AngoHubValidationError("batches", problem, listed)
