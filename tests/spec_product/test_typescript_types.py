"""TypeScript from the spec: ts/src/example.ts compiles under `tsc --strict` against types
openapi-typescript generates from openapi.yaml, and stops compiling when a field it relies on
changes type in the spec (the same command `make ts-check` runs, on a copy)."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

# Heavy (a subprocess, a browser, a build or a fuzzer): not in `make test-fast`.
pytestmark = pytest.mark.slow

Spec = dict[str, Any]


def without_examples(node: Any) -> Any:
    """``node`` without example values: they do not shape the types, and openapi-typescript
    (rightly) refuses a spec whose examples no longer match an edited schema."""
    if isinstance(node, dict):
        return {k: without_examples(v) for k, v in node.items() if k not in {"example", "examples"}}
    if isinstance(node, list):
        return [without_examples(v) for v in node]
    return node


def compile_example(root: Path, tmp_path: Path, spec: Spec) -> subprocess.CompletedProcess[str]:
    """Generate types from ``spec`` into a copy of ts/ and type-check the example there."""
    ts = tmp_path / "ts"
    shutil.copytree(root / "ts" / "src", ts / "src")
    shutil.copy(root / "ts" / "tsconfig.json", ts / "tsconfig.json")
    spec_path = tmp_path / "openapi.yaml"
    spec_path.write_text(
        yaml.dump(without_examples(spec), Dumper=yaml.CSafeDumper, sort_keys=False)
    )
    bin_dir = root / "node_modules" / ".bin"
    subprocess.run(
        [
            bin_dir / "openapi-typescript",
            spec_path,
            "-o",
            ts / "generated" / "ango-hub.d.ts",
        ],
        cwd=tmp_path,  # away from the project's redocly.yaml: its house rules want examples
        check=True,
        capture_output=True,
        text=True,
    )
    return subprocess.run(
        [bin_dir / "tsc", "-p", ts / "tsconfig.json", "--strict", "--noEmit"],
        capture_output=True,
        text=True,
        check=False,
    )


def test_example_compiles_against_the_spec(root: Path, spec: Spec, tmp_path: Path) -> None:
    done = compile_example(root, tmp_path, spec)
    assert done.returncode == 0, done.stdout


def total_becomes_string(spec: Spec) -> None:
    spec["components"]["schemas"]["AssetPage"]["properties"]["total"] = {"type": "string"}


def upload_local_becomes_boolean(spec: Spec) -> None:
    spec["components"]["schemas"]["UploadLocal"] = {"type": "boolean"}


def export_format_loses_ndjson(spec: Spec) -> None:
    spec["components"]["schemas"]["ExportFormat"]["enum"] = ["json", "split"]


def project_becomes_optional(spec: Spec) -> None:
    spec["components"]["parameters"]["ProjectQuery"]["required"] = False


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (total_becomes_string, "Type 'string' is not assignable to type 'number'"),
        (upload_local_becomes_boolean, "Type 'string' is not assignable to type 'boolean"),
        (export_format_loses_ndjson, '"ndjson"'),
        (project_becomes_optional, "Unused '@ts-expect-error' directive"),
    ],
)
def test_example_stops_compiling_when_the_spec_changes(
    root: Path, spec: Spec, tmp_path: Path, edit: Callable[[Spec], None], expected: str
) -> None:
    edit(spec)
    done = compile_example(root, tmp_path, spec)
    assert done.returncode != 0
    assert expected in done.stdout, done.stdout
