"""The clients users build: ``AngoHub`` (sync) and ``AsyncAngoHub`` (asyncio).

``AsyncAngoHub`` is written in ``ango_hub/_async/``; ``AngoHub`` is produced from it by
unasync (``make generate``) into ``ango_hub/_sync/``. Each is imported on
first use, so the sync client does not load asyncio and neither loads the other.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._async.client import AsyncAngoHub
    from ._sync.client import AngoHub

__all__ = ["AngoHub", "AsyncAngoHub"]


def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module("ango_hub"), name)
