"""``hub.projects`` (listProjects) on both clients, against a mock holding 250 projects."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from ango_hub import AngoHub, AngoHubValidationError
from ango_hub.mock import MockConfig
from ango_hub.mock.server import MockServer
from ango_hub.testing import run_mock_server
from ango_hub_api.models import ProjectListItem, ProjectPage
from client_helpers import FAST, MakeHub

KEY = "projects-key"
PROJECTS = [f"{n:024x}" for n in range(1, 251)]


@pytest.fixture(scope="module")
def many() -> Iterator[MockServer]:
    config = MockConfig.from_keys_and_projects([KEY, "other-key"], [PROJECTS[0], "f" * 24])
    config.projects.update({pid: KEY for pid in PROJECTS})
    with run_mock_server(config=config) as server:
        yield server


@pytest.fixture
def hub(make_hub: MakeHub, many: MockServer) -> Iterator[AngoHub]:
    """A client (either kind) on the mock with 250 projects."""
    with make_hub(api_key=KEY, base_url=many.base_url, retry_policy=FAST) as client:
        yield client


def _ids(items: list[ProjectListItem]) -> list[str]:
    return [item.id for item in items]


def test_list_page_is_typed_and_sorted(hub: AngoHub) -> None:
    page = hub.projects.list_page(page=2, limit=30, sort="_id")
    assert isinstance(page, ProjectPage)
    assert page.total == 250
    assert _ids(page.projects) == PROJECTS[30:60]
    newest_first = hub.projects.list_page(limit=3, sort="-_id")
    assert _ids(newest_first.projects) == PROJECTS[::-1][:3]


def test_list_walks_every_page(hub: AngoHub, many: MockServer) -> None:
    many.ctx.requests.clear()
    assert _ids(list(hub.projects.list(sort="_id", page_size=100))) == PROJECTS
    assert many.ctx.requests.counts["listProjects"] == 3  # 100 + 100 + 50


def test_other_organisations_projects_are_not_listed(make_hub: MakeHub, many: MockServer) -> None:
    with make_hub(api_key="other-key", base_url=many.base_url) as theirs:
        page = theirs.projects.list_page()
    assert (page.total, _ids(page.projects)) == (1, ["f" * 24])


@pytest.mark.parametrize(
    ("call", "field", "allowed"),
    [
        (lambda hub: hub.projects.list_page(limit=500), "limit", "1..100"),
        (lambda hub: hub.projects.list_page(page=0), "page", ">= 1"),
        (lambda hub: hub.projects.list_page(sort=5), "sort", None),
        (lambda hub: list(hub.projects.list(page_size=101)), "page_size", "1..100"),
    ],
)
def test_bad_input_is_refused_before_sending(
    hub: AngoHub,
    many: MockServer,
    call: Callable[[AngoHub], Any],
    field: str,
    allowed: str | None,
) -> None:
    many.ctx.requests.clear()
    with pytest.raises(AngoHubValidationError) as info:
        call(hub)
    assert info.value.field == field
    if allowed:
        assert info.value.allowed == allowed
    assert many.ctx.requests.counts["listProjects"] == 0
