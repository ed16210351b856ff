"""Keyword options shared by both clients' resources (typed ``**options``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, TypedDict

from ango_hub_api.models import ExportFormat, ExportType, TaskType


class ChatOptions(TypedDict, total=False):
    """Keyword options of chat upload (``hub.assets.upload_chat``)."""

    file: str | Path
    conversations: list[Any] | str
    number_of_conversations: int
    storage_id: str
    bucket: str
    batches: Sequence[str]
    llm_config: Mapping[str, Any]
    naming_strategy: str
    priority: float
    create_missing_batches: bool


class RawRequest(TypedDict, total=False):
    """What ``hub.request`` sends as given: query, JSON or form body, files, headers."""

    params: Mapping[str, Any]
    json: Any
    data: Mapping[str, Any]
    files: Mapping[str, Any]
    headers: Mapping[str, str]


class ExportOptions(TypedDict, total=False):
    """Keyword options of an export (``hub.exports.create/download/iter_tasks``)."""

    format: ExportFormat
    v3: bool
    status: str
    batches: Sequence[str]
    stage: Sequence[str]
    task_types: Sequence[TaskType]
    export_type: ExportType
    include_assets: bool
    include_history: bool
    include_metadata: bool
    created_at: Mapping[str, str]
    updated_at: Mapping[str, str]
    send_email: bool
    notify: bool
