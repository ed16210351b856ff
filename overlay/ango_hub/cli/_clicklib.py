"""The click that typer uses: typer >= 0.22 vendors its own copy (``typer._click``), so
exceptions and types must come from there, not from a separately installed ``click``."""

from typer._click.core import Command, Context
from typer._click.exceptions import (
    BadParameter,
    ClickException,
    NoArgsIsHelpError,
    UsageError,
)
from typer._click.formatting import HelpFormatter
from typer._click.utils import echo
from typer.exceptions import Abort

__all__ = [
    "Abort",
    "BadParameter",
    "ClickException",
    "Command",
    "Context",
    "HelpFormatter",
    "NoArgsIsHelpError",
    "UsageError",
    "echo",
]
