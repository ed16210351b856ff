"""The ``ango-hub`` command line. Each command lives in its own module and registers itself."""

from __future__ import annotations

import typer

from . import assets_cmd, export_cmd, imports_cmd, live_check_cmd, mock_cmd, upload_cmd
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

mock_cmd_epilog = """\
Examples:

  ango-hub mock --port 0

  ango-hub mock --api-key k1 --project 507f1f77bcf86cd799439011 --fault rate_limit:rate=0.1

Then: ANGO_BASE_URL=http://127.0.0.1:PORT/v2 ANGO_API_KEY=mock-api-key ango-hub assets list ID
"""

upload_cmd.register(app)
assets_cmd.register(app)
imports_cmd.register(app)
export_cmd.register(app)
live_check_cmd.register(app)
# Registered here rather than by mock_cmd.register so that its --help carries examples too.
app.command("mock", epilog=mock_cmd_epilog)(mock_cmd.mock)


def main() -> None:
    """Console-script entry point (``ango-hub``)."""
    app()
