"""Resource groups hung off the clients: ``hub.assets``, ``hub.files``, ``hub.attachments``,
``hub.labels``, ``hub.exports``."""

from .assets import Assets, AsyncAssets
from .exports import AsyncExports, Exports
from .files import AsyncFiles, Files
from .imports import AsyncAttachments, AsyncLabels, Attachments, Labels

__all__ = [
    "Assets",
    "AsyncAssets",
    "AsyncAttachments",
    "AsyncExports",
    "AsyncFiles",
    "AsyncLabels",
    "Attachments",
    "Exports",
    "Files",
    "Labels",
]
