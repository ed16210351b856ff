"""Skipping files already in a project costs few requests, however large the project; on both
clients."""

from __future__ import annotations

from pathlib import Path

from ango_hub.mock.server import MockServer
from client_helpers import MakeHub


def _files(tmp_path: Path, names: list[str]) -> list[Path]:
    paths = []
    for name in names:
        path = tmp_path / name
        path.write_bytes(name.encode() * 10)
        paths.append(path)
    return paths


def test_upload_into_a_large_project_looks_up_each_file(
    make_hub: MakeHub, ango_hub_mock: MockServer, tmp_path: Path
) -> None:
    ango_hub_mock.seed(5_000)
    with make_hub(api_key=ango_hub_mock.api_key, base_url=ango_hub_mock.base_url) as hub:
        taken = hub.assets.list_page(ango_hub_mock.project_id, limit=1).assets[0].external_id
        assert isinstance(taken, str)
        files = _files(tmp_path, [taken, "new-1.png", "new-2.png"])
        ango_hub_mock.requests.clear()
        report = hub.assets.upload(ango_hub_mock.project_id, files, progress=False)

        assert {i.external_id: i.status for i in report.items} == {
            taken: "skipped",
            "new-1.png": "created",
            "new-2.png": "created",
        }
        # One probe for the total, one lookup per file: not the 50 pages of a full listing.
        assert ango_hub_mock.requests.counts["listAssets"] == 1 + 3
        assert hub.assets.list_page(ango_hub_mock.project_id, limit=1).total == 5_002


def test_upload_into_a_small_project_lists_it_once(
    make_hub: MakeHub, ango_hub_mock: MockServer, tmp_path: Path
) -> None:
    ango_hub_mock.seed(3)
    with make_hub(api_key=ango_hub_mock.api_key, base_url=ango_hub_mock.base_url) as hub:
        taken = hub.assets.list_page(ango_hub_mock.project_id, limit=1).assets[0].external_id
        assert isinstance(taken, str)
        files = _files(tmp_path, [taken, *(f"new-{n}.png" for n in range(5))])
        ango_hub_mock.requests.clear()
        report = hub.assets.upload(ango_hub_mock.project_id, files, progress=False)

    assert [i.status for i in report.items] == ["skipped"] + ["created"] * 5
    # The probe, then one page holds the whole project: cheaper than six lookups.
    assert ango_hub_mock.requests.counts["listAssets"] == 2
