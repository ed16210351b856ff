"""openapi-generator against the published bundles (docs/FOR-OTHER-LANGUAGES.md).

openapi-generator is the generator most other-language teams reach for; the PyPI package
``openapi-generator-cli`` (pinned in requirements-dev.txt) bundles its jar and runs it with
the machine's Java 17.

``play`` (`make test-openapi-generator`, part of `make test`):
  1. ``openapi-generator-cli validate`` on dist/openapi.yaml (3.1) and dist/openapi-3.0.yaml:
     no error, and no warning but the explained ones (EXPLAINED_WARNINGS);
  2. its Python client (pydantic + urllib3) is generated from the 3.0.3 bundle and plays every
     steps/*.json file (openapi_generator_python.py) through Prism's validating proxy in front
     of the mock: every operation of the spec called, 0 violations (two planted ones must be
     reported, as in check.py);
  3. so does its Java client (library native), compiled with Debian's OpenJDK 17 and jars
     (openapi_generator_java.py; the build is cached by the hash of its inputs).

``generate`` (`make generate-other-languages`, run by .ci/run after `make test`): clients in
the languages of LANGUAGES, each generation without error; the warnings of each are printed
per language (the doc's table lists them). The TypeScript one is also compiled with `tsc`.

Generated code goes to a temporary directory (KEEP_WORK=1 keeps it).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from ango_hub._index import operations
from ango_hub.mock.server import MockServer
from ango_hub.testing import run_mock_server

from tools.other_languages import openapi_generator_java, openapi_generator_python, steps
from tools.other_languages.check import (
    BIN,
    DIST,
    CheckFailed,
    Timer,
    in_work_dir,
    judge_prism,
    operations_seen,
    plant_violations,
    prism_findings,
    prism_proxy,
    require_all,
    spec_operations,
)

CLI = Path(sys.executable).with_name("openapi-generator-cli")
BUNDLES = ("openapi.yaml", "openapi-3.0.yaml")
# Generators read the 3.0.3 bundle: their 3.1 support is marked beta (a warning of its own).
INPUT = DIST / "openapi-3.0.yaml"
# Schemas used only as the JSON inside string parameters (`contentSchema` of listAssets'
# `filters`, named in the export filters' descriptions): no operation refers to them, so the
# parser calls them unused. Every generator still emits them, for callers to serialise.
EXPLAINED_WARNINGS = re.compile(
    r"Unused model: (AssetFilters|FilterScalar|FilterCondition|FilterOperators|FilterBound"
    r"|TaskFilter|TaskType)$"
)


@dataclass(frozen=True)
class Language:
    generator: str
    options: tuple[str, ...] = ()


# The Java client is the one that plays (openapi_generator_java: our ApiClient/JSON templates,
# Debian's jars); the others are generated only.
JAVA = Language("java", openapi_generator_java.OPTIONS)
LANGUAGES = (
    JAVA,
    Language("kotlin"),
    Language("go"),
    Language("csharp"),
    Language("rust"),
    Language("typescript-fetch"),
    Language("python", ("--additional-properties", "packageName=ango_hub_oag")),
)
PYTHON = LANGUAGES[-1]


def cli(*args: str, what: str) -> str:
    done = subprocess.run(  # noqa: S603  (the pinned CLI)
        [str(CLI), *args], capture_output=True, text=True, check=False
    )
    output = done.stdout + done.stderr
    if done.returncode != 0 or "[error]" in output or " ERROR " in output:
        raise CheckFailed(f"{what} failed ({done.returncode}):\n{output[-4000:]}")
    return output


def validate(timer: Timer) -> None:
    for bundle in BUNDLES:
        with timer.step(f"openapi-generator validate dist/{bundle}"):
            output = cli("validate", "-i", str(DIST / bundle), what=f"validate {bundle}")
            warnings = [m[1] for m in re.finditer(r"^\s+- (.*)$", output, re.MULTILINE)]
            unexplained = [w for w in warnings if not EXPLAINED_WARNINGS.fullmatch(w)]
            if unexplained:
                raise CheckFailed(f"validate {bundle}: unexplained warnings {unexplained}")
            print(f"    {len(warnings)} warnings, all explained (unused filter schemas)")


def generate_one(language: Language, out: Path) -> list[str]:
    """Generates ``language`` into ``out``; its warnings, counted, one line each."""
    output = cli(
        "generate",
        "-g",
        language.generator,
        "-i",
        str(INPUT),
        "-o",
        str(out),
        *language.options,
        what=f"generate {language.generator}",
    )
    found = Counter(
        re.sub(r"^\[\S+\] WARN\s+\S+ - ", "", line).strip()
        for line in output.splitlines()
        if " WARN " in line
    )
    return [f"{count} x {message}" for message, count in sorted(found.items())]


def play(work: Path, timer: Timer) -> None:
    """The generated Python and Java clients each play every steps file through Prism."""
    expected = spec_operations()
    with timer.step("openapi-generator generate python (the client that plays)"):
        for warning in generate_one(PYTHON, work / "python"):
            print(f"    WARN {warning}")
    package = openapi_generator_python.load_package(work / "python")
    with timer.step("openapi-generator java (native): generate + javac, or the cached build"):
        classes = build_java()
    log = work / "prism.log"
    with run_mock_server() as mock, prism_proxy(mock.base_url, log) as base_url:
        operations_seen(mock.root_url, mock.api_key)
        with timer.step("run through Prism: openapi-generator python"):
            caller = openapi_generator_python.GeneratedCaller(
                package, operations(), base_url, mock.api_key
            )
            played = play_steps(caller, "openapi-generator-python", mock, expected)
            for operation_id, missing in sorted(caller.flattened.items()):
                print(f"    {operation_id}: sent without the argument check (requires {missing})")
            requests = prism_findings(log.read_text())[0]
            print(f"    {played} steps, {requests} requests, all {len(expected)} operations")
        with timer.step("run through Prism: openapi-generator java (native)"):
            java = openapi_generator_java.JavaCaller(classes, operations(), base_url, mock.api_key)
            try:
                played = play_steps(java, "openapi-generator-java", mock, expected)
            finally:
                java.close()
            java_requests = prism_findings(log.read_text())[0] - requests
            print(f"    {played} steps, {java_requests} requests, all {len(expected)} operations")
        plant_violations(base_url, mock)
    print(judge_prism(log.read_text()))


def play_steps(caller: steps.Caller, generator: str, mock: MockServer, expected: set[str]) -> int:
    """Every steps file through ``caller``; every operation of the spec must reach the mock."""
    try:
        played = steps.play_all(caller, generator=generator, project=mock.project_id)
    except steps.StepFailed as failure:
        raise CheckFailed(str(failure)) from None
    require_all(expected, operations_seen(mock.root_url, mock.api_key), generator)
    return played


def build_java() -> Path:
    """The Java client's classes (openapi_generator_java.build), generated with JAVA's options."""
    missing = openapi_generator_java.missing_jars()
    if missing or shutil.which("javac") is None:
        raise CheckFailed(
            f"the Java client needs javac and Debian's jars ({missing or 'javac'} missing): "
            "make install installs them (apt-get)"
        )
    classes, cached = openapi_generator_java.build(
        INPUT, lambda out: print_warnings(generate_one(JAVA, out))
    )
    print(f"    {'cached build' if cached else 'generated and compiled'}: {classes.name}")
    return classes


def print_warnings(warnings: list[str]) -> None:
    for warning in warnings:
        print(f"    WARN {warning}")


def generate_all(work: Path, timer: Timer) -> None:
    """Every language of LANGUAGES, two at a time; the TypeScript one compiled with tsc."""

    def run(language: Language) -> tuple[Language, list[str]]:
        return language, generate_one(language, work / language.generator)

    name = f"openapi-generator generate: {len(LANGUAGES)} languages"
    with timer.step(name), ThreadPoolExecutor(max_workers=2) as pool:
        for language, warnings in pool.map(run, LANGUAGES):
            print(f"  {language.generator}: no error, {len(warnings)} kinds of warning")
            for warning in warnings:
                print(f"    WARN {warning}")
    with timer.step("tsc --strict: the typescript-fetch client"):
        out = work / "typescript-fetch"
        done = subprocess.run(  # noqa: S603
            [
                str(BIN / "tsc"),
                "--strict",
                "--noEmit",
                "--target",
                "es2020",
                "--lib",
                "es2020,dom",
                "--moduleResolution",
                "node",
                *map(str, out.rglob("*.ts")),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            raise CheckFailed(f"tsc on typescript-fetch failed:\n{done.stdout[-4000:]}")


def main(mode: str) -> int:
    def check(work: Path, timer: Timer) -> None:
        print(f"openapi-generator {cli('version', what='version').strip()} in {work}", flush=True)
        if mode == "play":
            validate(timer)
            play(work, timer)
        else:
            generate_all(work, timer)

    return in_work_dir("ango-openapi-generator-", f"openapi-generator {mode}", check)


if __name__ == "__main__":
    if sys.argv[1:] not in (["play"], ["generate"]):
        sys.exit("usage: openapi_generator.py play|generate")
    sys.exit(main(sys.argv[1]))
