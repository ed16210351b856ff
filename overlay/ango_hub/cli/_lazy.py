"""The root group loads a command's module only when that command runs or prints its help.

``ango-hub --help`` then imports typer and nothing else: not the library, httpx, rich or the
generated models, which cost several times what the help itself does. The one-line summaries
below are what ``--help`` lists; a test checks each against the command's own docstring.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any

import typer.main

from ._context import GLOBAL_OPTIONS_EPILOG, adopt_json_flag, global_options
from ._errors import OneLineErrorsGroup


@dataclass(frozen=True)
class LazyCommand:
    """Where a top-level command lives, and its one-line summary for the root's ``--help``."""

    module: str
    summary: str


COMMANDS: dict[str, LazyCommand] = {
    "upload": LazyCommand(
        "upload_cmd", "Upload local files to a project: each becomes an asset with a task."
    ),
    "import-cloud": LazyCommand(
        "upload_cmd", "Create assets from files already in cloud storage (their URLs)."
    ),
    "assets": LazyCommand("assets_cmd", "List, update, delete assets; assign them to batches."),
    "labels": LazyCommand("imports_cmd", "Import labels (pre-labels or finished annotations)."),
    "attachments": LazyCommand("imports_cmd", "Import attachments (PDFs, documents) onto assets."),
    "export": LazyCommand(
        "export_cmd", "Export a project's tasks (labels, status, batches, attachments)."
    ),
    "tasks": LazyCommand(
        "tasks_cmd",
        "List, assign, annotate, review and requeue label tasks; read their history.",
    ),
    "issues": LazyCommand(
        "issues_cmd", "List, open, resolve and comment on issues raised on tasks."
    ),
    "storages": LazyCommand(
        "storages_cmd", "List, connect and disconnect cloud storage integrations."
    ),
    "members": LazyCommand(
        "members_cmd", "List the organisation's members, invite people, remove members."
    ),
    "projects": LazyCommand("projects_cmd", "Create, list, get, clone, purge and delete projects."),
    "batches": LazyCommand("batches_cmd", "List and create a project's batches."),
    "api": LazyCommand("api_cmd", "Call any operation of the API by its operationId."),
    "live-check": LazyCommand(
        "live_check_cmd",
        "Call every operation in the spec on a real server and report where they disagree.",
    ),
    "mock": LazyCommand("mock_cmd", "Serve a mock Ango Hub API v2 (state in memory) until Ctrl-C."),
    "plugin": LazyCommand("plugin_cmd", "Run Ango Hub plugins (model, export, input, ...)."),
}


def load(name: str) -> Any:
    """The click command ``name``, built from the ``commands`` app of its module (typed ``Any``:
    click's classes are private to typer, which vendors it)."""
    module = importlib.import_module(f"{__package__}.{COMMANDS[name].module}")
    app: typer.Typer = module.commands
    command = typer.main.get_group(app).commands.get(name)
    if command is None:
        raise LookupError(f"{module.__name__}.commands has no command {name!r}")
    return command


def with_global_options(command: Any) -> Any:
    """``command`` and every command below it, taking the global options after their names
    too (hidden copies; an option of the command's own with the same spelling wins)."""
    if getattr(command, "_ango_hub_global_options", False):
        return command
    command._ango_hub_global_options = True
    taken = {opt for param in command.params for opt in (*param.opts, *param.secondary_opts)}
    for param in command.params:
        adopt_json_flag(param)
    command.params.extend(global_options(root=False, taken=taken))
    command.epilog = "\n\n".join(filter(None, [command.epilog, GLOBAL_OPTIONS_EPILOG]))
    for sub in getattr(command, "commands", {}).values():
        with_global_options(sub)
    return command


class LazyGroup(OneLineErrorsGroup):
    """The ``ango-hub`` group: commands are imported on first use (see the module docstring)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.params.extend(global_options(root=True))  # _context.GLOBAL_OPTIONS

    def list_commands(self, ctx: Any) -> list[str]:
        """Every command, in the order of :data:`COMMANDS`."""
        return [*super().list_commands(ctx), *COMMANDS]

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        """The command, importing its module the first time it is asked for."""
        if cmd_name in COMMANDS and cmd_name not in self.commands:
            self.commands[cmd_name] = with_global_options(load(cmd_name))
        return super().get_command(ctx, cmd_name)

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        """The command list from the summaries, without importing any command's module."""
        with formatter.section("Commands"):
            formatter.write_dl([(name, entry.summary) for name, entry in COMMANDS.items()])


def command_app(**options: object) -> typer.Typer:
    """A typer app for a command module, with click's plain help like the root's."""
    return typer.Typer(rich_markup_mode=None, **options)  # type: ignore[arg-type]
