"""What commands print: JSON documents (``--json``), tables, ``key: value`` lines. Progress
bars are the library's (``ango_hub._progress``); :func:`progress_wanted` decides when."""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from . import _clicklib as click

if TYPE_CHECKING:
    from rich.console import Console


def _plain(value: Any) -> Any:
    """A value JSON has no type for (a date-time, say) as its text."""
    return str(value)


def shown(value: Any) -> Any:
    """``value`` for text output: ``-`` for a field the answer left out."""
    return "-" if value is None else value


def print_json(data: Any) -> None:
    """One JSON document on stdout (``--json`` output)."""
    click.echo(json.dumps(data, indent=2, ensure_ascii=False, default=_plain))


def stdout_console() -> Console:
    """A console on the current stdout (CliRunner swaps sys.stdout, so never cache it)."""
    from rich.console import Console  # noqa: PLC0415  (rich only when a table is printed)

    return Console(file=sys.stdout, soft_wrap=True, highlight=False)


def print_table(title: str | None, columns: list[str], rows: list[list[Any]]) -> None:
    """A human-readable table on stdout."""
    from rich.table import Table  # noqa: PLC0415

    table = Table(title=title, show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*("" if cell is None else str(cell) for cell in row))
    stdout_console().print(table)


def print_kv(data: Mapping[str, Any]) -> None:
    """``key: value`` lines on stdout."""
    for key, value in data.items():
        text = json.dumps(value, default=_plain) if isinstance(value, dict | list) else shown(value)
        click.echo(f"{key}: {text}")


def print_data(data: Mapping[str, Any], as_json: bool) -> None:
    """A command's result: one JSON document with ``--json``, else ``key: value`` lines."""
    if as_json:
        print_json(data)
    else:
        print_kv(data)


def progress_wanted(json_output: bool) -> bool:
    """Progress bars only for a person watching: stdout and stderr are terminals, no --json."""
    return not json_output and sys.stdout.isatty() and sys.stderr.isatty()
