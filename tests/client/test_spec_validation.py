"""One spec-validation module (ango_hub.spec_validation) serves the client's input check, the
mock and the live check: the same schema gets one compiled validator in the process, whoever
asks first, and every failure is worded by the same functions."""

from __future__ import annotations

import copy

import httpx
import pytest
from ango_hub import AngoHubValidationError, spec_validation
from ango_hub._index import operation
from ango_hub._schema_check import check
from ango_hub.live_check import validation as live_validation
from ango_hub.mock import validation as mock_validation

SCHEMA = {"type": "object", "properties": {"limit": {"type": "integer", "maximum": 5}}}


def test_a_schema_is_compiled_once_by_content_not_by_object() -> None:
    first = spec_validation.validator(SCHEMA)
    assert spec_validation.validator(SCHEMA) is first
    assert spec_validation.validator(copy.deepcopy(SCHEMA)) is first
    described = {**copy.deepcopy(SCHEMA), "description": "a note", "x-source": "sdk"}
    assert spec_validation.validator(described) is first  # annotations change nothing
    stricter = {**copy.deepcopy(SCHEMA), "required": ["limit"]}
    assert spec_validation.validator(stricter) is not first


def test_a_property_called_description_is_not_an_annotation() -> None:
    plain = {"type": "object", "properties": {"a": {"type": "string"}}}
    named = {"type": "object", "properties": {"description": {"type": "string"}}}
    assert spec_validation.validator(plain) is not spec_validation.validator(named)
    assert not spec_validation.validator(named).is_valid({"description": 1})


def test_client_and_mock_share_the_validator_of_a_json_text_parameter() -> None:
    # listAssets' `filters`: the client reads it from the operation index (descriptions
    # dropped), the mock from openapi.yaml with its $refs inlined.
    schema = operation("listAssets").parameter("filters").schema["contentSchema"]  # type: ignore[union-attr]
    mock_side = mock_validation._json_content_params("listAssets")["filters"]
    assert spec_validation.validator(schema) is mock_side
    with pytest.raises(AngoHubValidationError) as refused:
        check("filters", {"batches": "b1"}, schema)
    assert refused.value.field == "filters.batches"


def test_the_mock_and_the_live_check_word_failures_with_the_same_functions() -> None:
    assert mock_validation.describe_schema_error is spec_validation.describe_schema_error
    assert live_validation.describe_schema_error is spec_validation.describe_schema_error
    assert mock_validation._describe is spec_validation.describe_openapi_error
    assert live_validation._describe is spec_validation.describe_openapi_error
    assert live_validation.spec_routes is spec_validation.spec_routes


def test_strict_and_open_validators_share_one_cache() -> None:
    loose = {"type": "object", "properties": {"limit": {"type": "integer"}}}
    strict = spec_validation.validator(loose, strict=True)
    assert spec_validation.validator(copy.deepcopy(loose), strict=True) is strict
    assert spec_validation.validator(loose) is not strict
    assert spec_validation.validator(loose).is_valid({"limt": 1})
    assert not strict.is_valid({"limt": 1})  # the client's typo protection
    scalar = {"type": "integer", "minimum": 1}
    assert spec_validation.validator(scalar, strict=True) is spec_validation.validator(scalar)


def test_the_parameter_fast_path_is_compiled_once_for_client_mock_and_live_check() -> None:
    # getUploadUrl's `type`: the client checks it with the index's schema, the mock and the
    # live check read it from openapi.yaml; all three hold one validator.
    client_schema = operation("getUploadUrl").parameter("type").schema  # type: ignore[union-attr]
    client_side = spec_validation.validator(client_schema, strict=True)
    (mock_param,) = [
        p
        for p in mock_validation.compiled_operations()["getUploadUrl"].query_params
        if p.name == "type"
    ]
    checker = live_validation.SpecChecker(live_validation.load_spec_file(None), "/v2")
    (live_param,) = [p for p in checker._compiled["getUploadUrl"].query_params if p.name == "type"]
    assert mock_param.validator is client_side
    assert live_param.validator is client_side
    assert sorted(checker._compiled) == sorted(mock_validation.compiled_operations())


def test_the_live_check_accepts_on_the_fast_path_and_words_refusals_with_openapi_core(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    checker = live_validation.SpecChecker(live_validation.load_spec_file(None), "/v2")
    unmarshalled: list[str] = []
    real = checker._openapi.unmarshal_request

    def counted(wire: live_validation.WireRequest) -> object:
        unmarshalled.append(wire.path)
        return real(wire)

    monkeypatch.setattr(checker._openapi, "unmarshal_request", counted)
    url = "https://hub.test/v2/getUploadUrl"
    key = {"apikey": "k"}  # openapi-core stops at a missing key
    good = httpx.Request(
        "GET", url, headers=key, params={"name": "a", "project": "p", "type": "assets"}
    )
    assert checker.request_errors(good, b"") == []
    assert unmarshalled == []  # accepted without openapi-core
    bad = httpx.Request(
        "GET", url, headers=key, params={"name": "a", "project": "p", "type": "gif"}
    )
    (error,) = checker.request_errors(bad, b"")
    assert error.startswith("query.type: 'gif' is not one of")
    assert unmarshalled == ["/v2/getUploadUrl"]
