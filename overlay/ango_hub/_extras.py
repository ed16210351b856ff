"""The distribution's optional parts (extras) and the one line that installs each.

A plain ``pip install ango-hub-client`` is the library alone. The command line, the mock
server, the live check and the plugin runtime each need an extra; without it they say, in one
line, what to install.
"""

from __future__ import annotations

from importlib.util import find_spec

# The modules each extra brings that its code imports (pyproject.toml lists the packages).
EXTRA_MODULES: dict[str, tuple[str, ...]] = {
    "cli": ("typer", "rich"),
    "mock": ("starlette", "uvicorn", "openapi_core", "yaml", "multipart", "werkzeug", "socketio"),
    "live-check": ("openapi_core", "yaml"),
    "plugins": ("socketio", "aiohttp", "starlette", "uvicorn"),
}


class MissingExtraError(ImportError):
    """A part of the package whose extra is not installed; the message is the install line."""

    def __init__(self, extra: str, needed_by: str, missing: list[str]) -> None:
        self.extra = extra
        self.install = install_line(extra)
        super().__init__(
            f"{needed_by} needs the [{extra}] extra ({', '.join(missing)} not installed): "
            f"{self.install}",
            name=missing[0],
        )


def install_line(extra: str) -> str:
    """``pip install 'ango-hub-client[<extra>]'``."""
    return f"pip install 'ango-hub-client[{extra}]'"


def require_extra(extra: str, needed_by: str) -> None:
    """Raise :class:`MissingExtraError` when a module of ``extra`` is not installed."""
    missing = [name for name in EXTRA_MODULES[extra] if find_spec(name) is None]
    if missing:
        raise MissingExtraError(extra, needed_by, missing)
