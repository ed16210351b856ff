"""Answers that name a ``schemaId`` the project's label set does not have.

No source says the real server refuses them (the vendor's pages and the official SDK send
answers without checking), so the mock accepts them and records a warning on the project
(``Project.warnings``, logged on ``ango_hub.mock``), where a test can look."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

from .state import Project

_log = logging.getLogger("ango_hub.mock")


def _label_set_ids(schema: dict[str, Any] | None) -> set[str]:
    found: set[str] = set()

    def walk(items: Any) -> None:
        for item in items if isinstance(items, list) else ():
            if isinstance(item, dict):
                if isinstance(item.get("schemaId"), str):
                    found.add(item["schemaId"])
                walk(item.get("classifications"))

    for key in ("tools", "classifications", "relations"):
        walk((schema or {}).get(key))
    return found


def _answer_ids(answer: dict[str, Any]) -> Iterator[tuple[str, str]]:
    def walk(where: str, items: Any) -> Iterator[tuple[str, str]]:
        for number, item in enumerate(items if isinstance(items, list) else ()):
            if isinstance(item, dict):
                if isinstance(item.get("schemaId"), str):
                    yield f"{where}[{number}].schemaId", item["schemaId"]
                yield from walk(f"{where}[{number}].classifications", item.get("classifications"))

    for key in ("objects", "tools", "classifications", "relations"):
        yield from walk(f"answer.{key}", answer.get(key))


def warn_unknown_schema_ids(project: Project, answer: dict[str, Any], where: str) -> None:
    """Record a warning for each schema ID of ``answer`` not in the project's label set
    (none when the project has no label set: nothing to compare with)."""
    known = _label_set_ids(project.category_schema)
    if not known:
        return
    for field, schema_id in _answer_ids(answer):
        if schema_id not in known:
            message = f"{where}.{field}: {schema_id!r} is not in the project's label set"
            project.warnings.append(message)
            _log.warning("%s", message)
