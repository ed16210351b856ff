"""The ``ango-hub`` command line. Each command lives in its own module and registers itself."""

from __future__ import annotations

import typer

from . import assets_cmd, export_cmd, imports_cmd, mock_cmd, upload_cmd
from ._context import root_callback
from ._errors import OneLineErrorsGroup

app = typer.Typer(
    name="ango-hub",
    help="Ango Hub client tools.",
    no_args_is_help=True,
    cls=OneLineErrorsGroup,
    pretty_exceptions_enable=False,
)

app.callback()(root_callback)

upload_cmd.register(app)
assets_cmd.register(app)
imports_cmd.register(app)
export_cmd.register(app)
mock_cmd.register(app)


def main() -> None:
    """Console-script entry point (``ango-hub``)."""
    app()
