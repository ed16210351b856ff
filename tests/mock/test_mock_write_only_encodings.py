"""The mock never quotes a write-only value (storage ``credentials``, ``privateKey``,
``publicKey``, the LLM ``configuration.apiKey``) in any encoding: not in the 4xx refusing a
body (at schema validation or in the handler), not in its request log or admin answers."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from ango_hub.mock.server import MockServer
from secret_views import MARK, leaked_starts

SECRETS = [
    f'q"uo\\te{MARK}é€\n%+&<>-long-' + "x" * 300,
    json.dumps({"type": "service_account", "private_key": f'-----BEGIN\n{MARK}"k\\ey\n'}),
]


# (field, a body that puts the secret there and is refused, the stage that refuses it)
def _refused(secret: str) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        ("/storages", "schema", {"name": "x", "type": "s3", "credentials": secret}),
        ("/storages", "schema", {"name": "x", "type": "aws", "credentials": [secret, 1]}),
        ("/storages", "handler", {"name": "x", "privateKey": secret}),
        ("/storages", "handler", {"name": "x", "publicKey": secret}),
        ("/storages", "schema", {"name": 5, "type": "gcs", "privateKey": secret}),
        (
            "/llms",
            "schema",
            {"name": "l", "provider": "nope", "model": "m", "configuration": {"apiKey": secret}},
        ),
        (
            "/llms",
            "schema",
            {"name": "l", "provider": "openai", "model": 5, "configuration": {"apiKey": secret}},
        ),
    ]


@pytest.mark.parametrize("secret", SECRETS, ids=["specials", "json-document"])
def test_refusals_and_logs_never_quote_a_write_only_value(
    mock: MockServer, api: httpx.Client, admin: httpx.Client, secret: str
) -> None:
    shown: list[str] = []
    for path, _stage, body in _refused(secret):
        answer = api.post(path, json=body)
        assert 400 <= answer.status_code < 500, (path, body, answer.text)
        shown.append(answer.text)
        shown.append(json.dumps(answer.json(), ensure_ascii=False))
    for admin_path in ("/requests", "/faults", "/config"):
        shown.append(admin.get(admin_path).text)
    text = "\n".join(shown)
    assert not leaked_starts(secret, text), leaked_starts(secret, text)
