"""Every form the API key could be printed in (kept free of heavy imports: the CLI's error
printer uses it)."""

from __future__ import annotations

from urllib.parse import quote, quote_plus

REDACTED = "***"


def secret_forms(secret: str) -> list[str]:
    """``secret`` as given, stripped, escaped as a repr prints it, and URL-encoded; longest
    first, so that a longer form is replaced before a shorter one inside it."""
    forms = {secret, secret.strip()}
    for form in list(forms):
        forms.add(repr(form)[1:-1])  # "k\r\n" inside a repr: k\\r\\n
        forms.add(repr(form.encode("utf-8", "backslashreplace"))[2:-1])  # inside b'...'
        forms.add(quote(form, safe=""))
        forms.add(quote_plus(form, safe=""))
    return sorted((f for f in forms if f), key=len, reverse=True)


def scrub_secrets(text: str, secrets: tuple[str, ...] | set[str]) -> str:
    """``text`` with every form of each secret replaced by ``***``."""
    for secret in secrets:
        if secret:
            for form in secret_forms(secret):
                text = text.replace(form, REDACTED)
    return text
