"""The API's operations, as ``make generate`` indexed them from ``openapi.yaml``.

``ango_hub_api/operations.json`` holds each operation's method, path, parameters (with their
schemas: types, enums, bounds), request body schemas and whether it is safe to repeat. It is
read on first use, not at import: ``import ango_hub`` stays cheap.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from .errors import AngoHubValidationError


@dataclass(frozen=True)
class Parameter:
    """One path or query parameter, by its name in the spec."""

    name: str
    location: str  # "path" or "query"
    required: bool
    schema: dict[str, Any]
    description: str = ""

    @property
    def snake_name(self) -> str:
        """``externalId`` -> ``external_id`` (the Python spelling callers may use too)."""
        return re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", self.name).lower()


@dataclass(frozen=True)
class Operation:
    """What the client needs to send one operation and check its input."""

    operation_id: str
    method: str
    path: str
    summary: str
    tag: str
    parameters: tuple[Parameter, ...]
    body_required: bool
    body_schemas: dict[str, dict[str, Any]]  # media type -> schema
    success: tuple[int, ...]
    idempotent: bool
    by_name: dict[str, Parameter] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        for param in self.parameters:  # snake_case first: a spec name wins a clash
            self.by_name.setdefault(param.snake_name, param)
        self.by_name.update({param.name: param for param in self.parameters})

    def parameter(self, name: str) -> Parameter | None:
        """The parameter called ``name`` (spec or snake_case spelling), if any."""
        return self.by_name.get(name)

    @property
    def takes_body(self) -> bool:
        return bool(self.body_schemas)


def _operation(operation_id: str, raw: dict[str, Any]) -> Operation:
    body = raw.get("body") or {}
    return Operation(
        operation_id=operation_id,
        method=raw["method"],
        path=raw["path"],
        summary=raw.get("summary", ""),
        tag=raw.get("tag", ""),
        parameters=tuple(
            Parameter(
                name=p["name"],
                location=p["in"],
                required=p["required"],
                schema=p["schema"],
                description=p.get("description", ""),
            )
            for p in raw["parameters"]
        ),
        body_required=bool(body.get("required", False)),
        body_schemas=dict(body.get("content", {})),
        success=tuple(raw["success"]),
        idempotent=raw["idempotent"],
    )


@cache
def _load() -> dict[str, Operation]:
    text = (resources.files("ango_hub_api") / "operations.json").read_text(encoding="utf-8")
    raw = json.loads(text)["operations"]
    return {op_id: _operation(op_id, entry) for op_id, entry in raw.items()}


def operations() -> dict[str, Operation]:
    """Every operation in the spec, by operationId."""
    return dict(_load())


def operation(operation_id: str) -> Operation:
    """The operation called ``operation_id``; an unknown name lists the known ones."""
    found = _load().get(operation_id)
    if found is None:
        raise AngoHubValidationError(
            "operation_id", f"unknown operation {operation_id!r}", ", ".join(sorted(_load()))
        )
    return found
