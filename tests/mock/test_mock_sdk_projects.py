"""The official SDK's project and batch calls against a live mock, in a subprocess.

Every request the SDK sends is validated against openapi.yaml by the mock (an invalid one is
answered 400 and the SDK raises), so a clean run proves the spec accepts what it sends.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from ango_hub.mock.server import MockServer

from tests.support.sdk import run_sdk_script

# Heavy (a subprocess, a browser, a build or a fuzzer): not in `make test-fast`.
pytestmark = pytest.mark.slow

SCRIPT = Path(__file__).with_name("sdk_projects_script.py")


def test_official_sdk_project_calls(mock: MockServer) -> None:
    mock.ctx.requests.clear()
    result = run_sdk_script(SCRIPT, mock.root_url, mock.api_key)
    out = result.out
    pid = out["create_project"]["data"]["project"]["_id"]
    assert pid in [p["_id"] for p in out["list_projects"]["data"]["projects"]]
    assert out["create_label_set_empty"]["data"]["project"]["categorySchema"] == {
        "tools": [],
        "classifications": [],
        "relations": [],
    }
    assert [b["name"] for b in out["get_batches"]] == ["one", "two", "three"]
    project = out["get_project"]["data"]["project"]
    assert (project["benchmarkEnabled"], project["benchmarkRatio"]) == (True, 20)
    assert [s["id"] for s in project["stages"]] == ["Start", "Label", "Complete"]
    cloned = out["clone_project"]["data"]["project"]
    assert (cloned["name"], cloned["batches"]) == ("SDK project copy", [])
    assert pid not in [p["_id"] for p in out["list_after"]["data"]["projects"]]
    counts = mock.requests.counts
    for operation in (
        "createProject",
        "listProjects",
        "updateProject",
        "createBatches",
        "getProject",
        "cloneProject",
        "purgeProject",
        "deleteProject",
    ):
        assert counts[operation] >= 1, operation
    assert not [e for e in mock.requests.entries if e["status"] >= 400]
