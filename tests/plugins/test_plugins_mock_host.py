"""The mock's plugin admin API refuses what it cannot do, naming the field."""

from __future__ import annotations

import httpx
from ango_hub.mock.server import MockServer
from plugin_helpers import PluginAdmin


def test_registration_is_checked(plugins: PluginAdmin) -> None:
    bad_kind = plugins.http.post("/plugins", json={"id": "p", "secret": "s", "kind": "robot"})
    assert bad_kind.status_code == 400
    assert bad_kind.json()["message"].startswith("kind: must be one of model, export")
    no_secret = plugins.http.post("/plugins", json={"id": "p", "kind": "model"})
    assert (no_secret.status_code, no_secret.json()["message"]) == (
        400,
        "secret: must be a non-empty string",
    )
    extra = plugins.http.post("/plugins", json={"id": "p", "secret": "s", "colour": 1})
    assert extra.json()["message"] == "colour: unknown field; use id, secret, kind, url"


def test_runs_need_a_connected_plugin_and_a_known_task(plugins: PluginAdmin) -> None:
    plugins.register("idle", "s3cret", "model")
    idle = plugins.http.post("/plugins/idle/runs", json={})
    assert (idle.status_code, idle.json()["message"]) == (
        409,
        "pluginId: plugin 'idle' is not connected",
    )
    unknown = plugins.http.post("/plugins/nobody/runs", json={})
    assert (unknown.status_code, unknown.json()["message"]) == (404, "pluginId: no plugin 'nobody'")
    task = plugins.http.post("/plugins/idle/runs", json={"taskId": "f" * 24})
    assert task.status_code == 404
    assert task.json()["message"] == f"taskId: no task {'f' * 24!r} in this organisation"
    assert plugins.state()["plugins"][0]["heartbeats"] == 0


def test_a_plugin_is_seen_only_by_its_organisation(mock: MockServer, plugins: PluginAdmin) -> None:
    plugins.register("mine", "s3cret", "input")
    mock.state.organisation_for_key("other-key", create=True)
    other = httpx.get(f"{mock.root_url}/_mock/plugins", headers={"apikey": "other-key"})
    assert other.json()["data"]["plugins"] == []
    taken = httpx.post(
        f"{mock.root_url}/_mock/plugins",
        json={"id": "mine", "secret": "x", "kind": "input"},
        headers={"apikey": "other-key"},
    )
    assert taken.status_code == 409
    listed = plugins.state()["plugins"]
    assert [(p["id"], p["kind"], p["connector"]) for p in listed] == [("mine", "input", "WS")]
    assert "secret" not in listed[0]
