"""The TypeScript steps runner (tools/other_languages/ts/steps.ts), compiled alone with
`tsc --strict` and driven by a recording Caller in place of a generated client: it hands the
adapter what the step says (placeholders and saved values substituted, files as File objects
for multipart), compares `expect`, and reports a failure in one line naming the file, the
step's index and the operation, like the Python runner. The five real adapters are run end
to end by `make test-other-languages`."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
TS = REPO / "tools" / "other_languages" / "ts"

# Heavy (a subprocess, a browser, a build or a fuzzer): not in `make test-fast`.
pytestmark = pytest.mark.slow

DRIVER = """
import { playSteps, type Caller } from './steps';
declare const process: { exit(code: number): never };
const seen: unknown[] = [];
const answers: Record<string, { ok: boolean; status?: number; data: unknown }> = {
  listAssets: { ok: true, status: 200, data: { data: { total: 1, assets: [{ _id: 'a-1' }] } } },
  deleteAssets: { ok: false, status: 404, data: { status: 'fail', message: 'no asset' } },
};
const call: Caller = async (c) => {
  const files: Record<string, unknown> = {};
  for (const [k, f] of Object.entries(c.files ?? {})) {
    files[k] = { name: f.name, type: f.type, text: await f.text() };
  }
  const { path, query, body, form } = c;
  seen.push({ op: c.op.id, method: c.op.method, path, query, body, form, files });
  return answers[c.op.id] ?? { ok: true, data: { status: 'success', data: {} } };
};
playSteps('demo', 'proj-1', call).then(
  (n) => console.log(JSON.stringify({ n, seen })),
  (e: Error) => {
    console.log(JSON.stringify({ error: e.message, seen }));
    process.exit(1);
  },
);
"""


@pytest.fixture(scope="module")
def spec(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """openapi.yaml as JSON (its $refs are all internal; dist/ may not be built yet)."""
    path = tmp_path_factory.mktemp("spec") / "openapi.json"
    path.write_text(json.dumps(yaml.safe_load((REPO / "openapi.yaml").read_text())))
    return path


@pytest.fixture(scope="module")
def runner(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("steps-ts")
    (work / "src").mkdir()
    shutil.copy(TS / "steps.ts", work / "src" / "steps.ts")
    (work / "src" / "driver.ts").write_text(DRIVER)
    config = json.loads((REPO / "tools" / "other_languages" / "tsconfig.json").read_text())
    (work / "tsconfig.json").write_text(json.dumps(config))
    tsc = REPO / "node_modules" / ".bin" / "tsc"
    done = subprocess.run(
        [str(tsc), "-p", "tsconfig.json"], cwd=work, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return work / "build" / "driver.js"


@pytest.fixture
def play(runner: Path, spec: Path, tmp_path: Path) -> Callable[..., tuple[int, dict[str, Any]]]:
    def played(files: list[dict[str, Any]]) -> tuple[int, dict[str, Any]]:
        steps = tmp_path / "steps.json"
        steps.write_text(json.dumps(files))
        env = {"ANGO_SPEC": str(spec), "ANGO_STEPS": str(steps)}
        node = shutil.which("node") or "node"
        done = subprocess.run(
            [node, str(runner)], env=env, capture_output=True, text=True, check=False
        )
        return done.returncode, json.loads(done.stdout)

    return played


def test_steps_reach_the_caller_substituted(
    play: Callable[..., tuple[int, dict[str, Any]]],
) -> None:
    code, out = play(
        [
            {
                "name": "00-a.json",
                "steps": [
                    {
                        "op": "listAssets",
                        "path": {"projectId": "{project}"},
                        "query": {"externalId": "x-{generator}"},
                        "save": {"asset": "data.assets.0._id"},
                        "expect": {"data.total": 1},
                    },
                    {
                        "op": "updateAsset",
                        "path": {"assetId": "{asset}"},
                        "body": {"metadata": {"ids": "{asset}", "who": "{generator}"}},
                    },
                    {
                        "op": "uploadChatAssets",
                        "path": {"projectId": "{project}"},
                        "form": {"priority": 3},
                        "files": {
                            "file": {
                                "filename": "c-{asset}.json",
                                "type": "application/json",
                                "text": "[{asset}]",
                            }
                        },
                    },
                ],
            }
        ],
    )
    assert code == 0, out
    assert out["n"] == 3
    listing, update, chat = out["seen"]
    assert listing == {
        "op": "listAssets",
        "method": "GET",
        "path": {"projectId": "proj-1"},
        "query": {"externalId": "x-demo"},
        "files": {},
    }
    assert update["method"] == "POST"
    assert update["body"] == {"metadata": {"ids": "a-1", "who": "demo"}}
    assert chat["form"] == {"priority": 3}
    assert chat["files"] == {
        "file": {"name": "c-a-1.json", "type": "application/json", "text": "[a-1]"}
    }


def test_a_failed_expect_names_file_index_and_operation(
    play: Callable[..., tuple[int, dict[str, Any]]],
) -> None:
    code, out = play(
        [
            {"name": "00-a.json", "steps": [{"op": "listProjects"}]},
            {
                "name": "10-b.json",
                "steps": [
                    {"op": "listProjects"},
                    {
                        "op": "listAssets",
                        "path": {"projectId": "{project}"},
                        "expect": {"data.total": 2},
                    },
                ],
            },
        ],
    )
    assert code == 1
    assert out["error"] == "steps 10-b.json[1] (listAssets): expected data.total = 2, got 1"


def test_an_error_answer_is_reported_with_status_and_body(
    play: Callable[..., tuple[int, dict[str, Any]]],
) -> None:
    code, out = play(
        [
            {
                "name": "20-c.json",
                "steps": [
                    {
                        "op": "deleteAssets",
                        "path": {"projectId": "{project}"},
                        "body": {"assets": ["x"]},
                    },
                ],
            }
        ],
    )
    assert code == 1
    assert out["error"] == (
        'steps 20-c.json[0] (deleteAssets): HTTP 404 {"status":"fail","message":"no asset"}'
    )


def test_saved_names_do_not_carry_over_to_the_next_file(
    play: Callable[..., tuple[int, dict[str, Any]]],
) -> None:
    code, out = play(
        [
            {
                "name": "00-a.json",
                "steps": [
                    {
                        "op": "listAssets",
                        "path": {"projectId": "p"},
                        "save": {"asset": "data.assets.0._id"},
                    },
                ],
            },
            {"name": "01-b.json", "steps": [{"op": "updateAsset", "path": {"assetId": "{asset}"}}]},
        ],
    )
    assert code == 1
    assert out["error"].startswith("steps 01-b.json[0] (updateAsset): unknown placeholder {asset}")
