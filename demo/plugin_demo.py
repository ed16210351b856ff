"""`make plugin-demo`: demo/prelabel_plugin.py as a model plugin, served by
`ango-hub plugin run`, pre-labels every task of a mock project; then the pre-labelled tasks
are counted through the client. Needs no account and no network (a mock on loopback)."""

from __future__ import annotations

import os
import secrets
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
from ango_hub import AngoHub
from ango_hub.testing import run_mock_server

HERE = Path(__file__).resolve().parent
CLI = str(Path(sys.executable).with_name("ango-hub"))
TASKS = 5
PLUGIN_ID = "prelabel-demo"


def wait_for(probe: Any, what: str, timeout: float = 60.0) -> Any:
    deadline = time.monotonic() + timeout
    while not (value := probe()):
        if time.monotonic() > deadline:
            raise SystemExit(f"plugin demo: timed out waiting for {what}")
        time.sleep(0.05)
    return value


def main() -> int:
    secret = secrets.token_hex(16)
    with run_mock_server() as mock, AngoHub(mock.api_key, base_url=mock.base_url) as hub:
        mock.seed(TASKS)
        admin = httpx.Client(
            base_url=f"{mock.root_url}/_mock", headers={"apikey": mock.api_key}, timeout=60
        )
        body = {"id": PLUGIN_ID, "secret": secret, "kind": "model"}
        admin.post("/plugins", json=body).raise_for_status()
        print(f"$ ango-hub plugin run prelabel_plugin:prelabel --kind model --host {mock.root_url}")
        env = {**os.environ, "ANGO_PLUGIN_ID": PLUGIN_ID, "ANGO_PLUGIN_SECRET": secret}
        plugin = subprocess.Popen(  # noqa: S603  (our own console script)
            [CLI, "plugin", "run", "prelabel_plugin:prelabel", "--kind", "model",
             "--host", mock.root_url, "--log-level", "WARNING"],
            cwd=HERE, env=env,
        )  # fmt: skip
        try:
            plugins = lambda: admin.get("/plugins").json()["data"]["plugins"]  # noqa: E731
            wait_for(lambda: plugins()[0]["connected"], "the plugin to connect")
            tasks = hub.call("listTasks", {"projectId": mock.project_id, "limit": 100})
            ids = [t["_id"] for t in tasks["data"]["tasks"]]
            print(f"the hub sends the plugin {len(ids)} new tasks")
            for task_id in ids:
                admin.post(f"/plugins/{PLUGIN_ID}/runs", json={"taskId": task_id})

            def answered() -> bool:
                runs = admin.get(f"/plugins/{PLUGIN_ID}/runs").json()["data"]["runs"]
                return sum(bool(r["answers"]) for r in runs) == len(ids)

            wait_for(answered, "the plugin's answers")
        finally:
            plugin.send_signal(signal.SIGTERM)
            plugin.wait(timeout=60)
        labelled = 0
        for task_id in ids:
            answer = hub.call("getTask", {"taskId": task_id, "includeAnswer": "true"})["data"][
                "task"
            ]["answer"]
            labelled += any(t.get("schemaId") == "box" for t in answer["tools"])
        print(f"pre-labelled tasks: {labelled} of {len(ids)}")
        return 0 if labelled == len(ids) else 1


if __name__ == "__main__":
    sys.exit(main())
