"""Empty values from clients.

An empty query value means "not given", unless the parameter's schema refuses an empty string
(not a string type, a `minLength`, an enum, a pattern): then it is the client's error
(schemathesis ST201). A required parameter given empty is given: the empty string its schema
allows (schemathesis ST202 when it was read as missing). An empty batch reference creates no
batch (ST108)."""

from __future__ import annotations

import httpx
import pytest
from ango_hub.mock.server import MockServer


@pytest.mark.parametrize(
    ("path", "query"),
    [
        ("/issues", "status="),  # enum Open|Resolved|Closed
        ("/export", "project=507f1f77bcf86cd799439011&format="),  # enum json|ndjson|split
    ],
)
def test_an_empty_value_the_schema_refuses_is_a_400_naming_it(
    api: httpx.Client, path: str, query: str
) -> None:
    name = query.rsplit("&", 1)[-1].removesuffix("=")
    answer = api.get(f"{path}?{query}")
    assert answer.status_code == 400, answer.text
    assert f"query.{name}" in answer.json()["message"]


def test_an_empty_value_of_a_number_is_a_400_naming_it(api: httpx.Client) -> None:
    answer = api.get("/listProjects?limit=")
    assert answer.status_code == 400, answer.text
    assert "query.limit" in answer.json()["message"]


def test_an_empty_value_of_a_free_string_means_not_given(
    api: httpx.Client, mock: MockServer
) -> None:
    # externalId has no bounds: `?externalId=` filters nothing, as if left out.
    answer = api.get(f"/project/{mock.project_id}/assets?externalId=")
    assert answer.status_code == 200, answer.text


def test_an_empty_value_of_a_required_string_is_given_not_missing(api: httpx.Client) -> None:
    # `project` is a required free string: `?project=` names no project (404), not "missing".
    for path in ("/export?project=", "/getUploadUrl?name=a.jpg&project="):
        answer = api.get(path)
        assert answer.status_code == 404, answer.text
        assert "required parameter is missing" not in answer.text


def test_an_empty_batch_name_creates_no_batch(api: httpx.Client, mock: MockServer) -> None:
    # The spec lets a batch reference be "", but a batch's name is never empty (schemathesis
    # ST108: getProject answered a batch named "").
    body = {
        "assets": [{"data": "https://example.com/a.jpg", "externalId": "a", "batches": ["", "b"]}]
    }
    assert api.post(f"/project/{mock.project_id}/cloud", json=body).status_code in (200, 201)
    names = [
        b["name"]
        for b in api.get(f"/project/{mock.project_id}").json()["data"]["project"]["batches"]
    ]
    assert names == ["b"]
