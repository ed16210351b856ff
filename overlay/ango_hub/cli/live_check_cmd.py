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

  ango-hub live-check --plan            (every request, in order; sends nothing)

  ANGO_API_KEY=... ango-hub live-check --cleanup ango-hub-live-check-<run id>.ledger.json

What it reads, writes, deletes and leaves behind:

--read-only reads only: listings, gets and exports of the --project project and of the
organisation, and requests the server must refuse (nothing in them can change anything).
It writes and deletes nothing.

Write mode never changes the --project project: it only reads it. It creates a project of
its own (ango-hub-live-check-<run id>-project) and does every write there: assets, a task
taken through review, batches, labels, attachments, instructions, label validation, an
asset builder template, a member assigned again, a webhook rerun naming no stage, a clone
(deleted again). In the organisation it creates, under the run's tag, an issue, a storage
(placeholder credentials), an LLM configuration, an invitation to
<tag>@example.invalid, a notification to that address, a plugin log line and a plugin
response. Each is written in the ledger before it is sent; a request aimed at anything
else is refused before it is sent and reported as a defect. At the end (also after
Ctrl-C or SIGTERM) it deletes its project, issue, storage, LLM configuration and
invitation. It leaves behind the plugin log line and response (no operation deletes
them), and whatever cleanup could not delete: the report lists each by kind, name and ID
with the manual step. A second Ctrl-C stops cleanup; --cleanup LEDGER resumes it.

Exit code 0: the server agrees with the spec and nothing deletable was left; 1: differences,
something left behind, or a request the guard refused; 2: refused to run (missing key,
project or --yes).
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
            help="Project to read (write mode never changes it; it writes in its own project).",
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
    plan: Annotated[
        bool,
        typer.Option(
            "--plan", help="Print every request the run would send, in order; send nothing."
        ),
    ] = False,
    ledger: Annotated[
        Path | None,
        typer.Option(
            "--ledger",
            help="Where write mode keeps its ledger as it goes (default: "
            "ango-hub-live-check-<run id>.ledger.json here).",
        ),
    ] = None,
    cleanup: Annotated[
        Path | None,
        typer.Option(
            "--cleanup",
            help="Resume cleanup from a ledger a crashed or killed run left; run nothing else.",
        ),
    ] = None,
    json_flag: JsonFlag = False,
) -> None:
    """Call every operation in the spec on a real server and report where they disagree.

    Write mode only reads --project: it writes in a project it creates and deletes it.
    """
    from ango_hub._config import resolve  # noqa: PLC0415  (keeps `ango-hub --help` fast)
    from ango_hub.live_check import LiveCheckOptions, Mode, run_live_check  # noqa: PLC0415
    from ango_hub.live_check.guard import check_allowed, default_rate  # noqa: PLC0415
    from ango_hub.live_check.runner import DEFAULT_DISCREPANCIES, new_run_id  # noqa: PLC0415

    mode = Mode.READ if read_only else Mode.WRITE
    if plan:
        from ango_hub.live_check.dry_run import plan_text  # noqa: PLC0415

        typer.echo(plan_text(mode))
        exit_with(EXIT_OK)
    opts = invocation(ctx)
    if not opts.api_key:
        fail_usage("--api-key", "missing", "--api-key KEY or the ANGO_API_KEY environment variable")
    if cleanup is not None:
        _resume(ctx, opts.api_key, cleanup, rate, max_retries, json_flag)
        return
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
    chosen_id = run_id or new_run_id()
    report = run_live_check(
        LiveCheckOptions(
            api_key=opts.api_key,
            base_url=base_url,
            project=chosen,
            mode=mode,
            spec_path=spec,
            discrepancies=discrepancies or DEFAULT_DISCREPANCIES,
            rate_per_minute=default_rate(base_url) if rate is None else (rate or None),
            run_id=chosen_id,
            max_retries=max_retries,
            ledger_path=None if mode is Mode.READ else ledger or default_ledger(chosen_id),
        )
    )
    typer.echo(report.to_json() if wants_json(ctx, json_flag) else report.to_text())
    exit_with(EXIT_OK if report.ok else EXIT_PARTIAL)


def default_ledger(run_id: str) -> Path:
    return Path(f"ango-hub-live-check-{run_id}.ledger.json")


def _resume(  # noqa: PLR0917
    ctx: typer.Context,
    api_key: str,
    ledger: Path,
    rate: float | None,
    max_retries: int,
    json_flag: bool,
) -> None:
    from ango_hub.live_check.guard import default_rate  # noqa: PLC0415
    from ango_hub.live_check.ledger import Ledger  # noqa: PLC0415
    from ango_hub.live_check.runner import resume_cleanup  # noqa: PLC0415

    if not ledger.is_file():
        fail_usage("--cleanup", f"{ledger} is not a file")
    try:
        base_url = Ledger.load(ledger).base_url
    except (ValueError, KeyError, TypeError) as exc:
        fail_usage("--cleanup", f"{ledger} is not a live-check ledger ({type(exc).__name__})")
    report = resume_cleanup(
        api_key=api_key,
        ledger_path=ledger,
        rate_per_minute=default_rate(base_url) if rate is None else (rate or None),
        max_retries=max_retries,
    )
    typer.echo(report.to_json() if wants_json(ctx, json_flag) else report.to_text())
    exit_with(EXIT_OK if report.ok else EXIT_PARTIAL)


commands = command_app()
commands.command("live-check", epilog=EPILOG)(live_check)
