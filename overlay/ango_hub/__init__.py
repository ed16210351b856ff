"""Ango Hub client: an ergonomic layer over the generated ``ango_hub_api`` package.

>>> from ango_hub import AngoHub
>>> hub = AngoHub(api_key="...")  # doctest: +SKIP

Names are imported on first use, so ``import ango_hub`` stays fast (the CLI and scripts that
only need one piece do not pay for httpx and the generated models up front).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# The distribution's version, in this one place (pyproject.toml reads it at build time).
__version__ = "0.1.0"

if TYPE_CHECKING:
    from ._index import Operation, Parameter, operations
    from .client import AngoHub, AsyncAngoHub
    from .errors import (
        AngoHubError,
        AngoHubValidationError,
        APIConnectionError,
        APIStatusError,
        APITimeoutError,
        AuthenticationError,
        BadRequestError,
        BulkJobStoppedError,
        ConfigurationError,
        ConflictError,
        DeadlineExceededError,
        ExportArchiveError,
        InternalServerError,
        NotFoundError,
        PermissionDeniedError,
        RateLimitError,
        RedirectError,
        ResponseTooLargeError,
        UnexpectedResponseError,
        UnprocessableEntityError,
        UploadInterrupted,
    )
    from .labelled_project import LabelledProject
    from .upload import UploadItem, UploadReport

__all__ = [
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AngoHub",
    "AngoHubError",
    "AngoHubValidationError",
    "AsyncAngoHub",
    "AuthenticationError",
    "BadRequestError",
    "BulkJobStoppedError",
    "ConfigurationError",
    "ConflictError",
    "DeadlineExceededError",
    "ExportArchiveError",
    "InternalServerError",
    "LabelledProject",
    "NotFoundError",
    "Operation",
    "Parameter",
    "PermissionDeniedError",
    "RateLimitError",
    "RedirectError",
    "ResponseTooLargeError",
    "UnexpectedResponseError",
    "UnprocessableEntityError",
    "UploadInterrupted",
    "UploadItem",
    "UploadReport",
    "operations",
]

# Where each name lives; every other name of __all__ is an error class from ango_hub.errors.
_ELSEWHERE = {
    "ango_hub._sync.client": ("AngoHub",),
    "ango_hub._async.client": ("AsyncAngoHub",),
    "ango_hub._index": ("Operation", "Parameter", "operations"),
    "ango_hub.upload": ("UploadItem", "UploadReport"),
    "ango_hub.labelled_project": ("LabelledProject",),
}
_EXPORTS = {name: "ango_hub.errors" for name in __all__} | {
    name: module for module, names in _ELSEWHERE.items() for name in names
}


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'ango_hub' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
