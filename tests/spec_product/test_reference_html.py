"""The HTML reference in a real headless Chromium: it renders every operation, offline.

tools/spec/browser_check.mjs drives Debian's /usr/bin/chromium through playwright-core and
reports console errors, failed requests and requests that would leave the machine.
"""

from __future__ import annotations

import functools
import json
import shutil
import subprocess
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import ango_hub
import pytest

# Heavy (a subprocess, a browser, a build or a fuzzer): not in `make test-fast`.
pytestmark = pytest.mark.slow

CHROMIUM = "/usr/bin/chromium"
TAG_ROUTES = {
    "Assets": "#/assets",
    "Import/Export": "#/importexport",
    "Projects": "#/projects",
    "Batches": "#/batches",
    "Issues": "#/issues",
    "Storages": "#/storages",
    "Organization": "#/organization",
    "LLMs": "#/llms",
    "Notifications": "#/notifications",
    "Plugins": "#/plugins",
    "Tasks": "#/tasks",
}


def browse(root: Path, url: str, *routes: str) -> dict[str, Any]:
    """Run the browser check on ``url`` and return its report."""
    assert Path(CHROMIUM).exists(), (
        f"{CHROMIUM} is missing: apt-get install -y --no-install-recommends chromium"
    )
    node = shutil.which("node")
    assert node, "node is not on PATH"
    done = subprocess.run(
        [node, "tools/spec/browser_check.mjs", url, *routes],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def assert_offline_and_clean(report: dict[str, Any]) -> None:
    assert report["consoleErrors"] == []
    assert report["pageErrors"] == []
    assert report["failedRequests"] == []
    assert report["externalRequests"] == []
    assert report["brokenImages"] == []


def operation_route(op: dict[str, Any]) -> str:
    return f"{TAG_ROUTES[op['tags'][0]]}/{op['operationId'].lower()}"


def assert_renders_every_operation(
    report: dict[str, Any], operations: dict[str, dict[str, Any]]
) -> None:
    assert_offline_and_clean(report)
    assert report["title"] == "Ango Hub API"
    assert report["imageCount"] >= 1  # the sidebar credit's logo, inline
    # No invented link in the info section (the spec names no contact URL).
    assert "github.com" not in report["text"]
    assert sorted(operations) == sorted(ango_hub.operations())  # every one of the index
    for op_id, op in operations.items():
        route = operation_route(op)
        # The sidebar links to the operation by its operationId ...
        assert route in report["links"], op_id
        # ... and the operation's page shows its summary as a heading.
        assert op["summary"] in report["routes"][route], (op_id, report["routes"][route])


def test_file_url_renders_every_operation_offline(
    root: Path, bundle_dir: Path, operations: dict[str, dict[str, Any]]
) -> None:
    routes = [f"{operation_route(op)}|{op['summary']}" for op in operations.values()]
    report = browse(root, (bundle_dir / "index.html").as_uri(), *routes)
    assert_renders_every_operation(report, operations)


@pytest.fixture
def served() -> list[str]:
    """Paths the loopback server was asked for."""
    return []


@pytest.fixture
def loopback_url(bundle_dir: Path, served: list[str]) -> Iterator[str]:
    """bundle_dir served over http on 127.0.0.1 (an ephemeral port), quietly."""

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            served.append(self.path)

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=bundle_dir))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/index.html"
    finally:
        server.shutdown()
        server.server_close()


def test_loopback_http_renders_every_operation_offline(
    root: Path, loopback_url: str, served: list[str], operations: dict[str, dict[str, Any]]
) -> None:
    routes = [f"{operation_route(op)}|{op['summary']}" for op in operations.values()]
    report = browse(root, loopback_url, *routes)
    assert_renders_every_operation(report, operations)
    # The page is the only file it asks for.
    assert served == ["/index.html"]


def test_checker_catches_outside_requests_and_console_errors(root: Path, tmp_path: Path) -> None:
    # What a reference loading Redoc from its CDN would do: the check must see it.
    page = tmp_path / "page.html"
    page.write_text(
        '<!DOCTYPE html><html><head><link rel="icon" href="data:,"></head><body>'
        '<a href="#/x">x</a><img src="https://cdn.redoc.ly/redoc/logo-mini.svg">'
        "<script>console.error('boom')</script></body></html>"
    )
    report = browse(root, page.as_uri())
    assert report["externalRequests"] == ["https://cdn.redoc.ly/redoc/logo-mini.svg"]
    assert any("logo-mini.svg" in failed for failed in report["failedRequests"])
    assert "boom" in report["consoleErrors"]
    assert report["brokenImages"] == ["https://cdn.redoc.ly/redoc/logo-mini.svg"]
