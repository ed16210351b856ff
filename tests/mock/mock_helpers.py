"""Helpers shared by the mock's tests (imported as a plain module: tests/ has no packages)."""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any

import httpx
from ango_hub.mock import validation


def import_assets(
    api: httpx.Client, project_id: str, *assets: dict[str, Any], batches: str | None = None
) -> None:
    params = {"batches": batches} if batches is not None else {}
    response = api.post(
        f"/project/{project_id}/cloud", json={"assets": list(assets)}, params=params
    )
    assert response.status_code == 201, response.text


def list_assets(api: httpx.Client, project_id: str, **params: Any) -> dict[str, Any]:
    response = api.get(f"/project/{project_id}/assets", params=params)
    assert response.status_code == 200, response.text
    data: dict[str, Any] = response.json()["data"]
    return data


def export_zip(api: httpx.Client, project_id: str, **params: Any) -> zipfile.ZipFile:
    response = api.get("/export", params={"project": project_id, **params})
    assert response.status_code == 200, response.text
    download = httpx.get(response.json()["data"]["exportPath"])  # no apikey, like the SDK
    assert download.status_code == 200
    assert download.headers["content-type"] == "application/zip"
    return zipfile.ZipFile(io.BytesIO(download.content))


def export_tasks(api: httpx.Client, project_id: str, **params: Any) -> list[dict[str, Any]]:
    """Export as JSON (one file, a JSON array) and return the tasks."""
    archive = export_zip(api, project_id, **params)
    (name,) = archive.namelist()
    tasks: list[dict[str, Any]] = json.loads(archive.read(name))
    return tasks


def assert_conforms(response: httpx.Response) -> None:
    """Fail if ``response`` to a spec operation breaks openapi.yaml."""
    request = response.request
    if validation.operation_for(request.method, request.url.path) is None:
        return
    response.read()
    try:
        body = request.content or None
    except httpx.RequestNotRead:  # streamed multipart: the response check needs no body
        body = None
    wire_request = validation.WireRequest(
        method=request.method,
        path=request.url.path,
        query=list(request.url.params.multi_items()),
        headers=dict(request.headers),
        body=body,
        content_type=request.headers.get("content-type", "application/octet-stream"),
    )
    wire_response = validation.WireResponse(
        status_code=response.status_code,
        data=response.content,
        content_type=response.headers.get("content-type", ""),
        headers=dict(response.headers),
    )
    errors = validation.response_errors(wire_request, wire_response)
    assert not errors, f"{request.method} {request.url} -> {response.status_code}: {errors}"
