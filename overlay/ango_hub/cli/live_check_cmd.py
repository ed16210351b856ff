"""``ango-hub live-check``: check openapi.yaml against the real service (needs a key)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ._context import JsonFlag, invocation, wants_json
from ._errors import EXIT_OK, EXIT_PARTIAL, exit_with, fail_usage
from ._lazy import command_app

EPILOG = """\
Examples:

  ANGO_REGION=test ANGO_API_KEY=... ANGO_LIVE_PROJECT=<project id> ango-hub live-check

  ANGO_API_KEY=... ango-hub live-check --read-only --project <id> --yes --json

Write mode creates assets tagged ango-hub-live-check-<run id>, labels, attachments and batches in
the project, and deletes the assets at the end. Exit code 0: the server agrees with the spec;
1: differences (or something left behind); 2: refused to run (missing key, project or --yes).
"""


def live_check(  # noqa: PLR0917  (typer maps parameters to options)
    ctx: typer.Context,
    read_only: Annotated[
        bool, typer.Option("--read-only", help="Only listings, gets and exports; writes nothing.")
    ] = False,
    project: Annotated[
        str | None,
        typer.Option(
            "--project",
            envvar="ANGO_LIVE_PROJECT",
            help="Project to check in (write mode creates and deletes data there).",
        ),
    ] = None,
    yes: Annotated[
        bool, typer.Option("--yes", help="Allow a server other than testapi.ango.ai.")
    ] = False,
    spec: Annotated[
        Path | None,
        typer.Option("--spec", help="OpenAPI file to check against (default: the packaged one)."),
    ] = None,
    discrepancies: Annotated[
        Path | None,
        typer.Option(
            "--discrepancies",
            help="Known differences to mark (default: the copy shipped with the package).",
        ),
    ] = None,
    rate: Annotated[
        float | None,
        typer.Option(
            "--rate",
            help="Requests per minute (default 90 for remote servers, unpaced on loopback; "
            "0: unpaced).",
        ),
    ] = None,
    run_id: Annotated[
        str | None, typer.Option("--run-id", help="Run ID to tag created data with.")
    ] = None,
    max_retries: Annotated[
        int, typer.Option("--max-retries", help="Retries per call (429s wait out Retry-After).")
    ] = 4,
    json_flag: JsonFlag = False,
) -> None:
    """Call every operation in the spec on a real server and report where they disagree."""
    from ango_hub._config import resolve  # noqa: PLC0415  (keeps `ango-hub --help` fast)
    from ango_hub.live_check import LiveCheckOptions, Mode, run_live_check  # noqa: PLC0415
    from ango_hub.live_check.guard import check_allowed, default_rate  # noqa: PLC0415
    from ango_hub.live_check.runner import DEFAULT_DISCREPANCIES  # noqa: PLC0415

    opts = invocation(ctx)
    if not opts.api_key:
        fail_usage("--api-key", "missing", "--api-key KEY or the ANGO_API_KEY environment variable")
    mode = Mode.READ if read_only else Mode.WRITE
    # A ConfigurationError (bad region or URL, no project, no --yes) is exit 2 with its own
    # message, like any other command's (cli/_client.classify_exception).
    settings = resolve(
        api_key=opts.api_key,
        region=opts.region,
        base_url=opts.base_url,
        timeout=None,
        max_retries=max_retries,
    )
    base_url = settings.base_url
    chosen = check_allowed(base_url=base_url, project=project, mode=mode, yes=yes)
    if spec is not None and not spec.is_file():
        fail_usage("--spec", f"{spec} is not a file")
    report = run_live_check(
        LiveCheckOptions(
            api_key=opts.api_key,
            base_url=base_url,
            project=chosen,
            mode=mode,
            spec_path=spec,
            discrepancies=discrepancies or DEFAULT_DISCREPANCIES,
            rate_per_minute=default_rate(base_url) if rate is None else (rate or None),
            run_id=run_id or "",
            max_retries=max_retries,
        )
    )
    typer.echo(report.to_json() if wants_json(ctx, json_flag) else report.to_text())
    exit_with(EXIT_OK if report.ok else EXIT_PARTIAL)


commands = command_app()
commands.command("live-check", epilog=EPILOG)(live_check)
