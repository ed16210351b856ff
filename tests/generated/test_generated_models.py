"""The generated models parse every docs response example and give the same JSON back, and
tolerate what a growing server sends: unknown fields, unknown values, absent optional fields."""

from __future__ import annotations

import copy
import datetime
import json
from collections.abc import Callable
from typing import Any

import pytest
from ango_hub_api import AuthenticatedClient, models
from ango_hub_api.api.assets import (
    assign_batches,
    delete_assets,
    get_signed_url,
    get_upload_url,
    import_cloud_assets,
    list_assets,
    update_asset,
    upload_chat_assets,
)
from ango_hub_api.api.import_export import (
    export_tasks,
    export_tasks_v3,
    import_attachments,
    import_labels,
)
from ango_hub_api.models import (
    Asset,
    AssetListResponse,
    AssetsImportedResponse,
    DeleteAssetsRequest,
    DeleteAssetsResponse,
    ErrorResponse,
    ExportResponse,
)

from tests.generated.generated_harness import Recorder
from tests.spec.docs_examples import BY_OPERATION, EXAMPLES, DocsExample
from tests.spec.spec_wire import operations, resolve

PROJECT = "507f1f77bcf86cd799439011"


def response_model(operation_id: str) -> Any:
    """The generated class of the operation's success schema (named like the schema)."""
    _, _, operation = operations()[operation_id]
    success = [code for code in operation["responses"] if str(code).startswith("2")]
    refs = {
        resolve(operation["responses"][code])["content"]["application/json"]["schema"]["$ref"]
        for code in success
    }
    assert len(refs) == 1, refs
    return getattr(models, refs.pop().rsplit("/", 1)[1])


def same_instants(value: Any) -> Any:
    """``value`` with ISO 8601 date-time strings replaced by the instant they name."""
    if isinstance(value, dict):
        return {k: same_instants(v) for k, v in value.items()}
    if isinstance(value, list):
        return [same_instants(v) for v in value]
    if isinstance(value, str) and value[:4].isdigit() and "T" in value:
        try:
            return datetime.datetime.fromisoformat(value)
        except ValueError:
            return value
    return value


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e.operation_id)
def test_docs_response_round_trips(example: DocsExample) -> None:
    body = json.loads(example.response_body)
    parsed = response_model(example.operation_id).from_dict(body)
    assert same_instants(parsed.to_dict()) == same_instants(body)
    if "createdAt" not in example.response_body:
        assert parsed.to_dict() == body  # byte-faithful where no date-time is involved


def test_date_time_round_trip_keeps_the_instant_not_the_text() -> None:
    """The generated ``to_dict`` re-serialises date-times with ``isoformat()``: same instant,
    different text. Code that re-sends a parsed asset must not expect the server's string."""
    body = json.loads(BY_OPERATION["listAssets"].response_body)
    parsed = AssetListResponse.from_dict(body)
    created = parsed.data.assets[0].created_at
    assert created == datetime.datetime(2025, 12, 6, 20, 46, 59, 269000, tzinfo=datetime.UTC)
    assert parsed.to_dict()["data"]["assets"][0]["createdAt"] == "2025-12-06T20:46:59.269000+00:00"


def test_round_trip_has_teeth() -> None:
    body = json.loads(BY_OPERATION["deleteAssets"].response_body)
    parsed = DeleteAssetsResponse.from_dict(body)
    parsed.data.failed = 2
    assert parsed.to_dict() != body


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e.operation_id)
def test_docs_response_through_sync_detailed(
    example: DocsExample, make_client: Callable[[], AuthenticatedClient], recorder: Recorder
) -> None:
    """The generated ``_parse_response`` picks the success model for the docs' status."""
    recorder.status = example.response_status or 201
    recorder.body = example.response_body.encode()
    response = _call(example.operation_id, make_client())
    assert isinstance(response.parsed, response_model(example.operation_id))
    body = json.loads(example.response_body)
    assert same_instants(response.parsed.to_dict()) == same_instants(body)


def _call(operation_id: str, client: AuthenticatedClient) -> Any:
    """Call ``operation_id`` with minimal valid arguments."""
    calls: dict[str, Callable[[], Any]] = {
        "getUploadUrl": lambda: get_upload_url.sync_detailed(
            client=client, name="a.jpg", project=PROJECT
        ),
        "getSignedUrl": lambda: get_signed_url.sync_detailed(client=client, url_query="u"),
        "importCloudAssets": lambda: import_cloud_assets.sync_detailed(
            PROJECT,
            client=client,
            body=models.CloudImportRequest(assets=[models.CloudAsset(data="u")]),
        ),
        "uploadChatAssets": lambda: upload_chat_assets.sync_detailed(PROJECT, client=client),
        "listAssets": lambda: list_assets.sync_detailed(PROJECT, client=client),
        "deleteAssets": lambda: delete_assets.sync_detailed(
            PROJECT, client=client, body=DeleteAssetsRequest(assets=["a"])
        ),
        "updateAsset": lambda: update_asset.sync_detailed(
            "a", client=client, body=models.AssetUpdate(external_id="x")
        ),
        "assignBatches": lambda: assign_batches.sync_detailed(
            client=client,
            body=models.AssignBatchesRequest(assets=["a"], batches=["b"], project=PROJECT),
        ),
        "importAttachments": lambda: import_attachments.sync_detailed(
            client=client,
            body=models.ImportAttachmentsRequest.from_dict(
                {"project": PROJECT, "attachments": [{"assetId": "a", "attachmentUrl": "u"}]}
            ),
        ),
        "importLabels": lambda: import_labels.sync_detailed(
            client=client,
            body=models.ImportLabelsRequest.from_dict(
                {"project": PROJECT, "labels": [{"assetId": "a", "answer": {}}]}
            ),
        ),
        "exportTasks": lambda: export_tasks.sync_detailed(client=client, project=PROJECT),
        "exportTasksV3": lambda: export_tasks_v3.sync_detailed(client=client, project=PROJECT),
    }
    return calls[operation_id]()


# --- A server that grows -------------------------------------------------------------------


def test_unknown_fields_are_kept_and_round_trip() -> None:
    body = json.loads(BY_OPERATION["listAssets"].response_body)
    body["requestId"] = "r-1"
    body["data"]["nextCursor"] = {"after": "x"}
    body["data"]["assets"][0]["reviewScore"] = 0.9
    parsed = AssetListResponse.from_dict(copy.deepcopy(body))
    assert parsed.additional_properties == {"requestId": "r-1"}
    assert parsed.data.additional_properties == {"nextCursor": {"after": "x"}}
    assert parsed.data.assets[0]["reviewScore"] == 0.9
    assert same_instants(parsed.to_dict()) == same_instants(body)


def test_unknown_success_status_value_parses() -> None:
    body = json.loads(BY_OPERATION["exportTasks"].response_body)
    body["status"] = "queued"
    parsed = ExportResponse.from_dict(body)
    assert parsed.status == "queued"
    assert parsed.to_dict() == body


@pytest.mark.parametrize(
    "body",
    [
        {"status": "weird", "message": "new failure kind"},
        {"status": "fail", "message": "limit: must be at most 100"},
        {"error": {"statusCode": 403, "reason": "org"}, "message": "Forbidden"},
        {},
        {"message": "no status at all", "traceId": "t-1"},
    ],
)
def test_every_error_shape_parses_and_round_trips(body: dict[str, Any]) -> None:
    parsed = ErrorResponse.from_dict(copy.deepcopy(body))
    assert parsed.to_dict() == body


@pytest.mark.parametrize("status", [400, 401, 403, 404, 429, 500, 502, 503])
def test_error_statuses_parse_as_error_response(
    status: int, make_client: Callable[[], AuthenticatedClient], recorder: Recorder
) -> None:
    recorder.status = status
    recorder.body = b'{"status": "weird", "message": "m", "error": {"statusCode": %d}}' % status
    response = list_assets.sync_detailed(PROJECT, client=make_client())
    assert isinstance(response.parsed, ErrorResponse)
    assert response.parsed.status == "weird"
    assert isinstance(response.parsed.error, models.ErrorDetail)
    assert response.parsed.error.status_code == status


def test_missing_optional_fields_parse() -> None:
    parsed = AssetListResponse.from_dict(
        {"status": "success", "data": {"assets": [{"_id": "a1"}], "total": 1}}
    )
    asset = parsed.data.assets[0]
    assert asset.id == "a1"
    assert asset.created_at is None
    assert asset.metadata is None
    assert parsed.to_dict() == {
        "status": "success",
        "data": {"assets": [{"_id": "a1"}], "total": 1},
    }
    deleted = DeleteAssetsResponse.from_dict({"status": "success", "data": {}})
    assert deleted.data.deleted is None
    imported = AssetsImportedResponse.from_dict({"status": "success", "data": {"assets": {}}})
    assert imported.to_dict() == {"status": "success", "data": {"assets": {}}}


def test_null_where_the_spec_allows_it_parses() -> None:
    asset = Asset.from_dict({"_id": "a", "externalId": None, "metadata": None, "contextData": None})
    assert (asset.external_id, asset.metadata, asset.context_data) == (None, None, None)
    # A null that came in goes back out (the CLI prints what the server sent) ...
    assert asset.to_dict() == {
        "_id": "a",
        "externalId": None,
        "metadata": None,
        "contextData": None,
    }
    # ... while a None the caller sets is an absent field: left out, never sent as null
    # (docs/GENERATOR-NOTES.md, "Models without Unset").
    assert Asset(id="a", external_id=None).to_dict() == {"_id": "a"}
    assert Asset.from_dict({"_id": "a"}).to_dict() == {"_id": "a"}


def test_missing_required_field_fails_loudly() -> None:
    """The limit of tolerance, as generated: a success body without ``data`` is a KeyError."""
    with pytest.raises(KeyError, match="data"):
        ExportResponse.from_dict({"status": "success"})


def test_unknown_status_code_is_not_parsed(
    make_client: Callable[[], AuthenticatedClient], recorder: Recorder
) -> None:
    recorder.status = 418
    recorder.body = b"{}"
    response = delete_assets.sync_detailed(
        PROJECT, client=make_client(), body=DeleteAssetsRequest(assets=["a"])
    )
    assert response.status_code == 418
    assert response.parsed is None
