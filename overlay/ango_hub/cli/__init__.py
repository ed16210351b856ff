"""The ``ango-hub`` command line. Each command lives in its own module and registers itself."""

from __future__ import annotations

import typer

from . import mock_cmd

app = typer.Typer(name="ango-hub", help="Ango Hub client tools.", no_args_is_help=True)


@app.callback()
def _root() -> None:
    """Ango Hub client tools."""


mock_cmd.register(app)


def main() -> None:
    """Console-script entry point (``ango-hub``)."""
    app()
