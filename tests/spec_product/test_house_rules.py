"""Our Redocly rules (redocly.yaml, tools/spec/house-rules.cjs) fire on specs that break the
house conventions, and the real spec passes every rule with zero problems."""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

# Heavy (a subprocess, a browser, a build or a fuzzer): not in `make test-fast`.
pytestmark = pytest.mark.slow

Spec = dict[str, Any]


def lint(root: Path, spec: Spec, tmp_path: Path) -> list[dict[str, Any]]:
    """Problems `redocly lint` finds in ``spec`` with the project's redocly.yaml."""
    path = tmp_path / "openapi.yaml"
    path.write_text(yaml.dump(spec, Dumper=yaml.CSafeDumper, sort_keys=False))
    done = subprocess.run(
        [
            "node_modules/.bin/redocly",
            "lint",
            str(path),
            "--config",
            "redocly.yaml",
            "--format=json",
        ],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "REDOCLY_TELEMETRY": "off", "REDOCLY_SUPPRESS_UPDATE_NOTICE": "true"},
    )
    report = json.loads(done.stdout)
    assert (done.returncode != 0) == (report["totals"]["errors"] > 0)
    return report["problems"]


def op(spec: Spec, path: str, method: str) -> Spec:
    return spec["paths"][path][method]


def snake_case_operation_id(spec: Spec) -> None:
    op(spec, "/exportV3", "get")["operationId"] = "export_tasks_v3"


def request_body_without_examples(spec: Spec) -> None:
    del op(spec, "/attachments", "post")["requestBody"]["content"]["application/json"]["examples"]


def success_response_without_examples(spec: Spec) -> None:
    del op(spec, "/getSignedUrl", "get")["responses"]["201"]["content"]["application/json"][
        "examples"
    ]


def success_response_without_envelope(spec: Spec) -> None:
    media = op(spec, "/getSignedUrl", "get")["responses"]["201"]["content"]["application/json"]
    media["schema"] = {"$ref": "#/components/schemas/SignedUrl"}
    media["examples"] = {"bare": {"value": {"signedUrl": "https://example.com/f"}}}


def success_envelope_without_data(spec: Spec) -> None:
    media = op(spec, "/getSignedUrl", "get")["responses"]["201"]["content"]["application/json"]
    media["schema"] = {
        "type": "object",
        "required": ["status"],
        "properties": {"status": {"type": "string"}},
    }
    media["examples"] = {"noData": {"value": {"status": "success"}}}


def error_response_with_own_schema(spec: Spec) -> None:
    op(spec, "/assignBatches", "post")["responses"]["404"] = {
        "description": "Not found",
        "content": {
            "application/json": {
                "schema": {"type": "object", "properties": {"message": {"type": "string"}}},
            }
        },
    }


def error_response_with_other_ref(spec: Spec) -> None:
    op(spec, "/getUploadUrl", "get")["responses"]["503"] = {
        "description": "Server error",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorDetail"}}},
    }


def client_error_with_html_page(spec: Spec) -> None:
    # Only 5xx may add a gateway's non-JSON page; a 4xx comes from the API itself.
    op(spec, "/attachments", "post")["responses"]["404"] = {
        "description": "Not found",
        "content": {
            "application/json": {"schema": {"$ref": "#/components/schemas/ErrorResponse"}},
            "text/html": {"schema": {"type": "string"}},
        },
    }


def test_spec_passes_every_rule(root: Path, spec: Spec, tmp_path: Path) -> None:
    assert lint(root, spec, tmp_path) == []


@pytest.mark.parametrize(
    ("break_convention", "expected"),
    [
        (snake_case_operation_id, ("rule/operation-id-camel-case", "/exportV3")),
        (request_body_without_examples, ("house/operation-examples", "/attachments")),
        (success_response_without_examples, ("house/operation-examples", "/getSignedUrl")),
        (success_response_without_envelope, ("house/success-envelope", "/getSignedUrl")),
        (success_envelope_without_data, ("house/success-envelope", "/getSignedUrl")),
        (error_response_with_own_schema, ("house/error-response-schema", "/assignBatches")),
        (error_response_with_other_ref, ("house/error-response-schema", "/getUploadUrl")),
        (client_error_with_html_page, ("house/error-response-schema", "/attachments")),
    ],
)
def test_rule_fires_on_violation(
    root: Path,
    spec: Spec,
    tmp_path: Path,
    break_convention: Callable[[Spec], None],
    expected: tuple[str, str],
) -> None:
    rule, where = expected
    break_convention(spec)
    problems = lint(root, spec, tmp_path)
    hits = [p for p in problems if p["ruleId"] == rule]
    assert len(hits) == 1, problems
    assert hits[0]["severity"] == "error"
    pointer = hits[0]["location"][0]["pointer"]
    assert pointer.startswith(f"#/paths/{where.replace('/', '~1')}/"), pointer
