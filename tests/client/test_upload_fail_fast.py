"""Fail fast on systemic failures: a wrong project, key or base URL fails every file alike, so
the upload stops at the project check or after its first ``FAIL_FAST_AFTER`` files, raises a
typed error naming the cause, and reports every other file as not attempted. A 404 from a base
URL without ``/v2`` says to add it. On both clients, against the mock."""

from __future__ import annotations

from pathlib import Path

import pytest
from ango_hub import BulkJobStoppedError, NotFoundError
from ango_hub.mock.faults import FaultRule
from ango_hub.mock.server import MockServer
from ango_hub.upload import FAIL_FAST_AFTER
from client_helpers import MakeHub, numbered_files

MISSING = "0" * 24


def test_a_wrong_project_stops_at_the_check(
    make_hub: MakeHub, mock: MockServer, tmp_path: Path
) -> None:
    numbered_files(tmp_path, 20)
    with make_hub(api_key=mock.api_key, base_url=mock.base_url) as hub:
        mock.requests.clear()
        with pytest.raises(BulkJobStoppedError) as caught:
            hub.assets.upload(MISSING, tmp_path, progress=False)
    error = caught.value
    assert f"project {MISSING} not found" in str(error)
    assert error.status_code == 404
    assert isinstance(error.cause, NotFoundError)
    assert [item.status for item in error.report.items] == ["not_attempted"] * 20
    assert error.report.to_dict()["notAttempted"] == 20
    assert "getUploadUrl" not in mock.requests.counts


def test_a_base_url_without_v2_says_to_add_it(
    make_hub: MakeHub, mock: MockServer, tmp_path: Path
) -> None:
    numbered_files(tmp_path, 3)
    with make_hub(api_key=mock.api_key, base_url=mock.root_url) as hub:
        with pytest.raises(BulkJobStoppedError, match=r"add /v2"):
            hub.assets.upload(mock.project_id, tmp_path, progress=False)
        with pytest.raises(NotFoundError, match=r"base URL has no /v2: add /v2"):
            hub.assets.list_page(mock.project_id)


def test_the_first_files_failing_alike_stop_the_rest(
    make_hub: MakeHub, mock: MockServer, tmp_path: Path
) -> None:
    numbered_files(tmp_path, 60)
    mock.faults.add(FaultRule(kind="refuse", status=403, operation="getUploadUrl"))
    with make_hub(api_key=mock.api_key, base_url=mock.base_url) as hub:
        mock.requests.clear()
        with pytest.raises(BulkJobStoppedError, match=r"permission denied .*403") as caught:
            hub.assets.upload(mock.project_id, tmp_path, progress=False, concurrency=2)
    report = caught.value.report
    failed, skipped = report.failed, report.not_attempted
    assert len(failed) >= FAIL_FAST_AFTER
    assert len(failed) + len(skipped) == 60  # every file has its outcome
    assert len(skipped) > 0
    assert all(item.stage == "upload_url" for item in failed)
    # No file is started after the stop: at most the workers in flight (2 x concurrency).
    assert mock.requests.counts["getUploadUrl"] <= FAIL_FAST_AFTER + 4
    assert "importCloudAssets" not in mock.requests.counts


def test_failures_that_differ_do_not_stop_the_upload(
    make_hub: MakeHub, mock: MockServer, tmp_path: Path
) -> None:
    numbered_files(tmp_path, 8)
    mock.faults.add(FaultRule(kind="refuse", status=403, operation="getUploadUrl", nth=2))
    with make_hub(api_key=mock.api_key, base_url=mock.base_url) as hub:
        report = hub.assets.upload(mock.project_id, tmp_path, progress=False, concurrency=1)
    assert len(report.failed) == 1
    assert len(report.created) == 7
    assert report.not_attempted == []
