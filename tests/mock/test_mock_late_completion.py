"""`complete_after_disconnect`: a delayed request is carried through after its client gave up,
as a real server does, so a client's timeout can meet an import that lands later."""

from __future__ import annotations

import time

import httpx
import pytest
from ango_hub.mock.server import MockServer

ASSETS = {"assets": [{"data": "https://x/late.jpg", "externalId": "late"}]}


def _import_with_short_timeout(mock: MockServer) -> None:
    with pytest.raises(httpx.ReadTimeout):
        httpx.post(
            f"{mock.base_url}/project/{mock.project_id}/cloud",
            headers={"apikey": mock.api_key},
            json=ASSETS,
            timeout=httpx.Timeout(5, read=0.3),
        )


def _wait_for(condition: object, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return True
        time.sleep(0.05)
    return False


def test_an_import_whose_client_timed_out_still_lands(mock: MockServer) -> None:
    mock.add_fault(
        "delay", operation="importCloudAssets", delay_seconds=1.0, complete_after_disconnect=True
    )
    _import_with_short_timeout(mock)
    # Right after the timeout the import has not landed: "not done" looks like "not done yet".
    assert mock.project.live_count() == 0
    assert _wait_for(lambda: mock.project.live_count() == 1, 10)
    (asset,) = mock.project.assets.values()
    assert asset.external_id == "late"
    assert [e["status"] for e in mock.requests.entries] == [201]  # answered, to nobody


def test_a_big_body_is_held_and_replayed_whole(mock: MockServer) -> None:
    mock.add_fault(
        "delay", operation="importCloudAssets", delay_seconds=0.5, complete_after_disconnect=True
    )
    many = {"assets": [{"data": f"https://x/{i}.jpg", "externalId": "x" * 200} for i in range(500)]}
    with pytest.raises(httpx.ReadTimeout):
        httpx.post(
            f"{mock.base_url}/project/{mock.project_id}/cloud",
            headers={"apikey": mock.api_key},
            json=many,
            timeout=httpx.Timeout(5, read=0.1),
        )
    assert _wait_for(lambda: mock.project.live_count() == 500, 20)


def test_without_the_option_a_delayed_request_whose_client_left_is_dropped(
    mock: MockServer,
) -> None:
    mock.add_fault("delay", operation="importCloudAssets", delay_seconds=0.5)
    _import_with_short_timeout(mock)
    time.sleep(1.5)
    assert mock.project.live_count() == 0
    assert [e["status"] for e in mock.requests.entries] == [499]  # client closed request


def test_a_connected_client_gets_the_normal_answer(mock: MockServer) -> None:
    mock.add_fault(
        "delay", operation="importCloudAssets", delay_seconds=0.2, complete_after_disconnect=True
    )
    response = httpx.post(
        f"{mock.base_url}/project/{mock.project_id}/cloud",
        headers={"apikey": mock.api_key},
        json=ASSETS,
    )
    assert response.status_code == 201
    assert response.json()["data"]["assets"]["assetsCreated"] == 1
