"""A refused request changes nothing: for every operation of the spec that creates or changes
something, a request the mock answers 4xx leaves its whole state (organisations, projects,
assets, tasks, batches, issues, storages, stored files) as it was. Each is refused at each
validation stage it has: the key (401), the spec's schema (400), and the handler (the spec's
own example body, aimed at the mock's project and at IDs that do not exist)."""

from __future__ import annotations

import dataclasses
import json
import threading
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from ango_hub.mock.server import MockServer

SPEC = yaml.safe_load((Path(__file__).parents[2] / "openapi.yaml").read_text(encoding="utf-8"))
MUTATING = sorted(
    (op["operationId"], method, path)
    for path, item in SPEC["paths"].items()
    for method, op in item.items()
    if method in ("post", "put", "patch", "delete")
)
UNKNOWN = "0" * 23 + "1"


def _snapshot(value: Any) -> Any:  # noqa: PLR0911  (one return per kind of value)
    """A comparable picture of the mock's state (locks and caches left out)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _snapshot(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {repr(k): _snapshot(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_snapshot(v) for v in value]
    if isinstance(value, set | frozenset):
        return sorted(repr(v) for v in value)
    if isinstance(value, type(threading.Lock()) | type(threading.RLock())):
        return None
    if hasattr(value, "__dict__") and not isinstance(value, type):
        return {k: _snapshot(v) for k, v in vars(value).items() if not k.startswith("_")}
    return repr(value)


def _state(mock: MockServer) -> Any:
    state = mock.state
    with state.lock:
        picture = _snapshot(
            {
                "organisations": state.organisations,
                "keys": state.key_to_org,
                "projects": state.projects,
                "issues": state.issues,
                "storages": state.storages,
            }
        )
    files = sorted(str(p.relative_to(mock.ctx.store.root)) for p in mock.ctx.store.root.rglob("*"))
    return picture, files


def _resolve(node: Any) -> Any:
    while isinstance(node, dict) and "$ref" in node:
        kind, name = node["$ref"].split("/")[-2:]
        node = SPEC["components"][kind][name]
    return node


def _example(op: dict[str, Any]) -> tuple[str | None, Any]:
    body = _resolve(op.get("requestBody"))
    if not body:
        return None, None
    media, content = next(iter(body["content"].items()))
    if "example" in content:
        return media, content["example"]
    examples = content.get("examples") or {}
    first = _resolve(next(iter(examples.values()))) if examples else {}
    return media, first.get("value")


def _request(
    mock: MockServer,
    method: str,
    path: str,
    *,
    key: str,
    body: Any,
    project: str,
    stage_form: bool = False,
) -> httpx.Response:
    op = SPEC["paths"][path][method]
    params: dict[str, Any] = {}
    url = path
    for param in [_resolve(p) for p in op.get("parameters", [])]:
        value = project if param["name"] in ("projectId", "project") else UNKNOWN
        value = param.get("example", value) if param["in"] == "query" else value
        if param["in"] == "path":
            url = url.replace("{" + param["name"] + "}", str(value))
        elif param.get("required"):
            params[param["name"]] = value
    media, _ = _example(op)
    kwargs: dict[str, Any] = {}
    if body is not None and media == "application/json":
        kwargs["json"] = body
    elif body is not None and isinstance(body, dict):
        fields = {k: v if isinstance(v, str) else json.dumps(v) for k, v in body.items()}
        kwargs["data"] = {k: v for k, v in fields.items() if k != "file"}
        if media == "multipart/form-data":
            kwargs["files"] = {"file": ("part.json", b"[]", "application/json")}
    elif body is not None:
        kwargs["content"] = json.dumps(body).encode()
        kwargs["headers"] = {"content-type": media or "application/json"}
    if kwargs.get("files") and stage_form:  # a file part without filename= (a text field)
        kwargs["files"] = {"file": (None, b'[{"messages": []}]')}
    with httpx.Client(base_url=mock.base_url, headers={"apikey": key}, timeout=60) as client:
        return client.request(method.upper(), url, params=params, **kwargs)


@pytest.mark.parametrize(("op_id", "method", "path"), MUTATING, ids=[m[0] for m in MUTATING])
def test_a_refused_request_changes_nothing(
    mock: MockServer, op_id: str, method: str, path: str
) -> None:
    op = SPEC["paths"][path][method]
    _media, example = _example(op)
    stages = {
        "key": (mock.api_key + "-unknown", example),
        "schema": (mock.api_key, [["not", "the", "body"]] if example is not None else None),
        "form": (mock.api_key, example),  # multipart only: the file part's own check
        "handler": (mock.api_key, example),
    }
    refused = []
    for stage, (key, body) in stages.items():
        before = _state(mock)
        answer = _request(
            mock,
            method,
            path,
            key=key,
            body=body,
            project=mock.project_id,
            stage_form=stage == "form",
        )
        if 400 <= answer.status_code < 500:
            refused.append(stage)
            assert _state(mock) == before, (op_id, stage, answer.status_code, answer.text)
        mock.reset()
    assert "key" in refused, refused
    if example is not None:
        assert "schema" in refused, (op_id, refused)


def test_the_snapshot_sees_a_change(mock: MockServer, api: httpx.Client) -> None:
    """The comparison above can fail: an accepted request changes the picture."""
    before = _state(mock)
    created = api.post(f"/batches/{mock.project_id}", json={"batches": [{"name": "b"}]})
    assert created.is_success, created.text
    assert _state(mock) != before
