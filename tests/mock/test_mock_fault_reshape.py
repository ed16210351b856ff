"""The ``reshape`` fault: answers lose one JSON field, everything else stays as served."""

from __future__ import annotations

import httpx
import pytest
from ango_hub.mock import FaultRule
from ango_hub.mock.fault_reshape import remove_field
from ango_hub.mock.server import MockServer


def _list(mock: MockServer) -> httpx.Response:
    return httpx.get(
        f"{mock.base_url}/project/{mock.project_id}/assets",
        headers={"apikey": mock.api_key},
        params={"limit": 2},
    )


def test_reshape_removes_the_field_and_keeps_the_rest(ango_hub_mock: MockServer) -> None:
    ango_hub_mock.seed(3)
    plain = _list(ango_hub_mock).json()
    ango_hub_mock.add_fault("reshape", operation="listAssets", remove="data.assets.0._id", times=1)

    reshaped = _list(ango_hub_mock)

    assert reshaped.status_code == 200
    assert int(reshaped.headers["content-length"]) == len(reshaped.content)
    body = reshaped.json()
    assert "_id" not in body["data"]["assets"][0]
    assert body["data"]["assets"][1] == plain["data"]["assets"][1]
    assert body["data"]["total"] == 3
    assert _list(ango_hub_mock).json() == plain  # times=1: the next answer is whole again


def test_reshape_of_an_absent_field_changes_nothing(ango_hub_mock: MockServer) -> None:
    plain = _list(ango_hub_mock).json()
    ango_hub_mock.add_fault("reshape", operation="listAssets", remove="data.nothing.here")
    assert _list(ango_hub_mock).json() == plain


def test_reshape_needs_a_path() -> None:
    with pytest.raises(ValueError, match="remove: required for reshape"):
        FaultRule.from_dict({"kind": "reshape"})


def test_remove_field_walks_objects_and_lists() -> None:
    document = {"a": [{"b": 1, "c": 2}], "d": 3}
    assert remove_field(document, "a.0.b")
    assert document == {"a": [{"c": 2}], "d": 3}
    assert not remove_field(document, "a.5.c")
    assert not remove_field(document, "d.e")
