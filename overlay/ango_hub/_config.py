"""Client settings: API key, region and base URL, with their environment fallbacks."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

import httpx

from ._regions import DEFAULT_REGION, REGIONS
from .errors import ConfigurationError

DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0)
# Preparing a large export happens inside the request on the server side.
EXPORT_TIMEOUT = httpx.Timeout(600.0, connect=10.0)


# Requests one client has in flight at once, by default: its connection pool's size, so that a
# caller's gather over thousands of calls queues inside the client instead of timing out in
# the pool.
DEFAULT_MAX_IN_FLIGHT = 128
# Largest decompressed API answer (a listing page is a few hundred KiB).
DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024
# Largest decompressed single task read from an export archive.
DEFAULT_MAX_TASK_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class Settings:
    """Resolved settings. ``repr`` never shows the key."""

    api_key: str = field(repr=False)
    base_url: str
    timeout: httpx.Timeout
    max_retries: int
    deadline: float | None = None
    max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES
    max_task_bytes: int = DEFAULT_MAX_TASK_BYTES


def clean_api_key(key: str) -> str:
    """The key without surrounding whitespace (a file's or a CRLF .env's line end).

    Control characters left inside are refused: the key would be sent corrupted, and printed
    by the HTTP library's header check. The message never contains the key.
    """
    stripped = key.strip()
    if not stripped:
        raise ConfigurationError("api_key: the API key is empty or only whitespace")
    bad = sorted({f"0x{ord(c):02x}" for c in stripped if ord(c) < 0x20 or ord(c) == 0x7F})
    if bad:
        raise ConfigurationError(
            f"api_key: contains control characters ({', '.join(bad)}) inside it; check the file"
            " or variable it was read from"
        )
    return stripped


def check_positive(name: str, value: float | None) -> None:
    """``value`` must be None or a positive number."""
    if value is not None and not value > 0:
        raise ConfigurationError(f"{name}: must be a positive number of seconds or None")


def resolve(
    *,
    api_key: str | None,
    region: str | None,
    base_url: str | None,
    timeout: float | httpx.Timeout | None,
    max_retries: int,
    deadline: float | None = None,
    max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
    max_task_bytes: int = DEFAULT_MAX_TASK_BYTES,
) -> Settings:
    """Apply the environment fallbacks (ANGO_API_KEY, ANGO_REGION, ANGO_BASE_URL) and check."""
    key = api_key if api_key is not None else os.environ.get("ANGO_API_KEY")
    if not key:
        raise ConfigurationError("api_key: no API key given; pass api_key=... or set ANGO_API_KEY")
    key = clean_api_key(key)
    url = base_url or os.environ.get("ANGO_BASE_URL")
    if not url:
        name = (region or os.environ.get("ANGO_REGION") or DEFAULT_REGION).lower()
        if name not in REGIONS:
            raise ConfigurationError(
                f"region: unknown region {name!r} (allowed: {', '.join(REGIONS)})"
            )
        url = REGIONS[name]
    _check_url(url)
    if max_retries < 0:
        raise ConfigurationError("max_retries: must be 0 or more")
    check_positive("deadline", deadline)
    for name, cap in (
        ("max_response_bytes", max_response_bytes),
        ("max_task_bytes", max_task_bytes),
    ):
        if cap < 1:
            raise ConfigurationError(f"{name}: must be a positive number of bytes")
    if timeout is None:
        resolved_timeout = DEFAULT_TIMEOUT
    elif isinstance(timeout, httpx.Timeout):
        resolved_timeout = timeout
    else:
        resolved_timeout = httpx.Timeout(timeout)
    return Settings(
        api_key=key,
        base_url=url.rstrip("/"),
        timeout=resolved_timeout,
        max_retries=max_retries,
        deadline=deadline,
        max_response_bytes=max_response_bytes,
        max_task_bytes=max_task_bytes,
    )


def _check_url(url: str) -> None:
    """``base_url`` must be an http(s) URL httpx can send to (else every call would fail with
    an untyped ``httpx.InvalidURL``)."""
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError) as exc:
        raise ConfigurationError(
            f"base_url: invalid URL {url!r} ({exc}; allowed: http(s)://host[:port]/v2)"
        ) from None
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise ConfigurationError(
            f"base_url: {url!r} is not an http(s) URL with a host"
            " (allowed: http(s)://host[:port]/v2)"
        )
