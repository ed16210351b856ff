"""``ango-hub tasks list|get|history|assign|requeue|priority|annotate|review``."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from ._client import open_hub
from ._context import JsonFlag, wants_json
from ._inputs import parse_json_object, read_text
from ._lazy import command_app
from ._output import print_data, print_json, print_table, shown

tasks_app = command_app(
    no_args_is_help=True,
    help="List, assign, annotate, review and requeue label tasks; read their history.",
)
commands = command_app()
commands.add_typer(tasks_app, name="tasks")

ProjectId = Annotated[str, typer.Argument(help="Project ID.", show_default=False)]
TaskId = Annotated[str, typer.Argument(help="Task ID.", show_default=False)]
TaskIds = Annotated[list[str], typer.Argument(help="Task IDs.", show_default=False)]
ListColumns = ("_id", "externalId", "stage", "status", "assignee", "priority")


def _example(*lines: str) -> str:
    return "Example:\n\n\b\n" + "\n".join(f"  ango-hub tasks {line}" for line in lines) + "\n"


def _shown(model: Any) -> dict[str, Any]:
    data: dict[str, Any] = model.to_dict()
    return data


def _print_task(ctx: typer.Context, json_flag: bool, task: Any, done: str) -> None:
    data = _shown(task)
    if wants_json(ctx, json_flag):
        print_json(data)
        return
    typer.echo(f"{done} task {data['_id']}.")
    keys = ("stage", "status", "assignee", "reviewStatus", "priority", "answer")
    print_data({k: data[k] for k in keys if k in data}, as_json=False)


@tasks_app.command(
    "list",
    epilog="""\
Examples:

\b
  ango-hub tasks list PROJECT --stage Label --assignee labeler@example.com
  ango-hub --json tasks list PROJECT --filter '{"priority": {"$gte": 5}}' --sort -priority --all

Filters combine: a task is listed when it matches all of them.
""",
)
def list_tasks(  # noqa: PLR0917
    ctx: typer.Context,
    project: ProjectId,
    status: Annotated[str | None, typer.Option(help="TODO or Completed.")] = None,
    stage: Annotated[str | None, typer.Option(help="Only tasks in this stage ID.")] = None,
    assignee: Annotated[str | None, typer.Option(help="Only tasks of this email.")] = None,
    batch: Annotated[
        list[str] | None, typer.Option("--batch", help="In this batch, name or ID (repeatable).")
    ] = None,
    filter_json: Annotated[
        str | None,
        typer.Option(
            "--filter", help='A TaskFilter object, e.g. \'{"stage": {"$in": ["Label"]}}\'.'
        ),
    ] = None,
    sort: Annotated[str | None, typer.Option(help="Sort keys, e.g. -priority,createdAt.")] = None,
    answers: Annotated[bool, typer.Option("--answers", help="Include each task's answer.")] = False,
    page: Annotated[int, typer.Option(help="Page number (1-based).")] = 1,
    limit: Annotated[int, typer.Option(help="Tasks per page (1-1000).")] = 10,
    all_pages: Annotated[bool, typer.Option("--all", help="Every matching task.")] = False,
    json_flag: JsonFlag = False,
) -> None:
    """List a project's tasks: one page, or --all pages."""
    query: dict[str, Any] = {"status": status, "stage": stage, "assignee": assignee}
    query |= {"batches": batch, "sort": sort, "include_answer": answers}
    query["filter"] = parse_json_object(filter_json, "--filter") if filter_json else None
    with open_hub(ctx) as hub:
        if all_pages:
            tasks = [_shown(t) for t in hub.tasks.list(project, page_size=limit, **query)]
            total = len(tasks)
        else:
            listing = hub.tasks.list_page(project, page=page, limit=limit, **query)
            tasks, total = [_shown(t) for t in listing.tasks], listing.total
    if wants_json(ctx, json_flag):
        print_json({"count": len(tasks), "total": total, "tasks": tasks})
        return
    rows = [[t.get(column) for column in ListColumns] for t in tasks]
    shown = "all pages" if all_pages else f"page {page}"
    print_table(f"{len(tasks)} of {total} tasks ({shown})", list(ListColumns), rows)


@tasks_app.command("get", epilog=_example("get TASK_ID --answer"))
def get(
    ctx: typer.Context,
    task: TaskId,
    answer: Annotated[bool, typer.Option("--answer", help="Include the answer.")] = False,
    json_flag: JsonFlag = False,
) -> None:
    """Show one task."""
    with open_hub(ctx) as hub:
        found = hub.tasks.get(task, include_answer=answer)
    _print_task(ctx, json_flag, found, "Found")


@tasks_app.command("history", epilog=_example("history TASK_ID"))
def history(ctx: typer.Context, task: TaskId, json_flag: JsonFlag = False) -> None:
    """Show a task's history, oldest first."""
    with open_hub(ctx) as hub:
        entries = [_shown(e) for e in hub.tasks.history(task)]
    if wants_json(ctx, json_flag):
        print_json({"count": len(entries), "history": entries})
        return
    columns = ["createdAt", "action", "stage", "toStage", "user"]
    rows = [[e.get(c) for c in columns] for e in entries]
    print_table(f"{len(entries)} history entries of task {task}", columns, rows)


@tasks_app.command(
    "assign", epilog=_example("assign PROJECT labeler@example.com TASK_ID TASK_ID2 --stage Label")
)
def assign(  # noqa: PLR0917
    ctx: typer.Context,
    project: ProjectId,
    user: Annotated[str, typer.Argument(help="The member's email.", show_default=False)],
    tasks: TaskIds,
    stage: Annotated[str | None, typer.Option(help="The stage the tasks must be in.")] = None,
    json_flag: JsonFlag = False,
) -> None:
    """Assign tasks to a member of the organisation."""
    with open_hub(ctx) as hub:
        result = hub.tasks.assign(project, tasks, user, stage=stage)
    if wants_json(ctx, json_flag):
        print_json(_shown(result))
        return
    typer.echo(f"Assigned {shown(result.assigned)} of {len(tasks)} tasks to {user}.")


@tasks_app.command(
    "annotate",
    epilog="""\
Example:

\b
  ango-hub tasks annotate TASK_ID answer.json --submit
  echo '{"classifications": []}' | ango-hub tasks annotate TASK_ID -
""",
)
def annotate(
    ctx: typer.Context,
    task: TaskId,
    answer_file: Annotated[
        str, typer.Argument(help="The answer as a JSON object: a file, or - for stdin.")
    ],
    submit: Annotated[
        bool, typer.Option("--submit", help="Move the task on to the next stage.")
    ] = False,
    json_flag: JsonFlag = False,
) -> None:
    """Store a task's answer; --submit moves it on to the next stage."""
    answer = parse_json_object(read_text(answer_file, "ANSWER_FILE"), "ANSWER_FILE")
    with open_hub(ctx) as hub:
        done = hub.tasks.annotate(task, answer, submit=submit)
    _print_task(ctx, json_flag, done, "Submitted" if submit else "Saved")


@tasks_app.command("review", epilog=_example("review TASK_ID Rejected"))
def review(
    ctx: typer.Context,
    task: TaskId,
    decision: Annotated[
        str, typer.Argument(help="Accepted, Rejected, Todo or Fixed.", show_default=False)
    ],
    json_flag: JsonFlag = False,
) -> None:
    """Review a task in a Review stage: Accepted moves it on, Rejected sends it back."""
    with open_hub(ctx) as hub:
        done = hub.tasks.review(task, decision)  # type: ignore[arg-type]  # the spec checks it
    _print_task(ctx, json_flag, done, decision)


@tasks_app.command(
    "requeue", epilog=_example("requeue PROJECT Label --from-stage Review --remove-assignee")
)
def requeue(  # noqa: PLR0917
    ctx: typer.Context,
    project: ProjectId,
    to_stage: Annotated[str, typer.Argument(help="The stage ID to move them to.")],
    task: Annotated[list[str] | None, typer.Option("--task", help="Task ID (repeatable).")] = None,
    from_stage: Annotated[
        list[str] | None, typer.Option("--from-stage", help="Tasks in this stage (repeatable).")
    ] = None,
    remove_annotations: Annotated[bool, typer.Option("--remove-annotations")] = False,
    remove_assignee: Annotated[bool, typer.Option("--remove-assignee")] = False,
    json_flag: JsonFlag = False,
) -> None:
    """Move tasks (every filter must match; none: all the project's tasks) to a stage."""
    with open_hub(ctx) as hub:
        moved = hub.tasks.requeue(
            project,
            to_stage,
            task_ids=task,
            from_stages=from_stage,
            remove_annotations=remove_annotations,
            remove_assignee=remove_assignee,
        )
    if wants_json(ctx, json_flag):
        print_json({"modified": moved, "toStageId": to_stage})
        return
    typer.echo(f"Moved {moved} tasks to {to_stage}.")


@tasks_app.command("priority", epilog=_example("priority PROJECT 10 --task TASK_ID"))
def priority(
    ctx: typer.Context,
    project: ProjectId,
    value: Annotated[float, typer.Argument(help="Priority, -1000 to 1000.")],
    task: Annotated[list[str] | None, typer.Option("--task", help="Task ID (repeatable).")] = None,
    json_flag: JsonFlag = False,
) -> None:
    """Set the priority of tasks (--task, or all the project's tasks)."""
    with open_hub(ctx) as hub:
        result = hub.tasks.set_priority(project, value, task_ids=task)
    if wants_json(ctx, json_flag):
        print_json(_shown(result))
        return
    typer.echo(f"Priority {value:g}: {result.modified_count} of {result.matched_count} changed.")
