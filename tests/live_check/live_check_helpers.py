"""Running the live check against a mock, and planting differences in a copy of the spec."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from ango_hub.live_check import LiveCheckOptions, Mode, run_live_check
from ango_hub.live_check.report import Report
from ango_hub.mock.server import MockServer

REPO = Path(__file__).resolve().parents[2]
SPEC = REPO / "openapi.yaml"
DISCREPANCIES = REPO / "docs" / "DISCREPANCIES.md"


def check(
    mock: MockServer, mode: Mode = Mode.WRITE, spec: Path | None = None, **options: Any
) -> Report:
    return run_live_check(
        LiveCheckOptions(
            api_key=mock.api_key,
            base_url=mock.base_url,
            project=mock.project_id,
            mode=mode,
            spec_path=spec or SPEC,
            discrepancies=DISCREPANCIES,
            **options,
        )
    )


def edited_spec(tmp_path: Path, edit: Callable[[dict[str, Any]], None]) -> Path:
    """A copy of openapi.yaml changed by ``edit``."""
    spec = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    edit(spec)
    path = tmp_path / "openapi.yaml"
    path.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    return path


def differences(report: Report) -> list[tuple[str, str, str]]:
    """(operationId, kind, detail) of every difference in the report."""
    return [
        (op.operation_id, diff.kind, diff.detail)
        for op in report.operations
        for diff in op.differences
    ]


def spec_operation_ids(spec: dict[str, Any]) -> set[str]:
    return {
        op["operationId"]
        for item in spec["paths"].values()
        for op in item.values()
        if isinstance(op, dict) and "operationId" in op
    }
