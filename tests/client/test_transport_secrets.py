"""Secrets on the wire and in text (issue 11, items 3-5): a key with stray line ends, the
apikey header across redirects, and signed URLs in errors, reports and logs. Both clients."""

from __future__ import annotations

import logging
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest
from ango_hub import (
    APIConnectionError,
    AuthenticationError,
    ConfigurationError,
    NotFoundError,
)
from ango_hub._redact import redacted_url, scrub_urls
from ango_hub.mock.server import MockServer
from ango_hub.testing import free_port
from client_helpers import KEY, MakeHub, WireHub, ok
from local_servers import answer_json, redirect, serve

PROJECT = "507f1f77bcf86cd799439011"
CORE = "sk-hostile-7f3a9c"  # every printed form of the key below contains this
HOSTILE = CORE + "\r\n"
GCS = (
    "https://storage.googleapis.com/bucket/a.png?X-Goog-Algorithm=GOOG4-RSA-SHA256"
    "&X-Goog-Credential=svc%40proj.iam.gserviceaccount.com%2F20261123%2Fauto%2Fstorage"
    "&X-Goog-Date=20261123T000000Z&X-Goog-Expires=900&X-Goog-SignedHeaders=host"
    "&X-Goog-Signature=deadbeefcafe0123"
)


# --- 3. a key ending in \r\n -------------------------------------------------------------


def test_key_line_end_is_stripped_and_works_on_the_wire(
    mock: MockServer, make_hub: MakeHub, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    with make_hub(api_key=mock.api_key + "\r\n", base_url=mock.base_url) as hub:
        assert hub.assets.list_page(PROJECT).total == 0
    assert mock.requests.entries[-1]["status"] == 200


def test_key_from_a_crlf_env_file_is_stripped(
    mock: MockServer, make_hub: MakeHub, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ANGO_API_KEY", mock.api_key + "\r\n")
    with make_hub(base_url=mock.base_url) as hub:
        assert hub.assets.list_page(PROJECT).total == 0


@pytest.mark.parametrize("key", ["qz\nxw", "qz\x00xw", "qz\x7fxw", "  \r\n"])
def test_inner_control_characters_are_refused_without_echoing_the_key(
    make_hub: MakeHub, key: str
) -> None:
    with pytest.raises(ConfigurationError, match="api_key") as info:
        make_hub(api_key=key, base_url="https://hub.test/v2")
    assert "qz" not in str(info.value)
    assert "xw" not in str(info.value)


def test_unknown_crlf_key_leaks_in_no_error_and_no_log(
    mock: MockServer, make_hub: MakeHub, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    with (
        make_hub(api_key=HOSTILE, base_url=mock.base_url) as hub,
        pytest.raises(AuthenticationError) as info,
    ):
        hub.assets.list_page(PROJECT)
    assert CORE not in str(info.value)
    assert CORE not in repr(info.value)
    assert CORE not in caplog.text


def test_connection_error_and_debug_log_never_hold_the_key(
    make_hub: MakeHub, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    base = f"http://127.0.0.1:{free_port()}/v2"
    with (
        make_hub(api_key=HOSTILE, base_url=base, max_retries=1) as hub,
        pytest.raises(APIConnectionError) as info,
    ):
        hub.assets.list_page(PROJECT)
    assert CORE not in str(info.value)
    assert CORE not in caplog.text


def test_error_text_carrying_the_key_in_any_form_is_scrubbed(
    wire_hub: WireHub, caplog: pytest.LogCaptureFixture
) -> None:
    """A transport library that prints the header it refused (repr-escaped, URL-encoded)."""
    caplog.set_level(logging.DEBUG)
    forms = [KEY, repr(KEY + "\r\n"), quote(KEY + "\r\n", safe=""), repr((KEY + "\n").encode())]

    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.LocalProtocolError(f"Illegal header value {' / '.join(forms)}")

    hub, _wire = wire_hub(refuse, max_retries=1)
    with pytest.raises(APIConnectionError) as info:
        hub.assets.list_page(PROJECT)
    secret = KEY.removeprefix("sk-")
    assert secret not in str(info.value), str(info.value)
    assert info.value.__cause__ is None  # the raw cause held the key: not chained
    assert secret not in caplog.text


# --- 4. the apikey header across redirects ------------------------------------------------


def test_key_is_dropped_on_a_redirect_to_another_origin(make_hub: MakeHub) -> None:
    def elsewhere(handler: BaseHTTPRequestHandler) -> None:
        answer_json(handler, {"status": "success", "data": {"assets": [], "total": 0}})

    with serve(elsewhere) as (other, other_seen):

        def origin(handler: BaseHTTPRequestHandler) -> None:
            redirect(handler, other + handler.path)

        with (
            serve(origin) as (root, root_seen),
            make_hub(api_key=KEY, base_url=root + "/v2") as hub,
        ):
            assert hub.assets.list_page(PROJECT).total == 0
    assert root_seen[0]["apikey"] == KEY
    assert len(other_seen) == 1
    assert "apikey" not in other_seen[0]


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_key_follows_a_redirect_within_its_origin(make_hub: MakeHub, status: int) -> None:
    def handle(handler: BaseHTTPRequestHandler) -> None:
        if handler.path.startswith("/old"):
            redirect(handler, handler.path.replace("/old", "", 1), status)
        else:
            answer_json(handler, {"status": "success", "data": {"assets": [], "total": 0}})

    with serve(handle) as (root, seen), make_hub(api_key=KEY, base_url=root + "/old/v2") as hub:
        assert hub.assets.list_page(PROJECT).total == 0
    assert [s.get("apikey") for s in seen] == [KEY, KEY]


def test_key_is_dropped_when_only_the_port_changes(make_hub: MakeHub) -> None:
    with serve(lambda h: answer_json(h, {"data": {"assets": [], "total": 0}})) as (other, seen):
        port = other.rsplit(":", 1)[1]
        with (
            serve(lambda h: redirect(h, f"http://127.0.0.1:{port}{h.path}")) as (root, _),
            make_hub(api_key=KEY, base_url=root + "/v2") as hub,
        ):
            hub.call("listAssets", {"projectId": PROJECT})
    assert "apikey" not in seen[0]


# --- 5. signed URLs ---------------------------------------------------------------------------


def test_gcs_v4_and_nested_signed_urls_are_redacted() -> None:
    assert redacted_url(GCS) == "https://storage.googleapis.com/bucket/a.png"
    nested = str(httpx.URL("https://hub.test/v2/getSignedUrl", params={"url": GCS}))
    assert "deadbeef" not in redacted_url(nested)
    assert "X-Goog" not in redacted_url(nested)
    assert "storage.googleapis.com" in redacted_url(nested)
    sas = "https://acct.blob.core.windows.net/c/a.png?sv=2024&se=2026-11-24&sp=r&sig=abc%3D"
    assert redacted_url(sas) == "https://acct.blob.core.windows.net/c/a.png"
    plain = "https://hub.test/v2/project/p/assets?page=2"
    assert redacted_url(plain) == plain
    assert "deadbeef" not in scrub_urls(f"failed to fetch {GCS} (403)")


def test_a_failed_signed_url_lookup_names_no_signature(wire_hub: WireHub) -> None:
    hub, wire = wire_hub(lambda r: httpx.Response(404, json={"message": f"no such {GCS}"}))
    with pytest.raises(NotFoundError) as info:
        hub.files.signed_url(GCS)
    assert "getSignedUrl" in str(wire.last.url)
    assert "deadbeef" not in str(info.value)
    assert "X-Goog-Credential" not in str(info.value)


def test_upload_report_and_httpx_log_hold_no_gcs_signature(
    wire_hub: WireHub, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    (tmp_path / "a.png").write_bytes(b"png")

    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.host == "storage.googleapis.com":
            return httpx.Response(403, text=f"<Error>SignatureDoesNotMatch for {GCS}</Error>")
        if request.url.path.endswith("/getUploadUrl"):
            return ok({"uploadUrl": GCS})
        return ok({"assets": [], "total": 0})

    hub, wire = wire_hub(answer)
    report = hub.assets.upload(PROJECT, [tmp_path / "a.png"])
    assert [item.stage for item in report.failed] == ["put"]
    assert any(r.url.host == "storage.googleapis.com" for r in wire.requests)
    text = str(report.to_dict())
    assert "deadbeef" not in text
    assert "X-Goog-Credential" not in text
    assert "HTTP Request: PUT https://storage.googleapis.com/bucket/a.png" in caplog.text
    assert "deadbeef" not in caplog.text
    assert "X-Goog" not in caplog.text
