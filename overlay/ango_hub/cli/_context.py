"""Global options (``--api-key``, ``--region``, ``--base-url``, ``--json``).

The CLI keeps no settings of its own: the root callback turns the options into a function that
builds the library's client, which resolves and checks them (``ango_hub._config``) and keeps
the key out of every repr.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Annotated

import typer

from ango_hub._regions import DEFAULT_REGION, Region

from . import _clicklib as click
from ._errors import fail_usage, remember_secret

if TYPE_CHECKING:
    from ango_hub.client import AngoHub


def hub_opener(
    api_key: str | None, region: str | None, base_url: str | None
) -> Callable[[], AngoHub]:
    """A function that opens the client for these options (nothing is imported until then)."""

    def open_hub() -> AngoHub:
        if not api_key:
            fail_usage(
                "--api-key", "missing", "--api-key KEY or the ANGO_API_KEY environment variable"
            )
        from ango_hub.client import AngoHub  # noqa: PLC0415  (keeps `ango-hub --help` fast)

        return AngoHub(api_key=api_key, region=region, base_url=base_url)

    return open_hub


@dataclass(frozen=True)
class Invocation:
    """What the root options decide for every command; commands read it from ``ctx.obj``."""

    json: bool = False
    open_hub: Callable[[], AngoHub] = field(
        default_factory=lambda: hub_opener(None, None, None), repr=False
    )
    # The raw root options, for commands that build their own client (live-check records its
    # traffic through a client of its own). Never shown in a repr.
    api_key: str | None = field(default=None, repr=False)
    region: str | None = None
    base_url: str | None = None


def root_callback(
    ctx: typer.Context,
    api_key: Annotated[
        str | None,
        typer.Option(
            "--api-key",
            envvar="ANGO_API_KEY",
            show_default=False,
            help="API key (sent in the apikey header; never printed).",
        ),
    ] = None,
    region: Annotated[
        Region | None,
        typer.Option(
            "--region",
            envvar="ANGO_REGION",
            case_sensitive=False,
            help=f"API region (default {DEFAULT_REGION}).",
        ),
    ] = None,
    base_url: Annotated[
        str | None,
        typer.Option(
            "--base-url",
            envvar="ANGO_BASE_URL",
            help="API base URL ending in /v2 (overrides --region), e.g. a mock's.",
        ),
    ] = None,
    json_output: Annotated[
        bool, typer.Option("--json", help="Machine-readable JSON output (any command).")
    ] = False,
) -> None:
    """Ango Hub client tools: upload, import, list, label, export; and a mock server."""
    remember_secret(api_key)
    region_name = region.value if region else None
    ctx.obj = Invocation(
        json=json_output,
        open_hub=hub_opener(api_key, region_name, base_url),
        api_key=api_key,
        region=region_name,
        base_url=base_url,
    )


def invocation(ctx: click.Context) -> Invocation:
    """The root's decisions (defaults when a command is invoked on its own)."""
    obj = ctx.find_root().obj
    return obj if isinstance(obj, Invocation) else Invocation()


def wants_json(ctx: click.Context, local_flag: bool) -> bool:
    """``--json`` given before the command name or after it."""
    return local_flag or invocation(ctx).json


JsonFlag = Annotated[
    bool, typer.Option("--json", help="Machine-readable JSON output.", show_default=False)
]
