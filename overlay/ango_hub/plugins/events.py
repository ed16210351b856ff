"""What a plugin run receives: the hub's ``plugin`` event as a typed, checked object.

Field names and meanings come from the official SDK (docs/research/PLUGIN-PROTOCOL.md, §3).
Unlike the SDK, flags are parsed, not tested for truthiness (``"false"`` is false), and
``configJSON`` may be JSON text or an object; anything else is a :class:`PayloadError` that
names the field, answered ``{error: true}``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any, TypedDict

if TYPE_CHECKING:
    from .log import PluginLog


class PluginKind(StrEnum):
    """The SDK's plugin classes, by the name ``--kind`` takes."""

    MODEL = "model"
    EXPORT = "export"
    INPUT = "input"
    FILE_EXPLORER = "file-explorer"
    BATCH_MODEL = "batch-model"
    MARKDOWN = "markdown"


class PayloadError(ValueError):
    """A ``plugin`` event field of the wrong type; the message names the field."""


_TRUE, _FALSE = {"true", "1", "yes"}, {"false", "0", "no", ""}
# The event fields the runtime reads (plugins.asyncapi.yaml's PluginEvent has exactly these).
WIRE_FIELDS = frozenset(
    {"session", "taskId", "projectId", "apiKey", "orgId", "runBy", "configJSON"}
    | {"batches", "stage", "workflow", "overwrite", "fileExplorerOptions"}
)


def flag(raw: Mapping[str, Any], name: str, default: bool) -> bool:
    """A boolean field: ``true``/``false``, their strings in any case, absent or null =
    ``default``."""
    value = raw.get(name)
    if value is None:
        return default
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
        return value.strip().lower() in _TRUE
    raise PayloadError(f"{name}: must be true or false, not {value!r:.40}")


def _strings(raw: Mapping[str, Any], name: str) -> list[str]:
    value = raw.get(name)
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    raise PayloadError(f"{name}: must be a list of strings")


def _text(raw: Mapping[str, Any], name: str) -> str:
    value = raw.get(name)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise PayloadError(f"{name}: must be a string, not {type(value).__name__}")
    return value


def _config(raw: Mapping[str, Any]) -> dict[str, Any]:
    value = raw.get("configJSON")
    if value is None or value == "":
        return {}
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError as exc:
            raise PayloadError(f"configJSON: not valid JSON ({exc})") from exc
    if not isinstance(value, dict):
        raise PayloadError("configJSON: must be a JSON object (as text or as an object)")
    return value


@dataclass
class PluginEvent:
    """One run: the hub's fields, typed, the untouched ``raw`` event, and ``log``.

    Export runs also carry ``tasks`` (the NDJSON export, one dict per task) and
    ``num_tasks``, fetched before the callback is called.
    """

    session: str
    task_id: str
    project_id: str
    org_id: str
    run_by: str
    batches: list[str]
    stage: list[str]
    workflow: bool
    overwrite: bool
    config: dict[str, Any]
    file_explorer_options: Any
    raw: dict[str, Any] = field(repr=False)
    api_key: str = field(repr=False, default="")
    log: PluginLog | None = field(repr=False, default=None)
    tasks: list[dict[str, Any]] = field(repr=False, default_factory=list)
    num_tasks: int = 0

    @classmethod
    def parse(cls, raw: Mapping[str, Any]) -> PluginEvent:
        """Check and type a ``plugin`` event (a JSON object)."""
        return cls(
            session=_text(raw, "session"),
            task_id=_text(raw, "taskId"),
            project_id=_text(raw, "projectId"),
            org_id=_text(raw, "orgId"),
            run_by=_text(raw, "runBy"),
            batches=_strings(raw, "batches"),
            stage=_strings(raw, "stage"),
            workflow=flag(raw, "workflow", False),
            overwrite=flag(raw, "overwrite", True),
            config=_config(raw),
            file_explorer_options=raw.get("fileExplorerOptions"),
            raw=dict(raw),
            api_key=_text(raw, "apiKey"),
        )

    @property
    def data(self) -> dict[str, Any]:
        """Fields the SDK passes through untouched (``dataURL``, ``externalId``, ...)."""
        return self.raw


class ModelAnswer(TypedDict, total=False):
    """What a model callback returns (each list may be left out): the task's ``objects``
    (tools), ``classifications`` and ``relations``, as ``annotateTask`` takes them."""

    objects: list[dict[str, Any]]
    classifications: list[dict[str, Any]]
    relations: list[dict[str, Any]]


@dataclass(frozen=True)
class ExportFile:
    """An export plugin's result: the file to upload and its name (``storage_id``: upload to
    that storage integration instead of Ango's)."""

    content: bytes = field(repr=False)
    file_name: str = "export.json"
    storage_id: str | None = None
