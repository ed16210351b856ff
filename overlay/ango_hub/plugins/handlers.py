"""One run of each plugin kind, connector-agnostic: the event in, the answer out.

The REST calls and their order follow the SDK (PLUGIN-PROTOCOL.md §4), sent through
:class:`~ango_hub.AsyncAngoHub` with the run's key. Where the SDK sends nothing (a callback
that returns None, a workflow run that succeeded, a failed export) these handlers answer
anyway: every run ends with exactly one answer.
"""

from __future__ import annotations

import asyncio
import inspect
import json
import tempfile
import threading
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .events import ExportFile, PayloadError, PluginEvent, PluginKind

if TYPE_CHECKING:
    from ango_hub import AsyncAngoHub
    from ango_hub._options import ExportOptions

Callback = Callable[[PluginEvent], Any]
HubFactory = Callable[[], "AsyncAngoHub"]  # the run's client, made when a call needs it
ANSWER_KEYS = ("objects", "classifications", "relations")


def error_answer(session: str) -> dict[str, Any]:
    return {"error": True, "session": session}


async def invoke(callback: Callback, event: PluginEvent) -> Any:
    """Await an async callback; run a plain one in a daemon thread, so that it can neither
    block the loop (heartbeats, other runs) nor keep the process alive after a deadline."""
    if inspect.iscoroutinefunction(callback):
        return await callback(event)
    loop = asyncio.get_running_loop()
    future: asyncio.Future[Any] = loop.create_future()

    def settle(outcome: Callable[[], None]) -> None:
        if not future.done():
            outcome()

    def work() -> None:
        try:
            result = callback(event)
        except BaseException as exc:  # handed to the awaiting run
            failure = exc
            loop.call_soon_threadsafe(settle, lambda: future.set_exception(failure))
        else:
            loop.call_soon_threadsafe(settle, lambda: future.set_result(result))

    threading.Thread(target=work, name=f"plugin-{event.session}", daemon=True).start()
    return await future


def model_answer(result: Any) -> dict[str, list[Any]]:
    """A model callback's result as ``{objects, classifications, relations}``: that mapping,
    one with an ``answer`` in it, or the SDK's ``AnnotationPayload``/``Answer``."""
    if hasattr(result, "answer") and not isinstance(result, Mapping):
        result = result.answer
    if hasattr(result, "toDict"):
        result = result.toDict()
    if isinstance(result, Mapping) and isinstance(result.get("answer"), Mapping):
        result = result["answer"]
    if not isinstance(result, Mapping):
        raise PayloadError(
            f"callback result: expected a mapping with {', '.join(ANSWER_KEYS)}, "
            f"not {type(result).__name__}"
        )
    unknown = sorted(set(result) - set(ANSWER_KEYS))
    if unknown:
        raise PayloadError(f"callback result: unknown key {unknown[0]!r}; use {ANSWER_KEYS}")
    answer = {key: list(result.get(key) or []) for key in ANSWER_KEYS}
    return answer


def merge(existing: Mapping[str, Any], new: dict[str, list[Any]]) -> dict[str, list[Any]]:
    """The SDK's merge for ``overwrite: false``: new classifications win per ``schemaId``;
    the task's ``tools`` follow the new objects and its relations the new relations."""
    ids = {c.get("schemaId") for c in new["classifications"] if isinstance(c, Mapping)}
    kept = [
        c
        for c in existing.get("classifications") or []
        if not (isinstance(c, Mapping) and c.get("schemaId") in ids)
    ]
    return {
        "objects": [*new["objects"], *(existing.get("tools") or [])],
        "classifications": [*new["classifications"], *kept],
        "relations": [*new["relations"], *(existing.get("relations") or [])],
    }


async def run_model(event: PluginEvent, callback: Callback, hub: HubFactory) -> dict[str, Any]:
    result = await invoke(callback, event)
    if result is None:
        raise PayloadError("callback result: None (a model plugin must return an answer)")
    answer = model_answer(result)
    if not event.overwrite:
        if not event.task_id:
            raise PayloadError("taskId: needed to merge with the task's answer (overwrite false)")
        task = await hub().call("getTask", {"taskId": event.task_id, "includeAnswer": "true"})
        answer = merge(task["data"]["task"].get("answer") or {}, answer)
    if event.workflow:
        if not event.task_id:
            raise PayloadError("taskId: needed in workflow mode")
        await hub().tasks.annotate(event.task_id, answer, submit=True, duration=0, is_plugin=True)
    return {"response": answer, "session": event.session}


async def run_export(event: PluginEvent, callback: Callback, hub: HubFactory) -> dict[str, Any]:
    if not event.project_id:
        raise PayloadError("projectId: an export run needs the project")
    client = hub()
    options: ExportOptions = {"format": "ndjson", "export_type": "task", "notify": False}
    options |= {"stage": event.stage or ["Complete"], "task_types": ["default"]}
    options |= {"include_metadata": True, "include_history": True, "send_email": False}
    if event.batches:
        options["batches"] = event.batches
    tasks = client.exports.iter_tasks(event.project_id, raw=True, **options)
    event.tasks = [task async for task in tasks]
    event.num_tasks = len(event.tasks)
    result = await invoke(callback, event)
    if isinstance(result, bytes):
        result = ExportFile(result)
    if not isinstance(result, ExportFile):
        raise PayloadError(f"callback result: expected ExportFile, not {type(result).__name__}")
    files = client.files
    url = await files.upload_url(
        event.project_id, result.file_name, file_type="exports", storage_id=result.storage_id
    )
    with tempfile.TemporaryDirectory(prefix="ango-plugin-") as tmp:
        path = Path(tmp) / "export"
        path.write_bytes(result.content)
        await files.put(url, path)
    signed = await files.signed_url(
        url, project=event.project_id, file_type="exports", storage_id=result.storage_id
    )
    return {"export": True, "response": signed, "session": event.session}


async def run_plain(event: PluginEvent, callback: Callback, hub: HubFactory) -> dict[str, Any]:
    """Input, file-explorer, batch-model and markdown plugins: the result is the answer."""
    result = await invoke(callback, event)
    if result is None:
        raise PayloadError("callback result: None (return the answer to send)")
    try:
        json.dumps(result)
    except (TypeError, ValueError) as exc:
        raise PayloadError(f"callback result: not JSON ({exc})") from exc
    return {"response": result, "session": event.session}


RUNS = {
    PluginKind.MODEL: run_model,
    PluginKind.EXPORT: run_export,
    PluginKind.INPUT: run_plain,
    PluginKind.FILE_EXPLORER: run_plain,
    PluginKind.BATCH_MODEL: run_plain,
    PluginKind.MARKDOWN: run_plain,
}
