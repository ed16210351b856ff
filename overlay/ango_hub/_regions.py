"""The API's regions and their servers (the ``servers`` of openapi.yaml). A module of its own,
importing nothing heavy, so that the CLI can offer the choices without loading httpx."""

from __future__ import annotations

from enum import StrEnum


class Region(StrEnum):
    """A region's name, as ``region=`` / ``ANGO_REGION`` / ``--region`` take it."""

    EU = "eu"
    US = "us"
    IN = "in"
    TEST = "test"


REGIONS: dict[str, str] = {
    Region.EU: "https://imeritapi.ango.ai/v2",
    Region.US: "https://us-api.ango.ai/v2",
    Region.IN: "https://in-api.ango.ai/v2",
    Region.TEST: "https://testapi.ango.ai/v2",
}
DEFAULT_REGION = Region.EU
