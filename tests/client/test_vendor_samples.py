"""The vendor's own request and response samples (tests/fixtures/vendor/, each with the page it
comes from): every response sample conforms to the spec and parses through the typed method on
both clients; every request sample passes the client's input check and goes out as given."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from ango_hub import AngoHub
from ango_hub._index import operation
from client_helpers import WireHub

from tests.spec.spec_wire import WireResponse, response_errors, wire_request

ROOT = Path(__file__).resolve().parents[2]

FIXTURES = ROOT / "tests" / "fixtures" / "vendor"
SAMPLES = {path.stem: json.loads(path.read_text()) for path in sorted(FIXTURES.glob("*.json"))}
RESPONSES = sorted(name for name, s in SAMPLES.items() if s["kind"] == "response")
REQUESTS = sorted(name for name, s in SAMPLES.items() if s["kind"] == "request")
ID = "507f1f77bcf86cd799439011"

# Each response sample's operation, read through the client's typed method, and what the method
# must hand back from the sample.
READ: dict[str, tuple[Callable[[AngoHub], Any], Callable[[Any], Any]]] = {
    "listProjects": (lambda h: h.projects.list_page(), lambda page: page.projects[0].name),
    "createProject": (lambda h: h.projects.create("x"), lambda project: project.name),
    "listTasks": (lambda h: h.tasks.list_page(ID), lambda page: (page.total, page.tasks[0].stage)),
    "requeueTasks": (lambda h: h.tasks.requeue(ID, "Label"), lambda moved: moved),
    "getTaskHistoryEntry": (
        lambda h: h.tasks.history_entry(ID),
        lambda entry: (
            entry.label_task_id,
            entry.is_skipped,
            len(entry.answer.additional_properties["tools"]),
        ),
    ),
    "listIssues": (lambda h: h.issues.list_page(), lambda issues: issues[0].status),
    "listStorages": (lambda h: h.storages.list_page(), lambda storages: storages[0].bucket),
    "createStorage": (lambda h: h.storages.create("x", type="aws"), lambda storage: storage.bucket),
}
EXPECTED = {
    "listProjects-response": "My Annotation Project",
    "listProjects-response-deprecated-page": "Project Name",
    "createProject-response": "Vehicle Detection Project",
    "createProject-response-placeholders": "text",
    "listTasks-response": (1, "text"),
    "requeueTasks-response": 1,
    "getTaskHistoryEntry-response": ("6453677fc47af30015be5a58", False, 1),
    "listIssues-response": "Open",
    "listStorages-response": "text",
    "createStorage-response": "text",
}


def test_every_sample_names_its_source_and_a_known_operation() -> None:
    assert len(SAMPLES) >= 20
    for name, sample in SAMPLES.items():
        assert sample["source"].startswith("https://"), name
        assert operation(sample["operation"]).operation_id == sample["operation"]
        assert name.startswith(sample["operation"] + "-"), name
    assert set(EXPECTED) == set(RESPONSES)


@pytest.mark.parametrize("name", RESPONSES)
def test_response_sample_conforms_to_the_spec(name: str) -> None:
    sample = SAMPLES[name]
    op = operation(sample["operation"])
    path = op.path
    for parameter in op.parameters:
        path = path.replace("{" + parameter.name + "}", ID)
    request = wire_request(op.method, "https://imeritapi.ango.ai/v2" + path)
    response = WireResponse(sample["status"], json.dumps(sample["body"]).encode())
    assert response_errors(request, response) == []


@pytest.mark.parametrize("name", RESPONSES)
def test_response_sample_parses_through_the_typed_method(wire_hub: WireHub, name: str) -> None:
    sample = SAMPLES[name]
    call, pick = READ[sample["operation"]]
    workflow_read = f"/v2/project/{ID}"

    def answer(request: httpx.Request) -> httpx.Response:
        # A method that takes a stage by name reads the project's workflow first.
        if sample["operation"] != "getProject" and request.url.path == workflow_read:
            project = {"_id": ID, "stages": [{"id": "Label", "name": "Label"}]}
            return httpx.Response(200, json={"status": "success", "data": {"project": project}})
        return httpx.Response(sample["status"], json=sample["body"])

    hub, wire = wire_hub(answer)
    with hub:
        assert pick(call(hub)) == EXPECTED[name]
    assert len([r for r in wire.requests if r.url.path != workflow_read]) == 1


@pytest.mark.parametrize("name", REQUESTS)
def test_request_sample_passes_the_input_check(wire_hub: WireHub, name: str) -> None:
    sample = SAMPLES[name]
    hub, wire = wire_hub(
        lambda request: httpx.Response(200, json={"status": "success", "data": {}})
    )
    with hub:
        hub.call(sample["operation"], sample.get("params"), body=sample.get("body"))
    (sent,) = wire.requests
    if "body" in sample:
        assert json.loads(sent.content) == sample["body"]
    for key, value in (sample.get("params") or {}).items():
        if operation(sample["operation"]).parameter(key).location == "query":
            shown = (
                value
                if isinstance(value, str)
                else json.dumps(value)
                if isinstance(value, dict)
                else str(value)
            )
            assert sent.url.params[key] == shown, key
