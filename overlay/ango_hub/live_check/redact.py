"""Keep the API key and signed URLs out of everything the live check prints."""

from __future__ import annotations

import re

import httpx

from .._redact import redacted_url
from .._secrets import scrub_secrets

_URL = re.compile(r"https?://[^\s'\"<>)\]]+")


def scrub(text: str, secrets: tuple[str, ...] = ()) -> str:
    """``text`` with each secret replaced by ``***`` and each signed URL cut at its query."""
    text = scrub_secrets(text, secrets)

    def shorten(match: re.Match[str]) -> str:
        try:
            return redacted_url(httpx.URL(match.group(0)))
        except (httpx.InvalidURL, ValueError):
            return match.group(0).split("?", 1)[0]

    return _URL.sub(shorten, text)
