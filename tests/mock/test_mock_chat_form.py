"""Chat upload forms that look plausible but say nothing usable are refused, naming the part."""

from __future__ import annotations

import httpx
import pytest
from ango_hub.mock.server import MockServer

CONVERSATIONS = b'[{"messages": [{"role": "user", "content": "hi"}]}]'


def test_a_file_part_without_filename_is_refused_naming_it(
    api: httpx.Client, mock: MockServer
) -> None:
    # `(None, bytes)`: httpx sends the part with no filename=, i.e. as a text field.
    response = api.post(f"/project/{mock.project_id}/chat", files={"file": (None, CONVERSATIONS)})
    assert response.status_code == 400
    assert response.json()["message"] == (
        "body.file: must be a file part (Content-Disposition with filename=)"
    )
    assert mock.project.live_count() == 0
    with_name = api.post(
        f"/project/{mock.project_id}/chat", files={"file": ("c.json", CONVERSATIONS)}
    )
    assert with_name.status_code == 201
    assert with_name.json()["data"]["assets"]["assetsCreated"] == 1


@pytest.mark.parametrize(
    ("batches", "kind"),
    [
        ('{"a": 1}', "a JSON object"),
        ("{}", "a JSON object"),
        ('["b1", 2]', "an array holding non-strings"),
    ],
)
def test_batches_that_are_not_a_list_of_names_are_refused(
    api: httpx.Client, mock: MockServer, batches: str, kind: str
) -> None:
    response = api.post(
        f"/project/{mock.project_id}/chat",
        data={"numberOfConversations": "1", "batches": batches},
    )
    assert response.status_code == 400
    assert response.json()["message"] == (
        f"body.batches: must be a JSON array of strings or a comma-separated list, not {kind}"
    )
    assert mock.project.live_count() == 0
    assert mock.project.batches == {}


def test_batches_as_json_array_or_comma_list_still_work(
    api: httpx.Client, mock: MockServer
) -> None:
    for batches in ('["b1", "b2"]', "b1, b3"):
        response = api.post(
            f"/project/{mock.project_id}/chat",
            data={"numberOfConversations": "1", "batches": batches},
        )
        assert response.status_code == 201, response.text
    assert sorted(b.name for b in mock.project.batches.values()) == ["b1", "b2", "b3"]
