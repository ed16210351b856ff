"""``ango-hub export``: stream a project's tasks to a file or stdout, with a summary."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Iterable
from enum import StrEnum
from pathlib import Path
from typing import IO, TYPE_CHECKING, Annotated, Any

import typer

from ango_hub._progress import progress_bar

from ._client import open_hub
from ._context import JsonFlag, wants_json
from ._lazy import command_app
from ._output import print_json, progress_wanted
from ._summary import ExportSummary

if TYPE_CHECKING:
    from ango_hub._options import ExportOptions


class ExportFormat(StrEnum):
    """File formats the CLI writes (the API's ``split`` format is not a stream)."""

    JSON = "json"
    NDJSON = "ndjson"


EXPORT_EPILOG = """\
Examples:

\b
  ango-hub export 507f1f77bcf86cd799439011 --format ndjson --out tasks.ndjson
  ango-hub export PROJECT --status Completed --batch "Batch 1" > tasks.json
  ango-hub --json export PROJECT --summary

With --out, tasks go to the file (written whole or not at all) and a summary is printed; without
it, tasks go to stdout (a JSON array, or one task per line for ndjson) unless --summary.
"""

commands = command_app()


@commands.command("export", epilog=EXPORT_EPILOG)
def export(  # noqa: PLR0917
    ctx: typer.Context,
    project: Annotated[str, typer.Argument(help="Project ID.", show_default=False)],
    fmt: Annotated[
        ExportFormat,
        typer.Option(
            "--format",
            case_sensitive=False,
            help="json (one array) or ndjson (one task per line).",
        ),
    ] = ExportFormat.JSON,
    out: Annotated[Path | None, typer.Option("--out", help="Write the tasks to this file.")] = None,
    status: Annotated[
        str | None, typer.Option(help="Only tasks with this status, e.g. Completed.")
    ] = None,
    batch: Annotated[
        list[str] | None, typer.Option("--batch", help="Only tasks in this batch (repeatable).")
    ] = None,
    stage: Annotated[
        list[str] | None, typer.Option("--stage", help="Only tasks in this stage (repeatable).")
    ] = None,
    summary_only: Annotated[
        bool, typer.Option("--summary", help="Print only a summary, not the tasks.")
    ] = False,
    json_flag: JsonFlag = False,
) -> None:
    """Export a project's tasks (labels, status, batches, attachments)."""
    as_json = wants_json(ctx, json_flag)
    summary = ExportSummary()
    show_progress = progress_wanted(as_json) if out or summary_only else sys.stderr.isatty()
    with open_hub(ctx) as hub, progress_bar("Exporting", None, show_progress) as advance:
        # NDJSON on the wire whatever the output format: the library streams it task by task.
        filters: ExportOptions = {"format": "ndjson"}
        if status is not None:
            filters["status"] = status
        if batch:
            filters["batches"] = batch
        if stage:
            filters["stage"] = stage
        tasks = hub.exports.iter_tasks(project, **filters)

        def counted() -> Iterable[dict[str, Any]]:
            for task in tasks:
                summary.add(task)
                advance()
                yield task

        if out is not None:
            _write_atomically(out, counted(), fmt)
        elif summary_only:
            for _ in counted():
                pass
        else:
            _write_tasks(sys.stdout, counted(), fmt)
            return
    data = {"project": project, "format": fmt, "out": str(out) if out else None}
    data.update(summary.to_dict())
    if as_json:
        print_json(data)
    else:
        if out is not None:
            typer.echo(f"Exported {summary.tasks} tasks to {out} ({fmt}).")
        for line in summary.lines():
            typer.echo(line)


def _write_tasks(stream: IO[str], tasks: Iterable[dict[str, Any]], fmt: str) -> None:
    if fmt == "ndjson":
        for task in tasks:
            stream.write(json.dumps(task, ensure_ascii=False) + "\n")
        return
    stream.write("[")
    for index, task in enumerate(tasks):
        stream.write(("," if index else "") + "\n" + json.dumps(task, ensure_ascii=False))
    stream.write("\n]\n")


def _write_atomically(target: Path, tasks: Iterable[dict[str, Any]], fmt: str) -> None:
    """A failed export leaves no half-written file behind (nor replaces a previous one)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            _write_tasks(stream, tasks, fmt)
        Path(temp_name).replace(target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
