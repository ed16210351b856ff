"""Faults our plugin runtime survives: a disconnect mid-task, a callback slower than the
heartbeat interval, a callback that raises, SIGTERM with work in flight, a wrong secret.
Intervals are shortened through the settings, so nothing here waits for seconds."""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from ango_hub.mock.server import MockServer
from ango_hub.plugins import PluginEvent, PluginKind, PluginRefused, PluginRuntime, PluginSettings
from plugin_helpers import REPO, PluginAdmin, RuntimeThread, wait_for

SECRET = "fault-s3cret"
CLI = str(Path(sys.executable).with_name("ango-hub"))


def fast(mock: MockServer, plugin_id: str, **options: Any) -> PluginSettings:
    options = {"backoff_base": 0.01, "backoff_cap": 0.05, "refusal_window": 2.0} | options
    return PluginSettings(plugin_id, SECRET, PluginKind.INPUT, host=mock.root_url, **options)


def test_disconnect_mid_task_reconnects_and_answers_once(
    mock: MockServer, plugins: PluginAdmin
) -> None:
    started, release = threading.Event(), threading.Event()

    def slow(event: PluginEvent) -> dict[str, Any]:
        started.set()
        assert release.wait(30)
        return {"done": event.session}

    plugins.register("p-dc", SECRET, "input")
    runtime = PluginRuntime(slow, fast(mock, "p-dc"))
    with RuntimeThread(runtime):
        first = plugins.wait_connected("p-dc")
        run = plugins.trigger("p-dc")
        assert started.wait(30)
        old_sid = plugins.frames("plugin")[-1]["sid"]
        plugins.http.post("/plugins/p-dc/disconnect").raise_for_status()
        again = wait_for(
            lambda: (
                (p := plugins.plugin("p-dc"))["connected"]
                and p["connections"] > first["connections"]
                and p
            ),
            what="the reconnect",
        )
        assert again["heartbeats"] >= 2  # a heartbeat on the new connection
        release.set()
        answered = plugins.wait_answer("p-dc", run["session"])
    # stopped (drained) before counting: a second answer would have been sent by now
    answered = plugins.run("p-dc", run["session"])
    assert [a["response"] for a in answered["answers"]] == [{"done": run["session"]}]
    response = next(f for f in plugins.frames("response") if f["data"]["session"] == run["session"])
    assert response["sid"] != old_sid  # it went out on the new connection


def test_heartbeat_keeps_its_beat_while_a_callback_blocks(
    mock: MockServer, plugins: PluginAdmin
) -> None:
    release = threading.Event()

    def blocking(event: PluginEvent) -> dict[str, Any]:
        assert release.wait(30)  # a sync callback blocking its thread, longer than 3 beats
        return {"ok": True}

    plugins.register("p-hb", SECRET, "input")
    runtime = PluginRuntime(blocking, fast(mock, "p-hb", heartbeat_interval=0.05))
    with RuntimeThread(runtime):
        plugins.wait_connected("p-hb")
        run = plugins.trigger("p-hb")
        before = plugins.plugin("p-hb")["heartbeats"]
        plugins.wait_connected("p-hb", heartbeats=before + 3)  # beats while the run blocks
        assert plugins.run("p-hb", run["session"])["answers"] == []  # still running
        release.set()
        answer = plugins.wait_answer("p-hb", run["session"])["answers"][0]
    assert answer["response"] == {"ok": True}


def test_a_raising_callback_is_answered_and_the_plugin_stays_up(
    mock: MockServer, plugins: PluginAdmin
) -> None:
    def flaky(event: PluginEvent) -> dict[str, Any]:
        if event.data.get("fail"):
            raise ValueError("boom")
        return {"fine": True}

    plugins.register("p-err", SECRET, "input")
    runtime = PluginRuntime(flaky, fast(mock, "p-err"))
    with RuntimeThread(runtime):
        plugins.wait_connected("p-err")
        bad = plugins.trigger("p-err", fields={"fail": True})
        done = plugins.wait_answer("p-err", bad["session"])
        assert done["answers"][0]["error"] is True
        assert [(x["level"], x["msg"]) for x in done["logs"]] == [
            ("ERROR", "Plugin callback failed: boom")
        ]
        good = plugins.trigger("p-err")
        answer = plugins.wait_answer("p-err", good["session"])["answers"][0]
        assert answer["response"] == {"fine": True}
        assert plugins.plugin("p-err")["connections"] == 1


def test_wrong_secret_is_refused_with_a_clear_log_line(
    mock: MockServer, plugins: PluginAdmin, caplog: pytest.LogCaptureFixture
) -> None:
    plugins.register("p-sec", "the-right-secret", "input")
    runtime = PluginRuntime(lambda e: {}, fast(mock, "p-sec", max_refusals=2))
    with caplog.at_level(logging.ERROR, logger="ango_hub.plugins"):
        thread = RuntimeThread(runtime)
        with thread:
            thread.thread.join(30)
    assert isinstance(thread.error, PluginRefused)
    lines = [r.getMessage() for r in caplog.records if "refused" in r.getMessage()]
    assert len(lines) == 2
    assert "it refused plugin id 'p-sec' or its secret" in lines[0]
    assert SECRET not in caplog.text
    assert [r["reason"] for r in plugins.state()["refused"]] == ["wrong secret"] * 2


PLUGIN_MODULE = """
import time

def work(event):
    event.log.info("started")
    time.sleep(float(event.data["seconds"]))
    return {"slept": event.data["seconds"]}
"""


def test_sigterm_drains_then_answers_the_rest_with_errors(
    mock: MockServer, plugins: PluginAdmin, tmp_path: Path
) -> None:
    (tmp_path / "sleepy.py").write_text(PLUGIN_MODULE)
    plugins.register("p-term", SECRET, "input")
    env = {**os.environ, "ANGO_PLUGIN_ID": "p-term", "ANGO_PLUGIN_SECRET": SECRET}
    process = subprocess.Popen(
        [CLI, "plugin", "run", "sleepy:work", "--kind",
         "input", "--host", mock.root_url, "--drain-timeout", "1", "--backoff-cap", "0.1"],
        cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        plugins.wait_connected("p-term")
        quick = plugins.trigger("p-term", fields={"seconds": "0.3"})
        stuck = plugins.trigger("p-term", fields={"seconds": "60"})
        for run in (quick, stuck):
            wait_for(lambda run=run: plugins.run("p-term", run["session"])["logs"], what="start")
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=30)
    finally:
        process.kill()
    assert process.returncode == 0, stderr[-3000:]
    assert plugins.run("p-term", quick["session"])["answers"][0]["response"] == {"slept": "0.3"}
    late = plugins.run("p-term", stuck["session"])["answers"]
    assert [(a.get("error"), a["session"]) for a in late] == [(True, stuck["session"])]
    assert "not finished by the drain deadline" in stderr
    assert SECRET not in stderr
    # after SIGTERM the plugin took no more work
    assert plugins.plugin("p-term")["connected"] is False


def test_cli_refuses_a_missing_secret(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ANGO_PLUGIN")}
    result = subprocess.run(
        [CLI, "plugin", "run", "x:y"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 2
    assert "ANGO_PLUGIN_ID and ANGO_PLUGIN_SECRET" in result.stderr


def test_concurrency_is_bounded_and_overflow_is_answered_at_once(
    mock: MockServer, plugins: PluginAdmin
) -> None:
    release = threading.Event()
    lock = threading.Lock()
    running: list[int] = [0, 0]  # now, most at once

    def busy(event: PluginEvent) -> dict[str, Any]:
        with lock:
            running[0] += 1
            running[1] = max(running)
        assert release.wait(30)
        with lock:
            running[0] -= 1
        return {"ok": event.session}

    plugins.register("p-cc", SECRET, "input")
    runtime = PluginRuntime(busy, fast(mock, "p-cc", concurrency=2, max_pending=1))
    with RuntimeThread(runtime):
        plugins.wait_connected("p-cc")
        runs = [plugins.trigger("p-cc") for _ in range(3)]
        wait_for(lambda: running[0] == 2 or None, what="two runs")
        overflow = plugins.trigger("p-cc")  # 2 running, 1 waiting: no room
        refused = plugins.wait_answer("p-cc", overflow["session"])["answers"]
        assert [a.get("error") for a in refused] == [True]
        release.set()
        answers = [plugins.wait_answer("p-cc", r["session"])["answers"] for r in runs]
    assert [a[0]["response"] for a in answers] == [{"ok": r["session"]} for r in runs]
    assert running[1] == 2


def test_an_event_sent_twice_runs_once(mock: MockServer, plugins: PluginAdmin) -> None:
    calls: list[str] = []
    plugins.register("p-dup", SECRET, "input")
    runtime = PluginRuntime(lambda e: calls.append(e.session) or {"n": 1}, fast(mock, "p-dup"))
    with RuntimeThread(runtime):
        plugins.wait_connected("p-dup")
        first = plugins.trigger("p-dup", session="same-session")
        plugins.wait_answer("p-dup", first["session"])
        plugins.trigger("p-dup", session="same-session")
        other = plugins.trigger("p-dup")
        plugins.wait_answer("p-dup", other["session"])
    assert calls == ["same-session", other["session"]]
    responses = [f for f in plugins.frames("response") if f["data"]["session"] == "same-session"]
    assert len(responses) == 1
