"""``ango-hub batches list|create``."""

from __future__ import annotations

from typing import Annotated

import typer

from ._client import open_hub
from ._context import JsonFlag, wants_json
from ._lazy import command_app
from ._output import print_json, print_table

batches_app = command_app(no_args_is_help=True, help="List and create a project's batches.")
commands = command_app()
commands.add_typer(batches_app, name="batches")


def _example(line: str) -> str:
    return f"Example:\n\n\b\n  {line}\n"


ProjectId = Annotated[str, typer.Argument(help="Project ID.", show_default=False)]


def _print(batches: list[dict[str, object]], as_json: bool) -> None:
    if as_json:
        print_json({"batches": batches})
        return
    rows = [[b.get("_id"), b.get("name")] for b in batches]
    print_table(f"{len(batches)} batches", ["id", "name"], rows)


@batches_app.command("list", epilog=_example("ango-hub batches list 507f1f77bcf86cd799439011"))
def list_batches(ctx: typer.Context, project_id: ProjectId, json_flag: JsonFlag = False) -> None:
    """List a project's batches."""
    with open_hub(ctx) as hub:
        batches = [b.to_dict() for b in hub.batches.list(project_id)]
    _print(batches, wants_json(ctx, json_flag))


@batches_app.command(
    "create",
    epilog=_example('ango-hub batches create 507f1f77bcf86cd799439011 "Batch 1" "Batch 2"'),
)
def create_batches(
    ctx: typer.Context,
    project_id: ProjectId,
    names: Annotated[list[str], typer.Argument(help="Batch names.", show_default=False)],
    json_flag: JsonFlag = False,
) -> None:
    """Create batches by name (those already there are kept); prints all of them."""
    with open_hub(ctx) as hub:
        batches = [b.to_dict() for b in hub.batches.create(project_id, names)]
    _print(batches, wants_json(ctx, json_flag))
