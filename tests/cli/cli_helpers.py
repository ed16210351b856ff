"""Shared types for the CLI tests."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ango_hub.mock.server import MockServer


@dataclass
class CliResult:
    """Exit code and the two output streams of one ``ango-hub`` run."""

    code: int
    stdout: str
    stderr: str

    def json(self) -> Any:
        """stdout parsed as one JSON document (``--json`` output)."""
        return json.loads(self.stdout)

    def error_line(self) -> str:
        """The one line the CLI prints on stderr when it fails."""
        lines = self.stderr.splitlines()
        assert len(lines) == 1, f"expected one error line, got {lines!r}"
        assert lines[0].startswith("ango-hub: error: "), lines[0]
        return lines[0]


RunCli = Callable[..., CliResult]


def mock_env(mock: MockServer, **overrides: str | None) -> dict[str, str | None]:
    """The environment a user sets to point the CLI at ``mock`` (None unsets a variable)."""
    env: dict[str, str | None] = {
        "ANGO_API_KEY": mock.api_key,
        "ANGO_BASE_URL": mock.base_url,
        "ANGO_REGION": None,
    }
    env.update(overrides)
    return env
