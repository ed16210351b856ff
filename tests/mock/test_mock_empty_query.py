"""An empty query value means "not given", unless the parameter's schema refuses an empty
string (a `minLength`, an enum, a pattern): then it is the client's error (schemathesis ST201)."""

from __future__ import annotations

import httpx
import pytest


@pytest.mark.parametrize(
    ("path", "query"),
    [
        ("/issues", "status="),  # enum Open|Resolved|Closed
        ("/issues", "project="),  # minLength 1
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


def test_an_empty_value_of_a_number_means_not_given(api: httpx.Client) -> None:
    answer = api.get("/issues?limit=")
    assert answer.status_code == 200, answer.text
    assert answer.json()["data"]["issue"] == []
