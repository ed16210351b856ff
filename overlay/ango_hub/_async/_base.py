"""Resources reach their client through this small base."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .client import AsyncAngoHub


class AsyncResource:
    def __init__(self, hub: AsyncAngoHub) -> None:
        self._hub = hub


def present(fields: Mapping[str, Any]) -> dict[str, Any]:
    """The fields the caller gave: ``None`` means left out, as for a keyword argument."""
    return {name: value for name, value in fields.items() if value is not None}
