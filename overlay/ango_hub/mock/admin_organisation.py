"""``/_mock/organisation``: the key's organisation as the mock holds it (its ID, owner, members,
invitations, LLM configurations without keys, notifications and plugin reports),
``/_mock/organisation/members`` to add a member, as if an invitation had been accepted, and
``/_mock/organisation/snapshot``: every object of the organisation, field by field (tests that
must show a tool changed nothing compare two of them)."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from .admin import AdminError, _json_object, admin
from .api import success
from .context import MockContext
from .handlers_organization import EMAIL, accept_invitation
from .state import Organisation


def _org(request: Request, ctx: MockContext) -> Organisation:
    org = ctx.state.organisation_for_key(request.headers["apikey"])
    if org is None:  # pragma: no cover - admin() let only known keys in
        raise AdminError("apikey: missing or unknown API key")
    return org


async def organisation(request: Request, ctx: MockContext) -> Response:
    with ctx.state.lock:
        org = _org(request, ctx)
        people = org.people
        return success(
            {
                "id": org.id,
                "ownerEmail": org.owner_email,
                "users": [m.to_api() for m in org.roster()],
                "invites": [i.to_api() for i in people.invites.values()],
                "llms": [c.to_api() for c in people.llms.values()],
                "notifications": list(people.notifications),
                "pluginLogs": list(people.plugin_logs),
                "pluginResponses": list(people.plugin_responses),
            }
        )


async def add_member(request: Request, ctx: MockContext) -> Response:
    payload = await _json_object(request, ("email", "name"))
    email, name = payload.get("email"), payload.get("name", "")
    if not isinstance(email, str) or not EMAIL.fullmatch(email):
        raise AdminError("email: must be an email address")
    if not isinstance(name, str):
        raise AdminError("name: must be a string")
    with ctx.state.lock:
        org = _org(request, ctx)
        if org.member(email) is not None:
            raise AdminError(f"email: {email} is already a member")
        member = accept_invitation(org, email, name)
        return success({"user": member.to_api()}, 201)


_NOT_STATE = ("assets", "seed_blocks", "touched", "history_index")


async def snapshot(request: Request, ctx: MockContext) -> Response:
    """Every object the organisation holds, as stored (seeded assets materialised)."""
    state = ctx.state
    with state.lock:
        org = _org(request, ctx)
        projects: list[dict[str, Any]] = []
        for project in state.projects.values():
            if project.organization_id != org.id:
                continue
            fields = {k: v for k, v in asdict(project).items() if k not in _NOT_STATE}
            fields["assets"] = [asdict(asset) for asset in project.iter_assets()]
            projects.append(fields)
        data = {
            "id": org.id,
            "people": asdict(org.people),
            "projects": projects,
            "issues": [asdict(i) for i in state.issues.values() if i.organization_id == org.id],
            "storages": [asdict(s) for s in state.storages.values() if s.organization_id == org.id],
        }
    return success(json.loads(json.dumps(data, default=str)))


ORGANISATION_ADMIN_ROUTES = [
    Route("/_mock/organisation/snapshot", admin(snapshot), methods=["GET"]),
    Route("/_mock/organisation", admin(organisation), methods=["GET"]),
    Route("/_mock/organisation/members", admin(add_member), methods=["POST"]),
]
