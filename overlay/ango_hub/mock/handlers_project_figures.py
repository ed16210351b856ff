"""A project's figures: the overview's metrics and the labelling performance, counted from
the project's tasks (``project_metrics``); scoped to the key's organisation."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from starlette.responses import Response

from . import project_metrics
from .api import Call, Handler, success
from .ids import parse_iso
from .validation import RequestInvalid


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
    """The time window from the SDK's ``interval`` or the vendor's ``startDate``/``endDate``;
    given both ways, they must agree."""
    dates = (_moment(body.get("startDate")), _moment(body.get("endDate")))
    interval = body.get("interval")
    if interval is None:
        window = dates
    else:
        window = (_moment(interval[0]), _moment(interval[1]))
        for given, own, name in zip(dates, window, ("startDate", "endDate"), strict=True):
            if given is not None and given != own:
                raise RequestInvalid(
                    f"body.{name}: disagrees with body.interval; give the window one way"
                )
    start, end = window
    if start is not None and end is not None and start > end:
        raise RequestInvalid("body.interval: the start is after the end")
    return window


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
