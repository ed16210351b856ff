"""``ango-hub projects list|create|get|clone|delete|purge``."""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer

from ._client import open_hub
from ._context import JsonFlag, wants_json
from ._errors import fail_usage
from ._lazy import command_app
from ._output import print_data, print_json, print_table

projects_app = command_app(
    no_args_is_help=True, help="Create, list, get, clone, purge and delete projects."
)
commands = command_app()
commands.add_typer(projects_app, name="projects")


def _example(line: str) -> str:
    return f"Example:\n\n\b\n  {line}\n"


ProjectId = Annotated[str, typer.Argument(help="Project ID.", show_default=False)]
Yes = Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")]


def _show(project: Any, as_json: bool) -> None:
    data: dict[str, Any] = project.to_dict()
    if as_json:
        print_json(data)
        return
    stages = " -> ".join(str(s.get("id")) for s in data.get("stages", []))
    batches = ", ".join(str(b.get("name")) for b in data.get("batches", []))
    print_data(
        {"id": data["_id"], "name": data.get("name"), "stages": stages, "batches": batches}, False
    )


def confirm(action: str, project_id: str, yes: bool) -> None:
    """Ask before a destructive call; without a terminal, only ``--yes`` allows it."""
    if yes:
        return
    if not sys.stdin.isatty():
        fail_usage("--yes", f"needed to {action} project {project_id} without a terminal")
    if not typer.confirm(f"{action.capitalize()} project {project_id}?", default=False):
        fail_usage("confirmation", f"{action} cancelled")


@projects_app.command("list", epilog=_example("ango-hub --json projects list"))
def list_projects(ctx: typer.Context, json_flag: JsonFlag = False) -> None:
    """List every project of the key's organisation."""
    as_json = wants_json(ctx, json_flag)
    with open_hub(ctx) as hub:
        projects = [p.to_dict() for p in hub.projects.list()]
    if as_json:
        print_json({"total": len(projects), "projects": projects})
        return
    rows = [[p.get("_id"), p.get("name"), p.get("createdAt")] for p in projects]
    print_table(f"{len(projects)} projects", ["id", "name", "createdAt"], rows)


@projects_app.command(
    "create",
    epilog=_example(
        'ango-hub projects create "Street scenes" --description "Vehicles" --type ango'
    ),
)
def create_project(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Project name.", show_default=False)],
    description: Annotated[str | None, typer.Option(help="Description.")] = None,
    project_type: Annotated[
        str | None, typer.Option("--type", help="ango, pct or iframe (checked by the spec).")
    ] = None,
    json_flag: JsonFlag = False,
) -> None:
    """Create a project (default workflow Start -> Label -> Complete)."""
    with open_hub(ctx) as hub:
        project = hub.projects.create(name, description=description, type=project_type)
    _show(project, wants_json(ctx, json_flag))


@projects_app.command(
    "get", epilog=_example("ango-hub --json projects get 507f1f77bcf86cd799439011")
)
def get_project(ctx: typer.Context, project_id: ProjectId, json_flag: JsonFlag = False) -> None:
    """Show a project: workflow stages, batches, label set (with --json)."""
    with open_hub(ctx) as hub:
        project = hub.projects.get(project_id)
    _show(project, wants_json(ctx, json_flag))


@projects_app.command(
    "clone", epilog=_example("ango-hub projects clone 507f1f77bcf86cd799439011 --no-batches")
)
def clone_project(  # noqa: PLR0917
    ctx: typer.Context,
    project_id: ProjectId,
    label_set: Annotated[bool, typer.Option(help="Copy the label set.")] = True,
    batches: Annotated[bool, typer.Option(help="Copy the batches.")] = True,
    workflow: Annotated[bool, typer.Option(help="Copy the workflow.")] = True,
    members: Annotated[bool, typer.Option(help="Copy the members.")] = True,
    json_flag: JsonFlag = False,
) -> None:
    """Clone a project's settings into '<name> copy' (never its assets)."""
    with open_hub(ctx) as hub:
        project = hub.projects.clone(
            project_id,
            category_schema=label_set,
            batches=batches,
            workflow=workflow,
            assigned_to=members,
        )
    _show(project, wants_json(ctx, json_flag))


@projects_app.command(
    "delete", epilog=_example("ango-hub projects delete 507f1f77bcf86cd799439011 --yes")
)
def delete_project(
    ctx: typer.Context, project_id: ProjectId, yes: Yes = False, json_flag: JsonFlag = False
) -> None:
    """Delete a project with everything in it (asks first; --yes skips it)."""
    confirm("delete", project_id, yes)
    with open_hub(ctx) as hub:
        hub.projects.delete(project_id)
    print_data({"deleted": project_id}, wants_json(ctx, json_flag))


@projects_app.command(
    "purge", epilog=_example("ango-hub projects purge 507f1f77bcf86cd799439011 --yes")
)
def purge_project(
    ctx: typer.Context, project_id: ProjectId, yes: Yes = False, json_flag: JsonFlag = False
) -> None:
    """Delete a project's assets, tasks and files (asks first; --yes skips it)."""
    confirm("purge", project_id, yes)
    with open_hub(ctx) as hub:
        name = hub.projects.get(project_id).name
        hub.projects.purge(project_id, confirm_name=str(name))
    print_data({"purged": project_id}, wants_json(ctx, json_flag))
