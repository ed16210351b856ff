"""Typed rows of an export archive (``hub.exports.iter_tasks``): the task, its asset, its
stage and its answer as mypy-visible fields, the row itself in ``raw``.

The Ango export format puts a task's annotations in ``task`` (``tools``, ``classifications``,
``relations``, ``brushDataUrl``, ``medicalBrushDataUrl``); the task's own fields sit at the
row's top level in some exports and inside ``task`` in others, so both places are read.
Each annotation is parsed with the spec's generated model (``AnswerObject``,
``AnswerClassification``, ``AnswerRelation``): unknown fields stay in their
``additional_properties``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ango_hub_api.models import AnswerClassification, AnswerObject, AnswerRelation

Parse = Callable[[Callable[[Any], Any], Any], Any]


@dataclass(frozen=True)
class ExportRow:
    """One exported task: ``task_id``, ``stage``, ``status``; its asset (``asset_id``,
    ``external_id``, ``asset`` the file's URL); its answer (``tools``, ``classifications``,
    ``relations``, ``brush_data_url``, ``medical_brush_data_url``); ``raw`` the row."""

    task_id: str | None
    asset_id: str | None
    external_id: str | None
    asset: str | None
    stage: str | None
    status: str | None
    tools: list[AnswerObject]
    classifications: list[AnswerClassification]
    relations: list[AnswerRelation]
    brush_data_url: str | None = None
    medical_brush_data_url: str | None = None
    raw: dict[str, Any] = field(default_factory=dict, repr=False)


def _text(*values: Any) -> str | None:
    return next((v for v in values if isinstance(v, str)), None)


def read_row(row: Mapping[str, Any], parse: Parse) -> ExportRow:
    """``row`` as an :class:`ExportRow`; ``parse(read, value)`` turns a shape error into the
    client's ``UnexpectedResponseError``."""
    task = row.get("task")
    task = task if isinstance(task, Mapping) else {}

    def items(name: str, read: Callable[[Any], Any]) -> list[Any]:
        found = task.get(name) or []
        return [parse(read, item) for item in parse(_listed(name), found)]

    return ExportRow(
        task_id=_text(row.get("taskId"), task.get("taskId")),
        asset_id=_text(row.get("assetId")),
        external_id=_text(row.get("externalId")),
        asset=_text(row.get("asset")),
        stage=_text(row.get("stage"), task.get("stage")),
        status=_text(row.get("status"), task.get("status")),
        tools=items("tools", AnswerObject.from_dict),
        classifications=items("classifications", AnswerClassification.from_dict),
        relations=items("relations", AnswerRelation.from_dict),
        brush_data_url=_text(task.get("brushDataUrl")),
        medical_brush_data_url=_text(task.get("medicalBrushDataUrl")),
        raw=dict(row),
    )


def _listed(name: str) -> Callable[[Any], list[Any]]:
    def check(value: Any) -> list[Any]:
        if not isinstance(value, list):
            raise TypeError(f"task.{name} must be a list, got {type(value).__name__}")
        return value

    return check
