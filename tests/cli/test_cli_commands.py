"""Every command against the mock: exit codes, --json output, and the state the API ends in."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
from ango_hub.mock.server import MockServer
from cli_helpers import RunCli

from demo.sample_images import png_bytes, write_sample_images


def stored_bytes(mock: MockServer, data_url: str) -> bytes:
    """What the mock's storage holds at an asset's ``data`` URL (signed GET, as a user would)."""
    signed = httpx.get(
        f"{mock.base_url}/getSignedUrl",
        params={"url": data_url},
        headers={"apikey": mock.api_key},
    )
    signed.raise_for_status()
    return httpx.get(signed.json()["data"]["signedUrl"]).content


def live_assets(mock: MockServer) -> dict[str, dict]:
    """The default project's live assets, by external ID, as the API lists them."""
    return {
        a.external_id: a.to_api(batch_ids=False)
        | {"batchNames": mock.project.batch_names(a.batches)}
        for a in mock.project.iter_assets()
        if not a.deleted
    }


def import_assets(cli: RunCli, mock: MockServer, count: int) -> list[str]:
    """Create ``count`` assets (external IDs a0, a1, ...) through import-cloud; their IDs."""
    assets = [
        {"data": f"https://example.com/a{i}.png", "externalId": f"a{i}"} for i in range(count)
    ]
    result = cli("--json", "import-cloud", mock.project_id, "-", input=json.dumps(assets))
    assert result.code == 0, result
    return [a.id for a in mock.project.iter_assets()]


# ---------------------------------------------------------------- upload / import-cloud


def test_upload_folder_recursively_puts_the_bytes_and_names(
    cli: RunCli, mock: MockServer, tmp_path: Path
) -> None:
    files = write_sample_images(tmp_path / "images", 5)
    (tmp_path / "images" / ".DS_Store").write_bytes(b"hidden")
    folder = str(tmp_path / "images")
    result = cli("--json", "upload", mock.project_id, folder, "--batch", "B1", "--create-batches")
    assert result.code == 0, result
    report = result.json()
    assert (report["files"], report["uploaded"], report["failed"]) == (5, 5, 0)
    assert sorted(item["externalId"] for item in report["items"]) == sorted(f.name for f in files)
    assets = live_assets(mock)
    assert sorted(assets) == sorted(f.name for f in files)
    for file in files:
        assert stored_bytes(mock, assets[file.name]["data"]) == file.read_bytes()
        assert assets[file.name]["batchNames"] == ["B1"]
    assert result.stderr == ""  # no progress bar when not on a terminal


def test_upload_again_skips_what_is_there(cli: RunCli, mock: MockServer, tmp_path: Path) -> None:
    write_sample_images(tmp_path, 2)
    assert cli("upload", mock.project_id, str(tmp_path)).code == 0
    write_sample_images(tmp_path, 3)
    again = cli("--json", "upload", mock.project_id, str(tmp_path))
    assert again.code == 0, again
    report = again.json()
    assert (report["uploaded"], report["skipped"], report["failed"]) == (1, 2, 0)
    assert len(live_assets(mock)) == 3


def test_upload_external_id_from_path_and_single_files(
    cli: RunCli, mock: MockServer, tmp_path: Path
) -> None:
    write_sample_images(tmp_path / "images", 3)  # img-003.png is in images/more/
    extra = tmp_path / "extra.png"
    extra.write_bytes(png_bytes(2, 2, (1, 2, 3)))
    result = cli(
        "upload",
        mock.project_id,
        str(tmp_path / "images"),
        str(extra),
        "--external-id-from",
        "path",
        "--json",
    )
    assert result.code == 0, result
    assert sorted(live_assets(mock)) == sorted(
        ["img-001.png", "img-002.png", "more/img-003.png", str(extra)]
    )


def test_upload_human_output(cli: RunCli, mock: MockServer, tmp_path: Path) -> None:
    write_sample_images(tmp_path, 2)
    result = cli("upload", mock.project_id, str(tmp_path))
    assert result.code == 0
    assert f"Uploaded 2 of 2 files to project {mock.project_id}." in result.stdout


def test_import_cloud_from_file_with_object_wrapper(
    cli: RunCli, mock: MockServer, tmp_path: Path
) -> None:
    path = tmp_path / "assets.json"
    path.write_text(
        json.dumps(
            {
                "assets": [
                    {"data": "https://example.com/x.jpg", "externalId": "x", "metadata": {"k": 1}},
                    {"data": "https://example.com/y.jpg", "externalId": "y"},
                ]
            }
        )
    )
    result = cli(
        "--json", "import-cloud", mock.project_id, str(path), "--batch", "cloud", "--create-batches"
    )
    assert result.code == 0, result
    assert result.json()["assets"] == 2
    assets = live_assets(mock)
    assert assets["x"]["data"] == "https://example.com/x.jpg"
    assert assets["x"]["metadata"] == {"k": 1}
    assert assets["y"]["batchNames"] == ["cloud"]


# ---------------------------------------------------------------- assets


def test_assets_list_one_page_and_all_pages(cli: RunCli, mock: MockServer) -> None:
    mock.seed(25)
    page = cli("assets", "list", mock.project_id, "--page", "3", "--limit", "10", "--json")
    assert page.code == 0, page
    data = page.json()
    assert (data["total"], data["count"]) == (25, 5)
    every = cli("--json", "assets", "list", mock.project_id, "--all", "--limit", "10").json()
    assert every["count"] == every["total"] == 25
    assert len({a["_id"] for a in every["assets"]}) == 25
    assert mock.requests.counts["listAssets"] >= 4  # 1 page + 3 pages for --all


def test_assets_list_filters(cli: RunCli, mock: MockServer) -> None:
    ids = import_assets(cli, mock, 3)
    assign = ("assets", "assign-batches", mock.project_id, "--batch", "B", "--create-batches")
    assert cli(*assign, ids[1]).code == 0
    by_external = cli("--json", "assets", "list", mock.project_id, "--external-id", "a2").json()
    assert [a["_id"] for a in by_external["assets"]] == [ids[2]]
    by_batch = cli("--json", "assets", "list", mock.project_id, "--batch", "B").json()
    assert [a["_id"] for a in by_batch["assets"]] == [ids[1]]
    by_filter = cli(
        "--json", "assets", "list", mock.project_id, "--filters", json.dumps({"_id": ids[0]})
    ).json()
    assert [a["externalId"] for a in by_filter["assets"]] == ["a0"]


def test_assets_list_human_table(cli: RunCli, mock: MockServer) -> None:
    import_assets(cli, mock, 2)
    result = cli("assets", "list", mock.project_id)
    assert result.code == 0
    assert "2 of 2 assets (page 1)" in result.stdout
    assert "a0" in result.stdout
    assert "a1" in result.stdout


def test_assets_delete_and_partial_failure(cli: RunCli, mock: MockServer) -> None:
    ids = import_assets(cli, mock, 3)
    result = cli("--json", "assets", "delete", mock.project_id, ids[0], ids[1])
    assert result.code == 0, result
    assert result.json() | {} == {"project": mock.project_id, "deleted": 2, "failed": 0}
    assert sorted(live_assets(mock)) == ["a2"]
    again = cli("--json", "assets", "delete", mock.project_id, ids[0], ids[2])
    assert again.code == 1  # one of the two was already deleted
    assert (again.json()["deleted"], again.json()["failed"]) == (1, 1)


def test_assets_update_every_field(cli: RunCli, mock: MockServer) -> None:
    [asset_id] = import_assets(cli, mock, 1)
    result = cli(
        "assets",
        "update",
        asset_id,
        "--metadata",
        '{"camera": "front"}',
        "--context-data",
        '{"hint": "look left"}',
        "--data",
        "https://example.com/new.png",
        "--external-id",
        "renamed",
        "--overlay",
        "https://example.com/o1.png",
        "--overlay",
        "https://example.com/o2.png",
        "--json",
    )
    assert result.code == 0, result
    assert result.json()["externalId"] == "renamed"
    stored = mock.project.get_asset(asset_id)
    assert stored is not None
    assert stored.metadata == {"camera": "front"}
    assert stored.context_data == {"hint": "look left"}
    assert stored.data == "https://example.com/new.png"
    assert stored.overlay == ["https://example.com/o1.png", "https://example.com/o2.png"]


def test_assign_batches(cli: RunCli, mock: MockServer) -> None:
    ids = import_assets(cli, mock, 3)
    result = cli(
        "--json", "assets", "assign-batches", mock.project_id, "--batch", "X", "--batch", "Y",
        "--create-batches", ids[0], ids[2],
    )  # fmt: skip
    assert result.code == 0, result
    assert result.json()["modifiedCount"] == 2
    assets = live_assets(mock)
    assert sorted(assets["a0"]["batchNames"]) == ["X", "Y"]
    assert assets["a1"]["batchNames"] == []


# ---------------------------------------------------------------- labels / attachments


def test_labels_import_and_unmatched_label(cli: RunCli, mock: MockServer, tmp_path: Path) -> None:
    ids = import_assets(cli, mock, 2)
    answer = {"classifications": [{"schemaId": "c", "answer": "cat"}]}
    path = tmp_path / "labels.ndjson"
    path.write_text(
        json.dumps({"externalId": "a0", "answer": answer, "status": "Completed"})
        + "\n"
        + json.dumps({"assetId": ids[1], "answer": answer})
        + "\n"
    )
    result = cli("--json", "labels", "import", mock.project_id, str(path))
    assert result.code == 0, result
    assert result.json()["labeled"] == 2
    first = mock.project.get_asset(ids[0])
    assert first is not None
    assert (first.answer, first.status) == (answer, "Completed")
    unmatched = tmp_path / "unmatched.json"
    unmatched.write_text(json.dumps({"labels": [{"externalId": "nobody", "answer": answer}]}))
    partial = cli("--json", "labels", "import", mock.project_id, str(unmatched))
    assert partial.code == 1  # the label matched no task
    assert partial.json()["labeled"] == 0


def test_attachments_import(cli: RunCli, mock: MockServer) -> None:
    ids = import_assets(cli, mock, 1)
    attachments = [
        {"externalId": "a0", "attachmentUrl": "https://example.com/a.pdf", "attachmentType": "pdf"}
    ]
    result = cli(
        "--json", "attachments", "import", mock.project_id, "-", input=json.dumps(attachments)
    )
    assert result.code == 0, result
    assert result.json()["attachmentsImported"] == 1
    stored = mock.project.get_asset(ids[0])
    assert stored is not None
    assert [a["value"] if "value" in a else a.get("attachmentUrl") for a in stored.attachments] == [
        "https://example.com/a.pdf"
    ]


# ---------------------------------------------------------------- export


def test_export_ndjson_to_file_with_summary(cli: RunCli, mock: MockServer, tmp_path: Path) -> None:
    mock.seed(4, labeled=True)
    mock.seed(3)
    out = tmp_path / "sub" / "tasks.ndjson"
    result = cli("--json", "export", mock.project_id, "--format", "ndjson", "--out", str(out))
    assert result.code == 0, result
    tasks = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(tasks) == 7
    summary = result.json()
    assert summary["tasks"] == 7
    assert summary["labeled"] == 4
    assert summary["byStatus"] == {"Completed": 4, "TODO": 3}
    assert not list(out.parent.glob(".tasks.ndjson.*"))  # no temp file left


def test_export_json_to_stdout_and_filters(cli: RunCli, mock: MockServer) -> None:
    mock.seed(2, labeled=True)
    mock.seed(5)
    result = cli("export", mock.project_id, "--status", "Completed")
    assert result.code == 0, result
    tasks = json.loads(result.stdout)
    assert len(tasks) == 2
    assert {t["status"] for t in tasks} == {"Completed"}


def test_export_human_summary(cli: RunCli, mock: MockServer, tmp_path: Path) -> None:
    mock.seed(3, labeled=True)
    result = cli("export", mock.project_id, "--summary")
    assert result.code == 0, result
    assert "Tasks: 3 (3 labeled" in result.stdout
    assert "by status: Completed: 3" in result.stdout
