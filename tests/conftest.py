"""Suite-wide settings."""

from __future__ import annotations

import os
import subprocess

import pytest
from ango_hub.mock.validation import CROSSCHECK_ENV

# What `make test-fast` leaves out besides `slow`: tests that talk to a mock server get the
# `server` marker here, so a new test lands on the right side by what it uses: a fixture that
# starts a mock (named below; "mock" is each suite's own), or a place in tests/mock, the mock's
# own suite. In-process tests (httpx.MockTransport, parsers, the spec) stay in the edit loop.
SERVER_FIXTURES = frozenset({"mock", "ango_hub_mock", "_ango_hub_mock_shared"})
SERVER_DIRS = ("tests/mock/",)
# A test module that imports a server starter from these is `server` too.
SERVER_MODULES = frozenset(
    {"ango_hub.testing", "ango_hub.mock.server", "local_servers", "mock_modes"}
)
# `slow` by what a module uses, as the marker says: one that imports `subprocess` (a build, a
# tool, a script), or a test that asks for the bundle `make bundle` builds.
SLOW_FIXTURES = frozenset({"bundle_dir", "wheel"})
# Fixture scopes whose value lives in one xdist worker: a module split over two workers builds
# it in both.
SHARED_SCOPES = {"module", "class", "package"}


def pytest_configure() -> None:
    # Every mock the tests start (in-process or as a subprocess) validates each parameter-only
    # request both with its compiled fast path and with openapi-core, and fails on any
    # disagreement: the whole suite doubles as a differential test of the fast path.
    os.environ[CROSSCHECK_ENV] = "1"


def shared_fixture_group(item: pytest.Item) -> str | None:
    """The tests of one module that share a module-scoped fixture (for a parametrized one: the
    same parameter) form one xdist group, so the fixture is built once per run, not once per
    worker the module's tests land on (`--dist loadgroup`, pyproject.toml). A test that names
    its own ``xdist_group`` keeps it (long tests whose fixture is cheap, spread on purpose)."""
    info = getattr(item, "_fixtureinfo", None)
    if info is None:
        return None
    shared = [
        name
        for name in info.names_closure
        if (defs := info.name2fixturedefs.get(name)) and defs[-1].scope in SHARED_SCOPES
    ]
    if not shared:
        return None
    params = getattr(getattr(item, "callspec", None), "params", {})
    chosen = [f"{name}={params[name]}" for name in shared if name in params]
    return "::".join([item.nodeid.split("::")[0], *chosen])


def _fixtures(item: pytest.Item) -> set[str]:
    info = getattr(item, "_fixtureinfo", None)
    return set(info.names_closure) if info is not None else set()


def _imports(item: pytest.Item) -> dict[str, object]:
    module = getattr(item, "module", None)
    return dict(vars(module)) if module is not None else {}


def talks_to_a_server(item: pytest.Item) -> bool:
    starters = {getattr(value, "__module__", None) for value in _imports(item).values()}
    return (
        bool(_fixtures(item) & SERVER_FIXTURES)
        or item.nodeid.startswith(SERVER_DIRS)
        or bool(starters & SERVER_MODULES)
    )


def is_heavy(item: pytest.Item) -> bool:
    return _imports(item).get("subprocess") is subprocess or bool(_fixtures(item) & SLOW_FIXTURES)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if talks_to_a_server(item):
            item.add_marker(pytest.mark.server)
        if is_heavy(item) and item.get_closest_marker("slow") is None:
            item.add_marker(pytest.mark.slow)
        group = shared_fixture_group(item)
        if group is not None and item.get_closest_marker("xdist_group") is None:
            item.add_marker(pytest.mark.xdist_group(group))
