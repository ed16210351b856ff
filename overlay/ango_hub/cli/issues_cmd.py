"""``ango-hub issues list|create|resolve|comment``."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from ._client import open_hub
from ._context import JsonFlag, wants_json
from ._lazy import command_app
from ._output import print_data, print_json, print_table

issues_app = command_app(
    no_args_is_help=True, help="List, open, resolve and comment on issues raised on tasks."
)
commands = command_app()
commands.add_typer(issues_app, name="issues")

IssueId = Annotated[str, typer.Argument(help="Issue ID.", show_default=False)]
Mentions = Annotated[
    list[str] | None, typer.Option("--mention", help="Email of a user to mention (repeatable).")
]


def _shown(issue: Any) -> dict[str, Any]:
    """The issue as the API sent it (the library returns generated models)."""
    data: dict[str, Any] = issue.to_dict()
    return data


def _print_issue(ctx: typer.Context, json_flag: bool, issue: Any, done: str) -> None:
    data = _shown(issue)
    if wants_json(ctx, json_flag):
        print_json(data)
        return
    typer.echo(f"{done} issue {data['_id']}.")
    keys = ("status", "content", "project", "labelTask", "createdBy", "resolvedBy")
    print_data({k: data[k] for k in keys if k in data}, as_json=False)


@issues_app.command(
    "list",
    epilog="""\
Examples:

\b
  ango-hub issues list --project 507f1f77bcf86cd799439011 --status Open
  ango-hub --json issues list --project PROJECT --task TASK_ID --all

Filters combine: an issue is listed when it matches all of them.
""",
)
def list_issues(  # noqa: PLR0917
    ctx: typer.Context,
    project: Annotated[str | None, typer.Option(help="Only this project's issues.")] = None,
    status: Annotated[
        str | None, typer.Option(help="Only issues with this status: Open, Resolved, Closed.")
    ] = None,
    task: Annotated[str | None, typer.Option(help="Only issues on this label task.")] = None,
    asset: Annotated[str | None, typer.Option(help="Only issues on this asset.")] = None,
    stage: Annotated[
        str | None, typer.Option(help="Only issues whose task is in this stage.")
    ] = None,
    created_by: Annotated[
        str | None, typer.Option("--created-by", help="Only issues opened by this email.")
    ] = None,
    page: Annotated[int, typer.Option(help="Page number (1-based).")] = 1,
    limit: Annotated[int, typer.Option(help="Issues per page (1-100).")] = 10,
    all_pages: Annotated[bool, typer.Option("--all", help="Every matching issue.")] = False,
    json_flag: JsonFlag = False,
) -> None:
    """List issues, newest first: one page, or --all pages."""
    query: dict[str, Any] = {"project": project, "status": status, "task": task}
    query |= {"asset": asset, "stage": stage, "created_by": created_by}
    with open_hub(ctx) as hub:
        if all_pages:
            issues = [_shown(i) for i in hub.issues.list(page_size=limit, **query)]
        else:
            issues = [_shown(i) for i in hub.issues.list_page(page=page, limit=limit, **query)]
    if wants_json(ctx, json_flag):
        print_json({"count": len(issues), "issues": issues})
        return
    rows = [
        [i.get("_id"), i.get("status"), i.get("project"), i.get("labelTask"), i.get("content")]
        for i in issues
    ]
    shown = "all pages" if all_pages else f"page {page}"
    print_table(
        f"{len(issues)} issues ({shown})", ["id", "status", "project", "task", "content"], rows
    )


@issues_app.command(
    "create",
    epilog="""\
Example:

\b
  ango-hub issues create 65a1f0c2e4b0a1b2c3d4e5f8 "The box misses the wheel" --position "[10, 20]"
""",
)
def create(  # noqa: PLR0917
    ctx: typer.Context,
    task: Annotated[str, typer.Argument(help="Label task ID.", show_default=False)],
    content: Annotated[str, typer.Argument(help="The issue's text.", show_default=False)],
    position: Annotated[
        str | None,
        typer.Option(help='Where: "[x, y]" (image, video), a number (text), "[start, end]".'),
    ] = None,
    object_id: Annotated[
        str | None, typer.Option("--object-id", help="The annotation it is about.")
    ] = None,
    mention: Mentions = None,
    json_flag: JsonFlag = False,
) -> None:
    """Open an issue on a task."""
    with open_hub(ctx) as hub:
        issue = hub.issues.create(
            task, content, position=position, object_id=object_id, mentions=mention
        )
    _print_issue(ctx, json_flag, issue, "Opened")


@issues_app.command(
    "resolve",
    epilog="""\
Examples:

\b
  ango-hub issues resolve 65b2a0c2e4b0a1b2c3d4e5f7
  ango-hub issues resolve 65b2a0c2e4b0a1b2c3d4e5f7 --close
""",
)
def resolve(
    ctx: typer.Context,
    issue_id: IssueId,
    close: Annotated[bool, typer.Option("--close", help="Mark it Closed, not Resolved.")] = False,
    json_flag: JsonFlag = False,
) -> None:
    """Mark an issue Resolved (or Closed)."""
    with open_hub(ctx) as hub:
        issue = hub.issues.update(issue_id, status="Closed" if close else "Resolved")
    _print_issue(ctx, json_flag, issue, "Closed" if close else "Resolved")


@issues_app.command(
    "comment",
    epilog="""\
Example:

\b
  ango-hub issues comment 65b2a0c2e4b0a1b2c3d4e5f7 "Fixed in round 2" --mention lead@example.com
""",
)
def comment(
    ctx: typer.Context,
    issue_id: IssueId,
    content: Annotated[str, typer.Argument(help="The comment.", show_default=False)],
    mention: Mentions = None,
    json_flag: JsonFlag = False,
) -> None:
    """Add a comment to an issue."""
    with open_hub(ctx) as hub:
        issue = hub.issues.comment(issue_id, content, mentions=mention)
    _print_issue(ctx, json_flag, issue, "Commented on")
