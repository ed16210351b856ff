"""Building the client from the global options, and classifying its failures."""

from __future__ import annotations

from typing import Any

import httpx

from . import _clicklib as click
from ._context import settings
from ._errors import EXIT_API, EXIT_USAGE, fail_usage


def open_hub(ctx: click.Context) -> Any:
    """A client for the global options: ``ango_hub.AngoHub`` if present, else the fallback."""
    opts = settings(ctx)
    if not opts.api_key:
        fail_usage("--api-key", "missing", "--api-key KEY or the ANGO_API_KEY environment variable")
    from ango_hub.client import AngoHub  # noqa: PLC0415  (keeps `ango-hub --help` fast)

    return AngoHub(api_key=opts.api_key, region=opts.region, base_url=opts.base_url)


def classify_exception(exc: BaseException) -> tuple[int, str] | None:
    """(exit code, one-line message) for a library/transport failure; None if unknown."""
    from ango_hub import errors  # noqa: PLC0415  (keeps `ango-hub --help` fast)

    if isinstance(exc, errors.AngoHubValidationError | errors.ConfigurationError):
        return EXIT_USAGE, str(exc)
    if isinstance(exc, errors.AngoHubError):
        return EXIT_API, f"{type(exc).__name__}: {exc}"
    if isinstance(exc, httpx.HTTPError):
        return EXIT_API, f"connection failed: {type(exc).__name__}: {exc}"
    return None
