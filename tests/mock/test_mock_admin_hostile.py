"""The admin API under hostile input: bodies are capped before they are read, bad values are
refused with messages that name the field (and leave nothing stored), and the request log
shows a key only its own organisation's requests."""

from __future__ import annotations

import socket
import tracemalloc
from collections.abc import Iterator

import httpx
import pytest
from ango_hub.mock import MockConfig
from ango_hub.mock.server import MockServer
from ango_hub.testing import run_mock_server

MIB = 1024 * 1024


def test_a_declared_oversized_body_is_refused_before_it_arrives(mock: MockServer) -> None:
    with socket.create_connection(("127.0.0.1", mock.port), timeout=10) as sock:
        sock.sendall(
            b"POST /_mock/faults HTTP/1.1\r\nHost: mock\r\n"
            + f"apikey: {mock.api_key}\r\n".encode()
            + b"Content-Type: application/json\r\nContent-Length: 209715200\r\n\r\n"
        )
        # No body follows: a server that read it before checking would never answer.
        answer = b""
        while b"}" not in answer:
            answer += sock.recv(65536)
        answer_text = answer.decode()
    assert answer_text.startswith("HTTP/1.1 400 ")
    assert "body: larger than the mock's limit of 1000000 bytes" in answer_text


def test_a_streamed_oversized_body_is_not_held_in_memory(mock: MockServer) -> None:
    chunk = b" " * MIB

    def forty_mib() -> Iterator[bytes]:  # chunked: no Content-Length to check first
        for _ in range(40):
            yield chunk

    tracemalloc.start()
    try:
        response = httpx.post(
            f"{mock.root_url}/_mock/faults",
            headers={"apikey": mock.api_key, "content-type": "application/json"},
            content=forty_mib(),
            timeout=60,
        )
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert response.status_code == 400
    assert response.json()["message"] == "body: larger than the mock's limit of 1000000 bytes"
    # The server thread shares this process: reading the body whole would peak at 40 MiB+.
    assert peak < 8 * MIB, peak
    assert mock.faults.rules == []


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            b'{"kind": "delay", "delay_seconds": NaN}',
            "body.delay_seconds: NaN is not a JSON number",
        ),
        (b'{"kind": "delay", "delay_seconds": 1e999}', "body.delay_seconds: 1e999 is not a JSON"),
        (b'{"kind": "delay", "delay_seconds": "2"}', "delay_seconds: must be a number, not '2'"),
        (b'{"kind": "drop", "nth": 1.5}', "nth: must be an integer or null, not 1.5"),
        (b'{"kind": "drop", "nth": true}', "nth: must be an integer or null, not True"),
        (b'{"kind": "rate_limit", "retry_after": -1}', "retry_after: must be at least 0"),
        (b'{"kind": ["drop"]}', "kind: must be a string, not ['drop']"),
        (b'{"kind": "drop", "path": 7}', "path: must be a string or null, not 7"),
        (
            b'[{"kind": "drop"}, {"kind": "delay", "rate": 3}]',
            "rules.1.rate: must be between 0 and 1",
        ),
        (b"[" * 50_000 + b"]" * 50_000, "body: nested deeper than 100 levels"),
        (b'{"kind": ' + b"[" * 120 + b"]" * 120 + b"}", "body: nested deeper than 100 levels"),
        (b"{not json", "body: not valid JSON"),
        (b'"drop"', "body: a fault rule object, a list of them"),
    ],
)
def test_bad_fault_rules_are_refused_naming_the_field_and_not_stored(
    admin: httpx.Client, mock: MockServer, body: bytes, message: str
) -> None:
    response = admin.post("/faults", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 400, response.text
    assert response.json()["message"].startswith(message)
    assert "supported between" not in response.text  # no raw Python messages
    assert mock.faults.rules == []
    assert admin.get("/faults").json()["data"]["rules"] == []


@pytest.mark.parametrize(
    ("path", "body", "message"),
    [
        ("/projects", {"name": {"a": 1}}, "name: must be a string"),
        ("/projects", {"id": 5}, "id: must be a 24-hex-digit string"),
        ("/projects", {"colour": "red"}, "colour: unknown field"),
        ("/projects/{project}/seed", {"count": 1.5}, "count: must be an integer"),
        ("/projects/{project}/seed", {"count": 1, "labeled": "yes"}, "labeled: must be true"),
        ("/projects/{project}/seed", {"count": 1, "batch": "b"}, "batch: unknown field"),
    ],
)
def test_bad_project_and_seed_bodies_name_the_field(
    admin: httpx.Client, mock: MockServer, path: str, body: dict[str, object], message: str
) -> None:
    response = admin.post(path.format(project=mock.project_id), json=body)
    assert response.status_code == 400
    assert response.json()["message"].startswith(message)
    assert len(mock.state.projects) == 1
    assert mock.project.live_count() == 0


def test_a_bad_seed_query_is_refused(admin: httpx.Client) -> None:
    response = admin.delete("/faults", params={"seed": "x1"})
    assert response.status_code == 400
    assert response.json()["message"] == "seed: must be an integer, not 'x1'"


def test_the_request_log_shows_a_key_only_its_own_organisation() -> None:
    config = MockConfig.from_keys_and_projects(["key-a", "key-b"], ["a" * 24, "b" * 24])
    with run_mock_server(config=config) as mock:
        for key, project in (("key-a", "a" * 24), ("key-b", "b" * 24), ("key-b", "b" * 24)):
            httpx.get(
                f"{mock.base_url}/project/{project}/assets", headers={"apikey": key}
            ).raise_for_status()

        def log(key: str) -> dict[str, object]:
            response = httpx.get(f"{mock.root_url}/_mock/requests", headers={"apikey": key})
            response.raise_for_status()
            data: dict[str, object] = response.json()["data"]
            return data

        seen_by_a, seen_by_b = log("key-a"), log("key-b")
        assert [e["path"] for e in seen_by_a["requests"]] == [  # type: ignore[attr-defined]
            f"/v2/project/{'a' * 24}/assets"
        ]
        assert seen_by_a["counts"] == {"listAssets": 1}
        assert seen_by_b["counts"] == {"listAssets": 2}
        assert "b" * 24 not in str(seen_by_a)
        # Clearing clears only the caller's own entries.
        httpx.delete(f"{mock.root_url}/_mock/requests", headers={"apikey": "key-a"})
        assert log("key-a")["requests"] == []
        assert len(log("key-b")["requests"]) == 2  # type: ignore[arg-type]
        # Python-side, the test author still sees everything.
        assert mock.requests.counts["listAssets"] == 2
