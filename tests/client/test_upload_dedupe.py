"""Skipping files already in a project costs few requests, however large the project; on both
clients."""

from __future__ import annotations

from pathlib import Path

from ango_hub import UploadReport
from ango_hub.mock.server import MockServer
from client_helpers import MakeHub


def upload_one_taken_and_new(
    make_hub: MakeHub, mock: MockServer, tmp_path: Path, seeded: int, new: int
) -> tuple[str, UploadReport]:
    """Seed the project, then upload a file named like a seeded asset and ``new`` new files
    (the request log starts at the upload). Returns the taken name and the report."""
    mock.seed(seeded)
    with make_hub(api_key=mock.api_key, base_url=mock.base_url) as hub:
        taken = hub.assets.list_page(mock.project_id, limit=1).assets[0].external_id
        assert isinstance(taken, str)
        files = []
        for name in [taken, *(f"new-{n}.png" for n in range(new))]:
            files.append(tmp_path / name)
            files[-1].write_bytes(name.encode() * 10)
        mock.requests.clear()
        report = hub.assets.upload(mock.project_id, files, progress=False)
    return taken, report


def test_upload_into_a_large_project_looks_up_each_file(
    make_hub: MakeHub, ango_hub_mock: MockServer, tmp_path: Path
) -> None:
    taken, report = upload_one_taken_and_new(make_hub, ango_hub_mock, tmp_path, 5_000, 2)
    assert {i.external_id: i.status for i in report.items} == {
        taken: "skipped",
        "new-0.png": "created",
        "new-1.png": "created",
    }
    # One probe for the total, one lookup per file: not the 50 pages of a full listing.
    assert ango_hub_mock.requests.counts["listAssets"] == 1 + 3
    assert len([a for a in ango_hub_mock.project.iter_assets() if not a.deleted]) == 5_002


def test_upload_into_a_small_project_lists_it_once(
    make_hub: MakeHub, ango_hub_mock: MockServer, tmp_path: Path
) -> None:
    _taken, report = upload_one_taken_and_new(make_hub, ango_hub_mock, tmp_path, 3, 5)
    assert [i.status for i in report.items] == ["skipped"] + ["created"] * 5
    # The probe, then one page holds the whole project: cheaper than six lookups.
    assert ango_hub_mock.requests.counts["listAssets"] == 2
