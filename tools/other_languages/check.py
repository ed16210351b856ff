"""Cross-language check (`make test-other-languages`, part of `make test`): the spec works as
other teams would use it (docs/FOR-OTHER-LANGUAGES.md).

1. The OpenAPI 3.0.3 bundle (dist/openapi-3.0.json) is valid OpenAPI 3.0.
2. Five TypeScript generators from package-lock.json make clients from dist/; the clients and
   an adapter per generator (ts/) compile together under `tsc --strict`, with a file of bodies
   the spec forbids that must not compile (ts/one-of-rules.ts).
3. The mock runs on a free loopback port behind Stoplight Prism in proxy mode, which validates
   every request and response against dist/openapi.json. Through Prism: each TypeScript client
   runs ts/scenario.ts (the typed scenario, chat upload with a file included) and then plays
   every steps/*.json file (operations written as data, checked against the operation index
   first) through one generic call per generator; then the Python client plays the same and
   the CLI runs (python_workload.py). The mock's request log must show every operation of the
   spec for each of them.
4. Prism must report no violation for any of it; two planted violations sent last (a request
   out of bounds, an undeclared response status) prove that its findings are seen.

Generated clients and build output go to a temporary directory (KEEP_WORK=1 keeps it).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
from ango_hub._index import operations
from ango_hub.mock.server import MockServer
from ango_hub.testing import free_port, run_mock_server
from openapi_spec_validator import OpenAPIV30SpecValidator

from tools.other_languages import python_workload, steps

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
DIST = REPO / "dist"
NODE_MODULES = REPO / "node_modules"
BIN = NODE_MODULES / ".bin"
PRISM_START_SECONDS = 60


@dataclass(frozen=True)
class Generator:
    """A TypeScript generator: how it is run, and the adapter (ts/<adapter>.ts) that drives it."""

    name: str
    adapter: str
    command: Callable[[Path], list[str]]  # work dir -> argv
    env: dict[str, str] | None = None


def _out(work: Path, name: str) -> Path:
    path = work / "src" / "generated" / name
    path.mkdir(parents=True, exist_ok=True)
    return path


GENERATORS = [
    Generator(
        "openapi-typescript + openapi-fetch",
        "openapi-fetch",
        lambda w: [
            str(BIN / "openapi-typescript"),
            str(DIST / "openapi.json"),
            "-o",
            str(_out(w, "openapi-typescript") / "schema.ts"),
        ],
    ),
    Generator(
        "openapi-typescript-codegen",
        "openapi-typescript-codegen",
        # Its bin is called `openapi`, as is Redocly CLI's: run it by path.
        lambda w: [
            "node",
            str(NODE_MODULES / "openapi-typescript-codegen/bin/index.js"),
            "--input",
            str(DIST / "openapi-3.0.json"),
            "--output",
            str(_out(w, "openapi-typescript-codegen")),
            "--client",
            "fetch",
            "--useOptions",
            "--useUnionTypes",
        ],
    ),
    Generator(
        "oazapfts",
        "oazapfts",
        lambda w: [
            str(BIN / "oazapfts"),
            str(DIST / "openapi.json"),
            str(_out(w, "oazapfts") / "api.ts"),
        ],
    ),
    Generator(
        "orval",
        "orval",
        lambda w: [str(BIN / "orval"), "--config", str(w / "orval.config.cjs")],
        env={"ORVAL_INPUT": str(DIST / "openapi.json")},
    ),
    Generator(
        "swagger-typescript-api",
        "swagger-typescript-api",
        lambda w: [
            str(BIN / "swagger-typescript-api"),
            "generate",
            "--path",
            str(DIST / "openapi-3.0.json"),
            "--output",
            str(_out(w, "swagger-typescript-api")),
            "--name",
            "api.ts",
        ],
    ),
]


class CheckFailed(Exception):
    """A step of the check failed; the message says which and why."""


class Timer:
    """Wall-clock seconds per step, printed as they finish and summed at the end."""

    def __init__(self) -> None:
        self.start = time.monotonic()
        self.steps: list[tuple[str, float]] = []

    @contextmanager
    def step(self, name: str) -> Iterator[None]:
        began = time.monotonic()
        yield
        took = time.monotonic() - began
        self.steps.append((name, took))
        print(f"  {took:5.1f} s  {name}", flush=True)

    def total(self) -> float:
        return time.monotonic() - self.start


def run(argv: list[str], *, cwd: Path, env: dict[str, str] | None = None, what: str) -> str:
    done = subprocess.run(  # noqa: S603  (pinned local tools)
        argv,
        cwd=cwd,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise CheckFailed(f"{what} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    return done.stdout


def spec_operations() -> set[str]:
    spec = json.loads((DIST / "openapi.json").read_text())
    return {op["operationId"] for item in spec["paths"].values() for op in item.values()}


def check_openapi_30_bundle() -> None:
    doc = json.loads((DIST / "openapi-3.0.json").read_text())
    if doc.get("openapi") != "3.0.3":
        raise CheckFailed(f"dist/openapi-3.0.json says openapi {doc.get('openapi')!r}")
    OpenAPIV30SpecValidator(doc).validate()


def prepare(work: Path) -> None:
    """The adapters, tsconfig and orval config in ``work``, with the project's node_modules."""
    shutil.copytree(HERE / "ts", work / "src")
    shutil.copy(HERE / "tsconfig.json", work / "tsconfig.json")
    shutil.copy(HERE / "orval.config.cjs", work / "orval.config.cjs")
    (work / "node_modules").symlink_to(NODE_MODULES)


@contextmanager
def prism_proxy(upstream: str, log: Path) -> Iterator[str]:
    """`prism proxy` for dist/openapi.json in front of ``upstream``; yields its base URL."""
    port = free_port()
    with log.open("w") as out:
        proc = subprocess.Popen(  # noqa: S603
            [
                str(BIN / "prism"),
                "proxy",
                str(DIST / "openapi.json"),
                upstream,
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
            ],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + PRISM_START_SECONDS
        while "Prism is listening" not in log.read_text():
            if proc.poll() is not None or time.monotonic() > deadline:
                raise CheckFailed(f"Prism did not start:\n{log.read_text()}")
            time.sleep(0.2)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def operations_seen(root_url: str, api_key: str) -> set[str]:
    """The operations the mock served since the last call (its request log, then cleared)."""
    log = httpx.get(f"{root_url}/_mock/requests", headers={"apikey": api_key}).json()
    httpx.delete(f"{root_url}/_mock/requests", headers={"apikey": api_key})
    return {name for name in log["data"]["counts"] if " " not in name}


VIOLATION = re.compile(r"Violation: (.*)$")
PLANTED = re.compile(r"query parameter limit must be <= 100|returned status code")


def prism_findings(log_text: str) -> tuple[int, list[str]]:
    """(requests Prism received, violation messages) from its log."""
    requests = log_text.count("Request received")
    return requests, [m[1] for m in map(VIOLATION.search, log_text.splitlines()) if m]


def require_all(expected: set[str], seen: set[str], who: str) -> None:
    missed = expected - seen
    if missed:
        raise CheckFailed(f"{who} did not call {sorted(missed)}")


def build_clients(work: Path, timer: Timer) -> None:
    """Generate every client into ``work`` and compile them with their adapters."""
    prepare(work)
    for generator in GENERATORS:
        with timer.step(f"generate: {generator.name}"):
            run(generator.command(work), cwd=work, env=generator.env, what=generator.name)
    with timer.step("tsc --strict: the five clients, their adapters, ts/one-of-rules.ts"):
        run([str(BIN / "tsc"), "-p", "tsconfig.json"], cwd=work, what="tsc --strict")


def load_steps(work: Path) -> Path:
    """The steps files, checked against the operation index, as one file for the clients."""
    files = steps.load()
    problems = steps.problems(files, operations())
    if problems:
        raise CheckFailed("steps files do not fit the spec:\n" + "\n".join(problems))
    target = work / "steps.json"
    target.write_text(json.dumps([{"name": f.name, "steps": f.steps} for f in files]))
    return target


def exercise(work: Path, timer: Timer, expected: set[str]) -> None:
    """Every client, then the Python client and CLI, through Prism in front of the mock."""
    with run_mock_server() as mock, prism_proxy(mock.base_url, work / "prism.log") as base_url:
        env = {"ANGO_BASE_URL": base_url, "ANGO_API_KEY": mock.api_key}
        env["ANGO_PROJECT"] = mock.project_id
        env["ANGO_SPEC"] = str(DIST / "openapi.json")
        env["ANGO_STEPS"] = str(work / "steps.json")
        operations_seen(mock.root_url, mock.api_key)
        log = work / "prism.log"
        for generator in GENERATORS:
            with timer.step(f"run through Prism: {generator.name}"):
                before = prism_findings(log.read_text())[0]
                script = str(work / "build" / f"{generator.adapter}.js")
                print(run(["node", script], cwd=work, env=env, what=generator.name), end="")
                require_all(expected, operations_seen(mock.root_url, mock.api_key), generator.name)
                print(f"{generator.name}: {prism_findings(log.read_text())[0] - before} requests")
        with timer.step("run through Prism: Python client and CLI"):
            before = prism_findings(log.read_text())[0]
            try:
                python_workload.library(base_url, mock.api_key, mock.project_id, work)
            except steps.StepFailed as failure:
                raise CheckFailed(str(failure)) from None
            python_workload.cli(base_url, mock.api_key, mock.project_id, work)
            seen = operations_seen(mock.root_url, mock.api_key)
            require_all(expected, seen, "the Python client and CLI")
            print(f"Python client and CLI: {prism_findings(log.read_text())[0] - before} requests")
        plant_violations(base_url, mock)


def plant_violations(base_url: str, mock: MockServer) -> None:
    """Last, two exchanges Prism must flag, to prove its findings reach the check: a
    request out of bounds, and an answer with a status the spec does not declare."""
    listing = f"{base_url}/project/{mock.project_id}/assets"
    headers = {"apikey": mock.api_key}
    httpx.get(listing, params={"limit": 500}, headers=headers)
    mock.add_fault("server_error", nth=1, status=505)
    httpx.get(listing, headers=headers)


def judge_prism(log_text: str) -> str:
    """A summary line when Prism found nothing but the planted violations; else CheckFailed."""
    requests, violations = prism_findings(log_text)
    planted = [v for v in violations if PLANTED.search(v)]
    real = [v for v in violations if not PLANTED.search(v)]
    if len(planted) != 2:
        raise CheckFailed(f"Prism missed a planted violation; it reported {violations}")
    if real:
        raise CheckFailed(f"Prism found {len(real)} violation(s):\n" + "\n".join(real))
    return (
        f"Prism validated {requests - 2} requests and their responses: 0 violations "
        "(and flagged the 2 planted ones)"
    )


def in_work_dir(prefix: str, label: str, check: Callable[[Path, Timer], None]) -> int:
    """Runs ``check`` in a fresh temporary directory, kept on failure or with KEEP_WORK=1;
    prints its total time under ``label``. 0 when it passed, 1 on CheckFailed."""
    timer = Timer()
    keep = os.environ.get("KEEP_WORK") == "1"
    work = Path(tempfile.mkdtemp(prefix=prefix))
    try:
        check(work, timer)
    except CheckFailed as failure:
        print(f"FAILED: {failure}", file=sys.stderr)
        keep = True
        return 1
    finally:
        if keep:
            print(f"(work directory kept: {work})")
        else:
            shutil.rmtree(work, ignore_errors=True)
        print(f"{label}: {timer.total():.1f} s in all", flush=True)
    return 0


def check_all(work: Path, timer: Timer) -> None:
    expected = spec_operations()
    print(f"Cross-language check in {work} ({len(expected)} operations)", flush=True)
    with timer.step("OpenAPI 3.0.3 bundle validates as 3.0 (openapi-spec-validator)"):
        check_openapi_30_bundle()
    with timer.step("steps/*.json fit the operation index"):
        load_steps(work)
    build_clients(work, timer)
    exercise(work, timer, expected)
    print(judge_prism((work / "prism.log").read_text()))


def main() -> int:
    return in_work_dir("ango-other-languages-", "Cross-language check", check_all)


if __name__ == "__main__":
    sys.exit(main())
