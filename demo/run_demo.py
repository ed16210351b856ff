"""`make demo`: the whole workflow against a local mock, through the CLI and the library.

Starts the mock (`ango-hub mock --port 0`) on loopback, then, as a user would:
writes a folder of small PNGs, uploads them (`ango-hub upload`), lists them, assigns a batch,
imports labels and an attachment, exports NDJSON and prints a summary of the exported tasks.
The library does the same kind of work beside the CLI (listing, an update, reading the export).
The mock is stopped at the end, whatever happens. Needs no credentials and no network.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from demo.sample_images import write_sample_images

ANGO_HUB = str(Path(sys.executable).with_name("ango-hub"))
IMAGES = 6
BATCH = "Demo batch"
START_TIMEOUT_SECONDS = 30


def say(text: str) -> None:
    """A demo step header."""
    print(f"\n== {text}", flush=True)


@contextmanager
def mock_server() -> Iterator[tuple[str, str, str]]:
    """`ango-hub mock --port 0` in a subprocess; yields (base URL, API key, project ID)."""
    process = subprocess.Popen(  # noqa: S603  (our own console script)
        [ANGO_HUB, "mock", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        if process.stdout is None:
            raise RuntimeError("no pipe to the mock's stdout")
        banner = []
        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        while time.monotonic() < deadline:
            line = process.stdout.readline()
            if not line:
                err = process.stderr.read() if process.stderr else ""
                raise RuntimeError(f"the mock exited early ({process.wait()}): {err.strip()}")
            banner.append(line)
            if "Ctrl-C" in line:
                break
        text = "".join(banner)
        base = re.search(r"on (http://127\.0\.0\.1:\d+/v2)", text)
        key = re.search(r"api key: (\S+)\s+projects: ([0-9a-f]{24})", text)
        if not base or not key:
            raise RuntimeError(f"unexpected mock banner: {text!r}")
        yield base[1], key[1], key[2]
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        print("\n(mock stopped)", flush=True)


def cli(*args: str, env: dict[str, str], show: bool = True) -> Any:
    """Run `ango-hub --json ARGS`, echo the command line, return the parsed JSON output."""
    if show:
        print(f"$ ango-hub {shlex.join(args)}", flush=True)
    result = subprocess.run(  # noqa: S603
        [ANGO_HUB, "--json", *args], env=env, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise RuntimeError(f"ango-hub {args[0]} exited {result.returncode}: {result.stderr}")
    return json.loads(result.stdout)


def cli_human(*args: str, env: dict[str, str]) -> str:
    """Run `ango-hub ARGS` for its human-readable output, echoing both."""
    print(f"$ ango-hub {shlex.join(args)}", flush=True)
    result = subprocess.run(  # noqa: S603
        [ANGO_HUB, *args], env=env, capture_output=True, text=True, check=False
    )
    print(result.stdout, end="", flush=True)
    if result.returncode != 0:
        raise RuntimeError(f"ango-hub {args[0]} exited {result.returncode}: {result.stderr}")
    return result.stdout


def run(workdir: Path) -> None:
    """The demo proper, against a running mock."""
    with mock_server() as (base_url, api_key, _given_project):
        print(f"Mock Ango Hub API on {base_url}")
        env = {**os.environ, "ANGO_BASE_URL": base_url, "ANGO_API_KEY": api_key}
        env.pop("ANGO_REGION", None)

        say("Creating a project (CLI)")
        project = cli("projects", "create", "Demo shapes", "--description", "make demo", env=env)[
            "_id"
        ]
        say("Giving it a label set and a review workflow (library)")
        set_up_project(base_url, api_key, project)
        say("Creating batches (CLI)")
        made = cli("batches", "create", project, BATCH, "Second batch", env=env)
        print(f"batches: {', '.join(b['name'] for b in made['batches'])}")

        say(f"Writing {IMAGES} sample PNGs")
        images = workdir / "images"
        written = write_sample_images(images, IMAGES)
        print(f"{len(written)} files under {images} (some in a sub-folder)")

        say("Uploading the folder (CLI)")
        report = cli("upload", project, str(images), "--concurrency", "4", env=env)
        print(f"uploaded {report['uploaded']} of {report['files']}, {report['failed']} failed")

        say("Listing the assets (CLI)")
        listing = cli("assets", "list", project, "--all", env=env)
        assets = listing["assets"]
        print(f"{listing['count']} assets: {', '.join(a['externalId'] for a in assets)}")

        say(f"Assigning the first half to {BATCH!r} (CLI)")
        half = [a["_id"] for a in assets[: len(assets) // 2]]
        assigned = cli("assets", "assign-batches", project, "--batch", BATCH, *half, env=env)
        print(f"{assigned['modifiedCount']} assets now in {BATCH!r}")

        say("Importing labels (CLI): the first two images are done")
        labels = [
            {
                "externalId": asset["externalId"],
                "answer": {"classifications": [{"schemaId": "colour", "answer": "red"}]},
                "status": "Completed",
            }
            for asset in assets[:2]
        ]
        labels_file = workdir / "labels.json"
        labels_file.write_text(json.dumps(labels))
        imported = cli("labels", "import", project, str(labels_file), env=env)
        print(imported["message"])

        say("Attaching a PDF to the third image (CLI, from stdin)")
        attach_pdf(project, assets[2]["externalId"], env)

        say("One task through review (CLI): assign, annotate, reject, annotate, accept")
        task_through_review(project, workdir, env)

        say("Any operation by its operationId (CLI): ango-hub api")
        page = cli(
            "api", "listAssets", "--field", f"projectId={project}", "--field", "limit=2", env=env
        )
        found = page["data"]
        print(f"listAssets: {len(found['assets'])} of {found['total']} assets on page 1")

        say("The library (Python): list, update one asset, read the export")
        library_part(base_url, api_key, project)

        say("Exporting as NDJSON (CLI), with a summary")
        out = workdir / "export.ndjson"
        cli_human("export", project, "--format", "ndjson", "--out", str(out), env=env)
        lines = out.read_text().splitlines()
        print(f"{out.name}: {len(lines)} lines, first task keys: {sorted(json.loads(lines[0]))}")


def attach_pdf(project: str, external_id: str, env: dict[str, str]) -> None:
    """An attachment import with its JSON piped on stdin."""
    attachment = [
        {
            "externalId": external_id,
            "attachmentUrl": "https://example.com/instructions.pdf",
            "attachmentType": "pdf",
        }
    ]
    print("$ echo '[...]' | ango-hub attachments import", project, "-")
    result = subprocess.run(  # noqa: S603
        [ANGO_HUB, "--json", "attachments", "import", project, "-"],
        input=json.dumps(attachment),
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    print(f"{json.loads(result.stdout)['attachmentsImported']} attachment imported")


def task_through_review(project: str, workdir: Path, env: dict[str, str]) -> None:
    """The labelling workflow on one task; its history shows every step."""
    waiting = cli("tasks", "list", project, "--stage", "Start", "--limit", "1", env=env)
    task = waiting["tasks"][0]["_id"]
    me = (
        f"owner@{cli('projects', 'get', project, env=env, show=False)['organization']}.mock.invalid"
    )
    assigned = cli("tasks", "assign", project, me, task, "--stage", "Label", env=env)
    print(f"assigned {assigned['assigned']} task to {me}")
    answer = workdir / "answer.json"
    answer.write_text(json.dumps({"classifications": [{"schemaId": "colour", "answer": "blue"}]}))
    for decision in ("Rejected", "Accepted"):
        sent = cli("tasks", "annotate", task, str(answer), "--submit", env=env)
        print(f"submitted: now in {sent['stage']}")
        reviewed = cli("tasks", "review", task, decision, env=env)
        print(f"{decision}: now in {reviewed['stage']} ({reviewed['status']})")
    history = cli("tasks", "history", task, env=env)["history"]
    steps = [
        e["action"] + (f" {e['reviewStatus']}" if "reviewStatus" in e else "") for e in history
    ]
    print(f"history: {' -> '.join(steps)}")


def set_up_project(base_url: str, api_key: str, project: str) -> None:
    """Label set and workflow with the typed builders (ango_hub.labels); the stages come back
    from getProject."""
    from ango_hub import AngoHub  # noqa: PLC0415
    from ango_hub.labels import (  # noqa: PLC0415
        Classification,
        LabelSet,
        Relation,
        Stage,
        Tool,
        linear_workflow,
    )

    colour = Classification("radio", "Colour", options=["Red", "Green", "Blue"], required=True)
    labels = LabelSet(
        tools=[Tool("bounding-box", "Shape", classifications=[colour])],
        classifications=[
            Classification("radio", "colour", options=["red", "blue"], schema_id="colour")
        ],
        relations=[Relation("one-to-one", "Next to")],
    )
    stages = linear_workflow(Stage("Start"), Stage("Label"), Stage("Review"), Stage("Complete"))
    with AngoHub(api_key=api_key, base_url=base_url) as hub:
        hub.projects.set_label_set(project, labels)
        got = hub.projects.set_workflow(project, stages)
    print(f"label set: {', '.join(labels.schema_ids())}")
    print(f"workflow: {' -> '.join(str(s.id) for s in got.stages)}")


def library_part(base_url: str, api_key: str, project: str) -> None:
    """What a Python user writes: list the assets, set metadata on one, count labelled tasks."""
    from ango_hub import AngoHub  # noqa: PLC0415

    with AngoHub(api_key=api_key, base_url=base_url) as hub:
        assets = list(hub.assets.list(project))
        print(f"hub.assets.list: {len(assets)} assets")
        first = assets[0]
        updated = hub.assets.update(first.id, metadata={"camera": "demo", "exposure": 0.5})
        metadata = updated.to_dict()["metadata"]
        print(f"hub.assets.update: metadata of {first.external_id} is now {metadata}")
        done = [t for t in hub.exports.iter_tasks(project) if t.status == "Completed"]
        print(f"hub.exports.iter_tasks: {len(done)} completed tasks")


def main() -> int:
    """Run the demo in a temporary folder; exit 1 with the reason if a step fails."""
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="ango-hub-demo-") as folder:
        try:
            run(Path(folder))
        except (RuntimeError, subprocess.CalledProcessError, KeyError) as exc:
            print(f"demo failed: {exc}", file=sys.stderr)
            return 1
    print(f"\nDemo finished in {time.monotonic() - started:.1f} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
