"""The wheel as a user installs it (issue 26): built from this tree, installed alone in a fresh
venv, nothing of the repository on the path.

* The footprint of a plain install: at most 16 packages (pip and setuptools aside) and 15 MB
  net of an empty venv.
* README's library example runs in that venv against a mock served from a second venv that has
  the ``[mock]`` extra.
* Each part whose extra is missing says in one line what to install.
* ``mypy --strict`` checks a user's script against the installed package's own types.

Installs use the dev venv's pip (``pip --python``) into venvs made without pip, with the
versions of constraints.txt: pip's cache serves them after the first run. Everything is made
under pytest's tmp_path, so parallel workers do not share anything.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.readme.test_readme_example import library_example

# Heavy (a subprocess, a browser, a build or a fuzzer): not in `make test-fast`.
pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
MAX_PACKAGES = 16
MAX_MEGABYTES = 15.0
# Packages a venv holds before anything is installed: not counted against the library.
BOOTSTRAP = {"pip", "setuptools", "wheel"}


def _run(
    *args: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in args],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=cwd,
        env=env,
        check=False,
    )


def _clean_env() -> dict[str, str]:
    """The environment without this project's venv, its settings or a PYTHONPATH."""
    keep = ("HOME", "LANG", "LC_ALL", "TMPDIR", "PIP_CACHE_DIR")
    env = {k: os.environ[k] for k in keep if k in os.environ}
    return env | {"PATH": "/usr/bin:/bin", "PYTHONNOUSERSITE": "1"}


def _new_venv(path: Path) -> Path:
    venv.EnvBuilder(with_pip=False, clear=True).create(path)
    return path / "bin" / "python"


def _install(python: Path, *requirements: str) -> None:
    done = _run(
        sys.executable, "-m", "pip", "--python", python, "install", "--quiet",
        "--disable-pip-version-check", "-c", REPO / "constraints.txt", *requirements,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]


def _site_packages(python: Path) -> Path:
    (found,) = (python.parent.parent / "lib").glob("python3*/site-packages")
    return found


def _megabytes(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def footprint(python: Path, empty: Path) -> dict[str, object]:
    """Installed distributions (bootstrap aside) and MB of site-packages net of an empty venv."""
    listing = _run(
        python,
        "-c",
        "import importlib.metadata as m, json;"
        "print(json.dumps(sorted({d.metadata['Name'].lower() for d in m.distributions()})))",
        env=_clean_env(),
    )
    names = [n for n in json.loads(listing.stdout) if n not in BOOTSTRAP]
    net = _megabytes(_site_packages(python)) - _megabytes(_site_packages(empty))
    return {"packages": names, "megabytes": round(net, 1)}


@pytest.fixture(scope="module")
def installed(
    wheel: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, dict[str, object]]:
    """A fresh venv with the wheel alone (no extra), and its footprint measured right then
    (tests below add pytest to it)."""
    python = _new_venv(tmp_path_factory.mktemp("user") / "venv")
    _install(python, str(wheel))
    empty = _new_venv(tmp_path_factory.mktemp("empty") / "venv")
    return python, footprint(python, empty)


@pytest.fixture(scope="module")
def user_venv(installed: tuple[Path, dict[str, object]]) -> Path:
    return installed[0]


@pytest.fixture(scope="module")
def user_venv_with_pytest(user_venv: Path) -> Path:
    """The testing module is a pytest plugin: pytest itself is the user's, not an extra's."""
    _install(user_venv, "pytest")
    return user_venv


@pytest.fixture(scope="module")
def mock_url(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A mock served by a second venv that has the ``[mock]`` extra, until the module ends."""
    python = _new_venv(tmp_path_factory.mktemp("mock") / "venv")
    _install(python, f"{wheel}[mock]")
    serve = (
        "import sys\n"
        "from ango_hub.mock import run_mock_server\n"
        "with run_mock_server() as mock:\n"
        "    print(mock.base_url, mock.api_key, mock.project_id, flush=True)\n"
        "    sys.stdin.read()\n"
    )
    server = subprocess.Popen(
        [str(python), "-c", serve],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=_clean_env(),
    )
    try:
        assert server.stdout is not None
        line = server.stdout.readline().split()
        assert len(line) == 3, "the mock did not start"
        yield " ".join(line)
    finally:
        assert server.stdin is not None
        server.stdin.close()
        server.wait(timeout=30)


def test_a_plain_install_is_lean(installed: tuple[Path, dict[str, object]]) -> None:
    found = installed[1]
    print(json.dumps(found))  # the figures for bench/RESULTS.md (pytest -s)
    packages = found["packages"]
    assert isinstance(packages, list)
    assert "ango-hub-client" in packages
    assert len(packages) <= MAX_PACKAGES, packages
    assert float(str(found["megabytes"])) <= MAX_MEGABYTES, found
    for heavy in ("typer", "rich", "pygments", "stream-unzip", "pycryptodome", "uvicorn"):
        assert heavy not in packages


def test_the_installed_package_is_the_wheel_and_reads_nothing_outside_it(
    user_venv: Path, tmp_path: Path
) -> None:
    code = (
        "import ango_hub, ango_hub_api, importlib.metadata as m, pathlib, sys\n"
        "site = pathlib.Path(sys.argv[1])\n"
        "assert pathlib.Path(ango_hub.__file__).is_relative_to(site), ango_hub.__file__\n"
        "assert ango_hub.__version__ == m.version('ango-hub-client'), ango_hub.__version__\n"
        "from ango_hub._spec import spec_bytes\n"
        "assert spec_bytes().startswith(b'openapi: 3.1')\n"
        "from ango_hub.live_check.runner import DEFAULT_DISCREPANCIES\n"
    )
    done = _run(user_venv, "-c", code, _site_packages(user_venv), cwd=tmp_path, env=_clean_env())
    # live_check.runner needs the [live-check] extra: the spec and version lines ran before it.
    assert "pip install 'ango-hub-client[live-check]'" in done.stderr, done.stderr
    packaged = _site_packages(user_venv) / "ango_hub"
    assert (packaged / "openapi.yaml").read_bytes() == (REPO / "openapi.yaml").read_bytes()
    shipped = packaged / "live_check" / "DISCREPANCIES.md"
    assert shipped.read_bytes() == (REPO / "docs" / "DISCREPANCIES.md").read_bytes()
    assert not shipped.is_symlink()
    licence = list(_site_packages(user_venv).glob("ango_hub_client-*.dist-info/licenses/LICENSE"))
    assert len(licence) == 1


def test_readme_example_runs_against_a_mock_from_a_second_venv(
    user_venv: Path, mock_url: str, tmp_path: Path
) -> None:
    base_url, api_key, project = mock_url.split()
    code = library_example((REPO / "README.md").read_text(encoding="utf-8"))
    env = _clean_env() | {
        "ANGO_BASE_URL": base_url,
        "ANGO_API_KEY": api_key,
        "ANGO_PROJECT": project,
    }
    done = _run(user_venv, "-c", code, cwd=tmp_path, env=env)
    assert done.returncode == 0, done.stderr
    assert "1 created, 0 failed" in done.stdout, done.stdout


@pytest.mark.parametrize(
    ("command", "extra"),
    [
        (["-c", "from ango_hub.cli import main; main()"], "cli"),
        (["-c", "import ango_hub.mock"], "mock"),
        (["-c", "from ango_hub.testing import run_mock_server as r; r().__enter__()"], "mock"),
        (["-c", "import ango_hub.live_check"], "live-check"),
        (["-c", "import ango_hub.plugins"], "plugins"),
    ],
    ids=["ango-hub", "ango_hub.mock", "testing-fixture", "live-check", "plugins"],
)
def test_a_missing_extra_says_what_to_install(
    user_venv_with_pytest: Path, tmp_path: Path, command: list[str], extra: str
) -> None:
    done = _run(user_venv_with_pytest, *command, cwd=tmp_path, env=_clean_env())
    assert done.returncode != 0
    assert f"pip install 'ango-hub-client[{extra}]'" in done.stderr, done.stderr
    assert "ModuleNotFoundError" not in done.stderr


def test_the_console_script_without_cli_prints_one_line_and_exits_2(
    user_venv: Path, tmp_path: Path
) -> None:
    done = _run(user_venv.parent / "ango-hub", "--help", cwd=tmp_path, env=_clean_env())
    assert done.returncode == 2
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1, lines
    assert lines[0].endswith("pip install 'ango-hub-client[cli]'"), lines


USER_SCRIPT = """
from ango_hub import AngoHub, AngoHubError, AsyncAngoHub, UploadReport, __version__


def created(project: str, files: list[str]) -> int:
    with AngoHub(api_key="k", base_url="http://127.0.0.1:9/v2") as hub:
        try:
            report: UploadReport = hub.assets.upload(project, files, batches=None)
        except AngoHubError as exc:
            print(exc)
            return 0
        return len(report.created)


async def first_external_id(project: str) -> str | None:
    async with AsyncAngoHub(api_key="k") as hub:
        async for asset in hub.assets.list(project):
            return asset.external_id if isinstance(asset.external_id, str) else None
    return None


version: str = __version__
"""


@pytest.mark.parametrize(
    ("script", "clean"),
    [(USER_SCRIPT, True), (USER_SCRIPT + "\nwrong: int = AngoHub(api_key='k').assets\n", False)],
    ids=["typed", "type-error-found"],
)
def test_mypy_strict_checks_a_user_script_against_the_installed_package(
    user_venv: Path, tmp_path: Path, script: str, clean: bool
) -> None:
    (tmp_path / "user.py").write_text(script)
    (tmp_path / "mypy.ini").write_text("[mypy]\n")
    mypy = Path(sys.executable).with_name("mypy")
    done = _run(
        mypy, "--strict", "--config-file", "mypy.ini", "--no-incremental",
        "--python-executable", user_venv, "user.py",
        cwd=tmp_path, env=_clean_env(),
    )  # fmt: skip
    if clean:
        assert done.returncode == 0, done.stdout
    else:
        assert done.returncode == 1, done.stdout
        assert 'Incompatible types in assignment (expression has type "Assets"' in done.stdout
