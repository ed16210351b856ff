"""The click names the CLI uses, all through typer's public API.

typer (since 0.22) vendors its own click, so exceptions and contexts must be typer's, not those
of a separately installed ``click``; and its vendored module is private (``typer._click``), so
nothing here imports it. A click exception is told apart by what it has (``exit_code`` and
``format_message``), not by its private class.
"""

from typing import Protocol, runtime_checkable

from typer import Abort, BadParameter, Context, echo

__all__ = ["Abort", "BadParameter", "ClickError", "Context", "echo", "is_no_args_help"]


@runtime_checkable
class ClickError(Protocol):
    """What click's exceptions (and typer's own) carry: an exit code and a message."""

    exit_code: int

    def format_message(self) -> str:
        """The message click would print."""
        ...


def is_no_args_help(exc: BaseException) -> bool:
    """click's ``NoArgsIsHelpError``: a group called without arguments; its message is the
    group's help, which is printed as asked for (exit 0)."""
    return type(exc).__name__ == "NoArgsIsHelpError"
