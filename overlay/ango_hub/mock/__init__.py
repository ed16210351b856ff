"""A mock Ango Hub API v2 server for testing pipelines without credentials.

Needs the ``mock`` extra (starlette, uvicorn, openapi-core). See docs/MOCK.md.
"""

from .app import create_app
from .config import DEFAULT_API_KEY, DEFAULT_PROJECT_ID, MockConfig
from .faults import FaultInjector, FaultRule
from .server import MockServer, run_mock_server

__all__ = [
    "DEFAULT_API_KEY",
    "DEFAULT_PROJECT_ID",
    "FaultInjector",
    "FaultRule",
    "MockConfig",
    "MockServer",
    "create_app",
    "run_mock_server",
]
