"""``hub.attachments`` and ``hub.labels``: bulk imports into a project's assets and tasks.

Neither is retried after the request may have reached the server (only on connection failures
before sending, and on 429), since importing twice could duplicate attachments.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ango_hub_api.models import Attachment, AttachmentsImported, Label

from .. import _operations as ops
from ._base import AsyncResource, SyncResource

AttachmentInput = Attachment | Mapping[str, Any]
LabelInput = Label | Mapping[str, Any]


class Attachments(SyncResource):
    """Attachments (PDFs, documents...) linked to assets."""

    def import_(self, project: str, attachments: Iterable[AttachmentInput]) -> AttachmentsImported:
        """Attach files to assets. Each item: ``attachmentUrl``, ``attachmentType`` and the
        asset's ``externalId`` or ``assetId`` (dicts with the API's names, or ``Attachment``)."""
        return self._hub._run(ops.import_attachments_call(project, attachments))


class AsyncAttachments(AsyncResource):
    """Async twin of :class:`Attachments`."""

    async def import_(
        self, project: str, attachments: Iterable[AttachmentInput]
    ) -> AttachmentsImported:
        """See :meth:`Attachments.import_`."""
        return await self._hub._run(ops.import_attachments_call(project, attachments))


class Labels(SyncResource):
    """Pre-labels imported into tasks."""

    def import_(self, project: str, labels: Iterable[LabelInput]) -> str:
        """Import labels; each needs ``answer`` and the asset's ``externalId`` or ``assetId``.
        Returns the server's summary, e.g. ``"50 / 50 tasks are labeled."``."""
        return self._hub._run(ops.import_labels_call(project, labels))


class AsyncLabels(AsyncResource):
    """Async twin of :class:`Labels`."""

    async def import_(self, project: str, labels: Iterable[LabelInput]) -> str:
        """See :meth:`Labels.import_`."""
        return await self._hub._run(ops.import_labels_call(project, labels))
