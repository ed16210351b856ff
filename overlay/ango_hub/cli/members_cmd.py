"""``ango-hub members list|invite|remove``: the organisation's members and invitations."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from ._client import open_hub
from ._context import JsonFlag, wants_json
from ._errors import EXIT_OK, EXIT_PARTIAL, exit_with
from ._lazy import command_app
from ._output import print_data, print_json, print_table
from ._prompts import confirm

members_app = command_app(
    no_args_is_help=True, help="List the organisation's members, invite people, remove members."
)
commands = command_app()
commands.add_typer(members_app, name="members")

Emails = Annotated[list[str], typer.Argument(help="Email addresses.", show_default=False)]
Org = Annotated[
    str | None,
    typer.Option(
        "--org",
        help="Organisation ID (default: the `organization` of the key's projects).",
        show_default=False,
    ),
]


def _org_id(hub: Any, org: str | None) -> str:
    return org if org else str(hub.organization.find_id())


# The vendor's organisation roles, lower-cased: `--role` takes them in any case.
ORG_ROLES = ("admin", "member", "guest")


@members_app.command(
    "list",
    epilog="""\
Examples:

\b
  ango-hub members list
  ango-hub --json members list --org 65a1f0c2e4b0a1b2c3d4e5f0 --search jane
""",
)
def list_members(
    ctx: typer.Context,
    org: Org = None,
    search: Annotated[
        str | None, typer.Option(help="Only members whose email or name contains this.")
    ] = None,
    invites: Annotated[
        bool, typer.Option("--invites", help="List the pending invitations instead.")
    ] = False,
    json_flag: JsonFlag = False,
) -> None:
    """List the organisation's members (or, with --invites, its pending invitations)."""
    with open_hub(ctx) as hub:
        org_id = _org_id(hub, org)
        if invites:
            rows = [i.to_dict() for i in hub.organization.invites.list(org_id)]
            columns = ["to", "organizationRole", "status", "expiresAt"]
        else:
            rows = [m.to_dict() for m in hub.organization.members.list(org_id, search=search)]
            columns = ["email", "name", "organizationRole"]
    if wants_json(ctx, json_flag):
        print_json({"organization": org_id, "invites" if invites else "users": rows})
        return
    print_table(None, columns, [[row.get(c, "") for c in columns] for row in rows])


@members_app.command(
    "invite",
    epilog="""\
Examples:

\b
  ango-hub members invite jane@example.com joe@example.com --role Member
  ango-hub members invite lead@example.com --project 507f1f77bcf86cd799439011=Lead

The server emails each address an invitation.
""",
)
def invite(  # noqa: PLR0917
    ctx: typer.Context,
    emails: Emails,
    org: Org = None,
    role: Annotated[
        str, typer.Option(help="Organisation role: Admin, Member or Guest (any case).")
    ] = "Member",
    project: Annotated[
        list[str] | None,
        typer.Option(help="PROJECT_ID=ROLE (Manager, Labeler, Reviewer, Lead); repeatable."),
    ] = None,
    json_flag: JsonFlag = False,
) -> None:
    """Invite people to the organisation (the server emails them)."""
    projects = {}
    for item in project or []:
        project_id, _, project_role = item.partition("=")
        projects[project_id] = project_role
    # "any case": sent as the vendor's page spells the roles (Admin, Member, Guest).
    role = role.capitalize() if role.lower() in ORG_ROLES else role
    with open_hub(ctx) as hub:
        org_id = _org_id(hub, org)
        sent = hub.organization.invites.invite(org_id, emails, role, projects=projects or None)
    data = {"organization": org_id, "invited": [i.to for i in sent]}
    print_data(data, wants_json(ctx, json_flag))


@members_app.command(
    "remove",
    epilog="""\
Examples:

\b
  ango-hub members remove jane@example.com
  ango-hub --json members remove jane@example.com joe@example.com --yes

Asks for confirmation unless --yes. The organisation's owner cannot be removed.
Exit code 1 if some addresses were not members.
""",
)
def remove(
    ctx: typer.Context,
    emails: Emails,
    org: Org = None,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
    json_flag: JsonFlag = False,
) -> None:
    """Remove members from the organisation (asks first unless --yes)."""
    with open_hub(ctx) as hub:
        org_id = _org_id(hub, org)
        if not yes and not confirm(
            f"Remove {len(emails)} member(s) from organisation {org_id}: {', '.join(emails)}?"
        ):
            typer.echo("Nothing removed.", err=True)
            exit_with(EXIT_PARTIAL)
        result = hub.organization.members.remove(org_id, emails)
    data = {
        "organization": org_id,
        "deleted": result.deleted,
        "failed": result.failed,
        "results": [r.to_dict() for r in result.results] if result.results else [],
    }
    print_data(data, wants_json(ctx, json_flag))
    exit_with(EXIT_PARTIAL if result.failed else EXIT_OK)
