"""What never leaves the client in clear: the API key and the signatures of signed URLs.

Rules (README, "Secrets and redaction"):

* a URL whose query carries a signature loses its whole query string: AWS (``X-Amz-*``), GCS V4
  (``X-Goog-*``, ``GoogleAccessId``), Azure SAS (``sig``, ``se``), and any ``Signature*`` or
  ``Expires`` parameter;
* a query value that is itself such a URL (``getSignedUrl?url=<signed URL>``) is redacted the
  same way, in place;
* the API key is replaced by ``***`` in every form it could be printed in
  (:func:`ango_hub._secrets.secret_forms`).
"""

from __future__ import annotations

import logging
import re

import httpx

from ._secrets import scrub_secrets

_SIGNED_PREFIXES = ("x-amz-", "x-goog-", "signature", "sig", "expires")
_SIGNED_NAMES = frozenset({"se", "googleaccessid"})
_URL_SCHEMES = ("http://", "https://")
_URL_IN_TEXT = re.compile(r"https?://[^\s'\"<>)\]]+")


def _is_signed_param(name: str) -> bool:
    lowered = name.lower()
    return lowered.startswith(_SIGNED_PREFIXES) or lowered in _SIGNED_NAMES


def redacted_url(url: httpx.URL | str) -> str:
    """``url`` without its query when the query carries a signature; nested URLs likewise."""
    parsed = url if isinstance(url, httpx.URL) else httpx.URL(url)
    if any(_is_signed_param(name) for name in parsed.params):
        return str(parsed.copy_with(query=None))
    items = parsed.params.multi_items()
    if not any(value.startswith(_URL_SCHEMES) for _name, value in items):
        return str(parsed)
    params = [
        (name, _redacted_text_url(value) if value.startswith(_URL_SCHEMES) else value)
        for name, value in items
    ]
    return str(parsed.copy_with(params=params))


def _redacted_text_url(text: str) -> str:
    try:
        return redacted_url(httpx.URL(text))
    except (httpx.InvalidURL, ValueError):
        return text.split("?", 1)[0]


def scrub_urls(text: str) -> str:
    """``text`` with every signed URL in it redacted."""
    return _URL_IN_TEXT.sub(lambda match: _redacted_text_url(match.group(0)), text)


def scrub(text: str, secrets: tuple[str, ...] = ()) -> str:
    """``text`` with every form of each secret replaced and every signed URL redacted."""
    return scrub_urls(scrub_secrets(text, secrets))


class SignedUrlFilter(logging.Filter):
    """Redacts signed URLs in httpx's own log lines (``HTTP Request: PUT https://...``).

    httpx logs every request's full URL at INFO; for storage that URL is a bearer credential.
    The client installs this filter on the ``httpx`` logger when it is built.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(
                redacted_url(arg) if isinstance(arg, httpx.URL) else _scrub_arg(arg)
                for arg in record.args
            )
        elif isinstance(record.msg, str):
            record.msg = scrub_urls(record.msg)
        return True


def _scrub_arg(arg: object) -> object:
    return scrub_urls(arg) if isinstance(arg, str) and "://" in arg else arg


def install_log_filter() -> None:
    """Put :class:`SignedUrlFilter` on httpx's loggers, once."""
    for name in ("httpx", "httpcore"):
        log = logging.getLogger(name)
        if not any(isinstance(existing, SignedUrlFilter) for existing in log.filters):
            log.addFilter(SignedUrlFilter())
