"""The two ways the mock runs, behind one adapter so the same test bodies drive either: in a
thread of this process (`run_mock_server`) and as its own process (`ango-hub mock`), which
offers only HTTP (the API and the admin API)."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from ango_hub.mock.server import run_mock_server
from mock_org import MockOrg

from tests.support.console import ANGO_HUB

MODES = ("thread", "process")
# What `ango-hub mock` starts with when given no key or project.
DEFAULT_KEY, DEFAULT_PROJECT = "mock-api-key", "507f1f77bcf86cd799439011"


@dataclass(frozen=True)
class Mocked:
    """A running mock: the organisation in it, and how many API requests it has answered."""

    mode: str
    org: MockOrg
    answered: Callable[[], int]


@contextmanager
def process_mock() -> Iterator[str]:
    """`ango-hub mock` on a free port, in its own process; yields its root URL."""
    process = subprocess.Popen(
        [ANGO_HUB, "mock", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        match = re.search(r"on (http://127\.0\.0\.1:\d+)/v2", first)
        assert match, first
        while "Ctrl-C" not in process.stdout.readline():
            pass
        yield match.group(1)
    finally:
        process.terminate()
        process.wait(timeout=10)


@contextmanager
def mock_in(mode: str) -> Iterator[Mocked]:
    """The mock in ``mode``; in process mode its request count comes from the admin API's
    request log (admin requests are not in it, so asking does not change the count)."""
    if mode == "thread":
        with run_mock_server() as mock:
            org = MockOrg(mock.root_url, mock.api_key, mock.project_id)
            yield Mocked(mode, org, lambda: sum(mock.requests.counts.values()))
    else:
        with process_mock() as root:
            org = MockOrg(root, DEFAULT_KEY, DEFAULT_PROJECT)
            yield Mocked(mode, org, lambda: sum(org.admin("GET", "requests")["counts"].values()))
