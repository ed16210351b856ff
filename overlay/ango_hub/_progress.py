"""The one progress bar, shared by the library (bulk upload) and the CLI (listing, export)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol


class Advance(Protocol):
    """``advance(n)`` marks n more items done; ``total=`` sets the total once it is known;
    ``note=`` shows a passing state beside the description ("" clears it)."""

    def __call__(
        self, done: int = 1, total: int | None = None, note: str | None = None
    ) -> None: ...


def _noop(done: int = 1, total: int | None = None, note: str | None = None) -> None:
    return None


@contextmanager
def progress_bar(description: str, total: int | None, enabled: bool) -> Iterator[Advance]:
    """A rich progress bar on stderr when ``enabled`` and stderr is a terminal; else a no-op
    (also when rich, part of the ``[cli]`` extra, is not installed: the bar is only a view)."""
    if not (enabled and sys.stderr.isatty()):
        yield _noop
        return
    # rich only when a bar is drawn: importing it costs more than most commands' own work.
    try:
        from rich.console import Console  # noqa: PLC0415
        from rich.progress import (  # noqa: PLC0415
            BarColumn,
            MofNCompleteColumn,
            Progress,
            SpinnerColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )
    except ImportError:
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
    )
    with progress:
        task = progress.add_task(description, total=total)

        def advance(done: int = 1, total: int | None = None, note: str | None = None) -> None:
            if total is not None:
                progress.update(task, total=total)
            if note is not None:
                progress.update(
                    task, description=f"{description} ({note})" if note else description
                )
            progress.advance(task, done)

        yield advance
