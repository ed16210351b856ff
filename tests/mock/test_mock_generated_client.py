"""The generated client (ango_hub_api) parses every mock answer into its typed models."""

from __future__ import annotations

import ango_hub_api.models as m
import httpx
from ango_hub.mock.server import MockServer
from ango_hub_api.api.assets import (
    assign_batches,
    delete_assets,
    get_signed_url,
    get_upload_url,
    import_cloud_assets,
    list_assets,
    update_asset,
)
from ango_hub_api.api.import_export import export_tasks_v3, import_attachments, import_labels
from ango_hub_api.client import AuthenticatedClient


def test_generated_client_round_trip(mock: MockServer) -> None:
    client = AuthenticatedClient(
        base_url=mock.base_url, token=mock.api_key, prefix="", auth_header_name="apikey"
    )
    p = mock.project_id
    body = m.CloudImportRequest.from_dict({"assets": [{"data": "https://x/1", "externalId": "e1"}]})
    imported = import_cloud_assets.sync(p, client=client, body=body)
    assert isinstance(imported, m.AssetsImportedResponse)
    page = list_assets.sync(p, client=client, limit=5)
    assert isinstance(page, m.AssetListResponse)
    assert page.data.total == 1
    asset = page.data.assets[0]
    assert asset.created_at is not None
    assert asset.created_at.tzinfo is not None
    updated = update_asset.sync(
        asset.id, client=client, body=m.AssetUpdate.from_dict({"externalId": "e2"})
    )
    assert isinstance(updated, m.AssetResponse)
    assert updated.data.asset.external_id == "e2"
    assigned = assign_batches.sync(
        client=client,
        body=m.AssignBatchesRequest.from_dict(
            {"projectId": p, "assets": [asset.id], "batches": ["B"]}
        ),
    )
    assert isinstance(assigned, m.AssignBatchesResponse)
    labels = import_labels.sync(
        client=client,
        body=m.ImportLabelsRequest.from_dict(
            {"project": p, "labels": [{"assetId": asset.id, "answer": {}}]}
        ),
    )
    assert isinstance(labels, m.ImportLabelsResponse)
    attached = import_attachments.sync(
        client=client,
        body=m.ImportAttachmentsRequest.from_dict(
            {
                "project": p,
                "attachments": [{"assetId": asset.id, "attachmentUrl": "https://x/a.pdf"}],
            }
        ),
    )
    assert isinstance(attached, m.ImportAttachmentsResponse)
    upload = get_upload_url.sync(client=client, name="a.jpg", project=p)
    assert isinstance(upload, m.UploadUrlResponse)
    httpx.put(upload.data.upload_url, content=b"abc").raise_for_status()
    signed = get_signed_url.sync(client=client, url_query=upload.data.upload_url.split("?")[0])
    assert isinstance(signed, m.SignedUrlResponse)
    assert httpx.get(signed.data.signed_url).content == b"abc"
    exported = export_tasks_v3.sync(client=client, project=p)
    assert isinstance(exported, m.ExportResponse)
    deleted = delete_assets.sync(
        p, client=client, body=m.DeleteAssetsRequest.from_dict({"assets": [asset.id]})
    )
    assert isinstance(deleted, m.DeleteAssetsResponse)
    assert deleted.data.deleted == 1
    missing = get_signed_url.sync(client=client)
    assert isinstance(missing, m.ErrorResponse)
    assert missing.message == "url: no file named (give `url`, or the SDK's `name`)"
