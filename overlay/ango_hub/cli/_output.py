"""What commands print, in the format ``-o``/``--output`` chose (``--json`` is ``-o json``):
JSON documents, tables or TSV, and ``key: value`` lines. The server's values are printed as
they came (``_server_values``). Progress bars are the library's (``ango_hub._progress``);
:func:`progress_wanted` decides when."""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from . import _clicklib as click
from ._context import current
from ._server_values import SERVER_VALUES

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
    restored = SERVER_VALUES.restore(data)
    click.echo(json.dumps(restored, indent=2, ensure_ascii=False, default=_plain))


def stdout_console() -> Console:
    """A console on the current stdout (CliRunner swaps sys.stdout, so never cache it).
    Without a terminal, nothing is wrapped: a line is as long as its table."""
    from rich.console import Console  # noqa: PLC0415  (rich only when a table is printed)

    width = None if sys.stdout.isatty() else 1_000_000
    return Console(file=sys.stdout, soft_wrap=True, highlight=False, width=width)


def _cell(value: Any) -> str:
    return "" if value is None else str(SERVER_VALUES.restore(value))


def tsv_field(text: str) -> str:
    """One TSV field: a tab, newline or backslash in it is escaped (``\\t``, ``\\n``,
    ``\\\\``), so that each line is one item and each tab a column boundary."""
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def _print_tsv(columns: list[str], rows: list[list[str]]) -> None:
    for line in (columns, *rows):
        click.echo("\t".join(tsv_field(cell) for cell in line))


def print_table(title: str | None, columns: list[str], rows: list[list[Any]]) -> None:
    """Items on stdout: a table (folded to a terminal's width, never wrapped otherwise), or
    with ``-o tsv`` a header line and one tab-separated line per item."""
    cells = [[_cell(cell) for cell in row] for row in rows]
    if current().output == "tsv":
        _print_tsv(columns, cells)
        return
    from rich.table import Table  # noqa: PLC0415

    table = Table(title=title, show_lines=False)
    fold = sys.stdout.isatty()
    for column in columns:
        table.add_column(column, overflow="fold" if fold else "ignore", no_wrap=not fold)
    for row in cells:
        # rich expands a tab and then cuts the cell short: show it as TSV would.
        table.add_row(*(cell.replace("\t", "\\t") for cell in row))
    stdout_console().print(table)


def _text(value: Any) -> str:
    if isinstance(value, dict | list):
        return json.dumps(SERVER_VALUES.restore(value), default=_plain)
    return str(SERVER_VALUES.restore(shown(value)))


def print_kv(data: Mapping[str, Any]) -> None:
    """``key: value`` lines on stdout; with ``-o tsv``, the keys as a header line and the
    values on one line."""
    if current().output == "tsv":
        _print_tsv(list(data), [["" if v is None else _text(v) for v in data.values()]])
        return
    for key, value in data.items():
        click.echo(f"{key}: {_text(value)}")


def print_data(data: Mapping[str, Any], as_json: bool) -> None:
    """A command's result: one JSON document with ``--json``, else ``key: value`` lines."""
    if as_json:
        print_json(data)
    else:
        print_kv(data)


def progress_wanted(json_output: bool) -> bool:
    """Progress bars only for a person watching: stdout and stderr are terminals, no --json."""
    return not json_output and sys.stdout.isatty() and sys.stderr.isatty()
