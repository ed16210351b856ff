"""The mock's compiled parameter fast path agrees with openapi-core, request by request."""

from __future__ import annotations

import dataclasses

import pytest
from ango_hub import operations
from ango_hub.mock import validation
from ango_hub.mock.validation import (
    CROSSCHECK_ENV,
    CrosscheckMismatch,
    RequestInvalid,
    WireRequest,
    compiled_operations,
    validate_request,
)

P = "507f1f77bcf86cd799439011"

# (path, query) pairs: valid, edge-case and broken input for every parameter-only operation.
CASES: list[tuple[str, list[tuple[str, str]]]] = [
    ("/v2/getUploadUrl", [("name", "a.jpg"), ("project", P)]),
    ("/v2/getUploadUrl", [("name", "a.jpg"), ("project", P), ("type", "brushes")]),
    ("/v2/getUploadUrl", [("name", "a.jpg"), ("project", P), ("type", "nope")]),
    ("/v2/getUploadUrl", [("name", "a.jpg")]),
    ("/v2/getUploadUrl", [("name", "first"), ("name", "second"), ("project", P)]),
    ("/v2/getUploadUrl", [("name", "a"), ("project", P), ("unknown", "x")]),
    ("/v2/getUploadUrl", [("name", ""), ("project", P)]),
    ("/v2/getSignedUrl", [("url", "https://x/y")]),
    ("/v2/getSignedUrl", []),
    (f"/v2/project/{P}/assets", []),
    (f"/v2/project/{P}/assets", [("page", "2"), ("limit", "100")]),
    (f"/v2/project/{P}/assets", [("limit", "101")]),
    (f"/v2/project/{P}/assets", [("limit", "0")]),
    (f"/v2/project/{P}/assets", [("limit", " 7")]),
    (f"/v2/project/{P}/assets", [("limit", "1_0")]),
    (f"/v2/project/{P}/assets", [("limit", "+9")]),
    (f"/v2/project/{P}/assets", [("limit", "2.0")]),
    (f"/v2/project/{P}/assets", [("limit", "1e2")]),
    (f"/v2/project/{P}/assets", [("page", "9" * 400)]),
    (f"/v2/project/{P}/assets", [("page", "x")]),
    (f"/v2/project/{P}/assets", [("limit", "5"), ("limit", "500")]),
    (f"/v2/project/{P}/assets", [("externalId", "a b/c"), ("batches", '["b"]')]),
    (f"/v2/project/{P}/assets", [("filters", '{"externalId": "x"}')]),
    ("/v2/export", [("project", P), ("format", "ndjson"), ("includeHistory", "false")]),
    ("/v2/exportV3", [("project", P), ("format", "csv")]),
    ("/v2/exportV3", [("project", P), ("includeAssets", "yes")]),
    ("/v2/exportV3", [("format", "json")]),
    (f"/v2/{P}/overview/LabelStageGroups", []),
    (f"/v2/{P}/overview/Velocity", []),
    (f"/v2/task/{P}", [("includeAnswer", "True")]),
    (f"/v2/task/{P}", [("includeAnswer", "yes")]),
    (f"/v2/task/{P}/history", [("limit", "101")]),
]


def wire(path: str, query: list[tuple[str, str]]) -> WireRequest:
    return WireRequest("GET", path, query, {"apikey": "k"}, None, "application/octet-stream")


def outcome(request: WireRequest) -> tuple[str, object]:
    try:
        return ("ok", validate_request(request))
    except RequestInvalid as exc:
        return ("invalid", exc.message)


# Parameter-only operations the fast path leaves to openapi-core, and why.
NOT_COMPILED = {"listTasks": "`status[eq]` is not an identifier (the path regex's group names)"}


def test_every_parameter_only_operation_is_compiled() -> None:
    without_body = {op_id for op_id, op in operations().items() if not op.takes_body}
    assert NOT_COMPILED.keys() <= without_body
    assert sorted(compiled_operations()) == sorted(without_body - NOT_COMPILED.keys())


@pytest.mark.parametrize(("path", "query"), CASES)
def test_fast_path_gives_what_openapi_core_gives(
    monkeypatch: pytest.MonkeyPatch, path: str, query: list[tuple[str, str]]
) -> None:
    monkeypatch.delenv(CROSSCHECK_ENV, raising=False)
    fast = outcome(wire(path, query))
    monkeypatch.setattr(validation, "compiled_operations", dict)  # openapi-core only
    reference = outcome(wire(path, query))
    assert fast == reference


def test_valid_requests_skip_openapi_core_and_are_typed_as_the_spec_says(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(CROSSCHECK_ENV, raising=False)

    def not_called(*args: object) -> None:
        raise AssertionError("a valid parameter-only request must not reach openapi-core")

    monkeypatch.setattr(validation, "_validate_with_openapi_core", not_called)
    validated = validate_request(wire(f"/v2/project/{P}/assets", [("limit", "25")]))
    assert validated.operation_id == "listAssets"
    assert validated.path == {"projectId": P}
    assert validated.query == {"page": 1, "limit": 25}


def test_crosscheck_fails_loudly_when_the_two_paths_disagree(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(CROSSCHECK_ENV, "1")
    op = compiled_operations()["listAssets"]
    page, limit = (next(p for p in op.query_params if p.name == n) for n in ("page", "limit"))
    # limit's rule checked with page's schema (minimum 1, no maximum of 100)
    wrong = dataclasses.replace(limit, validator=page.validator)
    patched = dataclasses.replace(op, query_params=(page, wrong))
    monkeypatch.setattr(validation, "compiled_operations", lambda: {"listAssets": patched})
    assert validate_request(wire(f"/v2/project/{P}/assets", [("limit", "100")])).query == {
        "page": 1,
        "limit": 100,
    }
    with pytest.raises(CrosscheckMismatch):
        validate_request(wire(f"/v2/project/{P}/assets", [("limit", "500")]))
