"""``hub.organization``, ``hub.llms``, ``hub.notifications`` and the plugin calls, on both
clients, against the mock (state, answers, refusals) and on a recorded wire."""

from __future__ import annotations

import json
import logging

import httpx
import pytest
from ango_hub import (
    AngoHub,
    AngoHubValidationError,
    AuthenticationError,
    BadRequestError,
    NotFoundError,
)
from ango_hub.mock.handlers_organization import accept_invitation
from ango_hub.mock.server import MockServer
from client_helpers import KEY, MakeHub, WireHub, ok

SECRET = "sk-llm-I2-distinctive-7f3a9c"
OTHER_ORG = "0123456789abcdef01234567"


def _org(hub: AngoHub, mock: MockServer) -> str:
    org_id = hub.organization.find_id()
    organisation = mock.state.organisation_for_key(mock.api_key)
    assert organisation is not None
    assert org_id == organisation.id
    return org_id


def _add_member(mock: MockServer, email: str) -> None:
    organisation = mock.state.organisation_for_key(mock.api_key)
    assert organisation is not None
    with mock.state.lock:
        accept_invitation(organisation, email)


def test_members_roles_and_removal(hub: AngoHub, mock: MockServer) -> None:
    org_id = _org(hub, mock)
    owner = f"owner@{org_id}.mock.invalid"
    assert [(m.email, m.organization_role) for m in hub.organization.members.list(org_id)] == [
        (owner, "Admin")
    ]
    _add_member(mock, "jane@example.com")
    _add_member(mock, "joe@example.com")
    assert [m.email for m in hub.organization.members.list_page(org_id, search="JO")] == [
        "joe@example.com"
    ]

    # The SDK's lower-case role and the vendor's capitalised one mean the same; every email
    # gets an outcome.
    changed = hub.organization.members.set_roles(
        org_id, {"jane@example.com": "Guest", "nobody@example.com": "Admin", owner: "Member"}
    )
    assert (changed.updated, changed.failed) == (1, 2)
    assert [(r.email, r.status) for r in changed.results] == [
        ("jane@example.com", "updated"),
        ("nobody@example.com", "not a member"),
        (owner, "the owner's role cannot change"),
    ]
    roles = {m.email: m.organization_role for m in hub.organization.members.list(org_id)}
    assert roles == {owner: "Admin", "jane@example.com": "Guest", "joe@example.com": "Member"}

    with pytest.raises(BadRequestError) as refused:
        hub.organization.members.remove(org_id, ["jane@example.com", owner])
    assert f"users[1]: {owner} is the organisation's owner" in str(refused.value)
    assert len(list(hub.organization.members.list(org_id))) == 3  # nothing removed

    removed = hub.organization.members.remove(org_id, ["jane@example.com", "ghost@example.com"])
    assert (removed.deleted, removed.failed) == (1, 1)
    assert [r.status for r in removed.results] == ["deleted", "not a member"]
    assert [m.email for m in hub.organization.members.list(org_id)] == [owner, "joe@example.com"]


def test_invites_listed_refused_and_withdrawn(hub: AngoHub, mock: MockServer) -> None:
    org_id = _org(hub, mock)
    sent = hub.organization.invites.invite(
        org_id, ["new@example.com"], "member", projects={mock.project_id: "Labeler"}
    )
    assert [(i.to, i.organization_role, i.status) for i in sent] == [
        ("new@example.com", "Member", "Pending")
    ]
    assert [i.to for i in hub.organization.invites.list(org_id)] == ["new@example.com"]

    _add_member(mock, "jane@example.com")
    with pytest.raises(BadRequestError, match=r"to\[0\]: jane@example.com is already a member"):
        hub.organization.invites.invite(org_id, ["jane@example.com"])
    with pytest.raises(BadRequestError, match=r"new@example\.com already has a pending invitation"):
        hub.organization.invites.invite(org_id, ["new@example.com"])
    with pytest.raises(BadRequestError, match=r"projectAssignments\[0\].projectId"):
        hub.organization.invites.invite(org_id, ["x@example.com"], projects={OTHER_ORG: "Lead"})

    gone = hub.organization.invites.delete(org_id, ["new@example.com", "never@example.com"])
    assert [(r.email, r.status) for r in gone.results] == [
        ("new@example.com", "deleted"),
        ("never@example.com", "no invitation"),
    ]
    assert hub.organization.invites.list(org_id) == []


def test_bad_input_is_refused_before_sending(hub: AngoHub, mock: MockServer) -> None:
    org_id = _org(hub, mock)
    mock.requests.clear()
    with pytest.raises(AngoHubValidationError) as role:
        hub.organization.invites.invite(org_id, ["a@example.com"], "Owner")
    assert "organizationRole" in str(role.value)
    assert "allowed: Admin, Member, Guest" in str(role.value)
    with pytest.raises(AngoHubValidationError, match="projectRole"):
        hub.organization.invites.invite(org_id, ["a@example.com"], projects={"p": "Boss"})
    with pytest.raises(AngoHubValidationError, match="provider") as provider:
        hub.llms.create("x", provider="anthropic", model="m", api_key=SECRET)
    assert "openrouter" in str(provider.value)
    assert SECRET not in str(provider.value)
    assert SECRET not in repr(provider.value.args)
    assert list(mock.requests.entries) == []


def test_bad_email_names_the_field(hub: AngoHub, mock: MockServer) -> None:
    org_id = _org(hub, mock)
    with pytest.raises((AngoHubValidationError, BadRequestError)) as bad:
        hub.organization.invites.invite(org_id, ["not-an-address"])
    assert "to" in str(bad.value)
    assert "not-an-address" in str(bad.value)


def test_another_organisations_id_is_not_found(hub: AngoHub, mock: MockServer) -> None:
    _org(hub, mock)
    with pytest.raises(NotFoundError, match="orgId"):
        hub.organization.members.list_page(OTHER_ORG)
    with pytest.raises(NotFoundError, match="orgId"):
        hub.organization.invites.list(OTHER_ORG)
    with pytest.raises(NotFoundError, match="orgId"):
        hub.organization.members.remove(OTHER_ORG, ["a@example.com"])


def test_unknown_key_is_refused(mock: MockServer, make_hub: MakeHub) -> None:
    with make_hub(api_key="not-a-key", base_url=mock.base_url) as stranger:
        with pytest.raises(AuthenticationError):
            stranger.llms.list()
        with pytest.raises(AuthenticationError):
            stranger.organization.members.list_page(OTHER_ORG)


def test_llm_key_is_write_only_everywhere(
    hub: AngoHub, mock: MockServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    created = hub.llms.create(
        "Support bot",
        provider="openai",
        model="gpt-4o-mini",
        api_key=SECRET,
        base_url="https://llm.example.com/v1",
    )
    assert (created.name, created.provider, created.model) == (
        "Support bot",
        "openai",
        "gpt-4o-mini",
    )
    assert created.configuration.base_url == "https://llm.example.com/v1"
    listed = hub.llms.list()
    assert [x.id for x in listed] == [created.id]
    assert [x.id for x in hub.llms.list(created.id)] == [created.id]
    assert hub.llms.list(OTHER_ORG) == []

    admin = httpx.get(f"{mock.root_url}/_mock/organisation", headers={"apikey": mock.api_key})
    log = httpx.get(f"{mock.root_url}/_mock/requests", headers={"apikey": mock.api_key})
    organisation = mock.state.organisation_for_key(mock.api_key)
    places = {
        "created": json.dumps(created.to_dict()),
        "listed": json.dumps([x.to_dict() for x in listed]),
        "repr": repr(created) + repr(listed),
        "mock state": repr(organisation),
        "mock admin": admin.text,
        "mock request log": log.text,
        "logs": caplog.text,
    }
    assert "Support bot" in places["mock admin"]
    assert [name for name, text in places.items() if SECRET in text] == []

    assert hub.llms.delete(created.id).id == created.id
    assert hub.llms.list() == []
    with pytest.raises(NotFoundError, match="llmId"):
        hub.llms.delete(created.id)


def test_llm_key_never_reaches_an_error_from_the_server(wire_hub: WireHub) -> None:
    def echo(request: httpx.Request) -> httpx.Response:  # a server quoting the refused body
        return httpx.Response(400, json={"status": "fail", "message": request.content.decode()})

    hub, wire = wire_hub(echo)
    with pytest.raises(BadRequestError) as refused:
        hub.llms.create("x", provider="openrouter", model="m", api_key=SECRET)
    sent = wire.json()
    assert wire.last.method == "POST"
    assert wire.last.url.path == "/v2/llms"
    assert sent["configuration"] == {"apiKey": SECRET}  # it does go to the server, once
    error = refused.value
    assert SECRET not in str(error)
    assert SECRET not in repr(error.args)
    assert SECRET not in json.dumps(vars(error), default=str)


def test_wire_of_the_organisation_calls(wire_hub: WireHub) -> None:
    hub, wire = wire_hub(
        lambda r: (
            ok({"users": {"updated": 1, "failed": 0, "results": []}})
            if r.method == "POST"
            else ok({"deleted": 1, "failed": 0})
        )
    )
    hub.organization.members.set_roles("org1", {"jane@example.com": "admin"})
    assert (wire.last.method, wire.last.url.path) == ("POST", "/v2/organization/org1/users")
    assert wire.json() == {"users": [{"email": "jane@example.com", "organizationRole": "admin"}]}
    assert wire.last.headers["apikey"] == KEY
    hub.organization.invites.delete("org1", ["jane@example.com"])
    assert (wire.last.method, wire.last.url.path) == ("DELETE", "/v2/organization/org1/invites")
    assert wire.json() == {"invites": ["jane@example.com"]}


def test_notifications_and_plugin_reports_are_recorded(hub: AngoHub, mock: MockServer) -> None:
    org_id = _org(hub, mock)
    owner = f"owner@{org_id}.mock.invalid"
    sent = hub.notifications.send(
        [owner], "Batch 3 is ready", title="Review", link="https://x.io/p"
    )
    assert sent.sent == 1
    with pytest.raises(
        BadRequestError, match=r"receivers\[1\]: stranger@example.com is not a member"
    ):
        hub.notifications.send([owner, "stranger@example.com"], "hi")
    hub.call("postPluginLog", body={"level": "INFO", "msg": "10 tasks", "session": "s-1"})
    hub.call("postPluginResponse", body={"session": "s-1", "error": True})
    people = mock.state.organisation_for_key(mock.api_key).people  # type: ignore[union-attr]
    assert [(n["receivers"], n["message"], n["title"]) for n in people.notifications] == [
        ([owner], "Batch 3 is ready", "Review")
    ]
    assert people.plugin_logs == [{"level": "INFO", "msg": "10 tasks", "session": "s-1"}]
    assert people.plugin_responses == [{"session": "s-1", "error": True}]
