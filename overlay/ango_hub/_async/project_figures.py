"""``hub.project_figures``: what a project's work adds up to: the overview's metrics and the
labelling performance."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from ango_hub_api.models import (
    Performance,
    PerformanceResponse,
    ProjectMetric,
    ProjectMetricResponse,
    ProjectMetricResult,
)

from ._base import AsyncResource, ExtraBody, ExtraHeaders, ExtraQuery, present


class AsyncProjectFigures(AsyncResource):
    """A project's overview metrics and labelling performance (reads only)."""

    async def metrics(
        self,
        project_id: str,
        metric: ProjectMetric | str,
        *,
        extra_body: ExtraBody = None,
        extra_query: ExtraQuery = None,
        extra_headers: ExtraHeaders = None,
    ) -> ProjectMetricResult:
        """One metric of the project's overview (``LabelStageGroups``, ``TimePerTask``,
        ``AnnotationStatus``, ``AnswerDistribution``, ``ConsensusRanges``, ``AssetSize``):
        ``.total`` counted and one ``.groups`` row (``key``, ``count``, maybe ``value``) per
        group."""
        params = {"projectId": project_id, "metric": metric}
        answer = await self._hub.call("getProjectMetrics", params)
        return self._need(
            self._parse(ProjectMetricResponse.from_dict, answer, "getProjectMetrics").data,
            "getProjectMetrics",
            "data",
        )

    async def performance(
        self,
        project_id: str,
        *,
        start: datetime | str | None = None,
        end: datetime | str | None = None,
        batches: Sequence[str] | None = None,
        users: Sequence[str] | None = None,
        extra_body: ExtraBody = None,
        extra_query: ExtraQuery = None,
        extra_headers: ExtraHeaders = None,
    ) -> Performance:
        """The project's labelling figures (tasks, completed, labelled, one row per labeller),
        optionally within ``start``..``end`` (datetimes, naive ones read as UTC, or ISO
        text), for some batch IDs and some users (emails). A full window goes as the SDK's
        ``interval``, a one-sided one as the vendor's ``startDate``/``endDate``."""
        window = present({"startDate": _iso(start), "endDate": _iso(end)})
        body: dict[str, Any] = (
            {"interval": [window["startDate"], window["endDate"]]} if len(window) == 2 else window
        )
        body.update(present({"batches": _listed(batches), "users": _listed(users)}))
        params = {"projectId": project_id}
        answer = await self._hub.call("getProjectPerformance", params, body=body)
        return self._need(
            self._need(
                self._parse(PerformanceResponse.from_dict, answer, "getProjectPerformance").data,
                "getProjectPerformance",
                "data",
            ).performance,
            "getProjectPerformance",
            "data.performance",
        )


def _iso(moment: datetime | str | None) -> str | None:
    if not isinstance(moment, datetime):
        return moment
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return aware.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _listed(values: Sequence[str] | None) -> list[str] | None:
    return None if values is None else list(values)
