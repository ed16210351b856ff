"""tools/spec/spec_diff.py (behind `make spec-diff`) flags each kind of breaking edit to a copy
of the spec, and does not flag backwards-compatible ones."""

from __future__ import annotations

import copy
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

Spec = dict[str, Any]
EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"  # git's well-known empty tree


def run_diff(
    root: Path, tmp_path: Path, new: Spec, old: Spec | None = None
) -> subprocess.CompletedProcess[str]:
    """spec_diff.py from ``old`` (default: openapi.yaml) to ``new``."""
    new_path, old_path = tmp_path / "new.yaml", tmp_path / "old.yaml"
    new_path.write_text(yaml.dump(new, Dumper=yaml.CSafeDumper, sort_keys=False))
    if old is None:
        old_path = root / "openapi.yaml"
    else:
        old_path.write_text(yaml.dump(old, Dumper=yaml.CSafeDumper, sort_keys=False))
    return subprocess.run(
        [sys.executable, "tools/spec/spec_diff.py", str(old_path), str(new_path)],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )


def schemas(spec: Spec) -> Spec:
    return spec["components"]["schemas"]


def param(spec: Spec, path: str, method: str, name: str) -> Spec:
    return next(p for p in spec["paths"][path][method]["parameters"] if p.get("name") == name)


def remove_operation(spec: Spec) -> None:
    del spec["paths"]["/getSignedUrl"]


def make_param_required(spec: Spec) -> None:
    param(spec, "/project/{projectId}/assets", "get", "limit")["required"] = True


def add_required_param(spec: Spec) -> None:
    spec["paths"]["/assets/{assetId}"]["post"]["parameters"].append(
        {"name": "reason", "in": "query", "required": True, "schema": {"type": "string"}}
    )


def narrow_enum(spec: Spec) -> None:
    schemas(spec)["ExportFormat"]["enum"] = ["json", "ndjson"]


def change_response_type(spec: Spec) -> None:
    schemas(spec)["AssetPage"]["properties"]["total"] = {"type": "string"}


def change_request_type(spec: Spec) -> None:
    schemas(spec)["Priority"]["type"] = "integer"  # number -> integer accepts less


def remove_response_field(spec: Spec) -> None:
    schemas(spec)["ExportLocation"]["properties"].pop("exportPath")
    schemas(spec)["ExportLocation"]["required"] = []


def add_required_request_field(spec: Spec) -> None:
    schemas(spec)["CloudAsset"]["required"] = ["data", "externalId"]


def response_field_no_longer_required(spec: Spec) -> None:
    schemas(spec)["AssetPage"]["required"] = ["assets"]


def remove_success_status(spec: Spec) -> None:
    del spec["paths"]["/project/{projectId}/cloud"]["post"]["responses"]["200"]


def tighten_bound(spec: Spec) -> None:
    param(spec, "/project/{projectId}/assets", "get", "limit")["schema"]["maximum"] = 50


def remove_media_type(spec: Spec) -> None:
    body = spec["paths"]["/project/{projectId}/chat"]["post"]["requestBody"]
    del body["content"]["application/x-www-form-urlencoded"]


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (remove_operation, "GET /getSignedUrl: operation removed"),
        (make_param_required, "parameter query.limit became required"),
        (add_required_param, "POST /assets/{assetId}: required parameter query.reason added"),
        (narrow_enum, "GET /export parameter query.format: enum values removed: ['split']"),
        (change_response_type, ".total: type ['integer'] -> ['string']"),
        (change_request_type, ".priority: type ['number'] -> ['integer']"),
        (
            remove_response_field,
            "GET /export response 200 application/json.data: property exportPath removed",
        ),
        (add_required_request_field, "property externalId became required"),
        (response_field_no_longer_required, "property total no longer required"),
        (remove_success_status, "POST /project/{projectId}/cloud: response 200 removed"),
        (tighten_bound, "parameter query.limit: maximum 100 -> 50"),
        (remove_media_type, "media type application/x-www-form-urlencoded removed"),
    ],
)
def test_breaking_edit_is_flagged(
    root: Path, spec: Spec, tmp_path: Path, edit: Callable[[Spec], None], expected: str
) -> None:
    edit(spec)
    done = run_diff(root, tmp_path, spec)
    assert done.returncode == 1, done.stdout
    breaking = [line for line in done.stdout.splitlines() if "BREAKING" in line]
    assert any(expected in line for line in breaking), done.stdout


def test_new_response_enum_value_is_breaking(root: Path, spec: Spec, tmp_path: Path) -> None:
    # Generated clients reject enum values they do not know: widening a response enum breaks.
    old = copy.deepcopy(spec)
    schemas(old)["SuccessStatus"]["enum"] = ["success"]
    schemas(spec)["SuccessStatus"]["enum"] = ["success", "partial"]
    done = run_diff(root, tmp_path, spec, old)
    assert done.returncode == 1
    assert "status: enum values added: ['partial'] (clients reject unknown values)" in done.stdout
    # Closing it the other way (fewer values) is safe for clients.
    done = run_diff(root, tmp_path, old, spec)
    assert done.returncode == 0, done.stdout


def add_optional_param(spec: Spec) -> None:
    spec["paths"]["/assets/{assetId}"]["post"]["parameters"].append(
        {"name": "dryRun", "in": "query", "required": False, "schema": {"type": "boolean"}}
    )


def add_response_field(spec: Spec) -> None:
    schemas(spec)["ExportLocation"]["properties"]["expiresAt"] = {"type": "string"}


def widen_request_enum(spec: Spec) -> None:
    schemas(spec)["ExportFormat"]["enum"].append("csv")


def add_operation(spec: Spec) -> None:
    spec["paths"]["/ping"] = {
        "get": spec["paths"]["/getSignedUrl"]["get"] | {"operationId": "ping"}
    }


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (add_optional_param, "optional parameter query.dryRun added"),
        (add_response_field, "optional property expiresAt added"),
        (widen_request_enum, "enum values added: ['csv']"),
        (add_operation, "GET /ping: operation added"),
    ],
)
def test_compatible_edit_is_not_breaking(
    root: Path, spec: Spec, tmp_path: Path, edit: Callable[[Spec], None], expected: str
) -> None:
    edit(spec)
    done = run_diff(root, tmp_path, spec)
    assert done.returncode == 0, done.stdout
    assert "BREAKING" not in done.stdout
    assert any(expected in line for line in done.stdout.splitlines()), done.stdout
    assert ": 0 breaking, " in done.stdout


def test_describing_an_already_required_property_is_not_breaking(
    root: Path, spec: Spec, tmp_path: Path
) -> None:
    # A one-of branch `{required: [externalId]}` that also declares the property's schema.
    old = copy.deepcopy(spec)
    branch = schemas(old)["Attachment"]["allOf"][1]["anyOf"][0]
    branch.pop("properties")
    done = run_diff(root, tmp_path, spec, old)
    assert done.returncode == 0, done.stdout
    assert "required property externalId described" in done.stdout
    # A property that was not required before still breaks requests when added as required.
    branch["required"] = []
    done = run_diff(root, tmp_path, spec, old)
    assert done.returncode == 1
    assert "BREAKING" in done.stdout
    assert "required property externalId added" in done.stdout


def test_an_enum_replaced_by_a_pattern(root: Path, spec: Spec, tmp_path: Path) -> None:
    # A pattern accepting every value of the enum it replaces accepts no less: not breaking.
    old = copy.deepcopy(spec)
    include = next(
        p for p in spec["components"]["parameters"].values() if p["name"] == "includeAnswer"
    )
    include_old = next(
        p for p in old["components"]["parameters"].values() if p["name"] == "includeAnswer"
    )
    include_old["schema"] = {"type": "string", "enum": ["true", "false", "True", "False"]}
    done = run_diff(root, tmp_path, spec, old)
    assert done.returncode == 0, done.stdout
    assert "(accepts every value of the old enum)" in done.stdout
    # One that refuses a value the enum allowed accepts less: breaking.
    include["schema"]["pattern"] = "^(true|false)$"
    done = run_diff(root, tmp_path, spec, old)
    assert done.returncode == 1, done.stdout
    assert "BREAKING" in done.stdout


def test_unchanged_spec_has_no_changes(root: Path, spec: Spec, tmp_path: Path) -> None:
    done = run_diff(root, tmp_path, spec)
    assert done.returncode == 0
    assert "0 breaking, 0 non-breaking" in done.stdout


def make_spec_diff(root: Path, base: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["make", "--no-print-directory", "-s", "spec-diff", f"BASE={base}"],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.slow  # heavy: not in `make test-fast`
def test_make_spec_diff_against_head_reports(root: Path) -> None:
    done = make_spec_diff(root, "HEAD")
    assert done.returncode in {0, 1}, done.stderr
    assert done.stdout.startswith("spec diff ("), done.stdout


def test_make_spec_diff_without_base_spec_passes(root: Path) -> None:
    done = make_spec_diff(root, EMPTY_TREE)
    assert done.returncode == 0, done.stderr
    assert "has no openapi.yaml; nothing to compare" in done.stdout


def test_make_spec_diff_needs_base(root: Path) -> None:
    done = make_spec_diff(root, "")
    assert done.returncode != 0
    assert "usage: make spec-diff BASE=<git ref>" in done.stdout
