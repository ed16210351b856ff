"""`make bundle`: single-file YAML/JSON bundles and a fully dereferenced JSON in dist/."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from openapi_spec_validator import OpenAPIV30SpecValidator, validate

# Heavy (a subprocess, a browser, a build or a fuzzer): not in `make test-fast`.
pytestmark = pytest.mark.slow

METHODS = {"get", "post", "put", "delete", "patch"}


def operation_ids(doc: dict[str, Any]) -> set[str]:
    return {
        op["operationId"]
        for item in doc["paths"].values()
        for method, op in item.items()
        if method in METHODS
    }


def refs(node: Any) -> list[str]:
    if isinstance(node, dict):
        found = [node["$ref"]] if isinstance(node.get("$ref"), str) else []
        return found + [r for v in node.values() for r in refs(v)]
    if isinstance(node, list):
        return [r for v in node for r in refs(v)]
    return []


def test_bundles_are_valid_single_files_with_all_operations(
    bundle_dir: Path, operations: dict[str, Any]
) -> None:
    as_yaml = yaml.load((bundle_dir / "openapi.yaml").read_text(), Loader=yaml.CSafeLoader)
    as_json = json.loads((bundle_dir / "openapi.json").read_text())
    assert as_yaml == as_json
    for doc in (as_yaml, as_json):
        validate(doc)
        assert operation_ids(doc) == set(operations)
        assert (
            doc["info"]["version"]
            == yaml.safe_load((Path(__file__).parents[2] / "openapi.yaml").read_text())["info"][
                "version"
            ]
        )
        # Only local refs remain: the file stands alone.
        assert all(r.startswith("#/") for r in refs(doc))


def test_dereferenced_bundle_has_no_refs_and_inlines_content_schema(
    bundle_dir: Path, operations: dict[str, Any]
) -> None:
    doc = json.loads((bundle_dir / "openapi.dereferenced.json").read_text())
    assert refs(doc) == []
    assert operation_ids(doc) == set(operations)
    listing = doc["paths"]["/project/{projectId}/assets"]["get"]
    filters = next(p for p in listing["parameters"] if p["name"] == "filters")
    # The 3.1 contentSchema is inlined like any other schema.
    assert set(filters["schema"]["contentSchema"]["properties"]) == {
        "_id",
        "externalId",
        "isPreLabeled",
        "batches",
    }
    # The YAML anchors (exportTasksV3 shares exportTasks' parameters) are expanded.
    v3 = doc["paths"]["/exportV3"]["get"]
    assert [p["name"] for p in v3["parameters"]] == [
        p["name"] for p in doc["paths"]["/export"]["get"]["parameters"]
    ]


def test_dereferenced_bundle_keeps_no_unused_components(bundle_dir: Path) -> None:
    # Everything is inlined, so only what is used by name (the security scheme) remains;
    # linters (Spectral's oas rules) warn about every unused component otherwise.
    doc = json.loads((bundle_dir / "openapi.dereferenced.json").read_text())
    assert doc["components"] == {"securitySchemes": {"ApiKeyAuth": spec_key_scheme()}}


def spec_key_scheme() -> dict[str, Any]:
    spec = yaml.safe_load((Path(__file__).parents[2] / "openapi.yaml").read_text())
    scheme: dict[str, Any] = spec["components"]["securitySchemes"]["ApiKeyAuth"]
    return scheme


def schema_nodes(node: Any) -> list[dict[str, Any]]:
    """Every dict in ``node`` (schemas and everything else), depth first."""
    if isinstance(node, dict):
        return [node] + [n for v in node.values() for n in schema_nodes(v)]
    if isinstance(node, list):
        return [n for v in node for n in schema_nodes(v)]
    return []


def test_openapi_30_bundle_is_valid_30_with_all_operations(
    bundle_dir: Path, operations: dict[str, Any]
) -> None:
    as_json = json.loads((bundle_dir / "openapi-3.0.json").read_text())
    as_yaml = yaml.load((bundle_dir / "openapi-3.0.yaml").read_text(), Loader=yaml.CSafeLoader)
    assert as_yaml == as_json
    assert as_json["openapi"] == "3.0.3"
    OpenAPIV30SpecValidator(as_json).validate()
    assert operation_ids(as_json) == set(operations)
    spec31 = json.loads((bundle_dir / "openapi.json").read_text())
    assert as_json["info"]["version"] == spec31["info"]["version"]
    assert as_json["info"]["description"].startswith(spec31["info"]["summary"])
    nodes = schema_nodes(as_json)
    # No 3.1-only schema forms are left (3.0 tools reject or ignore them)...
    assert not [n for n in nodes if isinstance(n.get("type"), list)]
    assert not [n for n in nodes if n.get("type") == "null"]
    assert not [n for n in nodes if "contentSchema" in n or "const" in n]
    # ...and the nullable fields stay nullable.
    schemas = as_json["components"]["schemas"]
    assert schemas["CloudAsset"]["properties"]["externalId"] == {
        "type": "string",
        "nullable": True,
        "description": spec31["components"]["schemas"]["CloudAsset"]["properties"]["externalId"][
            "description"
        ],
    }
    upload_local = schemas["CloudImportRequest"]["properties"]["uploadLocal"]
    assert upload_local["nullable"] is True
    assert upload_local["allOf"] == [{"$ref": "#/components/schemas/UploadLocal"}]


def test_html_reference_inlines_its_scripts(bundle_dir: Path) -> None:
    html = (bundle_dir / "index.html").read_text()
    assert "<script src=" not in html
    assert "cdn.redocly.com/redoc/" not in html.split("<body", 1)[0]
    assert "cdn.redoc.ly/redoc/logo" not in html
