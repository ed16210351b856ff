"""Exit codes and one-line error reporting for every ``ango-hub`` command.

Exit codes: 0 success, 1 some items failed, 2 usage error (bad flag, input file or value),
3 API, auth or connection error, 4 the outcome of some items is unknown (``upload``: an import
that may still land; run the same command again later). Errors are printed as ONE line on
stderr, so that scripts can ``grep``/log them; the API key is scrubbed from every message as
a last line of defence.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any, NoReturn

import typer
from typer.core import TyperGroup

from ango_hub._extras import MissingExtraError
from ango_hub._secrets import scrub_secrets

from . import _clicklib as click

EXIT_OK = 0
EXIT_PARTIAL = 1
EXIT_USAGE = 2
EXIT_API = 3
EXIT_UNKNOWN = 4

# Set by the root callback once the key is known, so that every printed error can be scrubbed.
_secrets: set[str] = set()


def remember_secret(value: str | None) -> None:
    """Never print ``value`` (the API key), even if an exception message carries it."""
    if value:
        _secrets.add(value)


def scrub(text: str) -> str:
    """``text`` on one line, with every remembered secret replaced by ``***`` in any form
    (as given, stripped, repr-escaped, URL-encoded)."""
    return " ".join(scrub_secrets(text, _secrets).split())


class CliUsageError(click.BadParameter):
    """A bad value: names the field at fault and what would be accepted (exit 2)."""

    exit_code = EXIT_USAGE

    def __init__(self, field: str, problem: str, accepted: str | None = None) -> None:
        message = f"{field}: {problem}"
        if accepted:
            message += f" (accepted: {accepted})"
        super().__init__(message)
        self.field = field

    def format_message(self) -> str:
        """The message alone (click's would start "Invalid value:")."""
        return self.message


def fail_usage(field: str, problem: str, accepted: str | None = None) -> NoReturn:
    """Stop with exit code 2 and a one-line message naming ``field``."""
    raise CliUsageError(field, problem, accepted)


def print_error(message: str) -> None:
    """Print ``ango-hub: error: <message>`` as one line on stderr."""
    click.echo(f"ango-hub: error: {scrub(message)}", err=True)


def _param_hint(param: Any, ctx: Any) -> str:
    """click's name for a parameter in errors (``'--limit'``); typer 0.29's takes no context."""
    try:
        return str(param.get_error_hint(ctx))
    except TypeError:
        return str(param.get_error_hint())


def _click_message(exc: click.ClickError) -> str:
    if isinstance(exc, click.BadParameter) and not isinstance(exc, CliUsageError):
        # click's own wording is "Invalid value for '--x': ...": keep the field first.
        hint = exc.param_hint
        if hint is None and exc.param is not None:
            hint = _param_hint(exc.param, exc.ctx) if exc.ctx else exc.param.name
        if isinstance(hint, Sequence) and not isinstance(hint, str):
            hint = " / ".join(hint)
        if hint and exc.message:
            return f"{hint}: {exc.message}"
    return exc.format_message()


def _api_failure(exc: BaseException) -> tuple[int, str] | None:
    """Exit code and message for errors raised by the library or httpx, else None."""
    from ango_hub.cli._client import classify_exception  # noqa: PLC0415  (import cycle)

    return classify_exception(exc)


class OneLineErrorsGroup(TyperGroup):
    """Typer group whose errors are one line on stderr with the documented exit codes."""

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        """Run the command; map every failure to an exit code and a one-line message."""
        code = self._run(args, prog_name, complete_var, **extra)
        if standalone_mode:
            sys.exit(code)
        return code

    def _run(
        self,
        args: Sequence[str] | None,
        prog_name: str | None,
        complete_var: str | None,
        **extra: Any,
    ) -> int:
        try:
            result = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.Abort:
            print_error("aborted")
            return EXIT_PARTIAL
        except MissingExtraError as exc:  # `ango-hub mock` without [mock], ...
            print_error(str(exc))
            return EXIT_USAGE
        except Exception as exc:
            if click.is_no_args_help(exc) and isinstance(exc, click.ClickError):
                click.echo(exc.format_message())
                return EXIT_OK
            if isinstance(exc, click.ClickError):
                print_error(_click_message(exc))
                return exc.exit_code
            classified = _api_failure(exc)
            if classified is None:
                raise
            code, message = classified
            print_error(message)
            return code
        return result if isinstance(result, int) else EXIT_OK


def exit_with(code: int) -> NoReturn:
    """End the command with ``code`` (0 success, 1 some items failed)."""
    raise typer.Exit(code)
