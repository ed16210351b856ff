"""A cloud import that times out on the client but lands on the server later (the mock's
``complete_after_disconnect`` delay, as a real server behaves): the bulk upload must not send
the chunk again and duplicate it, and must never report a duplicate as created. On both
clients."""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

import httpx
from ango_hub import AngoHub
from ango_hub.mock.faults import FaultRule
from ango_hub.mock.server import MockServer
from client_helpers import FAST, MakeHub, numbered_files

FILES = 10
SHORT = httpx.Timeout(10.0, read=0.5)  # the import waits longer than this for its answer


def delay_first_import(mock: MockServer, seconds: float) -> FaultRule:
    # A first listing warms the mock up (its first answer can take longer than SHORT).
    httpx.get(
        f"{mock.base_url}/project/{mock.project_id}/assets",
        headers={"apikey": mock.api_key},
        timeout=30,
    ).raise_for_status()
    return mock.add_fault(
        "delay",
        operation="importCloudAssets",
        nth=1,
        delay_seconds=seconds,
        complete_after_disconnect=True,
    )


def settled_external_ids(mock: MockServer, rule: FaultRule) -> Counter[str]:
    """Every live asset's externalId, once every import the mock received has finished (the
    late one is logged when it ends, answered to nobody)."""
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and mock.requests.counts["importCloudAssets"] < rule.calls:
        time.sleep(0.05)
    assert mock.requests.counts["importCloudAssets"] == rule.calls
    return Counter(a.external_id or "" for a in mock.project.iter_assets() if not a.deleted)


def test_an_import_landing_after_the_timeout_is_found_not_sent_again(
    make_hub: MakeHub, mock: MockServer, tmp_path: Path
) -> None:
    """The issue's case: 10 files, the import times out, a check finds nothing yet, the chunk
    was sent again, then the first import landed: 20 assets, and "10 created"."""
    late = delay_first_import(mock, 1.5)
    files = numbered_files(tmp_path, FILES)
    with make_hub(
        api_key=mock.api_key, base_url=mock.base_url, timeout=SHORT, retry_policy=FAST
    ) as hub:
        report = hub.assets.upload(mock.project_id, files, progress=False)

    assets = settled_external_ids(mock, late)
    assert sum(assets.values()) == FILES, f"duplicated: {assets}"
    assert set(assets.values()) == {1}
    assert [item.status for item in report.items] == ["created"] * FILES
    assert mock.requests.counts["importCloudAssets"] == 1  # never sent again


def test_an_import_landing_after_the_settle_time_is_reported_unknown(
    make_hub: MakeHub, mock: MockServer, tmp_path: Path
) -> None:
    """When the project stays unchanged for ``settle_seconds`` after the timeout, the files
    not found are ``unknown`` (not created, not failed) and are not sent again; running the
    same upload once the import has landed skips them all."""
    late = delay_first_import(mock, 2.5)
    files = numbered_files(tmp_path, FILES)
    with make_hub(
        api_key=mock.api_key, base_url=mock.base_url, timeout=SHORT, retry_policy=FAST
    ) as hub:
        report = hub.assets.upload(mock.project_id, files, progress=False, settle_seconds=0.5)
        assert [item.status for item in report.items] == ["unknown"] * FILES
        assert report.to_dict()["unknown"] == FILES
        assert not report.ok
        for item in report.unknown:
            assert item.stage == "import"
            assert "unknown" in (item.error or "")
            assert "run the same upload again" in (item.error or "")

        assets = settled_external_ids(mock, late)
        assert sum(assets.values()) == FILES
        assert mock.requests.counts["importCloudAssets"] == 1

        again = hub.assets.upload(mock.project_id, files, progress=False)
    assert [item.status for item in again.items] == ["skipped"] * FILES
    assert settled_external_ids(mock, late) == assets


def test_a_gateway_timeout_is_watched_not_sent_again(
    make_hub: MakeHub, mock: MockServer, tmp_path: Path
) -> None:
    """A 504 from a gateway says nothing about the server behind it, which may still be
    importing: the project is watched, and only what is found is reported created."""
    mock.add_fault("server_error", operation="importCloudAssets", nth=1, status=504)
    files = numbered_files(tmp_path, 3)
    with make_hub(api_key=mock.api_key, base_url=mock.base_url, retry_policy=FAST) as hub:
        report = hub.assets.upload(mock.project_id, files, progress=False, settle_seconds=0.3)
    assert [item.status for item in report.items] == ["unknown"] * 3
    assert "504" in (report.items[0].error or "")
    assert mock.requests.counts["importCloudAssets"] == 1
    assert mock.project.live_count() == 0


def test_a_server_error_answer_is_checked_and_the_missing_files_sent_again(
    mock: MockServer, tmp_path: Path
) -> None:
    """A 500 or 503 is the server's own answer: the request is over, so the check after it is
    final and re-sending what is missing cannot duplicate anything."""
    mock.add_fault("server_error", operation="importCloudAssets", nth=1, status=503)
    files = numbered_files(tmp_path, 3)
    with AngoHub(api_key=mock.api_key, base_url=mock.base_url, retry_policy=FAST) as hub:
        report = hub.assets.upload(mock.project_id, files, progress=False)
    assert [item.status for item in report.items] == ["created"] * 3
    assert mock.requests.counts["importCloudAssets"] == 2
    assert mock.project.live_count() == 3
