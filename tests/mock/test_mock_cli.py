"""`ango-hub mock` as a user starts it: a subprocess, a port, the printed defaults."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from tests.support.console import ANGO_HUB

# Heavy (a subprocess, a browser, a build or a fuzzer): not in `make test-fast`.
pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]


@contextmanager
def serving(*args: str) -> Iterator[tuple[str, list[str]]]:
    """Start `ango-hub mock ARGS`, wait for its banner, yield (root URL, banner lines)."""
    process = subprocess.Popen(
        [ANGO_HUB, "mock", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout is not None
        lines = []
        while True:
            line = process.stdout.readline()
            assert line, (
                f"exited early: {process.wait()} {process.stderr.read() if process.stderr else ''}"
            )
            lines.append(line.rstrip())
            if "Ctrl-C" in line:
                break
        match = re.search(r"on (http://127\.0\.0\.1:\d+)/v2", lines[0])
        assert match, lines
        yield match.group(1), lines
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_defaults_are_printed_and_served() -> None:
    with serving("--port", "0") as (root, lines):
        assert "api key: mock-api-key  projects: 507f1f77bcf86cd799439011" in lines[1]
        response = httpx.get(
            f"{root}/v2/project/507f1f77bcf86cd799439011/assets", headers={"apikey": "mock-api-key"}
        )
        assert response.json() == {"status": "success", "data": {"assets": [], "total": 0}}


def test_given_port_keys_projects_and_faults(unused_tcp_port: int) -> None:
    project_a, project_b, project_c = "a" * 24, "b" * 24, "c" * 24
    args = ["--port", str(unused_tcp_port), "--api-key", "K1", "--api-key", "K2"]
    args += ["--project", project_a, "--project", project_b, "--project", project_c]
    args += ["--fault", "rate_limit:nth=1,operation=exportTasks"]
    with serving(*args) as (root, lines):
        assert root == f"http://127.0.0.1:{unused_tcp_port}"
        assert f"  api key: K1  projects: {project_a}" in lines
        assert f"  api key: K2  projects: {project_b}, {project_c}" in lines
        assert (
            httpx.get(f"{root}/v2/project/{project_a}/assets", headers={"apikey": "K1"}).status_code
            == 200
        )
        assert (
            httpx.get(f"{root}/v2/project/{project_b}/assets", headers={"apikey": "K1"}).status_code
            == 404
        )
        assert (
            httpx.get(f"{root}/v2/project/{project_c}/assets", headers={"apikey": "K2"}).status_code
            == 200
        )
        export = httpx.get(
            f"{root}/v2/export", params={"project": project_a}, headers={"apikey": "K1"}
        )
        assert export.status_code == 429


def test_one_key_owns_every_project() -> None:
    with serving(
        "--port", "0", "--api-key", "solo", "--project", "a" * 24, "--project", "b" * 24
    ) as (root, lines):
        assert f"api key: solo  projects: {'a' * 24}, {'b' * 24}" in lines[1]
        for project in ("a" * 24, "b" * 24):
            assert (
                httpx.get(
                    f"{root}/v2/project/{project}/assets", headers={"apikey": "solo"}
                ).status_code
                == 200
            )


def test_bad_fault_flag_is_a_usage_error() -> None:
    result = subprocess.run(
        [ANGO_HUB, "mock", "--port", "0", "--fault", "meteor:rate=1"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "kind: must be one of" in result.stderr


def test_make_mock_target_runs_the_defaults() -> None:
    text = (REPO / "mk" / "mock.mk").read_text()
    assert "ango-hub mock --port $(MOCK_PORT)" in text
