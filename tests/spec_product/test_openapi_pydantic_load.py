"""A second, independent Python reader of the spec: openapi-pydantic's OpenAPI 3.1 models load
openapi.yaml and the bundle without a warning, typed down to 3.1's contentSchema."""

from __future__ import annotations

import json
import warnings
from pathlib import Path
from typing import Any

import ango_hub
import pydantic
import pytest
import yaml
from openapi_pydantic.v3.v3_1 import OpenAPI, Reference

Spec = dict[str, Any]


def load(doc: Spec) -> OpenAPI:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return OpenAPI.model_validate(doc)


def test_spec_loads_typed(spec: Spec, operations: dict[str, Any]) -> None:
    api = load(spec)
    assert api.openapi == "3.1.0"
    loaded = {
        op.operationId
        for item in (api.paths or {}).values()
        for op in (item.get, item.post, item.put, item.delete, item.patch)
        if op is not None
    }
    assert loaded == set(operations)
    listing = api.paths["/project/{projectId}/assets"].get
    assert listing is not None
    filters = next(p for p in listing.parameters or [] if getattr(p, "name", "") == "filters")
    assert filters.param_schema is not None
    assert filters.param_schema.contentMediaType == "application/json"
    assert isinstance(filters.param_schema.contentSchema, Reference)
    assert filters.param_schema.contentSchema.ref == "#/components/schemas/AssetFilters"
    assert api.components is not None
    assert set(api.components.securitySchemes or {}) == {"ApiKeyAuth"}


@pytest.mark.slow  # builds the bundles (make bundle): not in `make test-fast`
def test_bundle_loads(bundle_dir: Path) -> None:
    api = load(json.loads((bundle_dir / "openapi.json").read_text()))
    assert len(api.paths or {}) == len({op.path for op in ango_hub.operations().values()})
    deref = load(json.loads((bundle_dir / "openapi.dereferenced.json").read_text()))
    assert (
        deref.info.version
        == yaml.load(
            (Path(__file__).parents[2] / "openapi.yaml").read_text(), Loader=yaml.CSafeLoader
        )["info"]["version"]
    )


def test_a_malformed_spec_is_rejected(spec: Spec) -> None:
    # The reader is strict where it matters: a parameter in an impossible location fails.
    spec["paths"]["/getUploadUrl"]["get"]["parameters"][0]["in"] = "querystring"
    with pytest.raises(pydantic.ValidationError, match="querystring"):
        load(spec)
