"""Issues and storage integrations the mock keeps per organisation.

A storage keeps its name, cloud, bucket and region only: the credentials it was created with
are dropped on arrival (write-only secrets), so no answer or log can ever carry them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# The two spellings of a cloud: the reference page's `type`, the official SDK's `provider`.
PROVIDER_OF_TYPE = {"aws": "AWS", "gcs": "GCP", "azure": "AZURE"}
TYPE_OF_PROVIDER = {v: k for k, v in PROVIDER_OF_TYPE.items()}


@dataclass
class IssueComment:
    id: str
    content: str
    created_by: str
    created_at: str
    mentions: list[str] = field(default_factory=list)

    def to_api(self) -> dict[str, Any]:
        return {
            "_id": self.id,
            "content": self.content,
            "createdBy": self.created_by,
            "createdAt": self.created_at,
            "updatedAt": self.created_at,
            "contentMentions": [{"userEmail": m} for m in self.mentions],
        }


@dataclass
class IssueRecord:
    """One issue on a task; ``extra`` holds the optional location fields as sent."""

    id: str
    organization_id: str
    project_id: str
    asset_id: str
    task_id: str
    content: str
    created_by: str
    created_at: str
    status: str = "Open"
    mentions: list[str] = field(default_factory=list)
    error_codes: list[dict[str, Any]] = field(default_factory=list)
    pct_details: dict[str, Any] | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    comments: list[IssueComment] = field(default_factory=list)
    updated_at: str = ""
    updated_by: str = ""
    resolved_by: str | None = None
    resolved_at: str | None = None

    def to_api(self, stage: str | None = None) -> dict[str, Any]:
        out: dict[str, Any] = {
            "_id": self.id,
            "content": self.content,
            "project": self.project_id,
            "asset": self.asset_id,
            "labelTask": self.task_id,
            "status": self.status,
            "createdBy": self.created_by,
            "contentMentions": [{"userEmail": m} for m in self.mentions],
            "comments": [c.to_api() for c in self.comments],
            "errorCodes": [dict(e) for e in self.error_codes],
            "createdAt": self.created_at,
            "updatedAt": self.updated_at or self.created_at,
            **self.extra,
        }
        if stage is not None:
            out["stage"] = stage
        if self.pct_details is not None:
            out["pctDetails"] = self.pct_details
        if self.updated_by:
            out["updatedBy"] = self.updated_by
        if self.resolved_by is not None:
            out["resolvedBy"] = self.resolved_by
            out["resolvedAt"] = self.resolved_at
        return out


@dataclass
class StorageRecord:
    """A storage integration, without its credentials."""

    id: str
    organization_id: str
    name: str
    provider: str
    created_at: str
    bucket: str | None = None
    region: str | None = None

    def to_api(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "_id": self.id,
            "name": self.name,
            "type": TYPE_OF_PROVIDER[self.provider],
            "provider": self.provider,
            "organization": self.organization_id,
            "createdAt": self.created_at,
        }
        if self.bucket is not None:
            out["bucket"] = self.bucket
        if self.region is not None:
            out["region"] = self.region
        return out
