"""The ``ango-hub`` command line. Each command lives in its own module, imported only when the
command is used (``_lazy.py``), so ``ango-hub --help`` loads typer and nothing more."""

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
)

app.callback()(root_callback)


def main() -> None:
    """Console-script entry point (``ango-hub``)."""
    app()
