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
from ango_hub.labelled_project import LabelledProject
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
from ango_hub_api.models import AnswerObject, LabelCategory, Project, ProjectStage
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
    pid = hub.projects.create("Labels").id
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
    assert [(s.type, s.next) for s in got.stages] == [
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
    saved = hub.tasks.annotate(task.id, answer)
    assert saved.answer.tools[0].bounding_box.width == 30
    rows = list(hub.exports.iter_tasks(project))
    (row,) = rows
    assert isinstance(row, ExportRow)
    assert (row.task_id, row.stage) == (task.id, saved.stage) == (task.id, "Label")
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


def test_get_reads_the_label_set_and_workflow_as_the_builders_objects(
    hub: AngoHub, project: str
) -> None:
    labels = _label_set()  # a bounding box with a nested radio, a tree, a relation
    hub.projects.set_label_set(project, labels)
    hub.projects.set_workflow(project, STAGES)  # with a Review stage
    got = hub.projects.get(project)
    assert isinstance(got, LabelledProject)
    assert isinstance(got, Project)  # every generated field still there
    assert (got.id, got.name) == (project, "Labels")
    assert got.label_set == labels
    car, sent = got.label_set.tools[0], labels.tools[0]
    assert isinstance(car, Tool)
    assert (car.kind, car.schema_id, car.color) == ("bounding-box", sent.schema_id, sent.color)
    colour = car.classifications[0]
    assert isinstance(colour, Classification)
    assert (colour.kind, colour.required, colour.parent) == ("radio", True, car.schema_id)
    assert colour.schema_id == sent.classifications[0].schema_id
    assert [o.value for o in colour.options] == ["Red", "Blue"]
    assert isinstance(got.label_set.relations[0], Relation)
    assert got.label_set.relations[0].color == labels.relations[0].color
    assert got.label_set.to_dict() == labels.to_dict()
    assert all(isinstance(stage, Stage) for stage in got.workflow)
    assert got.workflow == STAGES
    review = got.workflow[2]
    assert (review.type, review.id, review.next) == ("Review", "Review", ("Complete",))


def _full_category(kind: str, title: str, schema_id: str, **more: Any) -> dict[str, Any]:
    return {
        "tool": kind,
        "title": title,
        "required": False,
        "schemaId": schema_id,
        "color": "#123456",
        "shortcutKey": "",
        "columnField": False,
        **more,
    }


def test_from_dict_then_to_dict_keeps_every_field_that_came() -> None:
    nested = _full_category(
        "checkbox",
        "Damage",
        "n1",
        options=[{"value": "Dent", "schemaId": "o1", "hint": "small"}],
        treeOptions=[],
        classifications=[],
        regex=None,
        parentOptionId="o0",
        frameSpecific=True,
    )
    tree = _full_category(
        "tree-dropdown",
        "Kind",
        "c1",
        color=None,
        options=[{"value": "Custom", "schemaId": "x9"}],
        treeOptions=[
            {"title": "Animal", "value": "animal", "key": "k1", "schemaId": "t1", "children": []}
        ],
        classifications=[],
        regex="^[a-z]+$",
        richText=False,
    )
    schema = {
        "tools": [
            _full_category(
                "polygon",
                "Road",
                "r1",
                required=True,
                shortcutKey="R",
                columnField=True,
                classifications=[nested],
                options=[],
                exportName="road",
            )
        ],
        "classifications": [tree],
        "relations": [
            _full_category(
                "group", "Together", "g1", classifications=[nested], options=[], note="x"
            )
        ],
        "version": 3,
    }
    labels = LabelSet.from_dict(schema)
    assert labels.to_dict() == schema
    road = labels.tools[0]
    assert (road.required, road.shortcut_key, road.extra) == (
        True,
        "R",
        {"columnField": True, "exportName": "road"},
    )
    damage = road.classifications[0]
    assert (damage.parent, damage.extra) == ("r1", {"parentOptionId": "o0", "frameSpecific": True})
    assert damage.options[0] == Option("Dent", "o1", {"hint": "small"})
    kind = labels.classifications[0]
    assert (kind.color, kind.regex, kind.tree[0].extra) == (
        None,
        "^[a-z]+$",
        {"value": "animal", "key": "k1"},
    )
    assert labels.extra == {"version": 3}
    stage = {
        "id": "s1",
        "type": "Label",
        "name": "Annotate",
        "position": {"x": 10, "y": 20},
        "next": ["s2"],
        "assignedTo": [],
        "autoForward": False,
        "consensusId": None,
    }
    read = Stage.from_dict(stage)
    assert read.to_dict() == stage
    assert (read.name, read.position, read.next) == ("Annotate", (10, 20), ("s2",))
    assert read.extra == {"assignedTo": [], "autoForward": False, "consensusId": None}
    with_people = {**stage, "assignedTo": ["a@example.com"]}
    assert Stage.from_dict(with_people).assigned_to == ("a@example.com",)
    assert Stage.from_dict(with_people).to_dict() == with_people


def test_a_kind_the_client_does_not_know_reads_as_its_text(wire_hub: WireHub) -> None:
    schema = {
        "tools": [
            {"tool": "cuboid", "title": "Box", "schemaId": "b1", "classifications": []},
            "not a category",  # set aside, not an error
        ],
        "classifications": [{"tool": "slider", "title": "Speed", "schemaId": "s1"}],
        "relations": [{"tool": "many-to-many", "title": "Links", "schemaId": "l1"}],
    }
    stages = [{"id": "Go", "type": "Teleport", "next": []}]
    project = {"_id": "p1", "name": "Future", "categorySchema": schema, "stages": stages}
    hub, wire = wire_hub(lambda request: ok({"project": project}))
    with hub:
        got = hub.projects.get("p1")
    assert isinstance(got, LabelledProject)
    assert [t.kind for t in got.label_set.tools] == ["cuboid"]
    assert got.label_set.classifications[0].kind == "slider"
    assert got.label_set.relations[0].kind == "many-to-many"
    assert got.label_set.tools[0].to_dict()["tool"] == "cuboid"
    assert [(s.type, s.id) for s in got.workflow] == [("Teleport", "Go")]
    assert wire.requests[0].url.path == "/v2/project/p1"


def test_labelled_project_from_dict_is_the_generated_read_plus_the_typed_one() -> None:
    answer = {
        "_id": "p1",
        "name": "n",
        "assetCount": 3,
        "stages": [{"id": "Start", "type": "Start"}],
    }
    got = LabelledProject.from_dict(answer)
    assert isinstance(got, LabelledProject)
    assert (got.id, got.asset_count, got.stages[0].type) == ("p1", 3, "Start")
    assert got.workflow == [Stage("Start")]
    assert got.label_set == LabelSet()
