"""Exports: zip read back in every format, built from live state, filters honoured."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from ango_hub.mock.ids import iso
from ango_hub.mock.server import MockServer
from mock_helpers import export_tasks, export_zip, import_assets, list_assets

ALL_STAGES = '["Start", "Complete"]'


@pytest.fixture
def labeled_project(api: httpx.Client, mock: MockServer) -> dict[str, str]:
    """Three assets: `done` (labelled Completed, batch B1, attachment), `pre` (pre-labelled, no
    status, batch B2), `raw` (untouched). Returns externalId -> assetId."""
    import_assets(
        api,
        mock.project_id,
        {"data": "https://b/d.jpg", "externalId": "done", "metadata": {"m": 1}},
        batches="B1",
    )
    import_assets(
        api, mock.project_id, {"data": "https://b/p.jpg", "externalId": "pre"}, batches="B2"
    )
    import_assets(api, mock.project_id, {"data": "https://b/r.jpg", "externalId": "raw"})
    answer = {
        "objects": [{"schemaId": "box", "bounding-box": {"x": 1, "y": 2, "width": 3, "height": 4}}],
        "classifications": [],
        "relations": [],
    }
    labels = api.post(
        "/import/labels",
        json={
            "project": mock.project_id,
            "jsonContent": [
                {"externalId": "done", "answer": answer, "status": "Completed"},
                {"externalId": "pre", "answer": {"classifications": [{"schemaId": "c"}]}},
                {"externalId": "nobody", "answer": {}},
            ],
        },
    )
    assert labels.json()["data"]["project"] == "2 / 3 tasks are labeled."
    attachments = api.post(
        "/attachments",
        json={
            "project": mock.project_id,
            "attachments": [
                {"externalId": "done", "attachmentUrl": "https://x/a.pdf", "attachmentType": "pdf"},
                {
                    "externalId": "done",
                    "attachmentUrl": "https://x/b.doc",
                    "attachmentType": "document",
                },
                {"assetId": "ffffffffffffffffffffffff", "attachmentUrl": "https://x/c.pdf"},
            ],
        },
    )
    assert attachments.json()["data"]["project"] == {"attachmentsImported": 2, "assetsUpdated": 1}
    return {a["externalId"]: a["_id"] for a in list_assets(api, mock.project_id)["assets"]}


def test_json_export_shape_labels_and_attachments(
    api: httpx.Client, mock: MockServer, labeled_project: dict[str, str]
) -> None:
    archive = export_zip(api, mock.project_id, stage='["Complete"]')
    assert archive.namelist() == [f"{mock.project_id}.json"]
    (task,) = json.loads(archive.read(archive.namelist()[0]))
    done = mock.project.assets[labeled_project["done"]]
    assert task["taskId"] == done.task_id
    assert task["assetId"] == labeled_project["done"]
    assert task["externalId"] == "done"
    assert task["asset"] == "https://b/d.jpg"
    assert task["batches"] == ["B1"]
    assert (task["stage"], task["status"]) == ("Complete", "Completed")
    assert task["task"]["tools"][0]["bounding-box"] == {"x": 1, "y": 2, "width": 3, "height": 4}
    assert task["attachments"] == [
        {"type": "pdf", "value": "https://x/a.pdf"},
        {"type": "document", "value": "https://x/b.doc"},
    ]
    assert task["metadata"] == {"m": 1}
    assert task["updatedAt"] >= task["createdAt"]


def test_ndjson_and_split_formats(
    api: httpx.Client, mock: MockServer, labeled_project: dict[str, str]
) -> None:
    archive = export_zip(api, mock.project_id, format="ndjson", stage=ALL_STAGES)
    assert archive.namelist() == [f"{mock.project_id}.ndjson"]
    lines = archive.read(archive.namelist()[0]).decode().splitlines()
    assert sorted(json.loads(line)["externalId"] for line in lines) == ["done", "pre", "raw"]
    split = export_zip(api, mock.project_id, format="split", stage=ALL_STAGES)
    tasks = {name: json.loads(split.read(name)) for name in split.namelist()}
    assert len(tasks) == 3
    for name, task in tasks.items():
        assert name == f"tasks/{task['taskId']}.json"


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"stage": ALL_STAGES}, ["done", "pre", "raw"]),
        ({}, ["done", "pre", "raw"]),  # no stage: every stage (the SDK sends ["Complete"])
        ({"stage": '["Complete"]'}, ["done"]),
        ({"stage": "Start"}, ["pre", "raw"]),
        ({"status": "Completed", "stage": ALL_STAGES}, ["done"]),
        ({"status": "todo", "stage": ALL_STAGES}, ["pre", "raw"]),
        ({"batches": '["B1"]', "stage": ALL_STAGES}, ["done"]),
        ({"batches": "B1,B2", "stage": ALL_STAGES}, ["done", "pre"]),
        ({"batches": "unknown", "stage": ALL_STAGES}, []),
        ({"taskTypes": '["default"]', "stage": ALL_STAGES}, ["done", "pre", "raw"]),
        ({"taskTypes": '["benchmark"]', "stage": ALL_STAGES}, []),
        ({"type": "issue", "stage": ALL_STAGES}, []),
    ],
)
def test_filters(
    api: httpx.Client,
    mock: MockServer,
    labeled_project: dict[str, str],
    params: dict[str, str],
    expected: list[str],
) -> None:
    assert sorted(t["externalId"] for t in export_tasks(api, mock.project_id, **params)) == expected


def test_batch_filter_accepts_ids(
    api: httpx.Client, mock: MockServer, labeled_project: dict[str, str]
) -> None:
    b2 = mock.project.batch_by_ref("B2")
    assert b2 is not None
    tasks = export_tasks(api, mock.project_id, batches=json.dumps([b2.id]), stage=ALL_STAGES)
    assert [t["externalId"] for t in tasks] == ["pre"]


def test_date_filters(api: httpx.Client, mock: MockServer, labeled_project: dict[str, str]) -> None:
    now = datetime.now(UTC)
    hour = timedelta(hours=1)
    past, future = iso(now - hour), iso(now + hour)
    cases = {
        json.dumps({"$gt": past}): 3,
        json.dumps({"$gt": future}): 0,
        json.dumps({"$lt": past}): 0,
        json.dumps({"$gt": past, "$lt": future}): 3,
    }
    for created, count in cases.items():
        assert (
            len(export_tasks(api, mock.project_id, createdAt=created, stage=ALL_STAGES)) == count
        ), created
        assert (
            len(export_tasks(api, mock.project_id, updatedAt=created, stage=ALL_STAGES)) == count
        ), created
    # The spec types these as plain strings: a range the mock cannot read selects nothing.
    for unreadable in ('{"$gt": "yesterday"}', '{"$after": "2020-01-01"}', "last week", "[1]"):
        for name in ("createdAt", "updatedAt"):
            found = export_tasks(api, mock.project_id, stage=ALL_STAGES, **{name: unreadable})
            assert found == [], (name, unreadable)
    # Likewise text that is no JSON array, in the JSON-array parameters: read as a comma list.
    assert export_tasks(api, mock.project_id, stage=ALL_STAGES, taskTypes="default") != []
    assert export_tasks(api, mock.project_id, stage=ALL_STAGES, taskTypes="(junk") == []


def test_include_switches(
    api: httpx.Client, mock: MockServer, labeled_project: dict[str, str]
) -> None:
    (full,) = export_tasks(api, mock.project_id, includeHistory="true", stage="Complete")
    assert {"asset", "metadata", "history"} <= set(full)
    (bare,) = export_tasks(
        api, mock.project_id, includeAssets="false", includeMetadata="false", stage="Complete"
    )
    assert not {"asset", "metadata", "history"} & set(bare)


def test_exports_reflect_deletes_and_v3_is_the_same(
    api: httpx.Client, mock: MockServer, labeled_project: dict[str, str]
) -> None:
    api.request(
        "DELETE", f"/project/{mock.project_id}/assets", json={"assets": [labeled_project["raw"]]}
    )
    v2 = export_tasks(api, mock.project_id, stage=ALL_STAGES)
    response = api.get("/exportV3", params={"project": mock.project_id, "stage": ALL_STAGES})
    v3 = json.loads(next(iter(_unzip(response.json()["data"]["exportPath"]).values())))
    assert (
        sorted(t["externalId"] for t in v2)
        == sorted(t["externalId"] for t in v3)
        == ["done", "pre"]
    )


def _unzip(url: str) -> dict[str, bytes]:
    import io
    import zipfile

    archive = zipfile.ZipFile(io.BytesIO(httpx.get(url).content))
    return {n: archive.read(n) for n in archive.namelist()}


def test_seeded_export_counts_and_labels(
    api: httpx.Client, mock: MockServer, admin: httpx.Client
) -> None:
    admin.post(
        f"/projects/{mock.project_id}/seed", json={"count": 2000, "labeled": True}
    ).raise_for_status()
    admin.post(
        f"/projects/{mock.project_id}/seed", json={"count": 500, "labeled": False}
    ).raise_for_status()
    archive = export_zip(api, mock.project_id, format="ndjson", stage="Complete")
    lines = archive.read(archive.namelist()[0]).splitlines()
    assert len(lines) == 2000  # only the labelled ones are Complete
    task = json.loads(lines[0])
    assert task["task"]["classifications"][0]["schemaId"] == "seed-class"
    assert len(export_tasks(api, mock.project_id)) == 2500


def test_export_of_another_organisations_project_is_404(
    api: httpx.Client, mock: MockServer, admin: httpx.Client
) -> None:
    admin.post("/projects", json={"apiKey": "other", "id": "c" * 24}).raise_for_status()
    assert api.get("/export", params={"project": "c" * 24}).status_code == 404
