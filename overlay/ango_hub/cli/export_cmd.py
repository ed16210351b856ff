"""``ango-hub export``: stream a project's tasks to a file or stdout, with a summary."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Iterable
from contextlib import nullcontext
from enum import StrEnum
from pathlib import Path
from typing import IO, TYPE_CHECKING, Annotated, Any

import typer

from ango_hub._progress import progress_bar

from ._client import open_hub
from ._context import JsonFlag, wants_json
from ._errors import fail_usage
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
    with (
        _Output(out) if out is not None else nullcontext() as output,
        open_hub(ctx) as hub,
        progress_bar("Exporting", None, show_progress) as advance,
    ):
        # NDJSON on the wire whatever the output format: the library streams it task by task.
        filters: ExportOptions = {"format": "ndjson"}
        if status is not None:
            filters["status"] = status
        if batch:
            filters["batches"] = batch
        if stage:
            filters["stage"] = stage
        tasks = hub.exports.iter_tasks(project, raw=True, **filters)

        def counted() -> Iterable[dict[str, Any]]:
            for task in tasks:
                summary.add(task)
                advance()
                yield task

        if output is not None:
            _write_tasks(output.stream, counted(), fmt)
            output.commit()
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


class _Output:
    """The temporary file beside ``--out`` the tasks go to, opened before any request (exit 2
    naming ``--out`` when it cannot be written there); renamed over the target when complete,
    removed otherwise, so a failed export leaves no half-written file (nor replaces one)."""

    def __init__(self, target: Path) -> None:
        accepted = "a file path in a folder you can write to"
        if target.is_dir():
            fail_usage("--out", f"{target} is a directory", accepted)
        existing = next(parent for parent in target.parents if parent.exists())
        if not existing.is_dir():
            fail_usage("--out", f"{existing} is a file, not a folder", accepted)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, name = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
        except OSError as exc:
            fail_usage("--out", f"cannot write {target}: {exc.strerror or exc}", accepted)
        self.target, self.temp = target, Path(name)
        self.stream = os.fdopen(handle, "w", encoding="utf-8")

    def commit(self) -> None:
        self.stream.close()
        self.temp.replace(self.target)

    def __enter__(self) -> _Output:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stream.close()
        self.temp.unlink(missing_ok=True)
