"""The admin API (``/_mock/``) has its own OpenAPI document, docs/mock-admin-openapi.yaml, and
schemathesis fuzzes the mock against it with zero failures: no 5xx, statuses, content types and
bodies as documented, and every request the document calls invalid refused. Every bad parameter
is a 400 whose message starts with its name."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from ango_hub.mock.server import MockServer
from ango_hub.testing import run_mock_server

REPO = Path(__file__).resolve().parents[2]
ADMIN_SPEC = REPO / "docs" / "mock-admin-openapi.yaml"
SCHEMATHESIS = str(Path(sys.executable).with_name("schemathesis"))
CHECKS = [
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_schema_conformance",
    "negative_data_rejection",
    "missing_required_header",
    "unsupported_method",
]


def test_the_admin_document_is_valid_openapi() -> None:
    from openapi_spec_validator import validate
    from openapi_spec_validator.readers import read_from_filename

    spec, _ = read_from_filename(str(ADMIN_SPEC))
    validate(spec)
    assert "mock-admin-openapi.yaml" in (REPO / "docs" / "MOCK.md").read_text(encoding="utf-8")


def test_schemathesis_finds_no_failure_in_the_admin_api(tmp_path: Path) -> None:
    with run_mock_server() as mock:
        config = tmp_path / "schemathesis.toml"
        config.write_text(
            f"""
[generation]
deterministic = true
max-examples = 25
database = "none"

[auth.openapi.ApiKeyAuth]
api_key = "{mock.api_key}"

[parameters]
"path.projectId" = {{ dictionary = "projects", probability = 0.8 }}

[dictionaries.projects]
values = ["{mock.project_id}"]
"""
        )
        result = subprocess.run(
            [
                SCHEMATHESIS,
                "--config-file",
                str(config),
                "run",
                str(ADMIN_SPEC),
                "--url",
                mock.root_url,
                "--checks",
                ",".join(CHECKS),
                "--phases",
                "examples,coverage,fuzzing",
                "--workers",
                "1",
                "--no-color",
            ],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            check=False,
            timeout=600,
        )
    summary = result.stdout[result.stdout.rfind("SUMMARY") :]
    assert result.returncode == 0, result.stdout[-15000:] + result.stderr[-3000:]
    assert "Tested: 12" in summary, summary
    assert "Failures" not in summary, summary


def _admin(mock: MockServer) -> httpx.Client:
    return httpx.Client(base_url=f"{mock.root_url}/_mock", headers={"apikey": mock.api_key})


@pytest.mark.parametrize(
    ("method", "path", "kwargs", "name"),
    [
        ("DELETE", "/faults", {"params": {"seed": "--5"}}, "seed"),
        ("DELETE", "/faults", {"params": {"seed": "1e3"}}, "seed"),
        ("DELETE", "/faults", {"params": {"seed": "²"}}, "seed"),
        ("DELETE", "/faults", {"params": {"seed": "9" * 5000}}, "seed"),
        ("DELETE", "/faults", {"params": {"seed": ""}}, "seed"),
        ("POST", "/projects/zz/seed", {"json": {"count": 1}}, "projectId"),
        ("POST", "/projects/{project}/seed", {"json": {"count": -1}}, "count"),
        ("POST", "/projects", {"json": {"id": "a" * 24 + "\n"}}, "id"),
        ("POST", "/organisation/members", {"json": {"email": "a@b.c\n"}}, "email"),
    ],
)
def test_every_bad_parameter_is_a_400_naming_it(
    method: str, path: str, kwargs: dict[str, object], name: str
) -> None:
    with run_mock_server() as mock, _admin(mock) as admin:
        answer = admin.request(method, path.format(project=mock.project_id), **kwargs)  # type: ignore[arg-type]
    assert answer.status_code == 400, answer.text
    assert answer.json()["message"].startswith(f"{name}: "), answer.json()


def test_a_fault_never_blocks_the_admin_api() -> None:
    with run_mock_server() as mock, _admin(mock) as admin:
        mock.add_fault("server_error", rate=1.0, path="/")
        assert admin.get("/faults").status_code == 200
        assert admin.delete("/faults").status_code == 200
