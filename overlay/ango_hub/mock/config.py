"""Configuration of a mock server instance (plain data, no web framework imports)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_API_KEY = "mock-api-key"
DEFAULT_PROJECT_ID = "507f1f77bcf86cd799439011"


@dataclass
class MockConfig:
    """Settings for :func:`ango_hub.mock.create_app`.

    ``projects`` maps a project ID to the API key whose organisation owns it. Every key in
    ``api_keys`` gets its own organisation.
    """

    # API keys stay out of reprs (and so out of logs and test failure output).
    api_keys: list[str] = field(default_factory=lambda: [DEFAULT_API_KEY], repr=False)
    projects: dict[str, str] = field(
        default_factory=lambda: {DEFAULT_PROJECT_ID: DEFAULT_API_KEY}, repr=False
    )
    storage_dir: Path | None = None  # None: a private temporary directory
    url_ttl_seconds: int = 3600
    max_body_bytes: int = 16 * 1024 * 1024  # JSON / form / multipart API bodies
    max_upload_bytes: int = 512 * 1024 * 1024  # one PUT to a signed upload URL
    signing_secret: bytes | None = field(default=None, repr=False)  # None: random per instance
    fault_seed: int = 0

    @classmethod
    def from_keys_and_projects(
        cls, api_keys: list[str], project_ids: list[str], **kwargs: object
    ) -> MockConfig:
        """Build a config from repeated ``--api-key``/``--project`` flags.

        Mapping rule: with one key, every project belongs to it. With several keys, keys and
        projects pair up by position (the i-th project belongs to the i-th key); projects
        beyond the last key belong to the last key. No key: the default key.
        """
        keys = list(api_keys) or [DEFAULT_API_KEY]
        ids = list(project_ids) or [DEFAULT_PROJECT_ID]
        projects = {pid: keys[min(i, len(keys) - 1)] for i, pid in enumerate(ids)}
        return cls(api_keys=keys, projects=projects, **kwargs)  # type: ignore[arg-type]
