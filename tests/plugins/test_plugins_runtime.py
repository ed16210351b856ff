"""Our runtime (ango_hub.plugins) completes the round trips the SDK's plugins complete against
the mock, and answers where the SDK is silent (None results, workflow success)."""

from __future__ import annotations

import threading
from typing import Any
from urllib.parse import parse_qsl

import httpx
import pytest
from ango_hub.mock.server import MockServer
from ango_hub.plugins import ExportFile, PluginEvent, PluginKind, PluginRuntime, PluginSettings
from ango_hub.plugins.runtime import USER_AGENT
from plugin_helpers import (
    BOX,
    PluginAdmin,
    RuntimeThread,
    assert_frames_match_asyncapi,
    free_port,
    record_queries,
    wait_for,
)

SECRET = "our-s3cret-value"


def settings(mock: MockServer, kind: PluginKind, **options: Any) -> PluginSettings:
    return PluginSettings(f"ours-{kind}", SECRET, kind, host=mock.root_url, **options)


def test_model_plugin_merge_and_workflow(mock: MockServer, plugins: PluginAdmin) -> None:
    def label(event: PluginEvent) -> dict[str, Any]:
        assert event.log is not None
        event.log.info("labelling %s with key %s", event.task_id, event.api_key, secret=SECRET)
        return {"objects": [BOX], "classifications": [{"schemaId": "c", "answer": "new"}]}

    plugins.register("ours-model", SECRET, "model")
    runtime = PluginRuntime(label, settings(mock, PluginKind.MODEL))
    queries = record_queries(mock)
    with RuntimeThread(runtime):
        plugins.wait_connected("ours-model")
        heartbeat = plugins.frames("heartbeat")[0]
        assert heartbeat["keys"] == ["id", "secret"]
        task_id = plugins.first_task()
        old_tool = {**BOX, "schemaId": "old"}
        existing = {
            "objects": [old_tool],
            "classifications": [
                {"schemaId": "c", "answer": "old"},
                {"schemaId": "k", "answer": "kept"},
            ],
            "relations": [{"schemaId": "r"}],
        }
        httpx.post(
            f"{mock.base_url}/annotate/{task_id}",
            params={"nextStage": "false"},
            json={"answer": existing},
            headers={"apikey": mock.api_key},
            timeout=60,
        ).raise_for_status()

        run = plugins.trigger("ours-model", taskId=task_id, overwrite="false")  # a string flag
        done = plugins.wait_answer("ours-model", run["session"])
        answer = done["answers"][0]
        assert [k for k in answer if k not in {"via", "pluginId"}] == ["response", "session"]
        assert answer["response"] == {  # the SDK's merge: new first, new classifications win
            "objects": [BOX, old_tool],
            "classifications": [
                {"schemaId": "c", "answer": "new"},
                {"schemaId": "k", "answer": "kept"},
            ],
            "relations": [{"schemaId": "r"}],
        }
        assert mock.requests.counts["getTask"] == 1  # overwrite "false" merged: GET task
        line = done["logs"][0]
        assert line["msg"] == f"labelling {task_id} with key <redacted>"
        assert line["secret"] == "<redacted>"
        assert (line["level"], line["pluginId"], line["session"]) == (
            "INFO",
            "ours-model",
            run["session"],
        )

        # workflow "false" is not workflow mode (the SDK's truthiness would make it one)
        assert mock.requests.counts["annotateTask"] == 1  # ours, above
        run = plugins.trigger("ours-model", taskId=task_id, workflow=True)
        done = plugins.wait_answer("ours-model", run["session"])
        assert done["answers"][0]["response"]["objects"] == [BOX]  # explicit, unlike the SDK
        task = plugins.task(task_id)
        assert task["stage"] == "Complete"
        assert [t["schemaId"] for t in task["answer"]["tools"]] == ["box"]  # overwrite: true
        assert mock.requests.counts["annotateTask"] == 2
    ours = [(q[0], q[1], dict(parse_qsl(q[2]))) for q in queries if q[3] == USER_AGENT]
    assert ours == [
        ("GET", f"/v2/task/{task_id}", {"includeAnswer": "true"}),
        ("POST", f"/v2/annotate/{task_id}", {"nextStage": "true", "isPlugin": "true"}),
    ]
    sent = [f for f in plugins.frames() if f["event"] != "plugin"]  # ours: "false" was sent
    assert assert_frames_match_asyncapi(sent) >= 5


def test_model_plugin_none_and_bad_event_are_answered(
    mock: MockServer, plugins: PluginAdmin
) -> None:
    plugins.register("ours-model", SECRET, "model")
    runtime = PluginRuntime(lambda event: None, settings(mock, PluginKind.MODEL))
    with RuntimeThread(runtime):
        plugins.wait_connected("ours-model")
        run = plugins.trigger("ours-model", taskId=plugins.first_task())
        done = plugins.wait_answer("ours-model", run["session"])
        assert done["answers"][0]["error"] is True
        assert "callback result: None" in done["logs"][0]["msg"]
        # configJSON that is not a JSON object: an error answer, not silence
        run = plugins.trigger("ours-model", configJSON="[1]")
        done = plugins.wait_answer("ours-model", run["session"])
        assert done["answers"][0] == {
            "via": "socket",
            "pluginId": "ours-model",
            "error": True,
            "session": run["session"],
        }


def test_export_plugin_round_trip(mock: MockServer, plugins: PluginAdmin) -> None:
    seen: dict[str, Any] = {}

    async def export(event: PluginEvent) -> ExportFile:
        seen["count"] = event.num_tasks
        ids = sorted(t["taskId"] for t in event.tasks)
        return ExportFile(("\n".join(ids)).encode(), "ids.txt")

    plugins.register("ours-export", SECRET, "export")
    runtime = PluginRuntime(export, settings(mock, PluginKind.EXPORT))
    with RuntimeThread(runtime):
        plugins.wait_connected("ours-export")
        run = plugins.trigger("ours-export", projectId=mock.project_id, stage=["Start"])
        answer = plugins.wait_answer("ours-export", run["session"])["answers"][0]
    assert [k for k in answer if k not in {"via", "pluginId"}] == ["export", "response", "session"]
    assert seen["count"] == 3
    assert len(httpx.get(answer["response"]).raise_for_status().text.splitlines()) == 3
    for operation in ("exportTasks", "getUploadUrl", "getSignedUrl"):
        assert mock.requests.counts[operation] == 1, operation


def test_export_failure_is_answered(mock: MockServer, plugins: PluginAdmin) -> None:
    plugins.register("ours-export", SECRET, "export")
    runtime = PluginRuntime(lambda e: b"x", settings(mock, PluginKind.EXPORT))
    with RuntimeThread(runtime):
        plugins.wait_connected("ours-export")
        run = plugins.trigger("ours-export", projectId="507f1f77bcf86cd7994390ff")  # not ours
        done = plugins.wait_answer("ours-export", run["session"])
    assert done["answers"][0]["error"] is True  # the SDK sends nothing here


@pytest.mark.parametrize("kind", [PluginKind.INPUT, PluginKind.MARKDOWN])
def test_plain_plugins_answer(mock: MockServer, plugins: PluginAdmin, kind: PluginKind) -> None:
    plugins.register(f"ours-{kind}", SECRET, "input")
    runtime = PluginRuntime(
        lambda e: {"echo": e.data.get("text"), "batches": e.batches}, settings(mock, kind)
    )
    with RuntimeThread(runtime):
        plugins.wait_connected(f"ours-{kind}")
        run = plugins.trigger(f"ours-{kind}", batches=["b1"], fields={"text": "hi"})
        answer = plugins.wait_answer(f"ours-{kind}", run["session"])["answers"][0]
    assert answer["response"] == {"echo": "hi", "batches": ["b1"]}


def test_rest_connector_round_trips(mock: MockServer, plugins: PluginAdmin) -> None:
    calls: list[str] = []
    lock = threading.Lock()

    def echo(event: PluginEvent) -> dict[str, Any]:
        assert event.log is not None
        event.log.warning("rest run")
        with lock:
            calls.append(event.session)
        if event.data.get("fail"):
            raise RuntimeError("asked to fail")
        return {"echo": event.data.get("text")}

    port = free_port()
    url = f"http://127.0.0.1:{port}"
    plugins.register("ours-rest", SECRET, "input", url=url)
    runtime = PluginRuntime(echo, settings(mock, PluginKind.INPUT))
    with RuntimeThread(runtime, connector="rest", port=port):

        def up() -> bool:
            try:
                return httpx.get(f"{url}/heartbeat", headers={"Secret": SECRET}).json() == "ok"
            except httpx.TransportError:
                return False

        wait_for(up, what="our REST connector")
        refused = httpx.post(f"{url}/plugin", json={}, headers={"Secret": "nope"})
        assert (refused.status_code, refused.json()) == (401, {"detail": "Unauthorized"})
        wrong_body = httpx.post(f"{url}/plugin", json=[1, 2], headers={"secret": SECRET})
        assert wrong_body.status_code == 422
        run = plugins.trigger("ours-rest", fields={"text": "rest"})
        assert (run["httpStatus"], run["httpBody"]) == (
            200,
            {"response": {"echo": "rest"}, "session": run["session"]},
        )
        logs = plugins.run("ours-rest", run["session"])["logs"]
        assert [(entry["level"], entry["msg"]) for entry in logs] == [("WARNING", "rest run")]
        failed = plugins.trigger("ours-rest", fields={"fail": True})
        assert failed["httpStatus"] == 500
        assert failed["httpBody"] == {"error": True, "session": failed["session"]}
        answers = plugins.run("ours-rest", failed["session"])["answers"]
        assert [a["via"] for a in answers] == ["http", "pluginResponse"]
    assert mock.requests.counts["postPluginLog"] == 3  # two "rest run", one failure
