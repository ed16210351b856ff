"""Build one of every tool, classification and relation kind with the official SDK's builders
(.venv-sdk python), send them with its create_label_set, annotate a task with its Answer, and
print the builders' toDict() and the SDK's answers as JSON for the test to send through
ango_hub.

Usage: sdk_label_set_script.py ROOT_URL API_KEY PROJECT_ID TASK_ID.
"""

import copy
import json
import sys

from imerit_ango.models.annotate import AnnotationPayload, Answer
from imerit_ango.models.label_category import (
    Classification,
    ClassificationCategory,
    LabelOption,
    Relation,
    RelationCategory,
    Tool,
    ToolCategory,
    TreeOption,
)
from imerit_ango.sdk import SDK

root, key, project, task = sys.argv[1:5]
sdk = SDK(key, host=root)
nested = ClassificationCategory(
    Classification.Radio, title="Colour", options=[LabelOption("Red"), LabelOption("Blue")]
)
tools = [ToolCategory(kind, title=kind.name) for kind in Tool]
tools[0] = ToolCategory(Tool.BoundingBox, title="Car", classifications=[nested])
classifications = []
for kind in Classification:
    if kind is Classification.Tree_dropdown:
        tree = [TreeOption("Animal", children=[TreeOption("Cat"), TreeOption("Dog")])]
        classifications.append(ClassificationCategory(kind, title=kind.name, treeOptions=tree))
    else:
        options = [LabelOption("Yes"), LabelOption("No")]
        classifications.append(ClassificationCategory(kind, title=kind.name, options=options))
relations = [RelationCategory(kind, title=kind.name) for kind in Relation]
# The SDK's create_label_set calls toDict(), which turns each object's own __dict__ into the
# dict it returns (a second toDict() then fails): send first, then read what was sent.
sent = sdk.create_label_set(project, tools, classifications, relations)
dicts = {
    "tools": [copy.deepcopy(t.__dict__) for t in tools],
    "classifications": [copy.deepcopy(c.__dict__) for c in classifications],
    "relations": [copy.deepcopy(r.__dict__) for r in relations],
}
box = dicts["tools"][0]
answer = Answer(
    objects=[
        {
            "schemaId": box["schemaId"],
            "objectId": "o1",
            "bounding-box": {"x": 1, "y": 2, "width": 30, "height": 40},
            "classifications": [
                {"schemaId": box["classifications"][0]["schemaId"], "answer": "Red"}
            ],
        },
        {
            "schemaId": box["schemaId"],
            "objectId": "o2",
            "bounding-box": {"x": 5, "y": 6, "width": 7, "height": 8},
        },
    ],
    classifications=[{"schemaId": dicts["classifications"][4]["schemaId"], "answer": ["Yes"]}],
    relations=[
        {
            "schemaId": dicts["relations"][0]["schemaId"],
            "from": "o1",
            "to": "o2",
            "direction": "straight",
        }
    ],
)
annotated = sdk.annotate_task(task, AnnotationPayload(answer=answer), overwrite=True)
print(
    json.dumps(
        {"label_set": dicts, "sent": sent, "answer": answer.toDict(), "annotated": annotated}
    )
)
