"""The official SDK's label set and answer builders, one of every tool, classification and
relation kind: the SDK sends them to the mock itself (every request is validated against
openapi.yaml), and their ``toDict()`` goes unchanged through ``set_label_set`` and
``tasks.annotate`` on both of our clients."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any, get_args

import pytest
from ango_hub import AngoHub, AsyncAngoHub
from ango_hub.mock.server import MockServer
from ango_hub_api.models.classification_kind import ClassificationKind
from ango_hub_api.models.relation_kind import RelationKind
from ango_hub_api.models.tool_kind import ToolKind

REPO = Path(__file__).resolve().parents[2]
SDK_PYTHON = REPO / ".venv-sdk" / "bin" / "python"
SCRIPT = Path(__file__).with_name("sdk_label_set_script.py")


def _sdk_run(mock: MockServer, project: str, task: str) -> dict[str, Any]:
    assert SDK_PYTHON.exists(), "run `make install`: .venv-sdk holds the official SDK"
    result = subprocess.run(
        [str(SDK_PYTHON), str(SCRIPT), mock.root_url, mock.api_key, project, task],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-5000:]
    out: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return out


def _setup(mock: MockServer, hub: AngoHub) -> tuple[str, str]:
    project = hub.projects.create("SDK label set").id
    mock.seed(1, project_id=project)
    (task,) = hub.tasks.list(project)
    return project, task.id


@pytest.mark.parametrize("kind", ["sync", "async"])
async def test_every_sdk_kind_goes_through_set_label_set_and_annotate(
    mock: MockServer, kind: str
) -> None:
    with AngoHub(api_key=mock.api_key, base_url=mock.base_url) as hub:
        project, task = _setup(mock, hub)
    mock.ctx.requests.clear()
    out = _sdk_run(mock, project, task)
    assert not [e for e in mock.requests.entries if e["status"] >= 400]
    labels = out["label_set"]
    # One of every kind, as the spec's enums list them.
    assert sorted(t["tool"] for t in labels["tools"]) == sorted(get_args(ToolKind))
    assert sorted(c["tool"] for c in labels["classifications"]) == sorted(
        get_args(ClassificationKind)
    )
    assert sorted(r["tool"] for r in labels["relations"]) == sorted(get_args(RelationKind))
    assert out["sent"]["data"]["project"]["categorySchema"] == labels
    sdk_answer = out["answer"]

    mock.state.projects[project].category_schema = None
    sections = {k: labels[k] for k in ("tools", "classifications", "relations")}
    if kind == "sync":
        with AngoHub(api_key=mock.api_key, base_url=mock.base_url) as hub:
            hub.projects.set_label_set(project, **sections)
            got = hub.projects.get(project)
            saved = hub.tasks.annotate(task, sdk_answer)
    else:
        async with AsyncAngoHub(api_key=mock.api_key, base_url=mock.base_url) as ahub:
            await ahub.projects.set_label_set(project, **sections)
            got = await ahub.projects.get(project)
            saved = await ahub.tasks.annotate(task, sdk_answer)
    assert got.category_schema.to_dict() == labels  # accepted and stored unchanged
    assert sorted(t.tool for t in got.category_schema.tools) == sorted(get_args(ToolKind))
    assert saved.answer.to_dict()["tools"] == sdk_answer["objects"]
    assert saved.answer.to_dict()["relations"] == sdk_answer["relations"]
    assert mock.state.projects[project].warnings == []  # every schemaId is in the label set
