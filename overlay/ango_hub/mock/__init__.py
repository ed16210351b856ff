"""A mock Ango Hub API v2 server for testing pipelines without credentials.

Needs the ``mock`` extra (starlette, uvicorn, openapi-core); without it, importing this package
raises an ImportError whose message is the line that installs it. See docs/MOCK.md.
"""

from .._extras import require_extra

require_extra("mock", "the mock Ango Hub server")

from .app import create_app  # noqa: E402  (after the extra check)
from .config import DEFAULT_API_KEY, DEFAULT_PROJECT_ID, MockConfig  # noqa: E402
from .faults import FaultInjector, FaultRule  # noqa: E402
from .server import MockServer, run_mock_server  # noqa: E402

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
