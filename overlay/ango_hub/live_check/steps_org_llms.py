"""Live-check steps for the organisation, LLMs, notifications and the plugin calls.

On a real account most of these act on people, so each step is chosen to change nothing a
person would notice:

* members and invitations are *listed* (read mode);
* an invitation goes to ``<tag>@example.invalid`` (the ``.invalid`` domain cannot receive
  mail), is written in the ledger first, and is withdrawn by a later step or by cleanup;
* role changes and removals name only that invited address (never a member), so nobody's
  role or membership changes;
* an LLM configuration is created with a placeholder key under the run's tag, then deleted
  (ledger + cleanup again);
* a notification goes to that made-up address, which the server must refuse (400): nobody
  is notified (it is in the ledger first, in case a server accepts it);
* the plugin calls post one log line and one answer for a session named after the run.
"""

from __future__ import annotations

from .context import Run, Skipped

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
    run.ledger.expect("invite", _stranger(run))
    body = {"to": [_stranger(run)], "organizationRole": "Guest"}
    run.call("inviteOrganizationMembers", {"orgId": _org(run)}, body=body)


def delete_invites(run: Run) -> None:
    run.call("deleteOrganizationInvites", {"orgId": _org(run)}, body={"invites": [_stranger(run)]})


def list_llms(run: Run) -> None:
    run.call("listLlms")


def create_llm(run: Run) -> None:
    name = f"{run.tag}-llm"
    run.ledger.expect("llm", name)
    body = {
        "name": name,
        "provider": "openai",
        "model": "gpt-4o-mini",
        "isStreamable": False,
        "configuration": {"apiKey": PLACEHOLDER_LLM_KEY},
    }
    try:
        run.found["llm"] = run.call("createLlm", body=body)["data"]["llm"]["_id"]
    except Exception as exc:
        run.failed["LLM configuration"] = run.brief(exc)
        raise


def delete_llm(run: Run) -> None:
    if "llm" not in run.found:
        raise Skipped(run.why_missing("LLM configuration"))
    run.call("deleteLlm", {"llmId": run.found.pop("llm")})


def send_notification(run: Run) -> None:
    message = f"{run.tag}: nobody should read this"
    run.ledger.expect("notification", message)
    body = {"receivers": [_stranger(run)], "message": message}
    response = run.raw("POST", "/notifications", body=body)
    if not 400 <= response.status_code < 500:
        raise AssertionError(
            f"sendNotification to a non-member answered {response.status_code}, not a 4xx"
        )


def post_plugin_log(run: Run) -> None:
    run.ledger.expect("plugin log", run.tag)
    body = {"level": "INFO", "msg": f"{run.tag}: live check", "session": run.tag}
    run.call("postPluginLog", body=body)


def post_plugin_response(run: Run) -> None:
    run.ledger.expect("plugin response", run.tag)
    run.call("postPluginResponse", body={"session": run.tag, "error": True})
