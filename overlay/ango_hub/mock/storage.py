"""File storage on disk behind HMAC-signed, expiring URLs (``/_storage/...``).

Object keys are ``<project>/<type>/<file name>`` built from sanitised parts only, and every
resolved path is checked to stay inside the storage root.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import time
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

STORAGE_PREFIX = "/_storage/"
_SAFE_CHARS = re.compile(r"[^A-Za-z0-9._-]+")
_SAFE_KEY = re.compile(
    r"^[A-Za-z0-9_-]{1,64}/[A-Za-z0-9_-]{1,64}/[A-Za-z0-9][A-Za-z0-9._-]{0,199}$"
)


class StorageError(ValueError):
    """A name or URL that cannot denote a stored object."""


def sanitize_name(name: str) -> str:
    """Reduce a user-given file name to a safe single path component.

    Directory parts are dropped, unsafe characters become ``_``, leading dots are removed
    (no hidden files, no ``..``) and the result is at most 200 characters; a name with nothing
    usable left becomes ``file-<hash>``.
    """
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    cleaned = _SAFE_CHARS.sub("_", base).lstrip("._-")[:200]
    if not cleaned.strip("_"):
        # Nothing usable left (e.g. only non-ASCII letters): a stable name from the original.
        cleaned = "file-" + hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return cleaned


def sanitize_segment(value: str) -> str:
    """A project ID or file type as a directory name."""
    cleaned = re.sub(r"[^A-Za-z0-9_-]+", "_", value)[:64].strip("_") or "_"
    return cleaned


class Signer:
    """Signs ``(op, key, expiry)`` with HMAC-SHA256; verification is constant-time."""

    def __init__(self, secret: bytes | None, ttl_seconds: int) -> None:
        self._secret = secret or secrets.token_bytes(32)
        self.ttl_seconds = ttl_seconds

    def _mac(self, op: str, key: str, expires: int) -> str:
        message = f"{op}\n{key}\n{expires}".encode()
        return hmac.new(self._secret, message, hashlib.sha256).hexdigest()

    def query(self, op: str, key: str, now: float | None = None) -> str:
        """The query string that authorises ``op`` (``put`` or ``get``) on ``key``."""
        expires = int((time.time() if now is None else now) + self.ttl_seconds)
        return urlencode({"op": op, "expires": expires, "signature": self._mac(op, key, expires)})

    def verify(self, key: str, query: str, op: str) -> str | None:
        """``None`` if the query authorises ``op`` on ``key`` now, else the reason it doesn't."""
        params = parse_qs(query)
        try:
            (given_op,) = params["op"]
            (expires_text,) = params["expires"]
            (signature,) = params["signature"]
            expires = int(expires_text)
        except (KeyError, ValueError):
            return "missing or malformed signature"
        if given_op != op:
            return f"signature is for {given_op!r}, not {op!r}"
        if not hmac.compare_digest(signature, self._mac(op, key, expires)):
            return "signature does not match"
        if expires < time.time():
            return "URL expired"
        return None


class ObjectStore:
    """Stored files under ``root``, named by validated keys."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self.root.mkdir(parents=True, exist_ok=True)

    @staticmethod
    def make_key(project_id: str, file_type: str, name: str) -> str:
        return f"{sanitize_segment(project_id)}/{sanitize_segment(file_type)}/{sanitize_name(name)}"

    def path_for(self, key: str) -> Path:
        """Map a key to its file, refusing anything that could leave the root."""
        if not _SAFE_KEY.match(key) or ".." in key.split("/"):
            raise StorageError("invalid storage key")
        path = (self.root / key).resolve()
        if not path.is_relative_to(self.root):
            raise StorageError("invalid storage key")
        return path

    @staticmethod
    def key_from_url(url: str) -> str | None:
        """The key of a mock storage URL (any host), or ``None`` for other URLs."""
        try:
            path = urlsplit(url).path
        except ValueError:  # e.g. "http://[::1" : not a URL at all, so not one of ours
            return None
        if not path.startswith(STORAGE_PREFIX):
            return None
        return path[len(STORAGE_PREFIX) :]

    @staticmethod
    def project_of(key: str) -> str:
        return key.split("/", 1)[0]


def project_of_storage_path(path: str) -> str:
    """The project a ``/_storage/...`` path belongs to (uploads: first key segment; exports:
    ``_exports/<project>-<id>.zip``)."""
    key = path[len(STORAGE_PREFIX) :]
    if key.startswith("_exports/"):
        return key[len("_exports/") :].split("-", 1)[0]
    return key.split("/", 1)[0]
