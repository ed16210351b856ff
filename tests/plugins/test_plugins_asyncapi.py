"""plugins.asyncapi.yaml: valid for the AsyncAPI parser (npm, pinned in package-lock.json),
every field sourced, and the event fields it lists are the ones our runtime reads."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import yaml
from ango_hub.plugins.events import WIRE_FIELDS
from plugin_helpers import ASYNCAPI, REPO

VALIDATOR = REPO / "tools" / "asyncapi" / "validate.mjs"


def validate(path: Path) -> subprocess.CompletedProcess[str]:
    """``node tools/asyncapi/validate.mjs PATH`` (the parser from node_modules)."""
    assert (REPO / "node_modules" / "@asyncapi" / "parser").is_dir(), "run `make install`"
    node = shutil.which("node")
    assert node, "node is needed (Node 20)"
    return subprocess.run(
        [node, str(VALIDATOR), str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=REPO,
    )


def test_the_asyncapi_parser_accepts_the_document() -> None:
    result = validate(ASYNCAPI)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "valid AsyncAPI 3.0.0" in result.stdout


def test_the_validator_fails_on_a_broken_document(tmp_path: Path) -> None:
    broken = yaml.safe_load(ASYNCAPI.read_text())
    broken["operations"]["sendHeartbeat"]["channel"] = {"$ref": "#/channels/nowhere"}
    path = tmp_path / "broken.yaml"
    path.write_text(yaml.safe_dump(broken))
    result = validate(path)
    assert result.returncode == 1, result.stdout


def _schemas(node: Any, where: str) -> list[tuple[str, dict[str, Any]]]:
    """Every schema object under ``node`` (properties, items, oneOf members)."""
    found = [(where, node)]
    for name, sub in (node.get("properties") or {}).items():
        found += _schemas(sub, f"{where}.{name}")
    if isinstance(node.get("items"), dict):
        found += _schemas(node["items"], f"{where}[]")
    for index, sub in enumerate(node.get("oneOf") or []):
        if "$ref" not in sub:
            found += _schemas(sub, f"{where}.oneOf[{index}]")
    return found


def test_every_field_is_marked_as_known_from_the_sdk() -> None:
    document = yaml.safe_load(ASYNCAPI.read_text())
    schemas: list[tuple[str, dict[str, Any]]] = []
    for name, schema in document["components"]["schemas"].items():
        schemas += _schemas(schema, name)
    for name, message in document["components"]["messages"].items():
        payload = message.get("payload")
        if payload and "$ref" not in payload:
            schemas += _schemas(payload, f"message {name}")
    unsourced = [where for where, schema in schemas if schema.get("x-source") != "sdk"]
    assert len(schemas) >= 40
    assert unsourced == []


def test_the_event_schema_lists_the_fields_the_runtime_reads() -> None:
    document = yaml.safe_load(ASYNCAPI.read_text())
    event = document["components"]["schemas"]["PluginEvent"]["properties"]
    assert set(event) == WIRE_FIELDS
