"""The OpenAPI spec the package ships: ``ango_hub/openapi.yaml`` (in the repo, a link to the
root's ``openapi.yaml``; in the wheel, the file)."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any


def spec_bytes() -> bytes:
    """Return the bytes of ``openapi.yaml`` (the single source of truth for the API)."""
    return (resources.files("ango_hub") / "openapi.yaml").read_bytes()


@lru_cache(maxsize=1)
def load_spec() -> dict[str, Any]:
    """Parse ``openapi.yaml`` once per process. Callers must not mutate the result."""
    import yaml  # noqa: PLC0415  (local: keeps `import ango_hub` cheap)

    loaded = yaml.safe_load(spec_bytes())
    if not isinstance(loaded, dict):
        raise TypeError("openapi.yaml does not hold a mapping")
    return loaded


def spec_version() -> str:
    """``info.version`` of the shipped spec, read from its ``info`` block alone (a top-level
    mapping near the start of the file), so that ``ango-hub --version`` parses a few lines."""
    import yaml  # noqa: PLC0415

    lines: list[str] = []
    for line in spec_bytes().decode("utf-8").splitlines():
        if lines and line[:1] not in ("", " ", "#"):
            break  # the next top-level key
        if lines or line.startswith("info:"):
            lines.append(line)
    info = yaml.safe_load("\n".join(lines)) if lines else None
    version = info.get("info", {}).get("version") if isinstance(info, dict) else None
    return str(version) if version is not None else "unknown"
