"""``ango-hub api OPERATION_ID``: every operation in the spec from the shell, typed fields, a
JSON body from a file or stdin, file parts; the exit codes and one-line errors of the others."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from ango_hub.mock.server import MockServer
from cli_helpers import RunCli

REPO = Path(__file__).resolve().parents[2]
METHODS = ("get", "put", "post", "delete", "patch")


def spec_operations() -> dict[str, tuple[str, str]]:
    """operationId -> (METHOD, path), read from openapi.yaml itself."""
    spec = yaml.safe_load((REPO / "openapi.yaml").read_text())
    return {
        op["operationId"]: (method.upper(), path)
        for path, item in spec["paths"].items()
        for method, op in item.items()
        if method in METHODS
    }


def _api_calls(mock: MockServer) -> int:
    return sum(mock.requests.counts.values())


def test_list_names_every_operation_of_the_spec(cli: RunCli) -> None:
    listed = cli("--json", "api", "--list")
    assert listed.code == 0, listed
    found = {op["operationId"]: (op["method"], op["path"]) for op in listed.json()}
    assert found == spec_operations()

    plain = cli("api")  # no operation: the same list, one line each
    assert plain.code == 0
    lines = plain.stdout.splitlines()
    assert len(lines) == len(found)
    for operation_id, (method, path) in found.items():
        assert any(line.split()[:3] == [operation_id, method, path] for line in lines)


def test_query_fields_are_typed_and_reach_the_api(cli: RunCli, mock: MockServer) -> None:
    mock.seed(7)
    result = cli("api", "listAssets", "-f", f"projectId={mock.project_id}", "--field", "limit=3")
    assert result.code == 0, result
    answer = result.json()
    assert answer["status"] == "success"
    assert answer["data"]["total"] == 7
    assert len(answer["data"]["assets"]) == 3
    assert mock.requests.counts["listAssets"] == 1


def test_body_properties_json_objects_and_repeated_arrays(cli: RunCli, mock: MockServer) -> None:
    mock.seed(1)
    (asset,) = mock.project.iter_assets()
    result = cli(
        "api",
        "updateAsset",
        "-f",
        f"assetId={asset.id}",
        "-f",
        'metadata={"camera": "front", "n": 2}',
        "-f",
        "overlay=https://x/o1.png",
        "-f",
        "overlay=https://x/o2.png",
    )
    assert result.code == 0, result
    (stored,) = mock.project.iter_assets()
    assert stored.metadata == {"camera": "front", "n": 2}
    assert stored.overlay == ["https://x/o1.png", "https://x/o2.png"]
    assert result.json()["data"]["asset"]["overlay"] == stored.overlay


def test_json_body_from_stdin_and_from_a_file(
    cli: RunCli, mock: MockServer, tmp_path: Path
) -> None:
    mock.seed(3)
    first, second, third = (a.id for a in mock.project.iter_assets())
    result = cli(
        "api",
        "deleteAssets",
        "-f",
        f"projectId={mock.project_id}",
        "--input",
        "-",
        input=json.dumps({"assets": [first]}),
    )
    assert result.code == 0, result
    body = tmp_path / "body.json"
    body.write_text(json.dumps({"assets": [second]}))
    result = cli("api", "deleteAssets", "-f", f"projectId={mock.project_id}", "--input", str(body))
    assert result.code == 0, result
    assert [a.id for a in mock.project.iter_assets() if not a.deleted] == [third]


def test_file_part_of_a_multipart_operation(cli: RunCli, mock: MockServer, tmp_path: Path) -> None:
    chats = tmp_path / "chats.json"
    chats.write_text(json.dumps([{"messages": [{"role": "user", "content": "hi"}]}] * 2))
    result = cli(
        "api", "uploadChatAssets", "-f", f"projectId={mock.project_id}", "--file", f"file={chats}"
    )
    assert result.code == 0, result
    assert result.json()["data"]["assets"]["assetsCreated"] == 2
    assert len([a for a in mock.project.iter_assets() if not a.deleted]) == 2


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ["nope"],
            "OPERATION_ID: unknown operation 'nope' (accepted: addProjectMembers, annotateTask,",
        ),
        (
            ["listAssets", "-f", "projectid=x"],
            "--field projectid: not a parameter or body property of listAssets "
            "(accepted: projectId, page, limit,",
        ),
        (["listAssets", "-f", "limit=ten"], "--field limit: 'ten' is not an integer"),
        (["listAssets", "-f", "limit"], "--field: 'limit' is not NAME=VALUE"),
        (["listAssets", "-f", "projectId=p", "-f", "limit=500"], "limit: 500 is out of range"),
        (["listAssets"], "projectId: is required"),
        (["updateAsset", "-f", "assetId=a", "-f", "metadata={oops"], "--field metadata: not valid"),
        (["updateAsset", "-f", "assetId=a", "-f", "metadata=7"], "is not a JSON object"),
        (["deleteAssets", "-f", "projectId=p", "--input", "/no/such.json"], "--input: /no/such"),
        (["getUploadUrl", "-f", "project=p", "-f", "name=a.png", "-f", "type=zip"], "type"),
        (
            ["uploadChatAssets", "-f", "projectId=p", "-f", "file=chats.json"],
            "--field file: is a file part (accepted: --file file=PATH)",
        ),
    ],
)
def test_bad_input_is_exit_2_naming_the_field_and_nothing_is_sent(
    cli: RunCli, mock: MockServer, args: list[str], expected: str
) -> None:
    result = cli("api", *args)
    assert result.code == 2, result
    assert expected in result.error_line()
    assert result.stdout == ""
    assert _api_calls(mock) == 0


def test_bad_json_input_from_stdin_is_exit_2(cli: RunCli, mock: MockServer) -> None:
    result = cli("api", "deleteAssets", "-f", "projectId=p", "--input", "-", input="{nope")
    assert result.code == 2
    assert "--input: not valid JSON" in result.error_line()
    assert _api_calls(mock) == 0


def test_api_errors_are_exit_3_and_never_show_the_key(cli: RunCli, mock: MockServer) -> None:
    missing = cli("api", "updateAsset", "-f", f"assetId={'0' * 24}", "-f", "externalId=x")
    assert missing.code == 3
    assert "NotFoundError: 404" in missing.error_line()

    secret = "sk-never-printed-0123"
    denied = cli("api", "listAssets", "-f", "projectId=p", env={"ANGO_API_KEY": secret})
    assert denied.code == 3
    assert "AuthenticationError: 401" in denied.error_line()
    assert secret not in denied.stderr + denied.stdout


def test_retries_apply_as_to_every_command(cli: RunCli, mock: MockServer) -> None:
    mock.add_fault("server_error", status=503, nth=1)
    result = cli("api", "listAssets", "-f", f"projectId={mock.project_id}")
    assert result.code == 0, result
    assert mock.requests.counts["listAssets"] == 2  # the 503, then the answer


def test_an_operation_added_to_the_spec_needs_no_cli_code(cli: RunCli, mock: MockServer) -> None:
    # listProjects came with docs/ADDING-AN-OPERATION.md; nothing under cli/ names it.
    cli_sources = (REPO / "overlay/ango_hub/cli").glob("*.py")
    assert not any("listProjects" in path.read_text() for path in cli_sources)
    result = cli("api", "listProjects", "--field", "limit=5", "--field", "sort=-_id")
    assert result.code == 0, result
    data = result.json()["data"]
    assert data["total"] == 1
    assert [p["_id"] for p in data["projects"]] == [mock.project_id]
    bad = cli("api", "listProjects", "--field", "limit=0")
    assert bad.code == 2
    assert "limit: 0 is out of range" in bad.error_line()


def test_list_with_an_operation_describes_its_fields(cli: RunCli) -> None:
    result = cli("api", "listAssets", "--list")
    assert result.code == 0, result
    lines = result.stdout.splitlines()
    assert lines[0] == "GET /project/{projectId}/assets  List project assets"
    assert "  projectId  (path, required) string" in lines
    assert "  limit  (query) integer 1..100" in lines
    chat = cli("api", "uploadChatAssets", "--list").stdout.splitlines()
    assert "    file  (body) a file (--file)" in chat
    assert "    priority  (body) number -1000..1000" in chat
