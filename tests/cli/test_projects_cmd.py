"""``ango-hub projects ...`` and ``ango-hub batches ...`` against the mock."""

from __future__ import annotations

from ango_hub.mock.server import MockServer
from cli_helpers import RunCli


def test_create_batches_clone_get_list(cli: RunCli, mock: MockServer) -> None:
    made = cli("--json", "projects", "create", "Cars", "--description", "boxes")
    assert made.code == 0, made
    pid = made.json()["_id"]
    assert [s["id"] for s in made.json()["stages"]] == ["Start", "Label", "Complete"]
    batches = cli("--json", "batches", "create", pid, "b1", "b2")
    assert [b["name"] for b in batches.json()["batches"]] == ["b1", "b2"]
    assert [b["name"] for b in cli("--json", "batches", "list", pid).json()["batches"]] == [
        "b1",
        "b2",
    ]
    clone = cli("--json", "projects", "clone", pid, "--no-batches")
    assert (clone.json()["name"], clone.json()["batches"]) == ("Cars copy", [])
    listed = cli("--json", "projects", "list").json()
    assert {pid, clone.json()["_id"]} <= {p["_id"] for p in listed["projects"]}
    text = cli("projects", "get", pid)
    assert text.code == 0
    assert "Start -> Label -> Complete" in text.stdout
    assert mock.ctx.state.projects[pid].name == "Cars"


def test_purge_and_delete_need_yes_without_a_terminal(cli: RunCli, mock: MockServer) -> None:
    pid = cli("--json", "projects", "create", "Doomed").json()["_id"]
    refused = cli("projects", "delete", pid)
    assert refused.code == 2
    assert "--yes" in refused.stderr
    assert pid in mock.ctx.state.projects
    assert cli("projects", "purge", pid, "--yes").code == 0
    assert cli("projects", "delete", pid, "--yes").code == 0
    assert pid not in mock.ctx.state.projects
    gone = cli("projects", "get", pid)
    assert gone.code == 3
    assert "404" in gone.stderr


def test_bad_type_names_the_field(cli: RunCli) -> None:
    bad = cli("projects", "create", "X", "--type", "video")
    assert bad.code == 2, bad
    assert "type" in bad.stderr
    assert "ango" in bad.stderr
