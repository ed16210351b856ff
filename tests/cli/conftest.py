"""Fixtures for the CLI tests: the ``ango-hub`` app run in-process (typer's CliRunner) or as a
real subprocess, pointed at a mock server through the environment variables a user would set."""

from __future__ import annotations

import os
import subprocess

import pytest
from ango_hub.cli import app
from ango_hub.mock.server import MockServer
from cli_helpers import CliResult, RunCli, mock_env
from typer.testing import CliRunner

from tests.support.console import ANGO_HUB


@pytest.fixture
def mock(ango_hub_mock_session: MockServer) -> MockServer:
    """The session's mock, reset to its start state (one key, one empty project)."""
    return ango_hub_mock_session


@pytest.fixture
def cli(mock: MockServer) -> RunCli:
    """Run ``ango-hub ARGS`` in-process against ``mock``; ``env=`` and ``input=`` as keywords."""

    def run(
        *args: str, env: dict[str, str | None] | None = None, input: str | None = None
    ) -> CliResult:
        runner = CliRunner()
        result = runner.invoke(app, list(args), env=mock_env(mock, **(env or {})), input=input)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        return CliResult(result.exit_code, result.stdout, result.stderr)

    return run


@pytest.fixture
def cli_subprocess(mock: MockServer) -> RunCli:
    """Run the installed ``ango-hub`` console script in a subprocess against ``mock``."""

    def run(
        *args: str, env: dict[str, str | None] | None = None, input: str | None = None
    ) -> CliResult:
        full_env = dict(os.environ)
        for name, value in mock_env(mock, **(env or {})).items():
            if value is None:
                full_env.pop(name, None)
            else:
                full_env[name] = value
        done = subprocess.run(
            [ANGO_HUB, *args],
            env=full_env,
            input=input,
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
        )
        return CliResult(done.returncode, done.stdout, done.stderr)

    return run
