"""The escape hatch on every resource method, as openai-python has it: ``extra_body=``,
``extra_query=`` and ``extra_headers=`` are sent unchecked with each API request the method
makes (the body only with requests that have one), and nothing leaks into the next call. On
both clients."""

from __future__ import annotations

import inspect
import json

import httpx
import pytest
from ango_hub import AngoHub, AngoHubValidationError, AsyncAngoHub
from client_helpers import KEY, WireHub, ok
from test_every_method_typed import public_methods

PROJECT = "p" * 24
ASSET = "a" * 24
EXTRAS = ("extra_body", "extra_query", "extra_headers")


def answer(request: httpx.Request) -> httpx.Response:
    if request.url.path.endswith("/assets") and request.method == "GET":
        return ok({"assets": [{"_id": ASSET, "externalId": "x.png"}], "total": 1})
    if request.method == "DELETE":
        return ok({"deleted": 1, "failed": 0})
    return ok({"asset": {"_id": ASSET, "externalId": "renamed"}})


@pytest.mark.parametrize("kind", [AngoHub, AsyncAngoHub])
def test_every_public_resource_method_takes_the_extras(kind: type[AngoHub]) -> None:
    hub = kind(api_key=KEY, base_url="https://hub.test/v2")
    methods = [(name, method) for name, method in public_methods(hub) if "." in name]
    assert len(methods) > 50  # every resource, nested ones included (organization.members)
    lacking = []
    for name, method in methods:
        params = inspect.signature(method).parameters
        if not all(
            e in params and params[e].kind is inspect.Parameter.KEYWORD_ONLY for e in EXTRAS
        ):
            lacking.append(name)
    assert lacking == []


@pytest.mark.parametrize("kind", [AngoHub, AsyncAngoHub])
def test_every_public_resource_method_declares_the_extras_for_type_checkers(
    kind: type[AngoHub],
) -> None:
    hub = kind(api_key=KEY, base_url="https://hub.test/v2")
    undeclared, checked = [], 0
    for name, method in public_methods(hub):
        own = getattr(method, "__wrapped__", None)  # what mypy reads: the method as written
        if "." in name and own is not None:
            checked += 1
            params = inspect.signature(own).parameters
            if not all(e in params for e in EXTRAS):
                undeclared.append(name)
    assert checked > 50
    assert undeclared == []


def test_a_body_method_sends_all_three(wire_hub: WireHub) -> None:
    hub, wire = wire_hub(answer)
    hub.assets.update(
        ASSET,
        external_id="renamed",
        extra_body={"newVendorField": 1},
        extra_query={"beta": "yes"},
        extra_headers={"X-Trace": "t-1"},
    )
    assert wire.json() == {"externalId": "renamed", "newVendorField": 1}
    assert wire.last.url.params["beta"] == "yes"
    assert wire.last.headers["x-trace"] == "t-1"
    assert wire.last.headers["apikey"] == KEY
    hub.assets.update(ASSET, external_id="again")  # the next call carries none of them
    assert wire.json() == {"externalId": "again"}
    assert "beta" not in wire.last.url.params
    assert "x-trace" not in wire.last.headers


def test_a_listing_sends_them_with_every_page_and_no_body_on_a_read(wire_hub: WireHub) -> None:
    hub, wire = wire_hub(answer)
    listed = list(
        hub.assets.list(
            PROJECT,
            extra_body={"ignored": True},
            extra_query={"beta": "yes"},
            extra_headers={"X-Trace": "t-2"},
        )
    )
    assert [a.external_id for a in listed] == ["x.png"]
    assert wire.requests
    for request in wire.requests:
        assert request.method == "GET"
        assert request.url.params["beta"] == "yes"
        assert request.headers["x-trace"] == "t-2"
        assert request.content == b""


def test_a_method_with_keyword_options_and_with_options(wire_hub: WireHub) -> None:
    hub, wire = wire_hub(answer)
    scoped = hub.with_options(extra_headers={"X-Team": "data"})
    scoped.assets.delete(PROJECT, [ASSET], extra_body={"hard": False})
    assert json.loads(wire.last.content) == {"assets": [ASSET], "hard": False}
    assert wire.last.headers["x-team"] == "data"
    hub.assets.delete(PROJECT, [ASSET])
    assert "x-team" not in wire.last.headers
    with pytest.raises(AngoHubValidationError, match=r"extra_headers\.apikey"):
        hub.assets.delete(PROJECT, [ASSET], extra_headers={"apikey": "other"})


def test_with_options_extras_reach_a_raw_request_too(wire_hub: WireHub) -> None:
    hub, wire = wire_hub(lambda request: ok({"thing": 1}))
    traced = hub.with_options(extra_query={"beta": "yes"}, extra_headers={"X-Trace": "t-3"})
    traced.request("POST", "/project/p/newThing", json={"x": 1}, headers={"X-Own": "o"})
    assert wire.last.url.params["beta"] == "yes"
    assert (wire.last.headers["x-trace"], wire.last.headers["x-own"]) == ("t-3", "o")
    assert json.loads(wire.last.content) == {"x": 1}
