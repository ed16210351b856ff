"""``ango-hub upload`` (local files) and ``ango-hub import-cloud`` (assets already in storage)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ango_hub.errors import BulkJobStoppedError, UploadInterrupted
from ango_hub.upload import ExternalIdRule, UploadReport, plan

from ._client import open_hub
from ._context import JsonFlag, wants_json
from ._errors import (
    EXIT_API,
    EXIT_OK,
    EXIT_PARTIAL,
    EXIT_UNKNOWN,
    exit_with,
    fail_usage,
    print_error,
)
from ._inputs import checked_as, load_items
from ._lazy import command_app
from ._output import print_json, print_table, progress_wanted

UPLOAD_EPILOG = """\
Examples:

\b
  ango-hub upload 507f1f77bcf86cd799439011 images/ --batch "Batch 1"
  ango-hub upload 507f1f77bcf86cd799439011 images/ --batch "New batch" --create-batches
  ango-hub --json upload 507f1f77bcf86cd799439011 a.png b.png --external-id-from path

Exit code 1 if some files failed (each is listed); 4 if none failed but the import of some
may still land (listed as unknown: run the same upload again later, files already in the
project are skipped); 3 if the API or the credentials failed before any file was sent, or the
first 3 files failed with the same 401/403/404 (the rest not attempted); 130 after Ctrl-C or
SIGTERM: the transfers in flight finish, no new file starts, nothing more is imported, and
the summary says what to rerun (the report is printed in every case).
"""

IMPORT_EPILOG = """\
Examples:

\b
  ango-hub import-cloud 507f1f77bcf86cd799439011 assets.json
  echo '[{"data": "https://bucket/a.jpg", "externalId": "a"}]' | ango-hub import-cloud PROJECT -

FILE holds a JSON array of assets, {"assets": [...]}, or NDJSON; each asset needs "data"
(its URL) and may have "externalId", "metadata", "contextData", "batches".
"""

commands = command_app()
# Ctrl-C or SIGTERM during an upload, after its summary (128 + SIGINT, as shells report it).
EXIT_INTERRUPTED = 130


Project = Annotated[str, typer.Argument(help="Project ID.", show_default=False)]
Batch = Annotated[
    list[str] | None,
    typer.Option(
        "--batch",
        help="Name or ID of a batch of the project to put every asset in (repeatable). A batch"
        " the project lacks is refused before anything is sent, unless --create-batches.",
    ),
]
CreateBatches = Annotated[
    bool, typer.Option("--create-batches", help="Create the --batch names the project lacks.")
]


@commands.command("upload", epilog=UPLOAD_EPILOG)
def upload(  # noqa: PLR0917  (typer maps parameters to arguments and options)
    ctx: typer.Context,
    project: Project,
    paths: Annotated[
        list[Path],
        typer.Argument(
            exists=True, metavar="PATH...", help="Files or folders (recursive).", show_default=False
        ),
    ],
    batch: Batch = None,
    concurrency: Annotated[
        int, typer.Option(min=1, max=64, help="Requests in flight per service (API, storage).")
    ] = 8,
    external_id_from: Annotated[
        ExternalIdRule,
        typer.Option(
            "--external-id-from",
            help="External ID from the file 'name' or its 'path' relative to the folder given.",
        ),
    ] = "name",
    settle_seconds: Annotated[
        float,
        typer.Option(
            min=0,
            max=3600,
            help="After an import that may still be running (timeout, lost connection, 502/504):"
            " how long the project must stay unchanged before the files not in it are"
            " reported unknown. Such an import is never sent again.",
        ),
    ] = 30.0,
    create_batches: CreateBatches = False,
    json_flag: JsonFlag = False,
) -> None:
    """Upload local files to a project: each becomes an asset with a task."""
    as_json = wants_json(ctx, json_flag)
    if not plan(paths, external_id_from):  # the library's own expansion of the folders
        fail_usage("PATH", "no files found", "files, or folders holding files")
    with open_hub(ctx) as hub:
        try:
            report = hub.assets.upload(
                project,
                paths,
                batches=batch or None,
                concurrency=concurrency,
                progress=progress_wanted(as_json),  # the library draws it on stderr
                external_id=external_id_from,
                settle_seconds=settle_seconds,
                create_missing_batches=create_batches,
            )
        except UploadInterrupted as stop:  # Ctrl-C or SIGTERM: what was done, then 130
            _show(stop.report, project, as_json)
            typer.echo(f"ango-hub: {stop.report.interrupted_summary()}", err=True)
            exit_with(EXIT_INTERRUPTED)
        except BulkJobStoppedError as stop:  # every file would fail alike: the cause, once
            _show(stop.report, project, as_json)
            print_error(str(stop))
            exit_with(EXIT_API)
    _show(report, project, as_json)
    if report.failed and all(item.stage == "check" for item in report.failed):
        exit_with(EXIT_API)  # the first request (the check of the project) failed
    if report.failed:
        exit_with(EXIT_PARTIAL)
    exit_with(EXIT_UNKNOWN if report.unknown else EXIT_OK)


def _show(report: UploadReport, project: str, as_json: bool) -> None:
    """The report: JSON (counts and every file), or a line and the files that did not make it."""
    items = [item.to_dict() for item in report.items]
    summary = {
        "project": project,
        "files": len(items),
        "uploaded": len(report.created),
        "skipped": len(report.skipped),
        "failed": len(report.failed),
        "unknown": len(report.unknown),
        "notAttempted": len(report.not_attempted),
        "items": items,
    }
    if as_json:
        print_json(summary)
        return
    typer.echo(
        f"Uploaded {summary['uploaded']} of {len(items)} files to project {project}"
        + (f" ({summary['skipped']} already there, skipped)." if report.skipped else ".")
    )
    for title, rows in (("Failed", report.failed), ("Outcome unknown", report.unknown)):
        if rows:
            print_table(
                title,
                ["file", "stage", "error"],
                [[item.path, item.stage, item.error] for item in rows],
            )
    if report.not_attempted:
        typer.echo(f"Not attempted: {len(report.not_attempted)} files.")


@commands.command("import-cloud", epilog=IMPORT_EPILOG)
def import_cloud(  # noqa: PLR0917  (typer maps parameters to arguments and options)
    ctx: typer.Context,
    project: Project,
    file: Annotated[
        str, typer.Argument(metavar="FILE.json|-", help="Assets as JSON (- reads stdin).")
    ],
    batch: Batch = None,
    create_batches: CreateBatches = False,
    json_flag: JsonFlag = False,
) -> None:
    """Create assets from files already in cloud storage (their URLs)."""
    as_json = wants_json(ctx, json_flag)
    assets = load_items(file, "assets", "FILE")
    with open_hub(ctx) as hub, checked_as("FILE"):
        result = hub.assets.import_from_cloud(
            project, assets, batches=batch or None, create_missing_batches=create_batches
        )
    summary = result.to_dict()
    data = {"project": project, "assets": len(assets), "result": summary}
    if as_json:
        print_json(data)
    else:
        created = summary.get("assetsCreated", len(assets))
        typer.echo(f"Imported {created} of {len(assets)} assets into project {project}.")
