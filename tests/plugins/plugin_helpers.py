"""Shared by the plugin tests: the mock's plugin admin API, polling without long sleeps, and
the official SDK's plugins in a subprocess."""

from __future__ import annotations

import os
import socket
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import httpx
from ango_hub.mock.server import MockServer

REPO = Path(__file__).resolve().parents[2]
SDK_PYTHON = REPO / ".venv-sdk" / "bin" / "python"
SDK_SCRIPT = Path(__file__).with_name("sdk_plugins_script.py")
T = TypeVar("T")
BOX = {  # the box every model plugin in these tests answers (as the SDK script's)
    "schemaId": "box",
    "tool": "bounding-box",
    "bounding-box": {"x": 1, "y": 2, "width": 3, "height": 4},
}


def wait_for(probe: Callable[[], T | None], timeout: float = 30.0, what: str = "") -> T:
    """Poll ``probe`` every 20 ms until it returns something truthy (no fixed sleeps)."""
    deadline = time.monotonic() + timeout
    while True:
        value = probe()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what or probe}")
        time.sleep(0.02)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class PluginAdmin:
    """``/_mock/plugins`` of one mock, with the mock's key."""

    def __init__(self, mock: MockServer) -> None:
        self.mock = mock
        self.http = httpx.Client(
            base_url=f"{mock.root_url}/_mock", headers={"apikey": mock.api_key}, timeout=120
        )

    def register(self, plugin_id: str, secret: str, kind: str, url: str | None = None) -> None:
        body: dict[str, Any] = {"id": plugin_id, "secret": secret, "kind": kind}
        if url:
            body["url"] = url
        self.http.post("/plugins", json=body).raise_for_status()

    def state(self) -> dict[str, Any]:
        answer: dict[str, Any] = self.http.get("/plugins").raise_for_status().json()["data"]
        return answer

    def plugin(self, plugin_id: str) -> dict[str, Any]:
        return next(p for p in self.state()["plugins"] if p["id"] == plugin_id)

    def wait_connected(self, plugin_id: str, heartbeats: int = 1) -> dict[str, Any]:
        def ready() -> dict[str, Any] | None:
            plugin = self.plugin(plugin_id)
            return plugin if plugin["connected"] and plugin["heartbeats"] >= heartbeats else None

        return wait_for(ready, what=f"plugin {plugin_id} to connect")

    def trigger(self, plugin_id: str, **fields: Any) -> dict[str, Any]:
        reply = self.http.post(f"/plugins/{plugin_id}/runs", json=fields)
        assert reply.status_code == 202, reply.text
        run: dict[str, Any] = reply.json()["data"]["run"]
        return run

    def run(self, plugin_id: str, session: str) -> dict[str, Any]:
        reply = self.http.get(f"/plugins/{plugin_id}/runs/{session}").raise_for_status()
        run: dict[str, Any] = reply.json()["data"]["run"]
        return run

    def wait_answer(self, plugin_id: str, session: str, count: int = 1) -> dict[str, Any]:
        def answered() -> dict[str, Any] | None:
            run = self.run(plugin_id, session)
            return run if len(run["answers"]) >= count else None

        return wait_for(answered, what=f"an answer for session {session}")

    def frames(self, event: str | None = None) -> list[dict[str, Any]]:
        frames: list[dict[str, Any]] = self.state()["frames"]
        return [f for f in frames if event is None or f["event"] == event]

    def task(self, task_id: str) -> dict[str, Any]:
        reply = httpx.get(
            f"{self.mock.base_url}/task/{task_id}",
            headers={"apikey": self.mock.api_key},
            params={"includeAnswer": "true"},
            timeout=60,
        ).raise_for_status()
        task: dict[str, Any] = reply.json()["data"]["task"]
        return task

    def first_task(self) -> str:
        reply = httpx.get(
            f"{self.mock.base_url}/project/{self.mock.project_id}/tasks",
            headers={"apikey": self.mock.api_key},
            params={"limit": 50},
            timeout=60,
        ).raise_for_status()
        task_id: str = reply.json()["data"]["tasks"][0]["_id"]
        return task_id


@contextmanager
def sdk_plugin(
    kind: str, root: str, plugin_id: str, secret: str, env: dict[str, str] | None = None
) -> Iterator[subprocess.Popen[str]]:
    """The official SDK's plugin of ``kind`` in .venv-sdk, ended (by its pid) when done."""
    assert SDK_PYTHON.exists(), "run `make install`: .venv-sdk holds the official SDK"
    process = subprocess.Popen(
        [str(SDK_PYTHON), str(SDK_SCRIPT), kind, root, plugin_id, secret],
        env={**os.environ, **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        yield process
    finally:
        process.kill()
        process.communicate(timeout=30)


class RuntimeThread:
    """Our runtime on its own event loop in a thread (the tests drive the mock synchronously)."""

    def __init__(self, runtime: Any, connector: str = "ws", port: int = 0) -> None:
        import asyncio
        import threading

        from ango_hub.plugins import serve

        self.runtime = runtime
        self.error: BaseException | None = None
        self.loop = asyncio.new_event_loop()

        def main() -> None:
            try:
                self.loop.run_until_complete(
                    serve(
                        runtime,
                        connector=connector,
                        port=port,
                        bind="127.0.0.1",
                        handle_signals=False,
                    )
                )
            except BaseException as exc:  # read by the test
                self.error = exc

        self.thread = threading.Thread(target=main, daemon=True)

    def __enter__(self) -> RuntimeThread:
        self.thread.start()
        return self

    def stop(self, timeout: float = 30.0) -> None:
        if self.thread.is_alive():
            self.loop.call_soon_threadsafe(self.runtime.stopping.set)
        self.thread.join(timeout)
        assert not self.thread.is_alive(), "the runtime did not stop"

    def __exit__(self, *exc: object) -> None:
        self.stop()


ASYNCAPI = REPO / "plugins.asyncapi.yaml"
FRAME_SCHEMAS = {
    "heartbeat": ["Heartbeat"],
    "plugin": ["PluginEvent"],
    "response": ["Answer", "ExportAnswer", "ErrorAnswer"],
    "log": ["LogLine"],
}


def assert_frames_match_asyncapi(frames: list[dict[str, Any]]) -> int:
    """Every recorded heartbeat, plugin, response and log frame fits plugins.asyncapi.yaml's
    payload schema for it; returns how many were checked."""
    import jsonschema
    import yaml

    schemas = yaml.safe_load(ASYNCAPI.read_text())["components"]["schemas"]
    checked = 0
    for frame in frames:
        names = FRAME_SCHEMAS.get(frame["event"])
        if names is None:
            continue
        errors = []
        for name in names:
            try:
                jsonschema.Draft7Validator(schemas[name]).validate(frame["data"])
                break
            except jsonschema.ValidationError as exc:
                errors.append(f"{name}: {exc.message}")
        else:
            raise AssertionError(f"{frame['event']} frame {frame['data']!r}: {errors}")
        checked += 1
    return checked


def record_queries(mock: MockServer) -> list[tuple[str, str, str, str]]:
    """From now on, each HTTP request's (method, path, query string, User-Agent) as it
    reached the mock (the mock's own request log keeps no query strings)."""
    seen: list[tuple[str, str, str, str]] = []
    inner = mock.app.middleware_stack
    assert inner is not None, "the app is built on its first call (lifespan startup)"

    async def recording(scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            agent = dict(scope["headers"]).get(b"user-agent", b"").decode()
            seen.append((scope["method"], scope["path"], scope["query_string"].decode(), agent))
        await inner(scope, receive, send)

    mock.app.middleware_stack = recording
    return seen
