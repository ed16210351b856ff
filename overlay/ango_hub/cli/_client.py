"""Building the library client from the global options, and classifying its failures."""

from __future__ import annotations

from typing import TYPE_CHECKING

import httpx

from . import _clicklib as click
from ._context import settings
from ._errors import EXIT_API, EXIT_USAGE, fail_usage

if TYPE_CHECKING:
    from ango_hub import AngoHub


def open_hub(ctx: click.Context) -> AngoHub:
    """An :class:`ango_hub.AngoHub` for the global options (env vars as the library reads them)."""
    opts = settings(ctx)
    if not opts.api_key:
        fail_usage("--api-key", "missing", "--api-key KEY or the ANGO_API_KEY environment variable")
    from ango_hub import AngoHub  # noqa: PLC0415  (keeps `ango-hub --help` fast)

    return AngoHub(api_key=opts.api_key, region=opts.region, base_url=opts.base_url)


def classify_exception(exc: BaseException) -> tuple[int, str] | None:
    """(exit code, one-line message) for a library/transport failure; None if unknown."""
    from ango_hub import errors  # noqa: PLC0415

    if isinstance(exc, errors.AngoHubValidationError):
        return EXIT_USAGE, str(exc)
    if isinstance(exc, errors.AngoHubError):
        return EXIT_API, f"{type(exc).__name__}: {exc}"
    if isinstance(exc, httpx.HTTPError):
        return EXIT_API, f"connection failed: {type(exc).__name__}: {exc}"
    return None
