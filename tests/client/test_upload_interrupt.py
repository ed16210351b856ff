"""An asyncio bulk upload whose task is cancelled (what ``asyncio.run`` does on Ctrl-C) stops
taking new files and stays cancelled, with the report on the cancellation: every file's
outcome, the files never tried as not attempted. (The sync client and the CLI, with real
signals: ``tests/cli/test_cli_upload_interrupt.py``.)"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from ango_hub import AsyncAngoHub, UploadReport
from ango_hub.mock.faults import FaultRule
from ango_hub.mock.server import MockServer
from client_helpers import numbered_files

FILES = 30


def test_a_cancelled_async_upload_stays_cancelled_and_carries_the_report(
    mock: MockServer, tmp_path: Path
) -> None:
    numbered_files(tmp_path, FILES)
    mock.faults.add(FaultRule(kind="delay", delay_seconds=0.3, operation="getUploadUrl"))

    async def main() -> asyncio.CancelledError:
        async with AsyncAngoHub(api_key=mock.api_key, base_url=mock.base_url) as hub:
            upload = hub.assets.upload(mock.project_id, tmp_path, progress=False, concurrency=2)
            task = asyncio.ensure_future(upload)
            while mock.requests.counts["getUploadUrl"] < 4:  # noqa: ASYNC110  (the mock is another thread)
                await asyncio.sleep(0.05)
            task.cancel()
            with pytest.raises(asyncio.CancelledError) as caught:
                await task
            return caught.value

    try:
        cancelled = asyncio.run(main())
    finally:
        mock.faults.clear()
    report = cancelled.report  # type: ignore[attr-defined]
    assert isinstance(report, UploadReport)
    assert len(report.items) == FILES
    assert {item.status for item in report.items} <= {"created", "not_attempted"}
    assert len(report.not_attempted) > FILES // 2
    assert "importCloudAssets" not in mock.requests.counts
    assert "Run the same upload again to resume" in report.interrupted_summary()
