"""The live check's fidelity probe: fields the server sends that the spec lacks, and required
fields it leaves out, each reported with a ready-to-paste `x-source: observed` entry."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from ango_hub._spec import load_spec
from ango_hub.live_check.fidelity import observed
from ango_hub.mock.server import MockServer
from live_check_helpers import check, differences, edited_spec

SPEC = load_spec()


def _history(entry: dict[str, object], **data: object) -> bytes:
    return json.dumps({"status": "success", "data": {"taskHistory": [entry], **data}}).encode()


def test_an_unknown_field_is_reported_with_a_property_to_paste() -> None:
    body = _history({"_id": "h1", "labelTaskId": "t1", "reviewerNote": "ok"})
    (found,) = observed(SPEC, "getTaskHistory", 200, body)
    assert found.kind == "unknown field"
    assert found.where == "body.data.taskHistory[].reviewerNote"
    assert found.schema == "components/schemas/TaskHistoryEntry"
    pasted = yaml.safe_load(found.paste)
    assert pasted == {"properties": {"reviewerNote": {"type": "string", "x-source": "observed"}}}


def test_a_required_field_left_out_is_reported_with_the_required_list_to_paste() -> None:
    body = json.dumps({"status": "success", "data": {"tasks": []}}).encode()
    (found,) = observed(SPEC, "listTasks", 200, body)
    assert (found.kind, found.where, found.schema) == (
        "required field omitted",
        "body.data.total",
        "components/schemas/TaskPage",
    )
    assert yaml.safe_load(found.paste) == {"required": ["tasks"], "x-source": "observed"}


def test_free_form_objects_maps_errors_and_known_fields_give_no_finding() -> None:
    answer = {"tools": [{"anything": 1}], "classifications": [], "relations": [], "extra": 2}
    body = _history({"_id": "h1", "answer": answer, "isSkipped": False}, total=1)
    assert observed(SPEC, "getTaskHistory", 200, body) == []
    assert observed(SPEC, "getTaskHistory", 404, b'{"status": "fail"}') == []
    assert observed(SPEC, "getTaskHistory", 200, b"<html>") == []


def test_a_live_run_reports_a_field_the_spec_lacks(
    ango_hub_mock: MockServer, tmp_path: Path
) -> None:
    def forget_external_id(spec: dict) -> None:  # the spec loses a field the server sends
        del spec["components"]["schemas"]["Asset"]["properties"]["externalId"]

    report = check(ango_hub_mock, spec=edited_spec(tmp_path, forget_external_id))

    found = [d for d in differences(report) if d[1] == "fidelity"]
    assert found
    assert {op for op, _, _ in found} >= {"listAssets"}
    assert all(".externalId (in components/schemas/Asset)" in d for _, _, d in found)
    assert all("x-source: observed" in detail for _, _, detail in found)
    assert not report.ok
