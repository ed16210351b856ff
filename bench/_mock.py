"""Shared bench plumbing: a mock in a subprocess on a free loopback port, its admin API, and
small timing/formatting helpers. Each bench script imports this; none imports another."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from ango_hub.testing import free_port

REPO = Path(__file__).resolve().parent.parent
VENV_BIN = REPO / ".venv" / "bin"
SDK_PYTHON = REPO / ".venv-sdk" / "bin" / "python"
API_KEY = "mock-api-key"
PROJECT = "507f1f77bcf86cd799439011"
QUICK = os.environ.get("BENCH_QUICK", "") not in {"", "0"}


@dataclass
class Mock:
    """A running mock subprocess."""

    port: int
    proc: subprocess.Popen[bytes]

    @property
    def root_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def base_url(self) -> str:
        return f"{self.root_url}/v2"

    def admin(self, method: str, path: str, body: Any = None) -> Any:
        response = httpx.request(
            method,
            f"{self.root_url}/_mock/{path}",
            json=body,
            headers={"apikey": API_KEY},
            timeout=600,
        )
        response.raise_for_status()
        return response.json()

    def new_project(self, project_id: str) -> str:
        self.admin("POST", "projects", {"id": project_id})
        return project_id

    def seed(self, project_id: str, count: int, *, labeled: bool = False) -> None:
        self.admin("POST", f"projects/{project_id}/seed", {"count": count, "labeled": labeled})

    def delay_everything(self, seconds: float) -> None:
        """Every API call and every storage PUT/GET waits ``seconds`` first (a WAN round trip)."""
        rules = [
            {"kind": "delay", "delay_seconds": seconds},  # /v2/...
            {"kind": "delay", "delay_seconds": seconds, "path": "/_storage"},
        ]
        self.admin("POST", "faults", rules)

    def cpu_seconds(self) -> float:
        """CPU time (user + system) the mock process has used so far (Linux /proc)."""
        fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def clear_faults(self) -> None:
        self.admin("DELETE", "faults")


@contextmanager
def mock_server() -> Iterator[Mock]:
    """``.venv/bin/ango-hub mock --port <free>`` until the block ends."""
    port = free_port()
    proc = subprocess.Popen(
        [str(VENV_BIN / "ango-hub"), "mock", "--port", str(port), "--project", PROJECT],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    mock = Mock(port, proc)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"{mock.root_url}/_mock/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                err = proc.stderr.read().decode() if proc.stderr else ""
                raise RuntimeError(f"mock did not start: {err}")
            time.sleep(0.1)
        yield mock
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def median(values: list[float]) -> float:
    return statistics.median(values)


def machine() -> str:
    return f"{os.cpu_count()} cores, Python {sys.version.split()[0]}"


def python_bin() -> str:
    return str(VENV_BIN / "python")


def size(name: str, quick: float, full: float) -> float:
    """A bench size: the environment variable ``name`` if set, else the quick or full figure."""
    raw = os.environ.get(name)
    return float(raw) if raw else (quick if QUICK else full)
