"""The rule: every public method of both clients, found by introspection (never a hand-kept
list), reads its answer through the shape-checked path. Against a server whose every 2xx is
of the wrong shape, not JSON, or empty, each one raises an ``AngoHubError`` subclass; none
lets a ``KeyError``/``TypeError``/``AttributeError`` out.

A method the introspection finds but cannot call with the arguments below fails the test with
its name (``no request reached the server``): give it arguments in ``ARGUMENTS``."""

from __future__ import annotations

import asyncio
import inspect
import re
from collections.abc import Callable, Iterator
from functools import cached_property
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from ango_hub import AngoHub, AngoHubError, AsyncAngoHub, operations
from ango_hub.upload import UploadReport
from client_helpers import KEY, hub_on
from jsonschema import Draft202012Validator

ID = "a" * 24
EMAIL = "ana@example.com"
STORAGE = "https://storage.test/f.png?X-Amz-Signature=s"

HOSTILE = {
    "wrong-shape": lambda: httpx.Response(200, json={"status": "success", "data": {"x": 1}}),
    "not-json": lambda: httpx.Response(200, content=b"<html>gateway says hi</html>"),
    "empty": lambda: httpx.Response(200, content=b""),
}

# Methods that send nothing: they configure or close the client.
LOCAL = {"close", "aclose", "with_options"}
# Optional arguments without which a method has nothing to send.
OPTIONS: dict[str, dict[str, Any]] = {
    "assets.update": {"external_id": "x"},
    "projects.update": {"benchmarkEnabled": True},
    "storages.create": {"type": "aws", "bucket": "b", "credentials": {"accessKeyId": "k"}},
    "assets.upload_chat": {"number_of_conversations": 1},
    # The raw escape hatch: a path under the base URL (not a file's path).
    "request": {"method": "GET", "path": "/projects"},
}


def arguments(tmp: Path) -> dict[str, Any]:
    """A plausible value for each parameter name the public methods use (by name, so that a
    new method mostly needs nothing here)."""
    image = tmp / "cat.png"
    image.write_bytes(b"\x89PNG")
    (tmp / "out.json").write_bytes(b"{}")  # files.put reads it; a download replaces it
    return {
        "project": ID,
        "project_id": ID,
        "asset_id": ID,
        "asset_ids": [ID],
        "batches": ["b1"],
        "assets": [{"externalId": "a", "data": "https://example.com/a.png"}],
        "files": [image],
        "attachments": [
            {"externalId": "a", "attachmentType": "IMAGE", "attachmentUrl": "https://e.com/a"}
        ],
        "labels": [{"externalId": "a", "answer": {}}],
        "names": ["b1"],
        "operation_id": "listProjects",
        "path": tmp / "out.json",
        "url": STORAGE,
        "upload_url": STORAGE,
        "name": "n",
        "issue_id": ID,
        "content": "c",
        "task": ID,
        "provider": "openai",
        "model": "gpt",
        "api_key": "sk-provider-key",
        "llm_id": ID,
        "receivers": [EMAIL],
        "message": "m",
        "org_id": ID,
        "emails": [EMAIL],
        "roles": {EMAIL: "Member"},
        "role": "Labeler",
        "template": "<p>{{c}}</p>",
        "external_id_column": "c",
        "data_config": {"c": {"type": "text"}},
        "metric": "LabelStageGroups",
        "confirm_name": "n",
        "stage_id": "s1",
        "enabled": True,
        "stages": [{"id": "s", "type": "Start", "name": "Start", "next": []}],
        "file": image,
        "storage_id": ID,
        "bucket": "b",
        "task_id": ID,
        "answer": {"objects": [], "classifications": [], "relations": []},
        "task_ids": [ID],
        "user": EMAIL,
        "entry_id": ID,
        "to_stage": "s1",
        "decision": "Accepted",
        "priority": 1.0,
    }


def public_methods(hub: Any, prefix: str = "") -> Iterator[tuple[str, Callable[..., Any]]]:
    """``(dotted name, bound method)`` for every public method of ``hub`` and of the resources
    reachable from it (``hub.assets``, ``hub.organization.members``, ...)."""
    for name in sorted(dir(type(hub))):
        if name.startswith("_"):
            continue
        static = inspect.getattr_static(type(hub), name)
        if isinstance(static, cached_property | property):
            value = getattr(hub, name)
            if hasattr(value, "_hub"):  # a resource
                yield from public_methods(value, f"{prefix}{name}.")
            continue
        if callable(static):
            yield prefix + name, getattr(hub, name)


def _call_args(name: str, method: Callable[..., Any], values: dict[str, Any]) -> dict[str, Any]:
    kwargs: dict[str, Any] = dict(OPTIONS.get(name, {}))
    for param in inspect.signature(method).parameters.values():
        if (
            param.default is param.empty
            and param.kind not in (param.VAR_KEYWORD, param.VAR_POSITIONAL)
            and param.name not in kwargs
        ):
            kwargs[param.name] = values[param.name]
    return kwargs


def _server(kind: str, seen: list[httpx.Request]) -> Callable[[httpx.Request], httpx.Response]:
    def reply(request: httpx.Request) -> httpx.Response:
        request.read()
        seen.append(request)
        if request.url.host == "storage.test" and request.method == "PUT":
            return httpx.Response(200)
        return HOSTILE[kind]()

    return reply


def _hub_methods() -> list[str]:
    hub = AngoHub(api_key=KEY, base_url="https://api.test/v2")
    names = [name for name, _ in public_methods(hub) if name.split(".")[-1] not in LOCAL]
    hub.close()
    return names


SYNC_METHODS = _hub_methods()


def test_the_introspection_finds_both_clients_alike() -> None:
    sync = {name for name, _ in public_methods(AngoHub(api_key=KEY, base_url="https://a.t/v2"))}
    hub = AsyncAngoHub(api_key=KEY, base_url="https://a.t/v2")
    found = {name for name, _ in public_methods(hub)}
    assert found - {"aclose"} == sync - {"close"}
    assert {"storages.list", "organization.members.list", "project_figures.metrics", "call"} <= sync
    assert len(sync) > 70  # every resource's methods, not only the client's own


SPEC = yaml.safe_load((Path(__file__).parents[2] / "openapi.yaml").read_text(encoding="utf-8"))


def _operation_of(request: httpx.Request) -> tuple[str, str]:
    """The spec's (path, method) for an API request: the template matching it with the most
    literal characters (``/project/{projectId}/batches`` before ``/project/{projectId}/{x}``)."""
    path = request.url.path.removeprefix("/v2")
    best: tuple[int, str] | None = None
    for op in operations().values():
        pattern = re.sub(r"\\{[^}]+\\}", "[^/]+", re.escape(op.path))
        if op.method == request.method and re.fullmatch(pattern, path):
            literal = len(re.sub(r"{[^}]+}", "", op.path))
            if best is None or literal > best[0]:
                best = (literal, op.path)
    assert best is not None, f"no operation for {request.method} {path}"
    return best[1], request.method.lower()


def _fits_spec(request: httpx.Request, kind: str) -> bool:
    """Whether the hostile answer is one the spec allows for this request's operation."""
    if kind != "wrong-shape":
        return False  # an empty or non-JSON 2xx fits no JSON answer of the spec
    path, method = _operation_of(request)
    answers = SPEC["paths"][path][method]["responses"]
    for status, answer in answers.items():
        schema = answer.get("content", {}).get("application/json", {}).get("schema")
        if status.startswith("2") and schema is not None:
            validator = Draft202012Validator({**schema, "components": SPEC["components"]})
            if validator.is_valid(HOSTILE[kind]().json()):
                return True
    return False


def _check(outcome: object, kind: str, name: str, seen: list[httpx.Request]) -> None:
    assert seen, f"{name}: no request reached the server (give it arguments in ARGUMENTS)"
    if isinstance(outcome, BaseException):
        assert isinstance(outcome, AngoHubError), f"{name} on {kind}: {outcome!r}"
        return
    if isinstance(outcome, UploadReport):  # a bulk upload reports every file, never raises
        assert outcome.failed or outcome.unknown, f"{name} on {kind}: nothing failed"
        return
    # Returning is right where nothing is read from the answer (a deletion, a storage PUT),
    # for ``call`` and ``request`` (the JSON as it came, None for no body), and where the spec
    # allows this answer (``{"data": {"x": 1}}``: a deletion's result, its optional fields absent).
    if name in ("call", "request"):  # the escape hatches return the JSON as it came
        return
    api = [r for r in seen if r.url.host == "api.test"]
    fits = all(_fits_spec(r, kind) for r in api)  # no API request: only storage was asked
    assert outcome is None or fits, f"{name} on {kind} returned {outcome!r}"


@pytest.mark.parametrize("kind", sorted(HOSTILE))
@pytest.mark.parametrize("name", SYNC_METHODS)
def test_every_sync_method_fails_typed_on_a_bad_2xx(name: str, kind: str, tmp_path: Path) -> None:
    seen: list[httpx.Request] = []
    http = httpx.Client(transport=httpx.MockTransport(_server(kind, seen)))
    hub = hub_on(AngoHub, http)
    method = dict(public_methods(hub))[name]
    outcome: object
    try:
        outcome = method(**_call_args(name, method, arguments(tmp_path)))
        if inspect.isgenerator(outcome) or (
            hasattr(outcome, "__next__") and not isinstance(outcome, str | bytes)
        ):
            outcome = list(outcome)  # type: ignore[call-overload]
            outcome = outcome or None
    except Exception as exc:
        outcome = exc
    _check(outcome, kind, name, seen)


@pytest.mark.parametrize("kind", sorted(HOSTILE))
@pytest.mark.parametrize("name", SYNC_METHODS)
def test_every_async_method_fails_typed_on_a_bad_2xx(name: str, kind: str, tmp_path: Path) -> None:
    seen: list[httpx.Request] = []

    async def run() -> object:
        http = httpx.AsyncClient(transport=httpx.MockTransport(_server(kind, seen)))
        hub = hub_on(AsyncAngoHub, http)
        method = dict(public_methods(hub))[name]
        outcome: object
        try:
            outcome = method(**_call_args(name, method, arguments(tmp_path)))
            if inspect.isasyncgen(outcome):
                outcome = [item async for item in outcome] or None
            elif inspect.isawaitable(outcome):
                outcome = await outcome
        except Exception as exc:  # the outcome under test
            outcome = exc
        finally:
            await http.aclose()
        return outcome

    _check(asyncio.run(run()), kind, name, seen)
