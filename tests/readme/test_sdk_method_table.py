"""README's "The official SDK, method by method" table names every SDK method that calls the API,
and every ``hub.…`` call it names exists on both clients.

The SDK's methods are read from its source in .venv-sdk (``make install`` creates it; a missing
one is a broken checkout, so this fails rather than skips).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from ango_hub import AngoHub, AsyncAngoHub

REPO = Path(__file__).resolve().parents[2]
HEADING = "## The official SDK, method by method"
# SDK methods that never call the API: its logger set-up and its generic request helper.
NOT_API = {"setup_logger", "make_request"}
# Private SDK methods that do call the API (the SDK's plugins and uploads use them).
PRIVATE_API = {"_get_upload_url", "_get_signed_url", "_plugin_log", "_plugin_response"}
HUB_CALL = re.compile(r"`hub\.([a-z_]+(?:\.[a-z_]+)*)")


def sdk_methods() -> set[str]:
    sources = sorted(REPO.glob(".venv-sdk/lib/python3*/site-packages/imerit_ango/sdk.py"))
    assert sources, "run `make install`: .venv-sdk holds the official SDK"
    tree = ast.parse(sources[0].read_text())
    sdk = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "SDK")
    names = {f.name for f in sdk.body if isinstance(f, ast.FunctionDef)}
    public = {n for n in names if not n.startswith("_")}
    return (public - NOT_API) | (names & PRIVATE_API)


def table_rows() -> list[tuple[str, str]]:
    readme = (REPO / "README.md").read_text()
    section = readme.split(HEADING, 1)[1].split("\n## ", 1)[0]
    rows = []
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("| `") and len(cells) in {2, 3}:  # the third: what differs
            rows.append((cells[0], cells[1]))
    return rows


def test_every_sdk_method_that_calls_the_api_is_in_the_table() -> None:
    named = {
        m
        for sdk_cell, _ in table_rows()
        for m in re.findall(r"`?([a-z_][a-zA-Z0-9_]*)\(", sdk_cell)
    }
    named |= {m for sdk_cell, _ in table_rows() for m in re.findall(r"`([a-z_]+)`", sdk_cell)}
    missing = sdk_methods() - named
    assert not missing, f"README's SDK table does not name {sorted(missing)}"


def test_the_table_names_no_method_the_sdk_does_not_have() -> None:
    known = sdk_methods()
    named = {
        m for sdk_cell, _ in table_rows() for m in re.findall(r"`([a-z_][a-zA-Z0-9_]*)\(", sdk_cell)
    }
    assert named <= known, f"not SDK methods: {sorted(named - known)}"


@pytest.mark.parametrize("client", [AngoHub, AsyncAngoHub])
def test_every_hub_call_in_the_table_exists(client: type[AngoHub] | type[AsyncAngoHub]) -> None:
    hub = client(api_key="k", base_url="http://127.0.0.1:9/v2")
    try:
        calls = {c for _, hub_cell in table_rows() for c in HUB_CALL.findall(hub_cell)}
        assert len(calls) > 40
        for dotted in sorted(calls):
            target: object = hub
            for part in dotted.split("."):
                assert hasattr(target, part), (
                    f"hub.{dotted}: no {part!r} on {type(target).__name__}"
                )
                target = getattr(target, part)
    finally:
        if isinstance(hub, AngoHub):
            hub.close()


def test_the_differs_column_states_what_changes_results_after_a_port() -> None:
    readme = (REPO / "README.md").read_text()
    section = readme.split(HEADING, 1)[1].split("\n## ", 1)[0]
    differs = {}
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("| `") and len(cells) == 3 and cells[2]:
            differs[cells[0].split("(")[0].strip("`")] = cells[2]
    assert 'stage=["Complete"]' in differs["export"]  # the export's default stages
    assert "the file's name" in differs["upload_files"]  # externalId: name, not path
    assert 'external_id="path"' in differs["upload_files"]
    for method in ("upload_files_cloud", "assign_batches"):  # batch names
        assert "names" in differs[method]
