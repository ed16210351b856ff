"""The ``ango-hub`` command line (the ``[cli]`` extra). Each command lives in its own module,
imported only when the command is used (``_lazy.py``), so ``ango-hub --help`` loads typer and
nothing more. Without the extra, ``ango-hub`` prints the line that installs it and exits 2."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from ango_hub._extras import MissingExtraError, require_extra

if TYPE_CHECKING:
    from ._app import app

__all__ = ["app", "main"]

EXIT_USAGE = 2  # as cli/_errors.py: the command cannot run as asked


def main() -> None:
    """Console-script entry point (``ango-hub``)."""
    try:
        require_extra("cli", "the ango-hub command")
    except MissingExtraError as exc:
        print(f"ango-hub: error: {exc}", file=sys.stderr)
        sys.exit(EXIT_USAGE)
    from ._app import app  # noqa: PLC0415  (typer only once it is known to be there)

    app()


def __getattr__(name: str) -> Any:
    if name != "app":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from ._app import app  # noqa: PLC0415

    return app
