"""Live-check steps for the organisation, LLMs, notifications and the plugin calls.

On a real account most of these act on people, so each step is chosen to change nothing a
person would notice:

* members and invitations are *listed* (read mode); role changes and removals name only an
  address the run made up (``<tag>@example.invalid``, never a member), so the server answers
  with that item failed and nobody's role or membership changes;
* an invitation goes to ``<tag>@example.invalid`` (the ``.invalid`` domain cannot receive
  mail), is written in the ledger first, and is withdrawn by the next step or by cleanup;
* an LLM configuration is created with a placeholder key under the run's tag, then deleted
  (ledger + cleanup again);
* a notification goes to that made-up address, which the server must refuse (400): nobody
  is notified;
* the plugin calls post one log line and one answer for a session named after the run.
"""

from __future__ import annotations

from typing import Any

from .context import Run
from .ledger import Leftover

PLACEHOLDER_LLM_KEY = "ango-hub-live-check-placeholder-not-a-key"


def _org(run: Run) -> str:
    org = run.found.get("organization")
    if org is None:
        answer = run.call("listProjects", {"page": 1, "limit": 1})
        projects = answer["data"]["projects"]
        org = projects[0]["organization"] if projects else run.project
        run.found["organization"] = org
    return str(org)


def _stranger(run: Run) -> str:
    return f"{run.tag}@example.invalid"


def list_members(run: Run) -> None:
    run.call("listOrganizationMembers", {"orgId": _org(run), "page": 1, "limit": 10})


def list_invites(run: Run) -> None:
    run.call("listOrganizationInvites", {"orgId": _org(run), "status": "pending"})


def update_member_roles(run: Run) -> None:
    body = {"users": [{"email": _stranger(run), "organizationRole": "Member"}]}
    run.call("updateOrganizationMemberRoles", {"orgId": _org(run)}, body=body)


def remove_members(run: Run) -> None:
    run.call("removeOrganizationMembers", {"orgId": _org(run)}, body={"users": [_stranger(run)]})


def invite_members(run: Run) -> None:
    run.ledger.invites.append(_stranger(run))
    body = {"to": [_stranger(run)], "organizationRole": "Guest"}
    run.call("inviteOrganizationMembers", {"orgId": _org(run)}, body=body)


def delete_invites(run: Run) -> None:
    run.call("deleteOrganizationInvites", {"orgId": _org(run)}, body={"invites": [_stranger(run)]})
    run.ledger.invites.remove(_stranger(run))


def list_llms(run: Run) -> None:
    run.call("listLlms")


def create_llm(run: Run) -> None:
    name = f"{run.tag}-llm"
    run.ledger.llms.append(name)
    body = {
        "name": name,
        "provider": "openai",
        "model": "gpt-4o-mini",
        "isStreamable": False,
        "configuration": {"apiKey": PLACEHOLDER_LLM_KEY},
    }
    run.found["llm"] = run.call("createLlm", body=body)["data"]["llm"]["_id"]


def delete_llm(run: Run) -> None:
    run.call("deleteLlm", {"llmId": run.found["llm"]})
    run.ledger.llms.remove(f"{run.tag}-llm")


def send_notification(run: Run) -> None:
    body = {"receivers": [_stranger(run)], "message": f"{run.tag}: nobody should read this"}
    response = run.raw("POST", "/notifications", body=body)
    if not 400 <= response.status_code < 500:
        raise AssertionError(
            f"sendNotification to a non-member answered {response.status_code}, not a 4xx"
        )


def post_plugin_log(run: Run) -> None:
    body = {"level": "INFO", "msg": f"{run.tag}: live check", "session": run.tag}
    run.call("postPluginLog", body=body)


def post_plugin_response(run: Run) -> None:
    run.call("postPluginResponse", body={"session": run.tag, "error": True})


def clean_up(run: Run) -> None:
    """Withdraw the run's invitation and delete its LLM configuration, if a step did not."""
    ledger = run.ledger
    if ledger.invites:
        try:
            body: dict[str, Any] = {"invites": list(ledger.invites)}
            run.call("deleteOrganizationInvites", {"orgId": _org(run)}, body=body)
            ledger.invites.clear()
        except Exception as exc:
            reason = f"deleteOrganizationInvites failed: {run.brief(exc)}"
            ledger.leftovers += [Leftover("invite", email, reason) for email in ledger.invites]
    for name in list(ledger.llms):
        try:
            llms = run.call("listLlms")["data"]["llms"]
            for llm in llms:
                if llm.get("name") == name:
                    run.call("deleteLlm", {"llmId": llm["_id"]})
            ledger.llms.remove(name)
        except Exception as exc:
            ledger.leftovers.append(Leftover("llm", name, f"deleteLlm failed: {run.brief(exc)}"))
