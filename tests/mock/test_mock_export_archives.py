"""Export archives live as long as their signed URLs: many concurrent exports, from several
organisations, all stay downloadable, and expired ones are removed."""

from __future__ import annotations

import io
import json
import time
import zipfile
from concurrent.futures import ThreadPoolExecutor

import httpx
from ango_hub.mock import MockConfig
from ango_hub.testing import run_mock_server

KEYS = ["key-a", "key-b"]
PROJECTS = ["a" * 24, "b" * 24]


def _export(base_url: str, key: str, project: str) -> tuple[int, str]:
    response = httpx.get(
        f"{base_url}/export",
        params={"project": project, "format": "ndjson"},
        headers={"apikey": key},
        timeout=60,
    )
    return response.status_code, response.json()["data"][
        "exportPath"
    ] if response.is_success else ""


def test_thirty_concurrent_exports_from_two_organisations_all_download() -> None:
    config = MockConfig.from_keys_and_projects(KEYS, PROJECTS)
    with run_mock_server(config=config) as mock:
        for key, project in zip(KEYS, PROJECTS, strict=True):
            httpx.post(
                f"{mock.base_url}/project/{project}/cloud",
                headers={"apikey": key},
                json={"assets": [{"data": f"https://x/{project}.jpg"}]},
            ).raise_for_status()
        jobs = [(KEYS[i % 2], PROJECTS[i % 2]) for i in range(30)]
        with ThreadPoolExecutor(max_workers=30) as pool:
            results = list(pool.map(lambda job: _export(mock.base_url, *job), jobs))
        assert [status for status, _ in results] == [200] * 30
        # Every URL handed out is still valid, so every archive must still be there.
        downloads = [httpx.get(url) for _, url in results]
        assert [d.status_code for d in downloads] == [200] * 30
        for (_, project), download in zip(jobs, downloads, strict=True):
            archive = zipfile.ZipFile(io.BytesIO(download.content))
            (task,) = [json.loads(line) for line in archive.read(f"{project}.ndjson").splitlines()]
            assert task["asset"] == f"https://x/{project}.jpg"
        assert [e["status"] for e in mock.requests.entries if e["operation"]] == [201, 201] + [
            200
        ] * 30


def test_an_archive_is_removed_once_its_url_has_expired() -> None:
    with run_mock_server(url_ttl_seconds=1) as mock:
        first = _export(mock.base_url, mock.api_key, mock.project_id)[1]
        (name,) = mock.ctx.archives.names()
        assert (mock.ctx.exports_dir / name).is_file()
        time.sleep(2.1)
        assert httpx.get(first).status_code == 403  # the URL expired
        second = _export(mock.base_url, mock.api_key, mock.project_id)[1]
        assert not (mock.ctx.exports_dir / name).exists()  # pruned by the next export
        assert httpx.get(second).status_code == 200
