"""Signed upload/download URLs: PUT then GET, expiry, tampering, names, size cap."""

from __future__ import annotations

import time
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx
import pytest
from ango_hub.mock.server import MockServer
from ango_hub.mock.storage import ObjectStore, StorageError, sanitize_name
from ango_hub.testing import run_mock_server


def upload_url(api: httpx.Client, project_id: str, name: str, **params: str) -> str:
    response = api.get("/getUploadUrl", params={"name": name, "project": project_id, **params})
    assert response.status_code == 201, response.text
    url: str = response.json()["data"]["uploadUrl"]
    return url


def test_put_then_object_url_is_asset_data_and_signed_get_serves_bytes(
    api: httpx.Client, mock: MockServer
) -> None:
    url = upload_url(api, mock.project_id, "cat.jpg")
    assert url.startswith(f"{mock.root_url}/_storage/")
    payload = bytes(range(256)) * 40
    assert httpx.put(url, content=payload).status_code == 200
    object_url = url.split("?")[0]
    api.post(f"/project/{mock.project_id}/cloud", json={"assets": [{"data": object_url}]})
    (asset,) = api.get(f"/project/{mock.project_id}/assets").json()["data"]["assets"]
    assert asset["data"] == object_url
    for param in ("url", "name"):  # the reference page's form and the SDK's
        signed = api.get("/getSignedUrl", params={param: object_url, "project": mock.project_id})
        assert signed.status_code == 201
        assert httpx.get(signed.json()["data"]["signedUrl"]).content == payload
    assert httpx.get(object_url).status_code == 403  # unsigned


def test_signed_url_naming_no_file_finds_none(api: httpx.Client) -> None:
    # Both parameters are optional in the spec: neither (or an empty one) names no file, a 404.
    for params in ({}, {"name": ""}, {"url": "", "name": ""}):
        response = api.get("/getSignedUrl", params=params)
        assert response.status_code == 404
        assert response.json() == {
            "status": "fail",
            "message": "url: no file named (give `url`, or the SDK's `name`)",
        }


def test_signed_url_for_missing_file_fails_on_get_and_foreign_urls_come_back(
    api: httpx.Client, mock: MockServer
) -> None:
    # Signed before the file exists (the SDK's export plugin signs before its PUT); the GET 404s.
    missing = f"{mock.root_url}/_storage/{mock.project_id}/assets/nope.jpg"
    signed = api.get("/getSignedUrl", params={"url": missing}).json()["data"]["signedUrl"]
    assert httpx.get(signed).status_code == 404
    other = f"{mock.root_url}/_storage/507f1f77bcf86cd7994390ff/assets/nope.jpg"
    assert api.get("/getSignedUrl", params={"url": other}).status_code == 404
    foreign = "https://bucket.s3.amazonaws.com/a.jpg"
    assert api.get("/getSignedUrl", params={"url": foreign}).json()["data"]["signedUrl"] == foreign


def test_tampered_signature_key_or_operation_is_rejected(
    api: httpx.Client, mock: MockServer
) -> None:
    url = upload_url(api, mock.project_id, "a.bin")
    parts = urlsplit(url)
    query = {k: v[0] for k, v in parse_qs(parts.query).items()}
    flipped = query["signature"][:-1] + ("0" if query["signature"][-1] != "0" else "1")
    base = f"{parts.scheme}://{parts.netloc}"
    later = int(query["expires"]) + 9
    cases = {
        "signature": f"{base}{parts.path}?{urlencode({**query, 'signature': flipped})}",
        "expiry": f"{base}{parts.path}?{urlencode({**query, 'expires': later})}",
        "key": f"{base}{parts.path.replace('a.bin', 'b.bin')}?{parts.query}",
        "no query": f"{base}{parts.path}",
    }
    for name, bad in cases.items():
        response = httpx.put(bad, content=b"x")
        assert response.status_code == 403, name
        assert response.json()["status"] == "fail"
    httpx.put(url, content=b"x").raise_for_status()
    # A PUT signature does not authorise a GET.
    assert httpx.get(url).status_code == 403
    assert httpx.get(url.replace("op=put", "op=get")).status_code == 403


def test_urls_expire() -> None:
    with run_mock_server(url_ttl_seconds=0) as mock:
        url = httpx.get(
            f"{mock.base_url}/getUploadUrl",
            params={"name": "late.bin", "project": mock.project_id},
            headers={"apikey": mock.api_key},
        ).json()["data"]["uploadUrl"]
        expires = int(parse_qs(urlsplit(url).query)["expires"][0])
        while time.time() <= expires:  # wait out the (zero) lifetime: at most one second
            time.sleep(0.05)
        response = httpx.put(url, content=b"x")
        assert response.status_code == 403
        assert response.json()["message"] == "signature: URL expired"


@pytest.mark.parametrize(
    ("name", "stored_as"),
    [
        ("../../etc/passwd", "passwd"),
        ("..\\..\\windows\\win.ini", "win.ini"),
        ("/abs/path/x.jpg", "x.jpg"),
        ("..", None),
        (".hidden", "hidden"),
        ("we ird;name$.png", "we_ird_name_.png"),
        ("\u00e9\u00e8", None),
        ("a" * 500 + ".jpg", "a" * 200),
        ("x\x00y.jpg", "x_y.jpg"),
    ],
)
def test_hostile_names_stay_inside_storage(
    api: httpx.Client, mock: MockServer, name: str, stored_as: str | None
) -> None:
    url = upload_url(api, mock.project_id, name)
    assert httpx.put(url, content=b"data").status_code == 200
    root = mock.ctx.store.root
    files = [p for p in root.rglob("*") if p.is_file()]
    (stored,) = files
    assert stored.is_relative_to(root)
    assert stored.parent == root / mock.project_id / "assets"
    expected = stored_as or sanitize_name(name)
    assert stored.name == expected
    assert expected.startswith("file-") or stored_as is not None


def test_storage_paths_cannot_escape_even_with_a_valid_looking_request(mock: MockServer) -> None:
    for path in (
        "/_storage/../../etc/passwd",
        "/_storage/%2e%2e/%2e%2e/etc/passwd",
        "/_storage/a/b/..%2f..%2fx",
    ):
        response = httpx.get(f"{mock.root_url}{path}?op=get&expires=9999999999&signature=00")
        assert response.status_code in (403, 404), path
    # Even a correctly signed key is refused if it could leave the storage root.
    outside = mock.ctx.store.root.parent / "evil"
    key = f"../{outside.name}"
    sig = mock.ctx.signer.query("put", key)
    response = httpx.put(f"{mock.root_url}/_storage/{key}?{sig}", content=b"x")
    assert response.status_code in (400, 403, 404)
    assert not outside.exists()


def test_upload_size_cap_is_413_and_leaves_no_file() -> None:
    with run_mock_server(max_upload_bytes=1000) as mock:
        url = httpx.get(
            f"{mock.base_url}/getUploadUrl",
            params={"name": "big.bin", "project": mock.project_id},
            headers={"apikey": mock.api_key},
        ).json()["data"]["uploadUrl"]
        assert httpx.put(url, content=b"x" * 1001).status_code == 413

        def chunks() -> object:  # no Content-Length: the cap applies while streaming
            for _ in range(20):
                yield b"y" * 100

        response = httpx.put(url, content=chunks())  # type: ignore[arg-type]
        assert response.status_code == 413
        assert not [p for p in mock.ctx.store.root.rglob("*") if p.is_file()]
        assert httpx.put(url, content=b"x" * 1000).status_code == 200


def test_another_organisations_file_is_not_signed(api: httpx.Client, mock: MockServer) -> None:
    url = upload_url(api, mock.project_id, "private.jpg")
    httpx.put(url, content=b"secret").raise_for_status()
    other_key = "other-org-key"
    httpx.post(
        f"{mock.root_url}/_mock/projects",
        headers={"apikey": mock.api_key},
        json={"apiKey": other_key, "id": "b" * 24},
    ).raise_for_status()
    response = httpx.get(
        f"{mock.base_url}/getSignedUrl",
        params={"url": url.split("?")[0]},
        headers={"apikey": other_key},
    )
    assert response.status_code == 404
    upload = httpx.get(
        f"{mock.base_url}/getUploadUrl",
        params={"name": "x.jpg", "project": mock.project_id},
        headers={"apikey": other_key},
    )
    assert upload.status_code == 404


@pytest.mark.parametrize(
    "key",
    [
        "../x/y",
        "p/assets/../../z",
        "/etc/passwd",
        "p/assets/.hidden",
        "p/assets",
        "p/a/b/c",
        "p/assets/a\x00",
    ],
)
def test_object_store_refuses_keys_that_could_escape(tmp_path: Path, key: str) -> None:
    store = ObjectStore(tmp_path)
    with pytest.raises(StorageError):
        store.path_for(key)
    assert store.path_for("p/assets/ok.jpg") == tmp_path.resolve() / "p" / "assets" / "ok.jpg"
