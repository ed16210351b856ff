"""Live-check steps of a project's figures (metrics, performance): reads of the user's
project only."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from .context import Run

METRICS = (
    "LabelStageGroups",
    "TimePerTask",
    "AnnotationStatus",
    "AnswerDistribution",
    "ConsensusRanges",
    "AssetSize",
)


def get_project_metrics(run: Run) -> None:
    for metric in METRICS:
        run.call("getProjectMetrics", {"projectId": run.project, "metric": metric})


def get_project_performance(run: Run) -> None:
    now = datetime.now(UTC)
    window = [f"{t:%Y-%m-%dT%H:%M:%S.%f}Z" for t in (now - timedelta(days=1), now)]
    run.call("getProjectPerformance", {"projectId": run.project}, body={"interval": window})
