"""When the live check may run, and how fast it may go."""

from __future__ import annotations

import ipaddress

import httpx

from .._regions import REGIONS, Region
from ..errors import ConfigurationError
from .context import Mode
from .recorder import DEFAULT_RATE_PER_MINUTE

# The test region, the one server the live check may write to without --yes.
TEST_REGION_HOST = httpx.URL(REGIONS[Region.TEST]).host


def check_allowed(*, base_url: str, project: str | None, mode: Mode, yes: bool) -> str:
    """The project to use; raises :class:`ConfigurationError` naming what is missing."""
    if not project:
        wanted = "a project to read (write mode writes only in a project it creates)"
        raise ConfigurationError(
            f"ANGO_LIVE_PROJECT: missing; the live check needs {wanted} "
            "(set ANGO_LIVE_PROJECT or pass --project; --read-only never writes)"
        )
    host = httpx.URL(base_url).host
    if host != TEST_REGION_HOST and not yes:
        writes = (
            " (write mode creates and deletes its own data there)" if mode is Mode.WRITE else ""
        )
        raise ConfigurationError(
            f"--yes: {host} is not the test region ({TEST_REGION_HOST}); "
            f"pass --yes to check it anyway{writes}"
        )
    return project


def is_loopback(base_url: str) -> bool:
    host = httpx.URL(base_url).host
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def default_rate(base_url: str) -> float | None:
    """Requests per minute: under the real service's limit, unpaced on this machine."""
    return None if is_loopback(base_url) else DEFAULT_RATE_PER_MINUTE
