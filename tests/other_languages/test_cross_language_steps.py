"""The steps files of the cross-language check (tools/other_languages/steps/*.json) and their
Python runner: every file fits the spec's operation index (checked offline, in milliseconds,
so a typo fails here before `make test-other-languages` builds five clients), and the runner
sends what a step says, saves, compares and reports a failure in one line naming the file,
the step's index, the operation and the client."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from ango_hub import AngoHub
from ango_hub._index import operations
from ango_hub.mock.server import MockServer

from tools.other_languages import steps


def _file(*step_list: dict[str, Any], name: str = "99-test.json") -> steps.StepsFile:
    return steps.StepsFile(name, list(step_list))


def test_every_steps_file_fits_the_operation_index() -> None:
    files = steps.load()
    assert files, "no steps files found"
    assert [f.name for f in files] == sorted(f.name for f in files)
    assert steps.problems(files, operations()) == []


def test_the_assets_file_covers_every_call_shape() -> None:
    """00-assets.json is the runner's proof: path + JSON body, query only, path + query,
    multipart with a file, DELETE with a body, and save/expect chaining."""
    (assets,) = [f for f in steps.load() if f.name == "00-assets.json"]
    index = operations()
    shapes = set()
    for step in assets.steps:
        op = index[step["op"]]
        given = ("path", "query", "body", "form", "files")
        shapes.add((op.method, tuple(sorted(k for k in given if k in step))))
    assert ("POST", ("body", "path")) in shapes
    assert ("GET", ("query",)) in shapes
    assert ("GET", ("path", "query")) in shapes
    assert ("POST", ("files", "form", "path")) in shapes
    assert ("DELETE", ("body", "path")) in shapes
    assert any("save" in s for s in assets.steps)
    assert any("expect" in s for s in assets.steps)


@pytest.mark.parametrize(
    ("step", "problem"),
    [
        ({"op": "listAsset"}, "unknown operationId 'listAsset'"),
        ({"op": "listProjects", "query": {"limits": 5}}, "parameter 'limits' is not declared"),
        (
            {"op": "listAssets", "query": {"projectId": "p"}},
            "query parameter 'projectId' is not declared by listAssets (declared: ['batches',",
        ),
        ({"op": "listAssets"}, "required path parameter 'projectId' is missing"),
        ({"op": "listProjects", "body": {"a": 1}}, "listProjects takes no JSON body"),
        (
            {"op": "deleteAssets", "path": {"projectId": "p"}},
            "deleteAssets requires a body (application/json)",
        ),
        (
            {"op": "updateAsset", "path": {"assetId": "a"}, "form": {"x": "1"}},
            "updateAsset takes no multipart body",
        ),
        (
            {"op": "uploadChatAssets", "path": {"projectId": "p"}, "form": {"colour": "red"}},
            "form field 'colour' is not in the multipart schema",
        ),
        (
            {"op": "uploadChatAssets", "path": {"projectId": "p"}, "files": {"file": "x.json"}},
            "files.file must be an object with keys ['filename', 'text', 'type']",
        ),
        ({"op": "listProjects", "expected": {}}, "unknown key(s) ['expected']"),
    ],
)
def test_problems_name_step_and_what_the_spec_allows(step: dict[str, Any], problem: str) -> None:
    found = steps.problems([_file({"op": "listProjects"}, step)], operations())
    assert len(found) == 1
    assert found[0].startswith(f"99-test.json[1] ({step['op']}): ")
    assert problem in found[0]


def test_load_reads_files_in_name_order_and_refuses_a_non_list(tmp_path: Path) -> None:
    (tmp_path / "10-b.json").write_text('[{"op": "listProjects"}]')
    (tmp_path / "02-a.json").write_text('[{"op": "listAssets"}, {"op": "getSignedUrl"}]')
    loaded = [(f.name, len(f.steps)) for f in steps.load(tmp_path)]
    assert loaded == [("02-a.json", 2), ("10-b.json", 1)]
    (tmp_path / "03-bad.json").write_text('{"op": "listProjects"}')
    with pytest.raises(ValueError, match=r"03-bad\.json: must be a JSON list"):
        steps.load(tmp_path)


def test_substitute_keeps_a_saved_value_whole_and_leaves_json_text_alone() -> None:
    names = {"asset": "a1", "ids": ["a1", "a2"], "n": 3}
    assert steps.substitute({"assets": ["{asset}"], "all": "{ids}"}, names) == {
        "assets": ["a1"],
        "all": ["a1", "a2"],
    }
    assert steps.substitute("x-{asset}-{n}", names) == "x-a1-3"
    assert steps.substitute('{"externalId": "{asset}"}', names) == '{"externalId": "a1"}'
    with pytest.raises(steps.StepFailed, match=r"placeholder \{nope\} \(known: asset, ids, n\)"):
        steps.substitute("{nope}", names)


@pytest.fixture
def hub(ango_hub_mock: MockServer) -> Iterator[AngoHub]:
    mock = ango_hub_mock
    with AngoHub(api_key=mock.api_key, base_url=mock.base_url, max_retries=0) as client:
        yield client


def test_the_assets_steps_play_through_hub_call(hub: AngoHub, ango_hub_mock: MockServer) -> None:
    """Each step reaches the mock (its request log counts every operation of the file); the
    steps' own expects check the answers (the chat file's one conversation became one asset,
    the updated metadata came back, the deleted asset is gone)."""
    (assets,) = [f for f in steps.load() if f.name == "00-assets.json"]
    mock = ango_hub_mock
    steps.play_file(hub, assets, generator="python", project=mock.project_id)
    log = httpx.get(f"{mock.root_url}/_mock/requests", headers={"apikey": mock.api_key}).json()
    counts = log["data"]["counts"]
    assert {step["op"] for step in assets.steps} <= {op for op, n in counts.items() if n >= 1}


def test_failed_expect_names_file_step_op_client(hub: AngoHub, ango_hub_mock: MockServer) -> None:
    failing = _file(
        {"op": "listProjects", "query": {"limit": 5}, "save": {"first": "data.projects.0._id"}},
        {"op": "listAssets", "path": {"projectId": "{first}"}, "expect": {"data.total": 42}},
    )
    with pytest.raises(steps.StepFailed) as failed:
        steps.play_file(hub, failing, generator="python", project=ango_hub_mock.project_id)
    message = str(failed.value)
    where = "python: steps 99-test.json[1] (listAssets)"
    assert message == f"{where}: expected data.total = 42, got 0"


def test_error_answer_has_status_and_body(hub: AngoHub, ango_hub_mock: MockServer) -> None:
    failing = _file({"op": "listAssets", "path": {"projectId": "no-such-project-{run}"}})
    with pytest.raises(steps.StepFailed) as failed:
        steps.play_file(hub, failing, generator="python", project=ango_hub_mock.project_id)
    message = str(failed.value)
    assert message.startswith("python: steps 99-test.json[0] (listAssets): HTTP 404 {")
    assert "\n" not in message


def test_a_missing_saved_path_is_reported(hub: AngoHub, ango_hub_mock: MockServer) -> None:
    failing = _file({"op": "listProjects", "save": {"x": "data.nothing.here"}})
    wanted = r"^python: steps 99-test\.json\[0\] \(listProjects\): save x: no data\.nothing\.here"
    with pytest.raises(steps.StepFailed, match=wanted):
        steps.play_file(hub, failing, generator="python", project=ango_hub_mock.project_id)
