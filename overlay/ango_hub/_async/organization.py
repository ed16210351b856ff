"""The key's organisation: its members (roles, removal) and invitations."""

from __future__ import annotations

import builtins
from collections.abc import AsyncIterator, Iterable, Mapping, Sequence
from typing import Any

from ango_hub_api.models import (
    Invite,
    InviteListResponse,
    OrganizationMember,
    OrganizationMemberListResponse,
    ProjectListResponse,
    RemovedByEmailResponse,
    RemovedByEmailResponseData,
    UpdateMemberRolesResponse,
    UpdateMemberRolesResponseDataUsers,
)

from ango_hub.errors import AngoHubError

from ._base import AsyncResource, ExtraBody, ExtraHeaders, ExtraQuery, present
from .paging import PAGE_SIZE, check_page_size, pages


class AsyncOrganization(AsyncResource):
    """``hub.organization``: ``members`` and ``invites`` of an organisation, by its ID."""

    @property
    def members(self) -> AsyncMembers:
        """List members, change their roles, remove them."""
        return AsyncMembers(self._hub)

    @property
    def invites(self) -> AsyncInvites:
        """List, send and withdraw invitations."""
        return AsyncInvites(self._hub)

    async def find_id(
        self,
        *,
        extra_body: ExtraBody = None,
        extra_query: ExtraQuery = None,
        extra_headers: ExtraHeaders = None,
    ) -> str:
        """The key's organisation ID, read from the ``organization`` of one of its projects."""
        answer = await self._hub.call("listProjects", {"limit": 1})
        projects = self._parse(
            lambda a: ProjectListResponse.from_dict(a).data.projects, answer, "listProjects"
        )
        found = projects[0].organization if projects else None
        if not isinstance(found, str) or not found:
            raise AngoHubError(
                "organization: the key's projects do not name it (no project yet?); "
                "pass the organisation ID shown in Ango Hub's settings"
            )
        return found


class AsyncMembers(AsyncResource):
    async def list_page(
        self,
        org_id: str,
        *,
        page: int | None = None,
        limit: int | None = None,
        search: str | None = None,
        extra_body: ExtraBody = None,
        extra_query: ExtraQuery = None,
        extra_headers: ExtraHeaders = None,
    ) -> list[OrganizationMember]:
        """One page of members (``search`` matches email or name)."""
        params = present({"orgId": org_id, "page": page, "limit": limit, "search": search})
        answer = await self._hub.call("listOrganizationMembers", params)
        return self._need(
            self._parse(
                OrganizationMemberListResponse.from_dict, answer, "listOrganizationMembers"
            ).data.users,
            "listOrganizationMembers",
            "data.users",
        )

    async def list(
        self,
        org_id: str,
        *,
        search: str | None = None,
        page_size: int = PAGE_SIZE,
        extra_body: ExtraBody = None,
        extra_query: ExtraQuery = None,
        extra_headers: ExtraHeaders = None,
    ) -> AsyncIterator[OrganizationMember]:
        """Every member, across pages."""
        check_page_size("listOrganizationMembers", page_size)

        async def fetch(number: int) -> tuple[list[OrganizationMember], int]:
            params = present({"orgId": org_id, "page": number, "limit": page_size})
            answer = await self._hub.call(
                "listOrganizationMembers", params | present({"search": search})
            )
            data = self._parse(
                OrganizationMemberListResponse.from_dict, answer, "listOrganizationMembers"
            ).data
            users = self._need(data.users, "listOrganizationMembers", "data.users")
            return users, data.total if isinstance(data.total, int) else len(users)

        async for member in pages(fetch, page_size):
            yield member

    async def set_roles(
        self,
        org_id: str,
        roles: Mapping[str, str],
        *,
        extra_body: ExtraBody = None,
        extra_query: ExtraQuery = None,
        extra_headers: ExtraHeaders = None,
    ) -> UpdateMemberRolesResponseDataUsers:
        """Set each member's role (email -> ``Admin``, ``Member`` or ``Guest``); every email's
        outcome is in ``.results``. Safe to retry."""
        users = [{"email": email, "organizationRole": role} for email, role in roles.items()]
        answer = await self._hub.call(
            "updateOrganizationMemberRoles", {"orgId": org_id}, body={"users": users}
        )
        return self._need(
            self._parse(
                UpdateMemberRolesResponse.from_dict, answer, "updateOrganizationMemberRoles"
            ).data.users,
            "updateOrganizationMemberRoles",
            "data.users",
        )

    async def remove(
        self,
        org_id: str,
        emails: Iterable[str],
        *,
        extra_body: ExtraBody = None,
        extra_query: ExtraQuery = None,
        extra_headers: ExtraHeaders = None,
    ) -> RemovedByEmailResponseData:
        """Remove members by email (the owner cannot be removed); ``.results`` per email."""
        answer = await self._hub.call(
            "removeOrganizationMembers", {"orgId": org_id}, body={"users": list(emails)}
        )
        return self._parse(
            RemovedByEmailResponse.from_dict, answer, "removeOrganizationMembers"
        ).data


class AsyncInvites(AsyncResource):
    async def list(
        self,
        org_id: str,
        *,
        pending_only: bool = True,
        extra_body: ExtraBody = None,
        extra_query: ExtraQuery = None,
        extra_headers: ExtraHeaders = None,
    ) -> list[Invite]:
        """The organisation's invitations (pending ones, as the SDK asks, by default)."""
        params: dict[str, Any] = {"orgId": org_id}
        if pending_only:
            params["status"] = "pending"
        answer = await self._hub.call("listOrganizationInvites", params)
        return self._need(
            self._parse(
                InviteListResponse.from_dict, answer, "listOrganizationInvites"
            ).data.invites,
            "listOrganizationInvites",
            "data.invites",
        )

    async def invite(
        self,
        org_id: str,
        emails: Sequence[str],
        role: str = "Member",
        *,
        projects: Mapping[str, str] | None = None,
        extra_body: ExtraBody = None,
        extra_query: ExtraQuery = None,
        extra_headers: ExtraHeaders = None,
    ) -> builtins.list[Invite]:
        """Invite people (the server emails them) with an organisation role, and optionally a
        role in projects (project ID -> ``Manager``, ``Labeler``, ``Reviewer`` or ``Lead``)."""
        body: dict[str, Any] = {"to": list(emails), "organizationRole": role}
        if projects:
            body["projectAssignments"] = [
                {"projectId": project, "projectRole": project_role}
                for project, project_role in projects.items()
            ]
        answer = await self._hub.call("inviteOrganizationMembers", {"orgId": org_id}, body=body)
        return self._need(
            self._parse(
                InviteListResponse.from_dict, answer, "inviteOrganizationMembers"
            ).data.invites,
            "inviteOrganizationMembers",
            "data.invites",
        )

    async def delete(
        self,
        org_id: str,
        emails: Iterable[str],
        *,
        extra_body: ExtraBody = None,
        extra_query: ExtraQuery = None,
        extra_headers: ExtraHeaders = None,
    ) -> RemovedByEmailResponseData:
        """Withdraw the invitations sent to these emails; ``.results`` per email."""
        answer = await self._hub.call(
            "deleteOrganizationInvites", {"orgId": org_id}, body={"invites": list(emails)}
        )
        return self._parse(
            RemovedByEmailResponse.from_dict, answer, "deleteOrganizationInvites"
        ).data
