"""Path parameters cannot change the operation: for every path parameter of every operation
in the spec, ``.``, ``..`` and their percent-encoded forms are refused by the client's input
check (naming the parameter, before anything is sent) and by the mock (a 400 naming it, sent
as raw bytes that no client normalised), which serves no other operation instead."""

from __future__ import annotations

import http.client
import json
from urllib.parse import urlsplit

import pytest
from ango_hub import AngoHubValidationError, operations
from ango_hub._prepare import prepare
from ango_hub.mock.server import MockServer

DOTS = [".", "..", "%2e", "%2E", "%2e%2e", ".%2E", "%2e.", "%252e", "%252E%252e"]
PAIRS = sorted(
    (op.operation_id, param.name)
    for op in operations().values()
    for param in op.parameters
    if param.location == "path"
)


def test_the_spec_has_the_path_parameters_the_issue_counted() -> None:
    assert len(PAIRS) >= 21
    assert ("updateIssue", "issueId") in PAIRS
    assert ("getTaskHistory", "taskId") in PAIRS


@pytest.mark.parametrize("value", DOTS)
@pytest.mark.parametrize(("operation_id", "name"), PAIRS)
def test_the_client_refuses_a_dot_segment_naming_the_parameter(
    operation_id: str, name: str, value: str
) -> None:
    with pytest.raises(AngoHubValidationError) as caught:
        prepare(operation_id, {name: value})
    assert caught.value.field == name  # an enum's own check may refuse it first


@pytest.mark.parametrize(("operation_id", "name"), PAIRS)
def test_the_client_refuses_an_empty_path_parameter_naming_it(operation_id: str, name: str) -> None:
    # The spec states no `minLength` on path parameters (no source states one): an empty
    # segment is refused as structural, like a dot segment, by the client itself.
    with pytest.raises(AngoHubValidationError) as caught:
        prepare(operation_id, {name: ""})
    assert caught.value.field == name  # an enum's own check may refuse it first


def _raw_path(template: str, name: str, value: str) -> str:
    path = "/v2" + template  # every other parameter gets an ordinary ID
    while "{" in path:
        start, end = path.index("{"), path.index("}")
        placeholder = path[start + 1 : end]
        path = path[:start] + (value if placeholder == name else "a" * 24) + path[end + 1 :]
    return path


@pytest.mark.parametrize(("operation_id", "name"), PAIRS)
def test_the_mock_refuses_a_dot_segment_and_serves_nothing_else(
    mock: MockServer, operation_id: str, name: str
) -> None:
    op = operations()[operation_id]
    where = urlsplit(mock.base_url)
    for value in DOTS:
        before = dict(mock.requests.counts)
        connection = http.client.HTTPConnection(where.hostname, where.port, timeout=30)
        try:  # http.client sends the path byte for byte: no normalisation on the way
            body = b"{}" if op.takes_body else None
            headers = {"apikey": mock.api_key, "content-type": "application/json"}
            connection.request(op.method, _raw_path(op.path, name, value), body, headers)
            answer = connection.getresponse()
            payload = json.loads(answer.read())
        finally:
            connection.close()
        assert answer.status == 400, (operation_id, value, payload)
        assert payload["message"].startswith(f"{name}: "), payload
        served = {k: v - before.get(k, 0) for k, v in mock.requests.counts.items()}
        # Logged under no operation: the method and the path as sent.
        assert all(" " in k for k, v in served.items() if v), served
