"""No silent no-ops: an unknown key in a filter, an option or a body is refused before anything
is sent, naming the closest known key and listing the allowed ones (from the spec's schemas);
``extra_body``/``extra_query``/``extra_headers`` and ``hub.request`` send what the spec does
not know yet. On both clients."""

from __future__ import annotations

import httpx
import pytest
from ango_hub import AngoHubValidationError
from client_helpers import KEY, WireHub, ok

PROJECT = "p" * 24
ORG = "o" * 24
INVITE = {"to": ["jane@example.com"], "organizationRole": "member"}
ASSIGNMENT = [{"projectId": PROJECT, "projectRole": "Labeler"}]


def answer(request: httpx.Request) -> httpx.Response:
    if request.url.path.endswith("/assets"):
        return ok({"assets": [], "total": 0})
    return ok({"invites": []})


def test_a_misspelt_asset_filter_is_refused(wire_hub: WireHub) -> None:
    hub, wire = wire_hub(answer)
    with pytest.raises(AngoHubValidationError) as caught:
        hub.assets.list_page(PROJECT, filters={"externalID": "cat.png"})
    assert caught.value.field == "filters.externalID"
    assert "did you mean `externalId`?" in str(caught.value)
    assert caught.value.allowed == "_id, batches, externalId, isPreLabeled"
    assert wire.requests == []
    hub.assets.list_page(PROJECT, filters={"externalId": "cat.png"})  # the right key goes
    assert wire.last.url.params["filters"] == '{"externalId": "cat.png"}'


def test_a_misspelt_body_field_is_refused(wire_hub: WireHub) -> None:
    hub, wire = wire_hub(answer)
    with pytest.raises(AngoHubValidationError) as caught:
        hub.call(
            "inviteOrganizationMembers",
            {"orgId": ORG},
            body={**INVITE, "projects": ASSIGNMENT},
        )
    assert caught.value.field == "body.projects"
    assert "unknown field; did you mean `projectAssignments`?" in str(caught.value)
    assert caught.value.allowed == "organizationRole, projectAssignments, to"
    # A nested object is closed too.
    bad = [{"projectId": PROJECT, "role": "Labeler"}]
    with pytest.raises(AngoHubValidationError, match="did you mean `projectRole`"):
        hub.call(
            "inviteOrganizationMembers",
            {"orgId": ORG},
            body={**INVITE, "projectAssignments": bad},
        )
    assert wire.requests == []


def test_a_misspelt_parameter_names_the_closest(wire_hub: WireHub) -> None:
    hub, wire = wire_hub(answer)
    with pytest.raises(AngoHubValidationError, match="did you mean `externalId`"):
        hub.call("listAssets", {"projectId": PROJECT, "externalID": "x"})
    assert wire.requests == []


def test_a_misspelt_export_option_is_refused(wire_hub: WireHub) -> None:
    hub, wire = wire_hub(answer)
    with pytest.raises(AngoHubValidationError) as caught:
        hub.exports.create(PROJECT, fmt="ndjson")  # type: ignore[call-arg]
    assert caught.value.field == "fmt"
    assert "did you mean `format`?" in str(caught.value)
    assert caught.value.allowed is not None
    assert "include_history" in caught.value.allowed
    assert wire.requests == []


def test_a_misspelt_task_filter_is_refused(wire_hub: WireHub) -> None:
    hub, wire = wire_hub(answer)
    with pytest.raises(AngoHubValidationError, match="did you mean `stage`"):
        hub.tasks.list_page(PROJECT, stag="Label")  # type: ignore[call-arg]
    with pytest.raises(AngoHubValidationError, match="did you mean `task_ids`"):
        hub.tasks.set_priority(PROJECT, 5, tasks_ids=["t"])  # type: ignore[call-arg]
    assert wire.requests == []


def test_extras_send_what_the_spec_does_not_know(wire_hub: WireHub) -> None:
    hub, wire = wire_hub(answer)
    hub.call(
        "inviteOrganizationMembers",
        {"orgId": ORG},
        body={**INVITE, "projectAssignments": ASSIGNMENT},
        extra_body={"newVendorField": {"a": 1}},
        extra_query={"beta": "yes"},
        extra_headers={"X-Trace": "t-1"},
    )
    assert wire.json() == {
        **INVITE,
        "projectAssignments": ASSIGNMENT,
        "newVendorField": {"a": 1},
    }
    assert wire.last.url.params["beta"] == "yes"
    assert wire.last.headers["x-trace"] == "t-1"
    assert wire.last.headers["apikey"] == KEY
    with pytest.raises(AngoHubValidationError, match=r"extra_headers\.apikey"):
        hub.call("listAssets", {"projectId": PROJECT}, extra_headers={"ApiKey": "other"})
    assert len(wire.requests) == 1


def test_request_sends_to_a_path_the_spec_lacks(wire_hub: WireHub) -> None:
    hub, wire = wire_hub(lambda request: ok({"thing": 1}))
    got = hub.request("POST", "/project/abc/newThing", json={"x": 1}, params={"q": "v"})
    assert got == {"status": "success", "data": {"thing": 1}}
    assert wire.last.method == "POST"
    assert str(wire.last.url) == "https://hub.test/v2/project/abc/newThing?q=v"
    assert wire.json() == {"x": 1}
    assert wire.last.headers["apikey"] == KEY
    for elsewhere in ("https://evil.test/x", "//evil.test/x", "projects"):
        with pytest.raises(AngoHubValidationError, match="path"):
            hub.request("GET", elsewhere)
    with pytest.raises(AngoHubValidationError, match="did you mean `params`"):
        hub.request("GET", "/projects", parms={"page": 1})  # type: ignore[call-arg]
    assert len(wire.requests) == 1
