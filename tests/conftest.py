"""Suite-wide settings."""

from __future__ import annotations

import os

from ango_hub.mock.validation import CROSSCHECK_ENV


def pytest_configure() -> None:
    # Every mock the tests start (in-process or as a subprocess) validates each parameter-only
    # request both with its compiled fast path and with openapi-core, and fails on any
    # disagreement: the whole suite doubles as a differential test of the fast path.
    os.environ[CROSSCHECK_ENV] = "1"
