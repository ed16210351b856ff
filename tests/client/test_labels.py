"""Label sets, workflows and answers on both clients: the typed builders (stable schema IDs and
colours), plain dicts checked against the same schemas before sending, the project read back
as typed objects, answers through annotate and typed export rows."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from ango_hub import AngoHub, AngoHubValidationError
from ango_hub.export_rows import ExportRow
from ango_hub.labels import (
    Answer,
    Classification,
    ClassificationAnswer,
    LabelSet,
    ObjectAnswer,
    Option,
    Relation,
    RelationAnswer,
    Stage,
    Tool,
    TreeOption,
    linear_workflow,
)
from ango_hub.mock.server import MockServer
from ango_hub_api.models import AnswerObject, LabelCategory, ProjectStage
from client_helpers import WireHub, ok


def _label_set() -> LabelSet:
    colour = Classification("radio", "Colour", options=["Red", "Blue"], required=True)
    return LabelSet(
        tools=[Tool("bounding-box", "Car", classifications=[colour])],
        classifications=[
            Classification(
                "tree-dropdown", "Kind", tree=[TreeOption("Animal", [TreeOption("Cat")])]
            )
        ],
        relations=[Relation("one-to-one", "Follows")],
    )


STAGES = linear_workflow(Stage("Start"), Stage("Label"), Stage("Review"), Stage("Complete"))


@pytest.fixture
def project(hub: AngoHub) -> Iterator[str]:
    pid = hub.projects.create("Labels").field_id
    yield pid
    hub.projects.delete(pid)


def test_builders_are_stable_and_colour_only_what_has_none() -> None:
    first, again = _label_set().to_dict(), _label_set().to_dict()
    assert first == again  # a repeated run builds the same label set
    car = first["tools"][0]
    assert (car["tool"], len(car["schemaId"])) == ("bounding-box", 23)
    assert (car["color"][0], len(car["color"])) == ("#", 7)
    nested = car["classifications"][0]
    assert (nested["tool"], nested["required"]) == ("radio", True)
    assert [o["value"] for o in nested["options"]] == ["Red", "Blue"]
    assert nested["schemaId"] != car["schemaId"]
    # The same classification nested in two tools gets two schema IDs (derived per parent).
    twice = LabelSet(
        tools=[
            Tool("bounding-box", "Car", classifications=[Classification("text", "Plate")]),
            Tool("bounding-box", "Bus", classifications=[Classification("text", "Plate")]),
        ]
    ).schema_ids()
    assert twice["Car/Plate"] != twice["Bus/Plate"]
    colour = Classification("radio", "Colour", options=["Red"])
    red_ids = {
        tool["classifications"][0]["options"][0]["schemaId"]
        for tool in LabelSet(
            tools=[
                Tool("point", "A", classifications=[colour]),
                Tool("point", "B", classifications=[colour]),
            ]
        ).to_dict()["tools"]
    }
    assert len(red_ids) == 2  # and so do their options
    # A colour or an ID the caller gives is kept as it is.
    given = Tool("polygon", "Road", color="#000000", schema_id="road").to_dict()
    assert (given["color"], given["schemaId"]) == ("#000000", "road")
    tree = first["classifications"][0]
    assert [o["value"] for o in tree["options"]] == ["Animal", "Animal / Cat"]
    assert tree["treeOptions"][0]["children"][0]["title"] == "Cat"


def test_label_set_and_workflow_round_trip_as_typed_objects(hub: AngoHub, project: str) -> None:
    labels = _label_set()
    hub.projects.set_label_set(project, labels)
    hub.projects.set_workflow(project, STAGES)
    got = hub.projects.get(project)
    car = got.category_schema.tools[0]
    assert isinstance(car, LabelCategory)
    assert (car.tool, car.title, car.schema_id) == (
        "bounding-box",
        "Car",
        labels.tools[0].schema_id,
    )
    nested = car.classifications[0]
    assert nested["tool"] == "radio"
    assert [r.tool for r in got.category_schema.relations] == ["one-to-one"]
    assert all(isinstance(s, ProjectStage) for s in got.stages)
    assert [(s.type_, s.next_) for s in got.stages] == [
        ("Start", ["Label"]),
        ("Label", ["Review"]),
        ("Review", ["Complete"]),
        ("Complete", []),
    ]
    assert got.category_schema.to_dict() == labels.to_dict()


@pytest.mark.parametrize(
    ("tools", "field", "allowed"),
    [
        ([{"tool": "bbox", "title": "Car"}], "body.categorySchema.tools[0].tool", "bounding-box"),
        ([{"title": "Car"}], "body.categorySchema.tools[0].tool", None),
    ],
)
def test_a_misspelt_or_missing_tool_kind_fails_before_sending(
    wire_hub: WireHub, tools: list[dict[str, Any]], field: str, allowed: str | None
) -> None:
    hub, wire = wire_hub(lambda request: ok({}))
    with hub, pytest.raises(AngoHubValidationError) as caught:
        hub.projects.set_label_set("p1", tools=tools)
    assert caught.value.field == field
    if allowed:
        assert allowed in str(caught.value)
        assert "rotated-bounding-box" in str(caught.value)
    else:
        assert "is required" in str(caught.value)
    assert wire.requests == []


def test_a_misspelt_stage_type_and_a_nested_kind_fail_before_sending(wire_hub: WireHub) -> None:
    hub, wire = wire_hub(lambda request: ok({}))
    with hub:
        with pytest.raises(AngoHubValidationError) as caught:
            hub.projects.set_workflow("p1", [{"id": "Check", "type": "Reveiw"}])
        assert caught.value.field == "body.stages[0].type"
        assert "Review" in str(caught.value)
        nested = {"tool": "bounding-box", "classifications": [{"tool": "radios"}]}
        with pytest.raises(AngoHubValidationError) as caught:
            hub.projects.set_label_set("p1", tools=[nested])
        assert caught.value.field == "body.categorySchema.tools[0].classifications[0].tool"
    assert wire.requests == []


def test_builders_go_on_the_wire_as_the_api_names_them(wire_hub: WireHub) -> None:
    project = {"_id": "p1", "name": "x"}
    hub, wire = wire_hub(lambda request: ok({"project": project}))
    with hub:
        hub.projects.set_label_set("p1", _label_set())
        hub.projects.set_workflow("p1", STAGES)
    assert wire.json(0) == {"categorySchema": _label_set().to_dict()}
    assert wire.json(1)["stages"][2] == {
        "id": "Review",
        "type": "Review",
        "name": "Review",
        "position": {"x": 400.0, "y": 0.0},
        "next": ["Complete"],
    }


def test_an_answer_built_typed_is_annotated_and_exported_typed(
    hub: AngoHub, mock: MockServer, project: str
) -> None:
    labels = _label_set()
    hub.projects.set_label_set(project, labels)
    hub.projects.set_workflow(project, STAGES)
    mock.seed(1, project_id=project)
    (task,) = hub.tasks.list(project)
    ids = labels.schema_ids()
    car = ObjectAnswer.box(
        ids["Car"], 10, 20, 30, 40, classifications=[ClassificationAnswer(ids["Car/Colour"], "Red")]
    )
    other = ObjectAnswer("bounding-box", ids["Car"], {"x": 1, "y": 1, "width": 2, "height": 2})
    answer = Answer(
        objects=[car, other],
        relations=[RelationAnswer(ids["Follows"], car.object_id, other.object_id)],
    )
    saved = hub.tasks.annotate(task.field_id, answer)
    assert saved.answer.tools[0].bounding_box.width == 30
    rows = list(hub.exports.iter_tasks(project))
    (row,) = rows
    assert isinstance(row, ExportRow)
    assert (row.task_id, row.stage) == (task.field_id, saved.stage) == (task.field_id, "Label")
    assert isinstance(row.tools[0], AnswerObject)
    box = row.tools[0].bounding_box
    assert (box.x, box.y, box.width, box.height) == (10, 20, 30, 40)
    assert row.tools[0].classifications[0].answer == "Red"
    assert (row.relations[0].from_, row.relations[0].to) == (car.object_id, other.object_id)
    (raw,) = hub.exports.iter_tasks(project, raw=True)
    assert isinstance(raw, dict)
    assert raw == row.raw
    assert mock.state.projects[project].warnings == []


def test_an_answer_of_the_wrong_shape_fails_before_sending(wire_hub: WireHub) -> None:
    hub, wire = wire_hub(lambda request: ok({}))
    with hub, pytest.raises(AngoHubValidationError) as caught:
        hub.tasks.annotate("t1", {"objects": [{"schemaId": "a", "bounding-box": [1, 2]}]})
    assert caught.value.field == "body.answer.objects[0].bounding-box"
    assert wire.requests == []


def test_options_given_as_objects_keep_their_ids() -> None:
    radio = Classification("radio", "Yes?", options=[Option("Yes", "y"), "No"]).to_dict()
    assert radio["options"][0]["schemaId"] == "y"
    assert len(radio["options"][1]["schemaId"]) == 23


def test_a_wire_request_carries_the_sdk_shaped_answer(wire_hub: WireHub) -> None:
    label = {"_id": "t1", "project": "p", "asset": "a"}
    hub, wire = wire_hub(lambda request: ok({"label": label}))
    with hub:
        hub.tasks.annotate("t1", Answer(classifications=[ClassificationAnswer("c", ["a", "b"])]))
    sent = wire.json()
    assert sent["answer"] == {
        "objects": [],
        "classifications": [{"schemaId": "c", "answer": ["a", "b"], "classifications": []}],
        "relations": [],
    }
    assert isinstance(wire.last, httpx.Request)
