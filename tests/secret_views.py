"""What must never show of a write-only secret, computed independently of the code under test:
the first 8 characters (from a marker on) of each encoding a server or a message may use."""

from __future__ import annotations

import html
import json
from urllib.parse import quote, quote_plus

# Put inside every test secret, so that no 8 characters of one are ordinary text by chance.
MARK = "Zq7W"


def leaked_starts(secret: str, shown: str) -> list[str]:
    """The 8-character starts of ``secret``'s encodings found in ``shown``."""
    bases = {secret}
    try:
        document = json.loads(secret)
    except ValueError:
        document = None
    if isinstance(document, dict):
        bases |= {v for v in document.values() if isinstance(v, str)}
    found: set[str] = set()
    for base in bases:
        once = json.dumps(base)[1:-1]
        once_utf8 = json.dumps(base, ensure_ascii=False)[1:-1]
        for form in (
            base,
            repr(base)[1:-1],
            once,
            once_utf8,
            json.dumps(once)[1:-1],
            json.dumps(once_utf8)[1:-1],
            quote(base, safe=""),
            quote_plus(base, safe=""),
            html.escape(base),
            " ".join(base.split()),
        ):
            start = form.find(MARK)
            if start >= 0 and len(form) >= start + 8:
                found.add(form[start : start + 8])
    return sorted(f for f in found if f in shown)
