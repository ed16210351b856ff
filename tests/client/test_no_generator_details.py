"""What a user reads and writes carries no generator details (docs/GENERATOR-NOTES.md, "Models
without Unset"): an optional attribute is ``X | None``, ``_id`` is ``.id``, and a ``None`` is
left out of a request (a ``null`` is sent only when written in a plain dict)."""

from __future__ import annotations

import importlib
import inspect
import json
from typing import Any

import attrs
import httpx
import pytest
from ango_hub import UnexpectedResponseError
from ango_hub_api import models
from ango_hub_api.models import CloudAsset, CloudImportRequest
from ango_hub_api.types import Unset
from client_helpers import WireHub

GENERATOR_WORDS = ("Unset", "UNSET", "field_")


def _model_classes() -> list[type]:
    return [getattr(models, name) for name in models.__all__ if attrs.has(getattr(models, name))]


def test_no_model_attribute_a_user_reads_mentions_unset() -> None:
    classes = _model_classes()
    assert len(classes) > 150  # every model of the package, not an empty loop
    for cls in classes:
        for field in attrs.fields(cls):
            text = f"{field.name}: {field.type}"
            assert not any(word in text for word in GENERATOR_WORDS), (cls, text)
            assert not isinstance(field.default, Unset), (cls, field.name)
        assert "Unset" not in (cls.__doc__ or ""), cls


def test_an_answer_s_id_is_id_and_an_absent_field_is_none() -> None:
    asset = models.Asset.from_dict({"_id": "a1", "externalId": None, "shinyNew": 1})
    assert asset.id == "a1"
    assert (asset.external_id, asset.created_at, asset.batches) == (None, None, None)
    assert asset.additional_properties == {"shinyNew": 1}  # unknown fields stay reachable
    assert not hasattr(asset, "field_id")


def test_no_public_method_of_the_client_mentions_unset() -> None:
    checked = 0
    for module in _resource_modules():
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ != module.__name__:
                continue
            for name, method in inspect.getmembers(cls, inspect.isfunction):
                if name.startswith("_"):
                    continue
                signature = f"{name}{inspect.signature(method)}"
                assert not any(word in signature for word in GENERATOR_WORDS), (cls, signature)
                checked += 1
    assert checked > 50, checked


def _resource_modules() -> list[Any]:
    names = ["assets", "batches", "client", "exports", "files", "issues", "llms"]
    names += ["organization", "projects", "storages", "tasks"]
    return [importlib.import_module(f"ango_hub._sync.{name}") for name in names]


def _ok(request: httpx.Request) -> httpx.Response:
    if request.url.path.endswith("/assets"):  # listAssets
        asset = {"_id": "a1", "externalId": None, "brandNew": True}
        data = {"assets": [asset], "total": 1}
        if request.url.params.get("limit") == "3":  # an answer without the total the method needs
            del data["total"]
        return httpx.Response(200, json={"status": "success", "data": data})
    return httpx.Response(200, json={"status": "success", "data": {"asset": {"_id": "a1"}}})


def test_none_is_left_out_of_the_body_and_the_query(wire_hub: WireHub) -> None:
    hub, wire = wire_hub(_ok)
    updated = hub.assets.update("a1", metadata={"k": "v"}, external_id=None)
    assert wire.last.content == b'{"metadata":{"k":"v"}}'
    assert updated.id == "a1"
    assert updated.external_id is None
    asset = CloudAsset(data="https://x/a.jpg", external_id=None, metadata=None)
    hub.call("importCloudAssets", {"projectId": "p1"}, body=CloudImportRequest([asset]))
    assert wire.json() == {"assets": [{"data": "https://x/a.jpg"}]}
    hub.assets.list_page("p1", external_id=None, batches=None, filters=None)
    assert "externalId" not in wire.last.url.params
    assert set(wire.last.url.params) == {"page", "limit"}


def test_a_null_is_sent_only_when_written_in_a_plain_dict(wire_hub: WireHub) -> None:
    hub, wire = wire_hub(_ok)
    body: dict[str, Any] = {"assets": [{"data": "https://x/a.jpg", "metadata": None}]}
    hub.call("importCloudAssets", {"projectId": "p1"}, body=body)
    assert json.loads(wire.last.content) == body
    assert b'"metadata":null' in wire.last.content
    # A model read from such a dict gives its null back, so it is sent as well.
    hub.call("importCloudAssets", {"projectId": "p1"}, body=CloudImportRequest.from_dict(body))
    assert json.loads(wire.last.content) == body


def test_the_tolerant_reader_still_names_a_needed_field(wire_hub: WireHub) -> None:
    hub, _ = wire_hub(_ok)
    page = hub.assets.list_page("p1")
    assert page.assets[0].id == "a1"
    assert page.assets[0].external_id is None
    assert page.assets[0].additional_properties == {"brandNew": True}
    with pytest.raises(UnexpectedResponseError, match="listAssets: the answer has no 'total'"):
        hub.assets.list_page("p1", limit=3)


def test_the_project_get_returns_keeps_the_nulls_the_answer_sent(wire_hub: WireHub) -> None:
    project = {"_id": "p1", "name": "Cars", "instructions": None, "type": "ango"}
    hub, _ = wire_hub(
        lambda r: httpx.Response(200, json={"status": "success", "data": {"project": project}})
    )
    got = hub.projects.get("p1")
    assert (got.id, got.type, got.instructions, got.description) == ("p1", "ango", None, None)
    assert got.to_dict() == project  # the null given back, the absent description left out
