"""Questions asked on the terminal. Without one (CI, a pipe, cron) nothing can answer them, so
they fail at once with one line naming the option or environment variable to use instead,
rather than reading a pipe meant for something else or ending with a bare "aborted"."""

from __future__ import annotations

import sys

import typer

from ._errors import fail_usage


def has_terminal() -> bool:
    """Someone can answer: stdin is a terminal."""
    return sys.stdin.isatty()


def _need_terminal(question: str, instead: str, accepted: str | None) -> None:
    if not has_terminal():
        problem = f"needed, as there is no terminal to ask {question!r}"
        fail_usage(instead, problem, accepted)


def ask_secret(question: str, *, instead: str, accepted: str | None = None) -> str:
    """A hidden prompt on stderr; without a terminal, a usage error naming ``instead``."""
    _need_terminal(question, instead, accepted)
    answer: str = typer.prompt(question, hide_input=True, err=True)
    return answer


def confirm(question: str, *, instead: str = "--yes") -> bool:
    """A yes/no question on stderr (default no); without a terminal, a usage error naming
    ``instead``."""
    _need_terminal(question, instead, None)
    return typer.confirm(question, default=False, err=True)
