"""``hub.project_figures`` on both clients: the overview's metrics and the labelling
performance, against the mock and on the wire."""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from ango_hub import AngoHub, AngoHubValidationError
from ango_hub.mock.server import MockServer
from ango_hub_api.models import Performance, ProjectMetricResult
from client_helpers import WireHub, import_cloud_assets, ok

PROJECT = "507f1f77bcf86cd799439011"


def test_metrics_are_counted_from_the_projects_tasks(hub: AngoHub, mock: MockServer) -> None:
    import_cloud_assets(hub, mock.project_id, "a", "b", "c")
    label = {"externalId": "a", "answer": {"classifications": []}, "status": "Completed"}
    hub.call("importLabels", body={"project": mock.project_id, "labels": [label]})
    stages = hub.project_figures.metrics(mock.project_id, "LabelStageGroups")
    assert isinstance(stages, ProjectMetricResult)
    assert {g.key: g.count for g in stages.groups} == {"Start": 2, "Complete": 1}
    status = hub.project_figures.metrics(mock.project_id, "AnnotationStatus")
    assert (status.metric, status.total) == ("AnnotationStatus", 3)


def test_metrics_unknown_name_is_refused_before_sending(wire_hub: WireHub) -> None:
    hub, wire = wire_hub(lambda r: ok({}))
    with pytest.raises(AngoHubValidationError) as info:
        hub.project_figures.metrics(PROJECT, "Velocity")
    assert info.value.field == "metric"
    assert "LabelStageGroups" in (info.value.allowed or "")
    assert wire.requests == []


def test_performance_sends_the_window_the_way_each_source_knows(wire_hub: WireHub) -> None:
    answer = {"performance": {"tasks": 0, "completed": 0, "labeled": 0, "users": []}}
    hub, wire = wire_hub(lambda r: ok(answer))
    hub.project_figures.performance(
        PROJECT, start=datetime(2026, 1, 1), end="2026-02-01T00:00:00Z", batches=("b1",)
    )
    assert wire.last.url.path == f"/v2/performance/{PROJECT}"
    assert wire.json() == {
        "interval": ["2026-01-01T00:00:00.000000Z", "2026-02-01T00:00:00Z"],
        "batches": ["b1"],
    }
    hub.project_figures.performance(PROJECT, start="2026-01-01T00:00:00Z", users=["u@example.com"])
    assert wire.json() == {"startDate": "2026-01-01T00:00:00Z", "users": ["u@example.com"]}
    hub.project_figures.performance(PROJECT)
    assert json.loads(wire.last.content) == {}


def test_performance_against_the_mock(hub: AngoHub, mock: MockServer) -> None:
    import_cloud_assets(hub, mock.project_id, "a", "b")
    label = {"externalId": "b", "answer": {"classifications": []}, "status": "Completed"}
    hub.call("importLabels", body={"project": mock.project_id, "labels": [label]})
    figures = hub.project_figures.performance(mock.project_id, start=datetime(2000, 1, 1))
    assert isinstance(figures, Performance)
    assert (figures.tasks, figures.completed, figures.labeled) == (2, 1, 1)
    (row,) = figures.users
    assert (row.user, row.labeled) == (f"owner@{mock.project.organization_id}.mock.invalid", 1)
    assert hub.project_figures.performance(mock.project_id, end=datetime(2000, 1, 1)).tasks == 0
