"""A minimal HTTP backend for the CLI, used while ``ango_hub.AngoHub`` is not available.

It speaks the spec's operations with httpx and exposes the small surface the commands use
(``hub.assets``, ``hub.labels``, ``hub.attachments``, ``hub.exports``). Once the ergonomic
client exists, :func:`ango_hub.cli._client.open_hub` uses it instead.
"""

from __future__ import annotations

import json
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

import httpx

REGION_URLS = {
    "eu": "https://imeritapi.ango.ai/v2",
    "us": "https://us-api.ango.ai/v2",
    "in": "https://in-api.ango.ai/v2",
    "test": "https://testapi.ango.ai/v2",
}
RETRY_STATUSES = {429, 502, 503, 504}
ATTEMPTS = 3
IMPORT_CHUNK = 500


class ApiError(Exception):
    """A non-2xx answer: status code and the server's message (never the API key)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(f"HTTP {status}: {message}")
        self.status = status


@dataclass
class UploadItem:
    """The outcome for one local file."""

    path: str
    external_id: str
    ok: bool
    url: str | None = None
    error: str | None = None


@dataclass
class AssetPage:
    """One page of ``listAssets``."""

    assets: list[dict[str, Any]]
    total: int


class _Http:
    def __init__(self, api_key: str, base_url: str) -> None:
        self.base_url = base_url.rstrip("/")
        self.client = httpx.Client(headers={"apikey": api_key}, timeout=60.0)

    def call(self, method: str, path: str, **kwargs: Any) -> Any:
        for attempt in range(ATTEMPTS):
            response = self.client.request(method, self.base_url + path, **kwargs)
            if response.status_code in RETRY_STATUSES and attempt + 1 < ATTEMPTS:
                time.sleep(min(float(response.headers.get("Retry-After", "0.5") or 0.5), 2.0))
                continue
            break
        if response.status_code >= 400:
            raise ApiError(response.status_code, _message(response))
        body = response.json()
        return body.get("data", body) if isinstance(body, dict) else body


def _message(response: httpx.Response) -> str:
    try:
        body = response.json()
    except ValueError:
        return response.reason_phrase or "error"
    if isinstance(body, dict) and body.get("message"):
        return str(body["message"])
    return response.reason_phrase or "error"


class _Assets:
    def __init__(self, http: _Http) -> None:
        self._http = http

    def upload(
        self,
        project: str,
        files: list[tuple[str, str]],
        batches: list[str] | None = None,
        concurrency: int = 8,
        progress: Callable[[int], None] | None = None,
    ) -> list[UploadItem]:
        def one(pair: tuple[str, str]) -> UploadItem:
            path, external_id = pair
            try:
                url = self._put(project, Path(path))
            except (ApiError, httpx.HTTPError, OSError) as exc:
                return UploadItem(path, external_id, False, error=str(exc))
            finally:
                if progress:
                    progress(1)
            return UploadItem(path, external_id, True, url=url)

        with ThreadPoolExecutor(max_workers=concurrency) as pool:
            items = list(pool.map(one, files))
        done = [item for item in items if item.ok]
        for start in range(0, len(done), IMPORT_CHUNK):
            chunk = done[start : start + IMPORT_CHUNK]
            assets = [{"data": item.url, "externalId": item.external_id} for item in chunk]
            try:
                self.import_cloud(project, assets, batches, upload_local=True)
            except ApiError as exc:
                for item in chunk:
                    item.ok, item.error = False, str(exc)
        return items

    def _put(self, project: str, path: Path) -> str:
        data = self._http.call(
            "GET", "/getUploadUrl", params={"name": path.name, "project": project}
        )
        upload_url: str = data["uploadUrl"]
        response = self._http.client.put(upload_url, content=path.read_bytes())
        if response.status_code >= 400:
            raise ApiError(response.status_code, _message(response))
        return upload_url.split("?", 1)[0]

    def import_cloud(
        self,
        project: str,
        assets: list[dict[str, Any]],
        batches: list[str] | None = None,
        upload_local: bool = False,
    ) -> Any:
        params = {"batches": json.dumps(batches)} if batches else None
        body: dict[str, Any] = {"assets": assets}
        if upload_local:
            body["uploadLocal"] = "true"
        return self._http.call("POST", f"/project/{project}/cloud", params=params, json=body)

    def list_page(
        self,
        project: str,
        *,
        page: int = 1,
        limit: int = 10,
        external_id: str | None = None,
        batches: list[str] | None = None,
        filters: dict[str, Any] | None = None,
    ) -> AssetPage:
        params: dict[str, Any] = {"page": page, "limit": limit}
        if external_id:
            params["externalId"] = external_id
        if batches:
            params["batches"] = json.dumps(batches)
        if filters:
            params["filters"] = json.dumps(filters)
        data = self._http.call("GET", f"/project/{project}/assets", params=params)
        return AssetPage(list(data["assets"]), int(data["total"]))

    def delete(self, project: str, asset_ids: list[str]) -> Any:
        body = {"assets": asset_ids, "project": project}
        return self._http.call("DELETE", f"/project/{project}/assets", json=body)

    def update(self, asset_id: str, **fields: Any) -> Any:
        names = {"context_data": "contextData", "external_id": "externalId"}
        body = {names.get(k, k): v for k, v in fields.items()}
        return self._http.call("POST", f"/assets/{asset_id}", json=body)["asset"]

    def assign_batches(self, project: str, asset_ids: list[str], batches: list[str]) -> Any:
        body = {"assets": asset_ids, "batches": batches, "projectId": project}
        return self._http.call("POST", "/assignBatches", json=body).get("assets", {})

    # Last in the class: the name would shadow the builtin in the annotations below it.
    def list(self, project: str, page_size: int = 100, **query: Any) -> Iterator[dict[str, Any]]:
        page = 1
        while True:
            result = self.list_page(project, page=page, limit=page_size, **query)
            yield from result.assets
            if not result.assets or page * page_size >= result.total:
                return
            page += 1


class _Labels:
    def __init__(self, http: _Http) -> None:
        self._http = http

    def import_labels(self, project: str, labels: list[dict[str, Any]]) -> Any:
        data = self._http.call(
            "POST", "/import/labels", json={"project": project, "labels": labels}
        )
        return data.get("project", data)


class _Attachments:
    def __init__(self, http: _Http) -> None:
        self._http = http

    def import_attachments(self, project: str, attachments: list[dict[str, Any]]) -> Any:
        body = {"project": project, "attachments": attachments}
        return self._http.call("POST", "/attachments", json=body).get("project", {})


class _Exports:
    def __init__(self, http: _Http) -> None:
        self._http = http

    def iter_tasks(
        self,
        project: str,
        status: str | None = None,
        batches: list[str] | None = None,
        stages: list[str] | None = None,
    ) -> Iterator[dict[str, Any]]:
        params: dict[str, Any] = {"project": project, "format": "ndjson"}
        if status:
            params["status"] = status
        if batches:
            params["batches"] = json.dumps(batches)
        if stages:
            params["stage"] = json.dumps(stages)
        location = self._http.call("GET", "/export", params=params)["exportPath"]
        with tempfile.TemporaryFile() as archive:
            with httpx.stream("GET", location, timeout=300.0) as response:
                if response.status_code >= 400:
                    raise ApiError(response.status_code, "export download failed")
                for chunk in response.iter_bytes():
                    archive.write(chunk)
            archive.seek(0)
            with zipfile.ZipFile(archive) as zipped:
                for name in zipped.namelist():
                    with zipped.open(name) as member:
                        for line in member:
                            if line.strip():
                                yield json.loads(line)


class FallbackHub:
    """The CLI's own small client (context manager), same surface as the commands need."""

    def __init__(
        self, api_key: str, region: str | None = None, base_url: str | None = None
    ) -> None:
        self._http = _Http(api_key, base_url or REGION_URLS[region or "eu"])
        self.assets = _Assets(self._http)
        self.labels = _Labels(self._http)
        self.attachments = _Attachments(self._http)
        self.exports = _Exports(self._http)

    def __enter__(self) -> FallbackHub:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._http.client.close()
