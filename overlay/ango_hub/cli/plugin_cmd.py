"""``ango-hub plugin run``: serve a Python callback as an Ango Hub plugin (the ``[plugins]``
extra), its id and secret from ``ANGO_PLUGIN_ID`` and ``ANGO_PLUGIN_SECRET``."""

from __future__ import annotations

import asyncio
import importlib
import logging
import os
import sys
from typing import Annotated, Any, Literal

import typer

from ._lazy import command_app

PLUGIN_EPILOG = """\
Examples:

\b
  ANGO_PLUGIN_ID=... ANGO_PLUGIN_SECRET=... ango-hub plugin run my_plugin:label --kind model
  ango-hub plugin run exporter:to_csv --kind export --connector rest --port 8080
"""

commands = command_app()
plugin = command_app(help="Run Ango Hub plugins (model, export, input, ...).")
commands.add_typer(plugin, name="plugin")


def load_callback(target: str) -> Any:
    """``module:function`` (the module found from the current directory too)."""
    module_name, sep, name = target.partition(":")
    if not sep or not module_name or not name:
        raise typer.BadParameter(f"{target!r}: expected module:callback", param_hint="TARGET")
    if os.getcwd() not in sys.path:
        sys.path.insert(0, os.getcwd())
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        raise typer.BadParameter(f"{module_name}: {exc}", param_hint="TARGET") from exc
    callback = getattr(module, name, None)
    if not callable(callback):
        raise typer.BadParameter(f"{module_name} has no callable {name!r}", param_hint="TARGET")
    return callback


@plugin.command("run", epilog=PLUGIN_EPILOG)
def run(  # noqa: PLR0917  (typer maps parameters to options)
    target: Annotated[str, typer.Argument(help="The callback, as module:function.")],
    kind: Annotated[
        str,
        typer.Option(
            help="model, export, input, file-explorer, batch-model or markdown.",
            case_sensitive=False,
        ),
    ] = "model",
    host: Annotated[
        str,
        typer.Option(envvar="ANGO_PLUGIN_HOST", help="The hub's root URL (socket and REST)."),
    ] = "https://imeritapi.ango.ai",
    connector: Annotated[
        str, typer.Option(envvar="CONNECTOR", help="ws (Socket.IO, default) or rest.")
    ] = "ws",
    port: Annotated[
        int, typer.Option(envvar="PORT", min=0, max=65535, help="REST connector's port.")
    ] = 8080,
    bind: Annotated[str, typer.Option(help="REST connector's address.")] = "0.0.0.0",  # noqa: S104
    concurrency: Annotated[int, typer.Option(min=1, help="Runs at once.")] = 4,
    heartbeat_interval: Annotated[float, typer.Option(min=0.01, help="Seconds.")] = 60.0,
    drain_timeout: Annotated[
        float, typer.Option(min=0, help="Seconds SIGTERM lets runs in flight finish.")
    ] = 30.0,
    backoff_cap: Annotated[float, typer.Option(min=0.01, help="Longest reconnect wait.")] = 30.0,
    log_level: Annotated[str, typer.Option(envvar="LOGLEVEL", help="Local log level.")] = "INFO",
) -> None:
    """Serve a callback as an Ango Hub plugin until SIGTERM (drains runs in flight)."""
    try:
        from ango_hub.plugins import PluginKind, PluginRefused, PluginSettings, run_plugin  # noqa: PLC0415
    except ImportError as exc:
        raise typer.BadParameter(
            f"plugins need the extra: pip install 'ango-hub-client[plugins]' ({exc})"
        ) from exc
    choices = [k.value for k in PluginKind]
    if kind.lower() not in choices:
        raise typer.BadParameter(f"{kind!r}: use one of {', '.join(choices)}", param_hint="--kind")
    if connector.lower() not in {"ws", "rest"}:
        raise typer.BadParameter(f"{connector!r}: use ws or rest", param_hint="--connector")
    logging.basicConfig(level=log_level.upper(), format="%(asctime)s %(levelname)s %(message)s")
    try:
        settings = PluginSettings.from_env(
            kind.lower(),
            host=host,
            concurrency=concurrency,
            heartbeat_interval=heartbeat_interval,
            drain_timeout=drain_timeout,
            backoff_cap=backoff_cap,
        )
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from exc
    callback = load_callback(target)
    mode: Literal["ws", "rest"] = "rest" if connector.lower() == "rest" else "ws"
    try:
        asyncio.run(run_plugin(callback, settings, connector=mode, bind=bind, port=port))
    except PluginRefused as exc:
        typer.echo(f"Error: {exc}: check ANGO_PLUGIN_ID and ANGO_PLUGIN_SECRET", err=True)
        raise typer.Exit(2) from exc
