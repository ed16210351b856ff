"""Client-side pacing (issue 11, item 9): a bulk upload under the mock's per-key rate limit
ends with every file created, paced by the server's headers or by the client's own budget."""

from __future__ import annotations

from pathlib import Path

import pytest
from ango_hub._pacing import Pacer
from ango_hub._retry import RetryPolicy
from ango_hub.mock.server import MockServer
from client_helpers import MakeHub, numbered_files

PROJECT = "507f1f77bcf86cd799439011"
# Retry-After is honoured in full here (the FAST policy would cap it to 10 ms).
PATIENT = RetryPolicy(base_delay=0.05, max_delay=0.5, max_retry_after=5.0)


def refused(mock: MockServer) -> int:
    return sum(1 for entry in mock.requests.entries if entry["status"] == 429)


def upload_under_limit(
    mock: MockServer, make_hub: MakeHub, tmp_path: Path, files: int, **options: object
) -> tuple[int, int]:
    """Upload ``files`` files with a 10-calls-per-second limit on every API call; returns
    the number of API calls the mock answered and how many it refused."""
    mock.add_fault("rate_limit", limit=10, window=1.0)
    paths = numbered_files(tmp_path, files)
    with make_hub(
        api_key=mock.api_key, base_url=mock.base_url, retry_policy=PATIENT, **options
    ) as hub:
        report = hub.assets.upload(PROJECT, paths, concurrency=8)
    assert report.failed == []
    assert len(report.created) == files
    assert mock.project.live_count() == files
    api_calls = [e for e in mock.requests.entries if e["path"].startswith("/v2")]
    return len(api_calls), refused(mock)


def test_upload_paced_by_the_servers_headers_loses_nothing(
    mock: MockServer, make_hub: MakeHub, tmp_path: Path
) -> None:
    calls, refusals = upload_under_limit(mock, make_hub, tmp_path, 40)
    assert calls >= 40
    # Only the first burst (8 in flight when the figures arrive) can overrun the limit.
    assert refusals <= 8


def test_upload_paced_by_the_clients_budget_is_never_refused(
    mock: MockServer, make_hub: MakeHub, tmp_path: Path
) -> None:
    calls, refusals = upload_under_limit(
        mock, make_hub, tmp_path, 30, requests_per_minute=10, rate_window=1.0
    )
    assert calls >= 30
    assert refusals == 0


def test_pacer_budget_is_a_sliding_window() -> None:
    pacer = Pacer(3, window=10.0)
    assert [pacer.reserve() for _ in range(3)] == [0.0, 0.0, 0.0]
    waits: list[float] = []
    pacer.on_wait = waits.append
    wait = pacer.reserve()
    assert 10.0 < wait < 10.5
    assert waits == [wait]


def test_pacer_blocks_on_zero_remaining_then_lets_one_probe() -> None:
    pacer = Pacer()
    assert pacer.reserve() == 0.0
    assert pacer.reserve() == 0.0
    pacer.observe(200, {"x-ratelimit-remaining": "0", "x-ratelimit-reset": "0.2"})
    assert 0.1 < pacer.reserve() <= 0.2
    pacer.observe(429, {"retry-after": "0.3"})
    assert 0.2 < pacer.reserve() <= 0.3


def test_pacer_settings_are_checked(make_hub: MakeHub) -> None:
    with pytest.raises(ValueError, match="requests_per_minute"):
        make_hub(api_key="k", base_url="https://hub.test/v2", requests_per_minute=0)


def test_a_rate_limit_wait_shows_on_the_upload_progress_bar() -> None:
    from ango_hub import AngoHub
    from ango_hub._sync.upload_run import show_rate_waits

    notes: list[str | None] = []

    def advance(done: int = 1, total: int | None = None, note: str | None = None) -> None:
        notes.append(note)

    with AngoHub(api_key="k", base_url="https://hub.test/v2") as hub:
        with show_rate_waits(hub, advance):
            hub._pacer.observe(429, {"retry-after": "2"})
            hub._pacer.reserve()
            hub._pacer.reserve()  # the same wait is announced once
        assert hub._pacer.on_wait is None
    assert len(notes) == 1
    assert notes[0] is not None
    assert notes[0].startswith("waiting 2.0 s") or notes[0].startswith("waiting 1.9 s")
    assert notes[0].endswith("for the rate limit")
