"""The official SDK's organisation, LLM, notification and plugin calls against a live mock:
each succeeds, every request it sends is valid against openapi.yaml (the mock validates
before answering 2xx), and the LLM key it sends never comes back."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest
from ango_hub.mock.server import MockServer

from tests.support.sdk import run_sdk_script

# Heavy (a subprocess, a browser, a build or a fuzzer): not in `make test-fast`.
pytestmark = pytest.mark.slow

SCRIPT = Path(__file__).with_name("sdk_org_llms_script.py")
SECRET = "sk-sdk-I2-distinctive-41c0de"
SDK_CALLS = {
    "get_organization_members": "listOrganizationMembers",
    "invite_members_to_org": "inviteOrganizationMembers",
    "get_organization_invites": "listOrganizationInvites",
    "delete_organization_invites": "deleteOrganizationInvites",
    "update_organization_members_role": "updateOrganizationMemberRoles",
    "send_notification": "sendNotification",
    "delete_organization_members": "removeOrganizationMembers",
    "create_llm": "createLlm",
    "get_llms": "listLlms",
    "delete_llm": "deleteLlm",
    "_plugin_log": "postPluginLog",
    "_plugin_response": "postPluginResponse",
}


def test_official_sdk_org_llm_calls(mock: MockServer) -> None:
    mock.requests.clear()
    result = run_sdk_script(SCRIPT, mock.root_url, mock.api_key, mock.project_id, SECRET)
    raw = result.last_line
    out = json.loads(raw)
    org = out["org"]
    owner = f"owner@{org}.mock.invalid"

    for method in SDK_CALLS:
        assert out[method]["status"] == "success", (method, out[method])
    assert [u["email"] for u in out["get_organization_members"]["data"]["users"]] == [owner]
    invited = out["invite_members_to_org"]["data"]["invites"]
    assert [(i["to"], i["organizationRole"]) for i in invited] == [
        ("jane@example.com", "Member"),
        ("joe@example.com", "Member"),
    ]
    assert len(out["get_organization_invites"]["data"]["invites"]) == 2
    assert out["delete_organization_invites"]["data"]["deleted"] == 1
    assert out["update_organization_members_role"]["data"]["users"]["updated"] == 1
    roles = {
        u["email"]: u["organizationRole"] for u in out["members_after_update"]["data"]["users"]
    }
    assert roles == {owner: "Admin", "jane@example.com": "Admin"}  # the SDK's `admin`
    assert out["send_notification"]["data"] == {"sent": 2}
    assert out["delete_organization_members"]["data"]["deleted"] == 1
    llm_id = out["create_llm"]["data"]["llm"]["_id"]
    assert [x["_id"] for x in out["get_llms"]["data"]["llms"]] == [llm_id]
    assert out["get_llm"]["_id"] == llm_id  # the SDK picks it out of `llms` itself
    assert out["get_llms_after_delete"]["data"]["llms"] == []

    # Every request the SDK sent was served by its spec operation with a 2xx.
    entries = list(mock.requests.entries)
    assert [e for e in entries if e["status"] >= 300] == []
    served = {e["operation"] for e in entries}
    assert set(SDK_CALLS.values()) <= served
    assert any(e["path"] == "/v2/llms/" for e in entries)  # create_llm's trailing slash

    # The LLM key: in no answer the SDK got, not in the mock's state, admin API or log.
    admin = httpx.get(f"{mock.root_url}/_mock/organisation", headers={"apikey": mock.api_key})
    people = mock.state.organisation_for_key(mock.api_key).people  # type: ignore[union-attr]
    assert people.plugin_logs[0]["msg"] == "10 tasks"
    assert people.plugin_responses == [{"error": True, "session": "s-1"}]
    assert people.notifications[0]["clickableLink"] == "https://example.com/p/1"
    for text in (raw, admin.text, repr(people), json.dumps(entries)):
        assert SECRET not in text
