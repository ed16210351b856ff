"""What the Python client and the CLI send during the cross-language check: every operation,
through whatever base URL they are given (Prism's proxy, in check.py). The library runs the
typed calls below, then plays every steps/*.json file through ``hub.call``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from ango_hub import AngoHub

from tools.other_languages import steps

ANGO_HUB = str(Path(sys.executable).with_name("ango-hub"))
PNG = b"\x89PNG\r\n\x1a\n" + bytes(32)


def library(base_url: str, api_key: str, project: str, work: Path) -> None:
    """Every operation once through the library (export both ways)."""
    image = work / "py-cat.png"
    image.write_bytes(PNG)
    chat = work / "py-chat.json"
    chat.write_text(json.dumps([{"messages": [{"role": "user", "content": "Hi"}]}]))
    with AngoHub(api_key=api_key, base_url=base_url, max_retries=0) as hub:
        stored = hub.files.put(hub.files.upload_url(project, image.name), image)
        created = hub.assets.import_from_cloud(
            project, [{"data": stored, "externalId": "py-cat.png"}], upload_local=True
        )
        _expect("import_from_cloud assets_created", created.assets_created, 1)
        signed = hub.files.signed_url(stored, project=project, file_type="assets")
        _expect("signed URL is a URL", signed.startswith("http"), True)
        _expect(
            "upload_chat assets_created",
            hub.assets.upload_chat(project, file=chat).assets_created,
            1,
        )
        projects = [p.id for p in hub.projects.list()]
        _expect("projects.list has the project", project in projects, True)
        dog = image.with_name("py-dog.png")
        dog.write_bytes(PNG + b"dog")
        _expect(
            "bulk upload created", len(hub.assets.upload(project, [dog], progress=False).created), 1
        )
        asset = next(a for a in hub.assets.list(project) if a.external_id == "py-cat.png")
        hub.assets.update(asset.id, metadata={"from": "python"})
        hub.assets.assign_batches(project, [asset.id], ["py batch"], create_missing_batches=True)
        hub.attachments.import_(
            project, [{"externalId": "py-cat.png", "attachmentUrl": "https://example.com/a.pdf"}]
        )
        hub.labels.import_(project, [{"externalId": "py-cat.png", "answer": {"objects": []}}])
        tasks = list(hub.exports.iter_tasks(project, format="ndjson"))
        _expect(
            "exported tasks include the asset",
            any(t.external_id == "py-cat.png" for t in tasks),
            True,
        )
        list(hub.exports.iter_tasks(project, format="json", v3=True))
        _expect("delete deleted", hub.assets.delete(project, [asset.id]).deleted, 1)
        steps.play_all(hub, generator="python", project=project)


def cli(base_url: str, api_key: str, project: str, work: Path) -> None:
    """The CLI's commands that talk to the API, each once."""
    env = {**os.environ, "ANGO_BASE_URL": base_url, "ANGO_API_KEY": api_key}
    env.pop("ANGO_REGION", None)
    images = work / "cli-images"
    images.mkdir()
    (images / "cli-cat.png").write_bytes(PNG)
    _run(env, "upload", project, str(images))
    listing = _run(env, "assets", "list", project, "--all")
    ids = [a["_id"] for a in listing["assets"] if a["externalId"] == "cli-cat.png"]
    _expect("CLI upload then list", len(ids), 1)
    _run(env, "assets", "assign-batches", project, "--batch", "cli batch", "--create-batches", *ids)
    labels = work / "cli-labels.json"
    labels.write_text(json.dumps([{"externalId": "cli-cat.png", "answer": {"objects": []}}]))
    _run(env, "labels", "import", project, str(labels))
    _run(env, "export", project, "--format", "ndjson", "--out", str(work / "cli-export.ndjson"))


def _run(env: dict[str, str], *args: str) -> dict[str, Any]:
    done = subprocess.run(  # noqa: S603  (our own console script)
        [ANGO_HUB, "--json", *args], env=env, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"ango-hub {' '.join(args[:2])} exited {done.returncode}: {done.stderr}")
    result: dict[str, Any] = json.loads(done.stdout) if done.stdout.strip() else {}
    return result


def _expect(what: str, actual: object, expected: object) -> None:
    if actual != expected:
        raise RuntimeError(f"{what}: expected {expected!r}, got {actual!r}")
