"""Filtered listings over seeded assets are decided per block, not asset by asset, and agree
with a plain filter over every asset (the reference) in every mix of seeded, touched,
deleted and API-created assets."""

from __future__ import annotations

import json
import random
from typing import Any

import httpx
import pytest
from ango_hub.mock.listing import AssetFilter, filtered_page
from ango_hub.mock.server import MockServer
from ango_hub.mock.state import SeedBlock
from mock_helpers import import_assets, list_assets


def _reference(mock: MockServer, filters: dict[str, Any], batches: list[str]) -> list[str]:
    """IDs of the live assets matching, in listing order, by checking each one."""
    project = mock.project
    batch_ids = project.resolve_batches(batches, create=False)
    found = []
    for asset in project.iter_assets():
        if "_id" in filters and asset.id != filters["_id"]:
            continue
        if "externalId" in filters and asset.external_id != filters["externalId"]:
            continue
        if "isPreLabeled" in filters and asset.is_prelabeled != filters["isPreLabeled"]:
            continue
        if all(b in asset.batches for b in batch_ids):
            found.append(asset.id)
    return found


@pytest.fixture
def mixed(api: httpx.Client, mock: MockServer, admin: httpx.Client) -> list[str]:
    """Three seeded blocks (labelled or not, with and without a batch) with some assets
    deleted, relabelled, re-batched or renamed, plus API-created assets. Returns all IDs."""
    for count, labeled, batches in ((40, False, []), (30, True, ["B1"]), (25, False, ["B1"])):
        admin.post(
            f"/projects/{mock.project_id}/seed",
            json={"count": count, "labeled": labeled, "batches": batches},
        ).raise_for_status()
    import_assets(api, mock.project_id, {"data": "a", "externalId": "api-1"}, batches="B1")
    import_assets(api, mock.project_id, {"data": "b", "externalId": "api-2"})
    ids = [a.id for a in mock.project.iter_assets()]
    rng = random.Random(7)
    doomed = rng.sample(ids, 12)
    api.request(
        "DELETE", f"/project/{mock.project_id}/assets", json={"assets": doomed}
    ).raise_for_status()
    alive = [i for i in ids if i not in doomed]
    for asset_id in rng.sample(alive, 6):
        api.post(f"/assets/{asset_id}", json={"externalId": "renamed"}).raise_for_status()
    api.post(
        "/assignBatches",
        json={"project": mock.project_id, "assets": rng.sample(alive, 8), "batches": ["B2"]},
    ).raise_for_status()
    labels = [{"assetId": i, "answer": {"objects": []}} for i in rng.sample(alive, 6)]
    api.post(
        "/import/labels", json={"project": mock.project_id, "labels": labels}
    ).raise_for_status()
    return ids


def test_filtered_listings_agree_with_checking_every_asset(
    api: httpx.Client, mock: MockServer, mixed: list[str]
) -> None:
    blocks = mock.project.seed_blocks
    cases: list[tuple[dict[str, Any], list[str]]] = [
        ({"isPreLabeled": True}, []),
        ({"isPreLabeled": False}, []),
        ({}, ["B1"]),
        ({}, ["B2"]),
        ({}, ["B1", "B2"]),
        ({"isPreLabeled": True}, ["B1"]),
        ({"externalId": "renamed"}, []),
        ({"externalId": f"seed-{blocks[1].prefix}-3"}, []),
        ({"externalId": f"seed-{blocks[1].prefix}-03"}, []),
        ({"externalId": "api-1"}, ["B1"]),
        ({"_id": mixed[45]}, []),
        ({"_id": mixed[45], "isPreLabeled": False}, []),
        ({}, ["no-such-batch"]),
    ]
    project = mock.project
    for filters, batches in cases:
        expected = _reference(mock, filters, batches)
        flt = AssetFilter(filters, project.resolve_batches(batches, create=False))
        for limit in (1, 4, 100):
            seen: list[str] = []
            for offset in range(0, len(expected) + limit, limit):
                total, page = filtered_page(project, flt, offset, limit)
                assert total == len(expected), (filters, batches)
                seen += [a.id for a in page]
            assert seen == expected, (filters, batches, limit)
    # And once over HTTP, where the listing's parameters are read.
    params = {"filters": '{"isPreLabeled": false, "batches": ["B1"]}', "limit": 100}
    data = list_assets(api, mock.project_id, **params)
    assert [a["_id"] for a in data["assets"]] == _reference(mock, {"isPreLabeled": False}, ["B1"])


def test_a_filtered_listing_builds_only_the_page_it_answers(
    api: httpx.Client, mock: MockServer, admin: httpx.Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    admin.post(
        f"/projects/{mock.project_id}/seed", json={"count": 1_000_000, "labeled": True}
    ).raise_for_status()
    built = 0
    make = SeedBlock.make

    def counting_make(self: SeedBlock, *args: Any) -> Any:
        nonlocal built
        built += 1
        return make(self, *args)

    monkeypatch.setattr(SeedBlock, "make", counting_make)
    for filters in ({"isPreLabeled": True}, {"isPreLabeled": False}, {"externalId": "none"}):
        data = list_assets(api, mock.project_id, filters=json.dumps(filters), page=5000, limit=100)
        assert data["total"] == (1_000_000 if filters.get("isPreLabeled") else 0)
        assert len(data["assets"]) == (100 if filters.get("isPreLabeled") else 0)
    # One page of 100 objects, not a million (which also held the lock and the event loop).
    assert built == 100
    first = list_assets(
        api, mock.project_id, filters='{"isPreLabeled": true}', page=5000, limit=100
    )
    assert first["assets"][0]["externalId"].endswith("-499900")
