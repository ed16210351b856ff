"""An organisation's members, invitations, LLM configurations, notifications and plugin reports.

Kept on :class:`~.state.Organisation`; the user behind the organisation's API keys is its owner
(``owner@<organisation id>.mock.invalid``, role Admin), listed first and never removable.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from .ids import iso, iso_now, new_id, parse_iso

INVITE_DAYS = 7


def canonical_role(role: str) -> str:
    """The vendor's spelling (``Admin``) of a role the SDK may send in lower case (``admin``)."""
    return role[:1].upper() + role[1:].lower()


@dataclass
class Member:
    email: str
    role: str
    name: str = ""
    id: str = field(default_factory=new_id)
    created_at: str = field(default_factory=iso_now)

    def to_api(self) -> dict[str, Any]:
        return {
            "_id": self.id,
            "email": self.email,
            "name": self.name or self.email.split("@", 1)[0],
            "organizationRole": self.role,
            "createdAt": self.created_at,
        }


@dataclass
class Invitation:
    to: str
    role: str
    created_by: str
    id: str = field(default_factory=new_id)
    created_at: str = field(default_factory=iso_now)

    def to_api(self) -> dict[str, Any]:
        return {
            "_id": self.id,
            "to": self.to,
            "organizationRole": self.role,
            "status": "Pending",
            "createdBy": self.created_by,
            "createdAt": self.created_at,
            "expiresAt": iso(parse_iso(self.created_at) + timedelta(days=INVITE_DAYS)),
        }


@dataclass
class LlmConfig:
    """An LLM configuration without its API key: the key is write-only and never stored."""

    name: str
    provider: str
    model: str
    is_streamable: bool
    base_url: str | None
    id: str = field(default_factory=new_id)
    created_at: str = field(default_factory=iso_now)

    def to_api(self) -> dict[str, Any]:
        configuration = {} if self.base_url is None else {"baseUrl": self.base_url}
        return {
            "_id": self.id,
            "name": self.name,
            "provider": self.provider,
            "model": self.model,
            "isStreamable": self.is_streamable,
            "configuration": configuration,
            "createdAt": self.created_at,
        }


@dataclass
class People:
    """What an organisation holds besides projects (members beyond the owner, invites, ...)."""

    members: dict[str, Member] = field(default_factory=dict)  # by lower-cased email
    invites: dict[str, Invitation] = field(default_factory=dict)  # by lower-cased email
    llms: dict[str, LlmConfig] = field(default_factory=dict)
    notifications: list[dict[str, Any]] = field(default_factory=list)
    plugin_logs: list[dict[str, Any]] = field(default_factory=list)
    plugin_responses: list[dict[str, Any]] = field(default_factory=list)
