"""Filtered asset listings that cost O(seed blocks + touched assets + API-created assets).

A seeded block's untouched assets all share ``isPreLabeled`` and batches, and their IDs and
external IDs are computable from the index, so a filter is decided once per block; only the
block's touched (materialised) assets are checked one by one. Walking a million seeded assets
one object at a time held the state lock and the event loop for seconds.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Any

from .state import Asset, Project, SeedBlock


@dataclass(frozen=True)
class AssetFilter:
    """``listAssets``' filters: ``_id``, ``externalId``, ``isPreLabeled``, all-of batch IDs."""

    fields: dict[str, Any]
    batch_ids: list[str]

    def matches(self, asset: Asset) -> bool:
        if "_id" in self.fields and asset.id != self.fields["_id"]:
            return False
        if "externalId" in self.fields and asset.external_id != self.fields["externalId"]:
            return False
        if "isPreLabeled" in self.fields and asset.is_prelabeled != self.fields["isPreLabeled"]:
            return False
        return all(b in asset.batches for b in self.batch_ids)

    def block_matches(self, block: SeedBlock) -> bool:
        """Whether the filter's shared fields match the block's untouched assets."""
        if "isPreLabeled" in self.fields and block.labeled != self.fields["isPreLabeled"]:
            return False
        return all(b in block.batches for b in self.batch_ids)

    def block_candidates(self, block: SeedBlock) -> list[int] | None:
        """The only indexes ``_id``/``externalId`` allow in the block (None: no such filter)."""
        found: list[int] | None = None
        if "_id" in self.fields:
            index = block.index_of(str(self.fields["_id"]))
            found = [] if index is None else [index]
        if "externalId" in self.fields:
            index = _seed_index(block, self.fields["externalId"])
            allowed = [] if index is None else [index]
            found = allowed if found is None else [i for i in found if i in allowed]
        return found


def _seed_index(block: SeedBlock, external_id: Any) -> int | None:
    """The index whose seeded external ID (``seed-<prefix>-<index>``) is ``external_id``."""
    head = f"seed-{block.prefix}-"
    if not isinstance(external_id, str) or not external_id.startswith(head):
        return None
    digits = external_id[len(head) :]
    if not (digits.isascii() and digits.isdigit()) or str(int(digits)) != digits:
        return None
    index = int(digits)
    return index if index < block.count else None


@dataclass
class _BlockMatches:
    """The matching indexes of one block: either an explicit sorted list, or every index
    of ``range(count)`` except the sorted ``excluded`` ones."""

    count: int
    explicit: list[int] | None
    excluded: list[int]

    def size(self) -> int:
        if self.explicit is not None:
            return len(self.explicit)
        return self.count - len(self.excluded)

    def from_position(self, position: int) -> Iterator[int]:
        """Matching indexes, in order, starting with the ``position``-th (0-based)."""
        if self.explicit is not None:
            yield from self.explicit[position:]
            return
        # The position-th index not excluded: shift past every excluded index at or before it.
        index = position
        while True:
            shifted = position + bisect_right(self.excluded, index)
            if shifted == index:
                break
            index = shifted
        gaps = iter(self.excluded[bisect_right(self.excluded, index) :])
        gap = next(gaps, None)
        while index < self.count:
            if index == gap:
                gap = next(gaps, None)
            else:
                yield index
            index += 1


def _block_matches(block: SeedBlock, touched: dict[int, Asset], flt: AssetFilter) -> _BlockMatches:
    touched_ok = {i for i, asset in touched.items() if not asset.deleted and flt.matches(asset)}
    candidates = flt.block_candidates(block)
    shared = flt.block_matches(block)
    if candidates is None and shared:
        excluded = sorted(set(touched) - touched_ok)
        return _BlockMatches(block.count, None, excluded)
    untouched = [i for i in candidates or [] if shared and i not in touched]
    return _BlockMatches(block.count, sorted(touched_ok.union(untouched)), [])


def _touched_by_block(project: Project) -> list[dict[int, Asset]]:
    per_block: list[dict[int, Asset]] = [{} for _ in project.seed_blocks]
    for asset in project.touched.values():
        for number, block in enumerate(project.seed_blocks):
            index = block.index_of(asset.id)
            if index is not None:
                per_block[number][index] = asset
                break
    return per_block


def filtered_page(
    project: Project, flt: AssetFilter, offset: int, limit: int
) -> tuple[int, list[Asset]]:
    """(how many live assets match, the ``limit`` matches from position ``offset``)."""
    total = 0
    page: list[Asset] = []
    for block, touched in zip(project.seed_blocks, _touched_by_block(project), strict=True):
        matches = _block_matches(block, touched, flt)
        size = matches.size()
        wanted = limit - len(page)
        if wanted > 0 and total + size > offset:
            start = max(0, offset - total)
            for index in islice(matches.from_position(start), wanted):
                page.append(touched.get(index) or block.make(project, index))
        total += size
    for asset in project.assets.values():
        if not asset.deleted and flt.matches(asset):
            if offset <= total < offset + limit:
                page.append(asset)
            total += 1
    return total, page
