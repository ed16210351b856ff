"""Run one of the official SDK's plugins against a live mock (.venv-sdk python) until killed.

Usage: sdk_plugins_script.py KIND ROOT_URL PLUGIN_ID SECRET, KIND one of model, export, input.
CONNECTOR=REST (read by the SDK at import) serves POST /plugin on PORT instead of the socket.
"""

import io
import json
import os
import sys
import time

from imerit_ango.models.annotate import AnnotationPayload, Answer
from imerit_ango.plugins import ExportPlugin, ExportResponse, InputPlugin, ModelPlugin, run

kind, root, plugin_id, secret = sys.argv[1:5]
BOX = {
    "schemaId": "box",
    "tool": "bounding-box",
    "bounding-box": {"x": 1, "y": 2, "width": 3, "height": 4},
}


def label(data):
    data["logger"].info("labelling %s", data.get("taskId"), extra={"step": "label"})
    return AnnotationPayload(answer=Answer(objects=[dict(BOX)]))


def export(data):
    rows = list(data["jsonExport"])
    data["logger"].info("exporting %d tasks", data["numTasks"])
    body = json.dumps({"tasks": len(rows), "ids": sorted(r["taskId"] for r in rows)})
    return ExportResponse(io.BytesIO(body.encode()), file_name="custom.json")


def echo(data):
    data["logger"].info("input for %s", data.get("session"))
    gate = data.get("waitFor")  # a file the test creates when the callback may finish
    while gate and not os.path.exists(gate):
        time.sleep(0.02)
    if data.get("fail"):
        raise ValueError("asked to fail")
    return {"echo": data.get("text"), "batches": data["batches"]}


if kind == "model":
    plugin = ModelPlugin(plugin_id, secret, label, host=root)
elif kind == "export":
    plugin = ExportPlugin(plugin_id, secret, export, host=root)
else:
    plugin = InputPlugin(plugin_id, secret, echo)
print("starting", flush=True)
run(plugin, host=root)
