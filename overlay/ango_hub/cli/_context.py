"""Global options (``--api-key``, ``--region``, ``--base-url``, ``--json``) and their carrier."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Annotated

import typer

from . import _clicklib as click
from ._errors import remember_secret


class Region(StrEnum):
    """API regions (servers in openapi.yaml)."""

    EU = "eu"
    US = "us"
    IN = "in"
    TEST = "test"


@dataclass
class Settings:
    """What the root callback parsed; commands read it from ``ctx.obj``."""

    api_key: str | None = field(default=None, repr=False)  # never in reprs
    region: str | None = None
    base_url: str | None = None
    json: bool = False


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
            help="API region: eu (default), us, in or test.",
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
    ctx.obj = Settings(
        api_key=api_key,
        region=region.value if region else None,
        base_url=base_url,
        json=json_output,
    )


def settings(ctx: click.Context) -> Settings:
    """The root's settings (defaults when a command is invoked on its own)."""
    root = ctx.find_root()
    obj = root.obj
    return obj if isinstance(obj, Settings) else Settings()


def wants_json(ctx: click.Context, local_flag: bool) -> bool:
    """``--json`` given before the command name or after it."""
    return local_flag or settings(ctx).json


JsonFlag = Annotated[
    bool, typer.Option("--json", help="Machine-readable JSON output.", show_default=False)
]
