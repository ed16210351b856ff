"""``ango-hub issues ...`` and ``ango-hub storages ...`` against the mock."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest
from ango_hub.mock.server import MockServer
from cli_helpers import RunCli

SECRET = "cl1-s3cret-must-not-print-31c4"


def _task(mock: MockServer) -> str:
    base, headers = mock.base_url, {"apikey": mock.api_key}
    body = {"assets": [{"data": "https://e.x/a.jpg", "externalId": "a"}]}
    assert httpx.post(
        f"{base}/project/{mock.project_id}/cloud", json=body, headers=headers
    ).is_success
    listed = httpx.get(f"{base}/project/{mock.project_id}/assets", headers=headers).json()
    return str(listed["data"]["assets"][0]["labelTasks"][0])


def test_issues_create_list_resolve_comment(cli: RunCli, mock: MockServer) -> None:
    task = _task(mock)
    created = cli("--json", "issues", "create", task, "box too big", "--position", "[1, 2]")
    assert created.code == 0, created.stderr
    issue = created.json()
    assert (issue["status"], issue["position"], issue["labelTask"]) == ("Open", "[1, 2]", task)

    listed = cli("--json", "issues", "list", "--project", mock.project_id, "--status", "Open")
    assert [i["_id"] for i in listed.json()["issues"]] == [issue["_id"]]
    human = cli("issues", "list", "--all")
    assert human.code == 0
    assert "1 issues (all pages)" in human.stdout
    assert issue["_id"][:8] in human.stdout  # the table folds long cells

    resolved = cli("issues", "resolve", issue["_id"])
    assert resolved.code == 0
    assert f"Resolved issue {issue['_id']}." in resolved.stdout
    assert "status: Resolved" in resolved.stdout
    closed = cli("--json", "issues", "resolve", issue["_id"], "--close")
    assert closed.json()["status"] == "Closed"
    commented = cli("--json", "issues", "comment", issue["_id"], "done", "--mention", "a@b.c")
    assert [c["content"] for c in commented.json()["comments"]] == ["done"]
    assert cli("--json", "issues", "list", "--status", "Open").json()["issues"] == []


def test_issues_bad_input_and_unknown_issue(cli: RunCli) -> None:
    bad = cli("issues", "list", "--status", "Done")
    assert bad.code == 2
    assert "status" in bad.error_line()
    assert "Open, Resolved, Closed" in bad.error_line()
    missing = cli("issues", "resolve", "f" * 24)
    assert missing.code == 3
    assert "issueId" in missing.error_line()


def test_storages_create_from_file_list_delete(
    cli: RunCli, mock: MockServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ango_hub.cli import _prompts

    monkeypatch.setattr(_prompts, "has_terminal", lambda: True)  # CliRunner's input answers
    secrets = tmp_path / "aws.json"
    secrets.write_text(json.dumps({"accessKeyId": "AKIA-x", "secretAccessKey": SECRET}))
    created = cli(
        "--json",
        "storages",
        "create",
        "S3",
        "--type",
        "aws",
        "--bucket",
        "bkt",
        "--credentials-file",
        str(secrets),
    )
    assert created.code == 0, created.stderr
    storage = created.json()
    assert (storage["type"], storage["bucket"]) == ("aws", "bkt")
    from_stdin = cli(
        "storages",
        "create",
        "GCS",
        "--provider",
        "GCP",
        "--credentials-file",
        "-",
        input=json.dumps({"privateKey": SECRET, "credentials": json.dumps({"k": SECRET})}),
    )
    assert from_stdin.code == 0
    assert "Created storage" in from_stdin.stdout
    prompted = cli("storages", "create", "Azure", "--provider", "AZURE", input=f"{SECRET}\n")
    assert prompted.code == 0, prompted.stderr
    listed = cli("--json", "storages", "list").json()
    assert [s["name"] for s in listed["storages"]] == ["S3", "GCS", "Azure"]
    table = cli("storages", "list")
    assert "3 storages" in table.stdout
    deleted = cli("storages", "delete", storage["_id"])
    assert deleted.code == 0
    assert f"Deleted storage {storage['_id']}." in deleted.stdout
    assert cli("storages", "delete", storage["_id"]).code == 3
    everything = [created, from_stdin, prompted, table, deleted]
    assert not [r for r in everything if SECRET in r.stdout + r.stderr]


def test_storage_secret_never_printed_on_failure(
    cli: RunCli, mock: MockServer, tmp_path: Path
) -> None:
    secrets = tmp_path / "s.json"
    secrets.write_text(json.dumps({"privateKey": SECRET}))
    mock.add_fault("server_error", operation="createStorage", status=500, times=1)
    refused = cli("storages", "create", "x", "--type", "aws", "--credentials-file", str(secrets))
    assert refused.code == 3
    assert "500" in refused.error_line()
    bad_type = cli("storages", "create", "x", "--type", "s3", "--credentials-file", str(secrets))
    assert bad_type.code == 2
    assert "aws, gcs, azure" in bad_type.error_line()
    not_json = tmp_path / "n.json"
    not_json.write_text(f"privateKey={SECRET}")
    unreadable = cli(
        "storages", "create", "x", "--type", "aws", "--credentials-file", str(not_json)
    )
    assert unreadable.code == 2
    assert "--credentials-file" in unreadable.error_line()
    unknown = tmp_path / "u.json"
    unknown.write_text(json.dumps({"privateKey": SECRET, "secretKey": SECRET}))
    extra = cli("storages", "create", "x", "--type", "aws", "--credentials-file", str(unknown))
    assert extra.code == 2
    assert "secretKey" in extra.error_line()
    for result in (refused, bad_type, unreadable, extra):
        assert SECRET not in result.stdout + result.stderr


def test_no_secret_option_exists(cli: RunCli) -> None:
    helped = cli("storages", "create", "--help")
    assert helped.code == 0
    for flag in ("--private-key", "--public-key", "--credentials ", "--secret"):
        assert flag not in helped.stdout
    assert "--credentials-file" in helped.stdout
