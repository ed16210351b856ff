"""Organisation members and invitations of the key's organisation (another ID answers 404)."""

from __future__ import annotations

import re
from typing import Any

from starlette.responses import Response

from .api import ApiError, Call, Handler, success
from .org_people import Invitation, Member, canonical_role
from .state import Organisation
from .validation import RequestInvalid

# What the admin API's `POST /_mock/organisation/members` takes as an address (the mock's own API).
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def key_organisation(call: Call) -> Organisation:
    """The organisation of the call's key (the dispatcher already refused unknown keys)."""
    org = call.ctx.state.organisation_for_key(call.api_key)
    if org is None:
        raise ApiError(401, "apikey: missing or unknown API key")
    return org


def organisation(call: Call) -> Organisation:
    """The key's organisation, if the path names it; 404 otherwise (as for a project)."""
    org = key_organisation(call)
    if call.op.path["orgId"] != org.id:
        raise ApiError(404, "orgId: no such organisation for this API key")
    return org


def _page(call: Call, items: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], int]:
    page, limit = call.op.query.get("page", 1), call.op.query.get("limit", 10)
    start = (page - 1) * limit
    return items[start : start + limit], len(items)


async def list_members(call: Call) -> Response:
    search = str(call.op.query.get("search", "")).lower()
    with call.ctx.state.lock:
        users = [
            m.to_api()
            for m in organisation(call).roster()
            if search in m.email.lower() or search in m.name.lower()
        ]
    page, total = _page(call, users)
    return success({"users": page, "total": total})


async def update_roles(call: Call) -> Response:
    # Every entry gets its outcome, in order: an email listed twice is updated twice, an
    # address nobody has is "not a member" (no source refuses either; docs/MOCK.md).
    updates = call.op.body["users"]
    results = []
    with call.ctx.state.lock:
        org = organisation(call)
        for update in updates:
            member = org.member(update["email"])
            if member is None:
                outcome = "not a member"
            elif member.email == org.owner_email:
                outcome = "the owner's role cannot change"
            else:
                member.role = canonical_role(update["organizationRole"])
                outcome = "updated"
            results.append({"email": update["email"], "status": outcome})
    updated = sum(r["status"] == "updated" for r in results)
    return success(
        {"users": {"updated": updated, "failed": len(results) - updated, "results": results}}
    )


async def remove_members(call: Call) -> Response:
    emails: list[str] = call.op.body["users"]  # listed twice: the second is "not a member"
    results = []
    with call.ctx.state.lock:
        org = organisation(call)
        for index, email in enumerate(emails):
            if email.lower() == org.owner_email.lower():
                raise RequestInvalid(
                    f"users[{index}]: {email} is the organisation's owner (the API key's user) "
                    "and cannot be removed; nothing was removed"
                )
        for email in emails:
            gone = org.people.members.pop(email.lower(), None)
            results.append({"email": email, "status": "deleted" if gone else "not a member"})
    deleted = sum(r["status"] == "deleted" for r in results)
    return success({"deleted": deleted, "failed": len(results) - deleted, "results": results})


async def list_invites(call: Call) -> Response:
    with call.ctx.state.lock:
        invites = [i.to_api() for i in organisation(call).people.invites.values()]
    page, total = _page(call, invites)  # every mock invitation is pending
    return success({"invites": page, "total": total})


async def invite(call: Call) -> Response:
    body = call.op.body
    # An address listed twice is invited once (one invitation per address).
    first: dict[str, str] = {}
    for email in body["to"]:
        first.setdefault(email.lower(), email)
    emails = list(first.values())
    assignments = [
        {"projectId": a["projectId"], "projectRole": a["projectRole"]}
        for a in body.get("projectAssignments") or []
    ]
    with call.ctx.state.lock:
        org = organisation(call)
        for index, email in enumerate(emails):
            if org.member(email) is not None:
                raise RequestInvalid(f"to[{index}]: {email} is already a member")
            if email.lower() in org.people.invites:
                raise RequestInvalid(f"to[{index}]: {email} already has a pending invitation")
        for index, assignment in enumerate(assignments):
            if call.ctx.state.project_for(call.api_key, assignment["projectId"]) is None:
                raise RequestInvalid(
                    f"projectAssignments[{index}].projectId: no such project in this organisation"
                )
        role = canonical_role(body["organizationRole"])
        created = []
        for email in emails:
            record = Invitation(email, role, org.owner_email)
            org.people.invites[email.lower()] = record
            created.append(record.to_api())
    return success({"invites": created})


async def delete_invites(call: Call) -> Response:
    emails: list[str] = call.op.body["invites"]  # listed twice: the second is "no invitation"
    with call.ctx.state.lock:
        invites = organisation(call).people.invites
        results = [
            {
                "email": email,
                "status": "deleted" if invites.pop(email.lower(), None) else "no invitation",
            }
            for email in emails
        ]
    deleted = sum(r["status"] == "deleted" for r in results)
    return success({"deleted": deleted, "failed": len(results) - deleted, "results": results})


def accept_invitation(org: Organisation, email: str, name: str = "") -> Member:
    """Make ``email`` a member, as if it accepted its invitation (the admin API's shortcut)."""
    invitation = org.people.invites.pop(email.lower(), None)
    role = invitation.role if invitation else "Member"
    member = Member(email, role, name)
    org.people.members[email.lower()] = member
    return member


HANDLERS: dict[str, Handler] = {
    "listOrganizationMembers": list_members,
    "updateOrganizationMemberRoles": update_roles,
    "removeOrganizationMembers": remove_members,
    "listOrganizationInvites": list_invites,
    "inviteOrganizationMembers": invite,
    "deleteOrganizationInvites": delete_invites,
}
