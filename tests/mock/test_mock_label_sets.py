"""The mock checks label sets, workflows and answers with the spec's schemas: a broken one is a
400 naming the field; an answer naming a schemaId the label set lacks is accepted (no source
says the server refuses it) with a warning recorded on the project."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from ango_hub.mock.server import MockServer

BOX = {"schemaId": "box", "tool": "bounding-box", "title": "Car"}


def _project(api: httpx.Client) -> str:
    response = api.post("/project", json={"name": "Label sets", "categorySchema": {"tools": [BOX]}})
    assert response.status_code == 201, response.text
    return str(response.json()["data"]["project"]["_id"])


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"categorySchema": {"tools": [{"tool": "bbox"}]}}, "categorySchema.tools.0.tool"),
        ({"categorySchema": {"tools": [{"title": "Car"}]}}, "categorySchema.tools.0"),
        (
            {"categorySchema": {"classifications": [{"tool": "radio", "options": "Red"}]}},
            "categorySchema.classifications.0.options",
        ),
        (
            {"categorySchema": {"tools": [{"tool": "point", "classifications": [{"tool": "x"}]}]}},
            "categorySchema.tools.0.classifications.0.tool",
        ),
        (
            {"categorySchema": {"relations": [{"tool": "one-to-two"}]}},
            "categorySchema.relations.0.tool",
        ),
        ({"stages": [{"id": "Start", "type": "Begin"}]}, "stages.0.type"),
    ],
)
def test_a_broken_label_set_or_workflow_is_a_400_naming_the_field(
    api: httpx.Client, body: dict[str, Any], field: str
) -> None:
    pid = _project(api)
    response = api.post(f"/project/{pid}", json=body)
    assert response.status_code == 400
    assert response.json()["message"].startswith(f"body.{field}"), response.text
    project = api.get(f"/project/{pid}").json()["data"]["project"]
    assert project["categorySchema"] == {"tools": [BOX]}  # nothing changed


def _task(api: httpx.Client, mock: MockServer, pid: str) -> str:
    mock.seed(1, project_id=pid)
    tasks = api.get(f"/project/{pid}/tasks").json()["data"]["tasks"]
    return str(tasks[0]["_id"])


@pytest.mark.parametrize(
    ("answer", "field"),
    [
        ({"objects": [{"schemaId": "box", "bounding-box": "1,2,3,4"}]}, "objects.0.bounding-box"),
        ({"objects": [{"schemaId": "box", "polygon": [[1, "a"]]}]}, "objects.0.polygon.0.1"),
        ({"relations": [{"schemaId": "r", "group": "o1"}]}, "relations.0.group"),
        ({"classifications": [{"schemaId": 7}]}, "classifications.0.schemaId"),
    ],
)
def test_a_broken_answer_is_a_400_in_annotate_and_import(
    api: httpx.Client, mock: MockServer, answer: dict[str, Any], field: str
) -> None:
    pid = _project(api)
    task = _task(api, mock, pid)
    response = api.post(f"/annotate/{task}", json={"answer": answer})
    assert response.status_code == 400
    assert response.json()["message"].startswith(f"body.answer.{field}"), response.text
    label = {"assetId": "any", "answer": answer}
    response = api.post("/import/labels", json={"project": pid, "labels": [label]})
    assert response.status_code == 400
    assert response.json()["message"].startswith(f"body.labels.0.answer.{field}"), response.text


def test_an_unknown_schema_id_is_accepted_with_a_warning(
    api: httpx.Client, mock: MockServer
) -> None:
    pid = _project(api)
    task = _task(api, mock, pid)
    answer = {
        "objects": [{"schemaId": "box", "bounding-box": {"x": 1, "y": 2, "width": 3, "height": 4}}]
    }
    answer["classifications"] = [{"schemaId": "nowhere", "answer": "x"}]
    response = api.post(f"/annotate/{task}", json={"answer": answer})
    assert response.status_code == 200, response.text
    asset = api.get(f"/project/{pid}/tasks").json()["data"]["tasks"][0]["asset"]
    labels = [{"assetId": asset, "answer": {"relations": [{"schemaId": "gone"}]}}]
    assert api.post("/import/labels", json={"project": pid, "labels": labels}).status_code == 200
    assert mock.state.projects[pid].warnings == [
        "body.answer.classifications[0].schemaId: 'nowhere' is not in the project's label set",
        "body.labels[0].answer.relations[0].schemaId: 'gone' is not in the project's label set",
    ]
