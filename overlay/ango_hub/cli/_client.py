"""Opening the library's client for a command, and classifying its failures."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import _clicklib as click
from ._context import invocation
from ._errors import EXIT_API, EXIT_USAGE

if TYPE_CHECKING:
    from ango_hub.client import AngoHub


def open_hub(ctx: click.Context) -> AngoHub:
    """``ango_hub.AngoHub`` for the global options (exit 2 if there is no API key)."""
    return invocation(ctx).open_hub()


def classify_exception(exc: BaseException) -> tuple[int, str] | None:
    """(exit code, one-line message) for a library/transport failure; None if unknown."""
    # Imported on failure only: both load httpx, which `ango-hub --help` must not pay for.
    import httpx  # noqa: PLC0415

    from ango_hub import errors  # noqa: PLC0415

    if isinstance(exc, errors.AngoHubValidationError | errors.ConfigurationError):
        return EXIT_USAGE, str(exc)
    if isinstance(exc, errors.AngoHubError):
        return EXIT_API, f"{type(exc).__name__}: {exc}"
    if isinstance(exc, httpx.HTTPError):
        return EXIT_API, f"connection failed: {type(exc).__name__}: {exc}"
    return None
