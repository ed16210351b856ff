"""Construction, secrets and error mapping, on both clients."""

from __future__ import annotations

import logging

import httpx
import pytest
from ango_hub import (
    AngoHubValidationError,
    APIConnectionError,
    APIStatusError,
    AuthenticationError,
    BadRequestError,
    ConfigurationError,
    ConflictError,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    UnprocessableEntityError,
)
from client_helpers import KEY, MakeHub, WireHub, ok

PROJECT = "507f1f77bcf86cd799439011"


def test_missing_key_is_a_configuration_error(
    make_hub: MakeHub, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ANGO_API_KEY", raising=False)
    with pytest.raises(ConfigurationError, match="ANGO_API_KEY"):
        make_hub()


def test_bad_region_names_the_allowed_values(
    make_hub: MakeHub, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(ConfigurationError, match="eu") as info:
        make_hub(api_key=KEY, region="mars")
    assert "us" in str(info.value)
    assert "test" in str(info.value)


def test_environment_fallbacks(make_hub: MakeHub, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ANGO_API_KEY", KEY)
    monkeypatch.setenv("ANGO_REGION", "us")
    monkeypatch.delenv("ANGO_BASE_URL", raising=False)
    with make_hub() as hub:
        assert hub.base_url != make_hub(region="eu").base_url
    monkeypatch.setenv("ANGO_BASE_URL", "http://127.0.0.1:9/v2")
    with make_hub() as hub:
        assert hub.base_url == "http://127.0.0.1:9/v2"


def test_repr_hides_the_key(make_hub: MakeHub) -> None:
    hub = make_hub(api_key=KEY, base_url="http://127.0.0.1:9/v2")
    assert KEY not in repr(hub)
    assert "127.0.0.1" in repr(hub)
    hub.close()


def test_default_timeout_is_set(make_hub: MakeHub) -> None:
    hub = make_hub(api_key=KEY)
    timeout = hub._settings.timeout
    assert timeout is not None
    assert isinstance(timeout, httpx.Timeout)
    assert timeout.read is not None
    hub.close()


def test_own_http_client_gets_the_key_header_and_is_not_closed(wire_hub: WireHub) -> None:
    hub, wire = wire_hub(lambda r: ok({"assets": [], "total": 0}))
    with hub:
        hub.assets.list_page(PROJECT)
    assert wire.last.headers["apikey"] == KEY
    assert not hub._http.is_closed


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, BadRequestError),
        (401, AuthenticationError),
        (403, PermissionDeniedError),
        (404, NotFoundError),
        (409, ConflictError),
        (422, UnprocessableEntityError),
        (429, RateLimitError),
        (500, InternalServerError),
        (503, InternalServerError),
        (418, APIStatusError),
    ],
)
def test_status_families(wire_hub: WireHub, status: int, cls: type[APIStatusError]) -> None:
    hub, _wire = wire_hub(
        lambda r: httpx.Response(status, json={"status": "error", "message": f"nope {status}"}),
        max_retries=0,
    )
    with pytest.raises(cls) as info:
        hub.assets.list_page(PROJECT)
    err = info.value
    assert type(err) is cls
    assert err.status_code == status
    assert err.message == f"nope {status}"
    assert err.method == "GET"
    assert f"/project/{PROJECT}/assets" in err.url
    assert KEY not in str(err)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"status": "error", "message": "shape one"}, "shape one"),
        ({"error": {"message": "shape two", "code": 7}}, "shape two"),
        ({"error": "shape three"}, "shape three"),
    ],
)
def test_error_body_shapes(wire_hub: WireHub, body: dict[str, object], message: str) -> None:
    hub, _ = wire_hub(lambda r: httpx.Response(400, json=body))
    with pytest.raises(BadRequestError) as info:
        hub.assets.list_page(PROJECT)
    assert info.value.message == message


def test_non_json_error_body_gives_an_excerpt(wire_hub: WireHub) -> None:
    html = "<html><body>" + "Bad Gateway " * 100 + "</body></html>"
    hub, _ = wire_hub(lambda r: httpx.Response(502, text=html), max_retries=0)
    with pytest.raises(InternalServerError) as info:
        hub.assets.list_page(PROJECT)
    assert "Bad Gateway" in info.value.message
    assert len(info.value.message) < 400


def test_retry_after_seconds_and_date(wire_hub: WireHub) -> None:
    hub, _ = wire_hub(
        lambda r: httpx.Response(429, headers={"Retry-After": "7"}, json={"message": "slow"}),
        max_retries=0,
    )
    with pytest.raises(RateLimitError) as info:
        hub.assets.list_page(PROJECT)
    assert info.value.retry_after == 7.0
    hub, _ = wire_hub(
        lambda r: httpx.Response(
            429, headers={"Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"}, json={}
        ),
        max_retries=0,
    )
    with pytest.raises(RateLimitError) as info:
        hub.assets.list_page(PROJECT)
    assert info.value.retry_after == 0.0


def test_401_from_the_mock_never_shows_the_key(
    make_hub: MakeHub, mock: object, caplog: pytest.LogCaptureFixture
) -> None:
    bad = "sk-wrong-key-should-never-leak"
    caplog.set_level(logging.DEBUG)  # httpx, httpcore and ango_hub at DEBUG
    hub = make_hub(api_key=bad, base_url=mock.base_url)  # type: ignore[attr-defined]
    with hub, pytest.raises(AuthenticationError) as info:
        hub.assets.list_page(mock.project_id)  # type: ignore[attr-defined]
    assert bad not in str(info.value)
    assert bad not in repr(info.value)
    assert bad not in caplog.text
    assert any(r.name == "ango_hub" for r in caplog.records)


def test_requests_logged_at_debug(wire_hub: WireHub, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="ango_hub")
    hub, _ = wire_hub(lambda r: ok({"assets": [], "total": 0}))
    hub.assets.list_page(PROJECT)
    lines = [r.getMessage() for r in caplog.records if r.name.startswith("ango_hub")]
    assert any("GET" in line and "/assets" in line for line in lines)
    assert KEY not in caplog.text


def test_validation_errors_name_field_and_allowed(wire_hub: WireHub) -> None:
    hub, wire = wire_hub(lambda r: ok({}))
    with pytest.raises(AngoHubValidationError) as info:
        hub.assets.list_page(PROJECT, limit=101)
    assert info.value.field == "limit"
    assert "100" in str(info.value)
    with pytest.raises(AngoHubValidationError, match="priority"):
        hub.assets.import_from_cloud(PROJECT, [{"data": "https://x/a.png"}], priority=5000)
    with pytest.raises(AngoHubValidationError, match="ndjson"):
        hub.exports.create(PROJECT, format="xml")  # type: ignore[typeddict-item]
    with pytest.raises(ValueError, match="filters"):
        hub.assets.list_page(PROJECT, filters="{not json")
    assert wire.requests == []


def test_retries_5xx_on_reads_then_succeeds(wire_hub: WireHub) -> None:
    answers = iter([httpx.Response(503, json={}), httpx.Response(500, json={})])

    def reply(request: httpx.Request) -> httpx.Response:
        return next(answers, ok({"assets": [], "total": 0}))

    hub, wire = wire_hub(reply, max_retries=2)
    assert hub.assets.list_page(PROJECT).total == 0
    assert len(wire.requests) == 3


def test_with_options_max_retries_zero(wire_hub: WireHub) -> None:
    hub, wire = wire_hub(lambda r: httpx.Response(503, json={}), max_retries=3)
    with pytest.raises(InternalServerError):
        hub.with_options(max_retries=0).assets.list_page(PROJECT)
    assert len(wire.requests) == 1
    with pytest.raises(InternalServerError):
        hub.assets.list_page(PROJECT)
    assert len(wire.requests) == 1 + 4


def test_creating_post_not_retried_on_5xx_but_on_429(wire_hub: WireHub) -> None:
    hub, wire = wire_hub(lambda r: httpx.Response(502, json={}), max_retries=3)
    with pytest.raises(InternalServerError):
        hub.assets.import_from_cloud(PROJECT, [{"data": "https://x/a.png", "externalId": "a"}])
    assert len(wire.requests) == 1
    hub, wire = wire_hub(lambda r: httpx.Response(500, json={"error": {"message": "boom"}}))
    with pytest.raises(InternalServerError) as info:
        hub.assets.upload_chat(PROJECT, number_of_conversations=2)
    assert info.value.message == "boom"
    assert len(wire.requests) == 1

    answers = iter([httpx.Response(429, headers={"Retry-After": "0"}, json={})])

    def reply(request: httpx.Request) -> httpx.Response:
        return next(answers, ok({"assetsCreated": 1}))

    hub, wire = wire_hub(reply, max_retries=3)
    hub.assets.import_from_cloud(PROJECT, [{"data": "https://x/a.png", "externalId": "a"}])
    assert len(wire.requests) == 2


def test_connection_refused_is_an_api_connection_error(make_hub: MakeHub) -> None:
    hub = make_hub(api_key=KEY, base_url="http://127.0.0.1:9/v2", max_retries=0)
    with pytest.raises(APIConnectionError) as info:
        hub.assets.list_page(PROJECT)
    assert KEY not in str(info.value)
    hub.close()


def test_import_is_light() -> None:
    """``import ango_hub`` loads neither httpx nor the generated models (lazy exports)."""
    import subprocess
    import sys

    code = (
        "import sys, ango_hub; "
        "print(sorted(m for m in ('httpx', 'ango_hub_api.models', 'rich') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
