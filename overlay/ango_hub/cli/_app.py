"""The ``ango-hub`` typer app: the root group, its global options and its lazy commands."""

from __future__ import annotations

import typer

from ._context import root_callback
from ._lazy import LazyGroup

app = typer.Typer(
    name="ango-hub",
    help="Ango Hub client tools.",
    no_args_is_help=True,
    cls=LazyGroup,
    pretty_exceptions_enable=False,
    # click's plain help: rich's costs more to import than the whole help takes otherwise.
    rich_markup_mode=None,
    # -h as well as --help, on every command (contexts below inherit it).
    context_settings={"help_option_names": ["-h", "--help"]},
)

app.callback()(root_callback)
