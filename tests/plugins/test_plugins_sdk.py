"""The official SDK's own plugins (imerit-ango in .venv-sdk) against the mock's plugin host:
ModelPlugin in both modes, ExportPlugin and InputPlugin, over the socket and (InputPlugin) the
REST connector. Each round trip produces the frames and REST calls PLUGIN-PROTOCOL.md records
(docs/research/), which proves the host speaks the protocol the SDK speaks."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qsl

import httpx
from ango_hub.mock.server import MockServer
from plugin_helpers import (
    BOX,
    PluginAdmin,
    assert_frames_match_asyncapi,
    free_port,
    record_queries,
    sdk_plugin,
    wait_for,
)

SECRET = "s3cret-for-tests"


def test_sdk_model_plugin_both_modes(mock: MockServer, plugins: PluginAdmin) -> None:
    plugins.register("model-1", SECRET, "model")
    queries = record_queries(mock)
    with sdk_plugin("model", mock.root_url, "model-1", SECRET) as process:
        plugins.wait_connected("model-1")
        heartbeat = plugins.frames("heartbeat")[0]
        assert heartbeat["keys"] == ["id", "secret"]
        assert heartbeat["data"] == {"id": "model-1", "secret": "<redacted>"}
        first, second = (t for t in _task_ids(mock)[:2])

        # overwrite=false: GET task (to merge), then response {response, session}
        run = plugins.trigger("model-1", taskId=first, overwrite=False)
        answered = plugins.wait_answer("model-1", run["session"])
        answer = answered["answers"][0]
        assert [k for k in answer if k not in {"via", "pluginId"}] == ["response", "session"]
        assert answer["response"] == {"objects": [BOX], "classifications": [], "relations": []}
        assert answer["via"] == "socket"
        assert mock.requests.counts["getTask"] == 1
        assert answered["prelabeled"] is True  # the mock stores it as the task's pre-label
        assert plugins.task(first)["answer"]["tools"] == [BOX]
        log = answered["logs"][0]
        assert log["level"] == "INFO"
        assert log["msg"] == f"labelling {first}"
        assert log["step"] == "label"
        assert (log["pluginId"], log["session"]) == ("model-1", run["session"])
        assert log["organization"] == mock.state.organisation_for_key(mock.api_key).id  # type: ignore[union-attr]

        # workflow mode: the plugin annotates with nextStage + isPlugin; no response event
        before = plugins.task(second)
        run = plugins.trigger("model-1", taskId=second, workflow=True)
        moved = wait_for(lambda: plugins.task(second)["stage"] != before["stage"] or None)
        task = plugins.task(second)
        assert (before["stage"], task["stage"]) == ("Start", "Complete")
        assert [t["schemaId"] for t in task["answer"]["tools"]] == ["box"]
        assert moved
        assert mock.requests.counts["annotateTask"] == 1
        assert plugins.run("model-1", run["session"])["answers"] == []
        assert process.poll() is None
    assert assert_frames_match_asyncapi(plugins.frames()) >= 5
    sdk_calls = [q[:3] for q in queries if q[3].startswith("python-requests")]
    assert sdk_calls == [
        ("GET", f"/v2/task/{first}", "includeAnswer=False"),  # Python's str(False)
        ("POST", f"/v2/annotate/{second}", "nextStage=true&isPlugin=true"),
    ]


def test_sdk_export_plugin(mock: MockServer, plugins: PluginAdmin) -> None:
    plugins.register("export-1", SECRET, "export")
    queries = record_queries(mock)
    with sdk_plugin("export", mock.root_url, "export-1", SECRET):
        plugins.wait_connected("export-1")
        run = plugins.trigger("export-1", projectId=mock.project_id, stage=["Start"])
        answer = plugins.wait_answer("export-1", run["session"])["answers"][0]
    assert [k for k in answer if k not in {"via", "pluginId"}] == ["export", "response", "session"]
    assert answer["export"] is True
    assert assert_frames_match_asyncapi(plugins.frames()) >= 4
    calls = [q for q in queries if not q[3].startswith("python-httpx")]  # the SDK's own
    assert [(c[0], c[1].split("/")[1], c[3].split("/")[0]) for c in calls] == [
        ("GET", "v2", "python-requests"),  # export
        ("GET", "_storage", "Python-urllib"),  # the archive, without the key
        ("GET", "v2", "python-requests"),  # getUploadUrl
        ("GET", "v2", "python-requests"),  # getSignedUrl, before the file exists
        ("PUT", "_storage", "python-requests"),
    ]
    api = [c[1] for c in calls if c[1].startswith("/v2/")]
    assert api == ["/v2/export", "/v2/getUploadUrl", "/v2/getSignedUrl"]
    assert dict(parse_qsl(calls[0][2])) == {
        "sendEmail": "false",
        "includeMetadata": "true",
        "includeHistory": "true",
        "doNotNotify": "true",
        "format": "ndjson",
        "type": "task",
        "includeOnlyKeyFrames": "false",
        "includeIdleBlurDurations": "false",
        "taskTypes": '["default"]',
        "stage": '["Start"]',
        "project": mock.project_id,
    }
    assert calls[3][2].startswith(f"name={mock.root_url}/_storage/")  # not URL-encoded
    uploaded = httpx.get(answer["response"]).raise_for_status().json()
    assert uploaded["tasks"] == 3
    counts = mock.requests.counts
    for operation in ("exportTasks", "getUploadUrl", "getSignedUrl"):
        assert counts[operation] == 1, operation


def test_sdk_input_plugin_answer_and_failure(mock: MockServer, plugins: PluginAdmin) -> None:
    plugins.register("input-1", SECRET, "input")
    with sdk_plugin("input", mock.root_url, "input-1", SECRET) as process:
        plugins.wait_connected("input-1")
        run = plugins.trigger("input-1", batches=["b1"], fields={"text": "hi"})
        answer = plugins.wait_answer("input-1", run["session"])["answers"][0]
        assert answer["response"] == {"echo": "hi", "batches": ["b1"]}
        failing = plugins.trigger("input-1", fields={"fail": True})
        failed = plugins.wait_answer("input-1", failing["session"])
        assert {k: failed["answers"][0][k] for k in ("error", "session")} == {
            "error": True,
            "session": failing["session"],
        }
        errors = [entry for entry in failed["logs"] if entry["level"] == "ERROR"]
        assert errors[0]["msg"] == "Plugin callback failed: asked to fail"
        assert process.poll() is None  # the SDK stays up after a failing callback
    assert assert_frames_match_asyncapi(plugins.frames()) >= 7


def test_sdk_input_plugin_answers_after_a_disconnect_on_the_new_connection(
    mock: MockServer, plugins: PluginAdmin, tmp_path: Path
) -> None:
    # PLUGIN-PROTOCOL.md section 6: the SDK reconnects from on_disconnect and the in-flight
    # run's answer goes out on the new connection; the host matches it by session.
    gate = tmp_path / "go"
    plugins.register("input-dc", SECRET, "input")
    with sdk_plugin("input", mock.root_url, "input-dc", SECRET):
        plugins.wait_connected("input-dc")
        run = plugins.trigger("input-dc", fields={"text": "late", "waitFor": str(gate)})
        wait_for(lambda: plugins.run("input-dc", run["session"])["logs"], what="the callback")
        old_sid = plugins.frames("plugin")[-1]["sid"]
        plugins.http.post("/plugins/input-dc/disconnect").raise_for_status()
        wait_for(lambda: plugins.plugin("input-dc")["connections"] == 2, what="the reconnect")
        gate.touch()
        answered = plugins.wait_answer("input-dc", run["session"])
    assert [a["response"]["echo"] for a in answered["answers"]] == ["late"]
    response = next(f for f in plugins.frames("response") if f["data"]["session"] == run["session"])
    assert response["sid"] != old_sid


def test_sdk_input_plugin_rest_connector(mock: MockServer, plugins: PluginAdmin) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    plugins.register("input-rest", SECRET, "input", url=url)
    env = {"CONNECTOR": "REST", "PORT": str(port)}
    with sdk_plugin("input", mock.root_url, "input-rest", SECRET, env=env):

        def up() -> bool:
            try:
                reply = httpx.get(f"{url}/heartbeat", headers={"Secret": SECRET})
            except httpx.TransportError:
                return False
            return reply.status_code == 200

        wait_for(up, what="the SDK's REST connector")
        assert httpx.get(f"{url}/heartbeat", headers={"Secret": "wrong"}).status_code == 401
        run = plugins.trigger("input-rest", fields={"text": "rest"})
        assert run["httpStatus"] == 200
        assert run["httpBody"] == {
            "response": {"echo": "rest", "batches": []},
            "session": run["session"],
        }
        logs = plugins.run("input-rest", run["session"])["logs"]
        assert [entry["msg"] for entry in logs] == [f"input for {run['session']}"]
        assert mock.requests.counts["postPluginLog"] == 1


def _task_ids(mock: MockServer) -> list[str]:
    reply = httpx.get(
        f"{mock.base_url}/project/{mock.project_id}/tasks",
        headers={"apikey": mock.api_key},
        params={"limit": 10},
        timeout=60,
    ).raise_for_status()
    return [t["_id"] for t in reply.json()["data"]["tasks"]]
