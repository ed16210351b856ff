"""`make bundle`: single-file YAML/JSON bundles and a fully dereferenced JSON in dist/."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml
from openapi_spec_validator import validate

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


def test_html_reference_inlines_its_scripts(bundle_dir: Path) -> None:
    html = (bundle_dir / "index.html").read_text()
    assert "<script src=" not in html
    assert "cdn.redocly.com/redoc/" not in html.split("<body", 1)[0]
    assert "cdn.redoc.ly/redoc/logo" not in html
