"""Locate the OpenAPI spec: packaged in the wheel, or at the repository root in a dev install."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

_REPO_SPEC = Path(__file__).resolve().parents[2] / "openapi.yaml"


def spec_bytes() -> bytes:
    """Return the bytes of ``openapi.yaml`` (the single source of truth for the API)."""
    packaged = resources.files("ango_hub") / "openapi.yaml"
    if packaged.is_file():
        return packaged.read_bytes()
    if _REPO_SPEC.is_file():
        return _REPO_SPEC.read_bytes()
    raise FileNotFoundError(
        f"openapi.yaml not found: neither packaged as ango_hub/openapi.yaml nor at {_REPO_SPEC}"
    )


@lru_cache(maxsize=1)
def load_spec() -> dict[str, Any]:
    """Parse ``openapi.yaml`` once per process. Callers must not mutate the result."""
    import yaml  # noqa: PLC0415  (local: keeps `import ango_hub` cheap)

    loaded = yaml.safe_load(spec_bytes())
    if not isinstance(loaded, dict):
        raise TypeError("openapi.yaml does not hold a mapping")
    return loaded
