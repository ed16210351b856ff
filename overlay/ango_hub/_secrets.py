"""Every form a secret (the API key, a write-only field) could be printed in, and the one
function that cuts them out of text (kept free of heavy imports: the CLI's error printer uses
it; the client, the mock and the live check all redact through :func:`scrub_secrets`)."""

from __future__ import annotations

import html
import json
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from urllib.parse import quote, quote_plus

REDACTED = "***"
# A server that truncates what it echoes may leave only the start of a secret: any run of at
# least this many characters that begins a secret's form is cut out too.
MIN_PREFIX = 8


def _json(text: str) -> str:
    return json.dumps(text)[1:-1]


def _json_utf8(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)[1:-1]


def _repr(text: str) -> str:
    return repr(text)[1:-1]  # "k\r\n" inside a repr: k\\r\\n


def _bytes_repr(text: str) -> str:
    return repr(text.encode("utf-8", "backslashreplace"))[2:-1]  # inside b'...'


def _collapsed(text: str) -> str:
    return " ".join(text.split())  # an excerpt collapses whitespace


# How a server or a message may encode what it quotes: a JSON string, a URL, an HTML page.
_ENCODINGS: tuple[Callable[[str], str], ...] = (
    _json,
    _json_utf8,
    lambda text: quote(text, safe=""),
    lambda text: quote_plus(text, safe=""),
    html.escape,
)
# How Python prints what it holds (applied last): a repr, bytes, whitespace collapsed.
_PRINTINGS: tuple[Callable[[str], str], ...] = (_repr, _bytes_repr, _collapsed)


def _escapes(text: str) -> set[str]:
    """``text`` under up to two encodings (a JSON body quoted in a JSON error or an HTML page),
    then as Python prints it."""
    encoded = {text}
    for _ in range(2):
        encoded |= {encode(form) for form in encoded for encode in _ENCODINGS}
    return encoded | {show(form) for form in encoded for show in _PRINTINGS}


def _strings_in_document(secret: str) -> Iterator[str]:
    """The string values of ``secret`` when it is a JSON document (a GCP service-account key
    given as text): a server may echo the document re-serialised, so each value goes too."""
    if not secret.lstrip().startswith(("{", "[")):
        return
    try:
        document = json.loads(secret)
    except ValueError:
        return
    stack = [document]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
        elif isinstance(value, str) and len(value) >= 4:
            yield value


@lru_cache(maxsize=256)
def secret_forms(secret: str) -> tuple[str, ...]:
    """``secret`` as given and stripped, repr-escaped, URL-encoded, HTML-escaped, JSON-escaped
    (once, and twice as a JSON body quoted inside JSON); a JSON document's string values the
    same way. Longest first, so that a longer form is replaced before a shorter one in it."""
    bases = {secret, secret.strip(), *_strings_in_document(secret)}
    forms = {form for base in bases for form in _escapes(base)}
    forms |= {_collapsed(form) for form in forms}
    return tuple(sorted((f for f in forms if f), key=len, reverse=True))


def _cut_prefixes(text: str, form: str, marker: str) -> str:
    """``text`` with every run of ``MIN_PREFIX`` or more characters that begins ``form`` (what
    a truncated echo leaves) replaced by ``marker``."""
    head = form[:MIN_PREFIX]
    start = text.find(head)
    if start < 0:
        return text
    parts: list[str] = []
    done = 0
    while start >= 0:
        end = start + MIN_PREFIX
        while end < len(text) and end - start < len(form) and text[end] == form[end - start]:
            end += 1
        parts += [text[done:start], marker]
        done = end
        start = text.find(head, done)
    parts.append(text[done:])
    return "".join(parts)


def scrub_secrets(text: str, secrets: Iterable[str], marker: str = REDACTED) -> str:
    """``text`` with every form of each secret (see :func:`secret_forms`) replaced by
    ``marker``: whole forms first (so that a longer form sharing a start with the one present
    does not cut it short), then what a truncated echo left of one."""
    forms = sorted({f for s in secrets if s for f in secret_forms(s)}, key=len, reverse=True)
    for form in forms:
        text = text.replace(form, marker)
    for form in forms:
        if len(form) > MIN_PREFIX:
            text = _cut_prefixes(text, form, marker)
    return text
