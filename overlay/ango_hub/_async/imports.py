"""``hub.attachments`` and ``hub.labels``: bulk imports into a project's assets and tasks.

Neither is retried after the request may have reached the server (only on connection failures
before sending, and on 429), since importing twice could duplicate attachments.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ango_hub_api.models import (
    Attachment,
    AttachmentsImported,
    ImportAttachmentsResponse,
    ImportLabelsResponse,
    Label,
)

from ._base import AsyncResource, ExtraBody, ExtraHeaders, ExtraQuery

AttachmentInput = Attachment | Mapping[str, Any]
LabelInput = Label | Mapping[str, Any]


class AsyncAttachments(AsyncResource):
    """Attachments (PDFs, documents...) linked to assets."""

    async def import_(
        self,
        project: str,
        attachments: Iterable[AttachmentInput],
        *,
        extra_body: ExtraBody = None,
        extra_query: ExtraQuery = None,
        extra_headers: ExtraHeaders = None,
    ) -> AttachmentsImported:
        """Attach files to assets. Each item: ``attachmentUrl``, ``attachmentType`` and the
        asset's ``externalId`` or ``assetId`` (dicts with the API's names, or ``Attachment``)."""
        body = {"project": project, "attachments": attachments}
        answer = await self._hub.call("importAttachments", body=body)
        result = self._parse(
            ImportAttachmentsResponse.from_dict, answer, "importAttachments"
        ).data.project
        return result if isinstance(result, AttachmentsImported) else AttachmentsImported()


class AsyncLabels(AsyncResource):
    """Pre-labels imported into tasks."""

    async def import_(
        self,
        project: str,
        labels: Iterable[LabelInput],
        *,
        extra_body: ExtraBody = None,
        extra_query: ExtraQuery = None,
        extra_headers: ExtraHeaders = None,
    ) -> str:
        """Import labels; each needs ``answer`` and the asset's ``externalId`` or ``assetId``.
        Returns the server's summary, e.g. ``"50 / 50 tasks are labeled."``."""
        answer = await self._hub.call("importLabels", body={"project": project, "labels": labels})
        result = self._parse(ImportLabelsResponse.from_dict, answer, "importLabels").data.project
        return result if isinstance(result, str) else ""
