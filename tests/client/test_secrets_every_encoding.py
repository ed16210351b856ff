"""A write-only value (storage ``credentials``, ``privateKey``, ``publicKey``, the LLM
``configuration.apiKey``) never shows in an exception (``str``, ``repr``, ``.body``, chained
causes), its traceback or the logs, whatever a hostile server echoes: the refused body quoted
in a 400, the raw request sent back, an HTML page, a nested error JSON, a 2xx echo; whole or
truncated. Secrets are drawn from alphabets of quotes, backslashes, non-ASCII, newlines,
``%``, ``+``, long values and JSON documents given as text.

``make test`` runs a fixed set of examples (``derandomize``); ``make fuzz`` sets
``SECRETS_FUZZ_EXAMPLES`` and draws them at random."""

from __future__ import annotations

import html
import json
import logging
import os
import traceback
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from ango_hub import AngoHub, AngoHubError
from client_helpers import hub_on
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from secret_views import MARK, leaked_starts

DEEP = int(os.environ.get("SECRETS_FUZZ_EXAMPLES", "0"))
PROFILE = settings(
    max_examples=DEEP or 30,
    derandomize=not DEEP,
    database=None,  # fixed examples need no database; xdist workers share none
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
SPECIALS = "\"'\\\n\r\t%+&<>/{}é€\u2028😀 "
ALPHABET = SPECIALS + "abcxyz0189"


@st.composite
def secrets(draw: st.DrawFn) -> str:
    head = draw(st.text(st.sampled_from(SPECIALS), max_size=4))
    tail = draw(st.text(st.sampled_from(ALPHABET), min_size=4, max_size=400))
    plain = head + MARK + tail
    if draw(st.booleans()):
        return plain
    # A service-account key given as text: its private key is the secret part.
    return json.dumps({"type": "service_account", "private_key": plain, "client_id": MARK + "1"})


# Where each secret goes: (field, what is sent).
FIELDS: dict[str, Callable[[AngoHub, str], Any]] = {
    "credentials-text": lambda hub, s: hub.storages.create("g", type="gcs", credentials=s),
    "credentials-object": lambda hub, s: hub.storages.create(
        "s3", type="aws", credentials={"accessKeyId": "AKIA", "secretAccessKey": s}
    ),
    "privateKey": lambda hub, s: hub.storages.create("s", provider="AWS", private_key=s),
    "publicKey": lambda hub, s: hub.storages.create("s", provider="AWS", public_key=s),
    "apiKey": lambda hub, s: hub.llms.create("l", provider="openai", model="m", api_key=s),
}


def _echo(mode: str, cut: int | None) -> Callable[[httpx.Request], httpx.Response]:
    def reply(request: httpx.Request) -> httpx.Response:
        text = request.read().decode()
        if cut is not None:
            text = text[:cut]  # a server that truncates what it echoes
        if mode == "quoted-400":
            return httpx.Response(400, json={"status": "fail", "message": f"invalid body: {text}"})
        if mode == "raw-400":
            return httpx.Response(400, content=text.encode(), headers={"content-type": "json"})
        if mode == "html-500":
            page = f"<html><body><h1>Bad</h1><pre>{html.escape(text)}</pre></body></html>"
            return httpx.Response(500, content=page.encode(), headers={"content-type": "text/html"})
        if mode == "nested-422":
            try:
                sent: Any = json.loads(text)
            except ValueError:
                sent = text
            errors = [{"field": "body", "detail": {"received": sent, "as_text": text}}]
            return httpx.Response(422, json={"status": "fail", "error": {"errors": errors}})
        # A 2xx that echoes the request instead of the spec's answer.
        return httpx.Response(200, content=text.encode())

    return reply


def _views(exc: BaseException) -> str:
    views = [str(exc), repr(exc), "".join(traceback.format_exception(exc))]
    for name, value in vars(exc).items():
        if name != "__traceback__":
            views.append(json.dumps(value, default=repr, ensure_ascii=False))
    cause = exc.__cause__ or exc.__context__
    while cause is not None:
        views += [str(cause), repr(cause), repr(cause.args)]
        cause = cause.__cause__ or cause.__context__
    return "\n".join(views)


@pytest.mark.parametrize("mode", ["quoted-400", "raw-400", "html-500", "nested-422", "2xx-echo"])
@pytest.mark.parametrize("field", sorted(FIELDS))
@PROFILE
@given(secret=secrets(), cut=st.one_of(st.none(), st.integers(min_value=8, max_value=900)))
def test_a_write_only_value_never_shows(
    field: str, mode: str, secret: str, cut: int | None, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.clear()
    http = httpx.Client(transport=httpx.MockTransport(_echo(mode, cut)))
    hub = hub_on(AngoHub, http)
    with caplog.at_level(logging.DEBUG):
        try:
            FIELDS[field](hub, secret)
        except AngoHubError as exc:
            shown = _views(exc)
        else:
            pytest.fail("a refused or echoed request must raise")
    shown += "\n" + "\n".join(r.getMessage() for r in caplog.records)
    leaked = leaked_starts(secret, shown)
    assert not leaked, (secret, cut, leaked, shown[:3000])
