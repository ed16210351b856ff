"""What commands print: JSON documents (``--json``), rich tables, progress bars on stderr."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any, Protocol

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from . import _clicklib as click


def print_json(data: Any) -> None:
    """One JSON document on stdout (``--json`` output)."""
    click.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))


def stdout_console() -> Console:
    """A console on the current stdout (CliRunner swaps sys.stdout, so never cache it)."""
    return Console(file=sys.stdout, soft_wrap=True, highlight=False)


def print_table(title: str | None, columns: list[str], rows: list[list[Any]]) -> None:
    """A human-readable table on stdout."""
    table = Table(title=title, show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*("" if cell is None else str(cell) for cell in row))
    stdout_console().print(table)


def print_kv(data: Mapping[str, Any]) -> None:
    """``key: value`` lines on stdout."""
    for key, value in data.items():
        shown = json.dumps(value, default=str) if isinstance(value, dict | list) else value
        click.echo(f"{key}: {shown}")


def progress_wanted(json_output: bool) -> bool:
    """Progress bars only for a person watching: stdout and stderr are terminals, no --json."""
    return not json_output and sys.stdout.isatty() and sys.stderr.isatty()


class Advance(Protocol):
    """Callback a command hands to the library: ``advance(n)`` marks n more items done."""

    def __call__(self, done: int = 1, total: int | None = None) -> None: ...


@contextmanager
def progress_bar(description: str, total: int | None, enabled: bool) -> Iterator[Advance]:
    """A rich progress bar on stderr (or a no-op when ``enabled`` is false)."""
    if not enabled:

        def _noop(done: int = 1, total: int | None = None) -> None:
            return None

        yield _noop
        return
    progress = Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=Console(file=sys.stderr),
        transient=False,
    )
    with progress:
        task = progress.add_task(description, total=total)

        def _advance(done: int = 1, total: int | None = None) -> None:
            if total is not None:
                progress.update(task, total=total)
            progress.advance(task, done)

        yield _advance
