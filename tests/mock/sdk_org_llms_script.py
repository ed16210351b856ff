"""Drive the official SDK's organisation, LLM, notification and plugin calls against a live
mock. Run with .venv-sdk/bin/python.

Usage: sdk_org_llms_script.py ROOT_URL API_KEY PROJECT_ID SECRET. Prints one JSON object.
"""

import json
import sys

from imerit_ango.models.enums import LlmProvider, OrganizationRoles, ProjectRoles
from imerit_ango.models.invite import Invitation, ProjectAssignment, RoleUpdate
from imerit_ango.models.llm import LLM
from imerit_ango.sdk import SDK

root, key, project, secret = sys.argv[1:5]
sdk = SDK(key, host=root)
out = {}

# The organisation ID, as an SDK user finds it: the `organization` of a project.
org = sdk.list_projects(1, 10)["data"]["projects"][0]["organization"]
owner = f"owner@{org}.mock.invalid"
out["org"] = org

out["get_organization_members"] = sdk.get_organization_members(org)
invitation = Invitation(
    to=["jane@example.com", "joe@example.com"],
    organization_role=OrganizationRoles.Member,
    project_assignments=[ProjectAssignment(project, ProjectRoles.Labeler)],
)
out["invite_members_to_org"] = sdk.invite_members_to_org(org, invitation)
out["get_organization_invites"] = sdk.get_organization_invites(org)
out["delete_organization_invites"] = sdk.delete_organization_invites(org, ["joe@example.com"])

# jane accepts (the mock's admin shortcut), then her role changes and she leaves.
sdk.session.post(
    f"{root}/_mock/organisation/members",
    json={"email": "jane@example.com", "name": "Jane"},
    headers={"apikey": key},
).raise_for_status()
out["update_organization_members_role"] = sdk.update_organization_members_role(
    org, [RoleUpdate("jane@example.com", OrganizationRoles.Admin)]
)
out["members_after_update"] = sdk.get_organization_members(org)
out["send_notification"] = sdk.send_notification(
    ["jane@example.com", owner],
    "Batch 3 is ready",
    title="Review",
    clickable_link="https://example.com/p/1",
)
out["delete_organization_members"] = sdk.delete_organization_members(org, ["jane@example.com"])

llm = LLM(
    "Support bot", LlmProvider.OPENAI, "gpt-4o-mini", secret, base_url="https://llm.example.com/v1"
)
out["create_llm"] = sdk.create_llm(llm)
llm_id = out["create_llm"]["data"]["llm"]["_id"]
out["get_llms"] = sdk.get_llms()
out["get_llm"] = sdk.get_llms(llm_id)
out["delete_llm"] = sdk.delete_llm(llm_id)
out["get_llms_after_delete"] = sdk.get_llms()

out["_plugin_log"] = sdk._plugin_log(
    {
        "level": "INFO",
        "msg": "10 tasks",
        "session": "s-1",
        "pluginId": "p1",
        "organization": org,
        "runBy": owner,
    }
)
out["_plugin_response"] = sdk._plugin_response({"error": True, "session": "s-1"})
print(json.dumps(out))
