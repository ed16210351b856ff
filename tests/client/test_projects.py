"""``hub.projects`` (listProjects) on both clients, against a mock holding 250 projects."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from ango_hub import AngoHub, AngoHubValidationError, AsyncAngoHub
from ango_hub.mock import MockConfig
from ango_hub.mock.server import MockServer
from ango_hub.testing import run_mock_server
from ango_hub_api.models import ProjectListItem, ProjectPage
from client_helpers import FAST

KEY = "projects-key"
PROJECTS = [f"{n:024x}" for n in range(1, 251)]


@pytest.fixture(scope="module")
def many() -> Iterator[MockServer]:
    config = MockConfig.from_keys_and_projects([KEY, "other-key"], [PROJECTS[0], "f" * 24])
    config.projects.update({pid: KEY for pid in PROJECTS})
    with run_mock_server(config=config) as server:
        yield server


@pytest.fixture(params=["sync", "async"])
def on_hub(request: pytest.FixtureRequest, many: MockServer) -> Callable[..., Any]:
    """Runs ``use(hub)`` with an AngoHub, or awaits it with an AsyncAngoHub."""

    def run(use: Callable[[Any], Any], key: str = KEY) -> Any:
        if request.param == "sync":
            with AngoHub(api_key=key, base_url=many.base_url, retry_policy=FAST) as hub:
                return use(hub)

        async def main() -> Any:
            async with AsyncAngoHub(api_key=key, base_url=many.base_url, retry_policy=FAST) as hub:
                return await use(hub)

        return asyncio.run(main())

    return run


def _ids(items: list[ProjectListItem]) -> list[str]:
    return [item.field_id for item in items]


def test_list_page_is_typed_and_sorted(on_hub: Callable[..., Any]) -> None:
    page = on_hub(lambda hub: hub.projects.list_page(page=2, limit=30, sort="_id"))
    assert isinstance(page, ProjectPage)
    assert page.total == 250
    assert _ids(page.projects) == PROJECTS[30:60]
    newest_first = on_hub(lambda hub: hub.projects.list_page(limit=3, sort="-_id"))
    assert _ids(newest_first.projects) == PROJECTS[::-1][:3]


def test_list_walks_every_page(on_hub: Callable[..., Any], many: MockServer) -> None:
    many.ctx.requests.clear()

    def everything(hub: Any) -> Any:
        if isinstance(hub, AngoHub):
            return list(hub.projects.list(sort="_id", page_size=100))

        async def collect() -> list[ProjectListItem]:
            return [p async for p in hub.projects.list(sort="_id", page_size=100)]

        return collect()

    assert _ids(on_hub(everything)) == PROJECTS
    assert many.ctx.requests.counts["listProjects"] == 3  # 100 + 100 + 50


def test_other_organisations_projects_are_not_listed(on_hub: Callable[..., Any]) -> None:
    theirs = on_hub(lambda hub: hub.projects.list_page(), key="other-key")
    assert (theirs.total, _ids(theirs.projects)) == (1, ["f" * 24])


@pytest.mark.parametrize(
    ("call", "field", "allowed"),
    [
        (lambda hub: hub.projects.list_page(limit=500), "limit", "1..100"),
        (lambda hub: hub.projects.list_page(page=0), "page", ">= 1"),
        (lambda hub: hub.projects.list_page(sort=5), "sort", None),
    ],
)
def test_bad_input_is_refused_before_sending(
    on_hub: Callable[..., Any],
    many: MockServer,
    call: Callable[[Any], Any],
    field: str,
    allowed: str | None,
) -> None:
    many.ctx.requests.clear()
    with pytest.raises(AngoHubValidationError) as info:
        on_hub(call)
    assert info.value.field == field
    if allowed:
        assert info.value.allowed == allowed
    assert many.ctx.requests.counts["listProjects"] == 0


def test_page_size_is_checked_against_the_specs_limit(on_hub: Callable[..., Any]) -> None:
    def walk(hub: Any) -> Any:
        if isinstance(hub, AngoHub):
            return list(hub.projects.list(page_size=101))

        async def collect() -> list[ProjectListItem]:
            return [p async for p in hub.projects.list(page_size=101)]

        return collect()

    with pytest.raises(AngoHubValidationError) as info:
        on_hub(walk)
    assert (info.value.field, info.value.allowed) == ("page_size", "1..100")
