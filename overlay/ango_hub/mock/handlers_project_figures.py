"""A project's figures: the overview's metrics and the labelling performance, counted from
the project's tasks (``project_metrics``); scoped to the key's organisation."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from starlette.responses import Response

from . import project_metrics
from .api import Call, Handler, success
from .ids import parse_iso


async def get_project_metrics(call: Call) -> Response:
    with call.ctx.state.lock:
        project = call.project(call.op.path["projectId"])
        return success(project_metrics.metric(project, call.op.path["metric"]))


async def get_project_performance(call: Call) -> Response:
    body = call.op.body or {}
    window = _window(body)
    with call.ctx.state.lock:
        project = call.project(call.op.path["projectId"])
        figures = project_metrics.performance(
            project, window, body.get("batches", []), body.get("users", [])
        )
    return success({"performance": figures})


def _window(body: dict[str, Any]) -> tuple[datetime | None, datetime | None]:
    """The time window from the SDK's ``interval`` and the vendor's ``startDate``/``endDate``.

    Every bound given applies (no source says how the server combines them): the later start,
    the earlier end. A window that starts after it ends counts nothing.
    """
    interval = body.get("interval") or [None, None]
    starts = [m for m in (_moment(body.get("startDate")), _moment(interval[0])) if m is not None]
    ends = [m for m in (_moment(body.get("endDate")), _moment(interval[1])) if m is not None]
    return (max(starts) if starts else None, min(ends) if ends else None)


def _moment(value: datetime | str | None) -> datetime | None:
    """openapi-core hands ``date-time`` fields over as datetimes; no offset means UTC."""
    if value is None:
        return None
    if isinstance(value, str):
        return parse_iso(value)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


HANDLERS: dict[str, Handler] = {
    "getProjectMetrics": get_project_metrics,
    "getProjectPerformance": get_project_performance,
}
