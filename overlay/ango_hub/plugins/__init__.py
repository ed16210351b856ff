"""Ango Hub plugins on asyncio: the official SDK's wire protocol (``imerit_ango.plugins``),
with bounded concurrency, heartbeats that work cannot starve, reconnection with backoff and
jitter, a graceful SIGTERM, and an answer for every run. Needs the ``[plugins]`` extra.

>>> from ango_hub.plugins import PluginKind, PluginSettings, run_plugin  # doctest: +SKIP
>>> def label(event):  # doctest: +SKIP
...     return {"objects": [BOX]}
>>> asyncio.run(run_plugin(label, PluginSettings.from_env(PluginKind.MODEL, host=HOST)))
... # doctest: +SKIP

The protocol: plugins.asyncapi.yaml; how ours differs from the SDK's: docs/PLUGINS.md.
"""

from __future__ import annotations

import asyncio
import signal
from typing import Literal

from .._extras import require_extra

require_extra("plugins", "the plugin runtime")  # before the modules that import socketio

from .events import ExportFile, ModelAnswer, PayloadError, PluginEvent, PluginKind  # noqa: E402
from .handlers import Callback  # noqa: E402
from .log import PluginLog  # noqa: E402
from .runtime import PluginRefused, PluginRuntime, PluginSettings  # noqa: E402

__all__ = [
    "Callback",
    "ExportFile",
    "ModelAnswer",
    "PayloadError",
    "PluginEvent",
    "PluginKind",
    "PluginLog",
    "PluginRefused",
    "PluginRuntime",
    "PluginSettings",
    "run_plugin",
    "serve",
]


async def run_plugin(
    callback: Callback,
    settings: PluginSettings,
    *,
    connector: Literal["ws", "rest"] = "ws",
    bind: str = "0.0.0.0",  # noqa: S104  (the REST connector is reached by the hub)
    port: int = 8080,
    handle_signals: bool = True,
) -> None:
    """Serve ``callback`` as the plugin ``settings`` describe until SIGTERM/SIGINT, then
    drain. Raises :class:`PluginRefused` when the hub keeps refusing the id or secret."""
    runtime = PluginRuntime(callback, settings)
    await serve(runtime, connector=connector, bind=bind, port=port, handle_signals=handle_signals)


async def serve(
    runtime: PluginRuntime,
    *,
    connector: Literal["ws", "rest"] = "ws",
    bind: str = "0.0.0.0",  # noqa: S104
    port: int = 8080,
    handle_signals: bool = True,
) -> None:
    """:func:`run_plugin` for a runtime you hold (set ``runtime.stopping`` to stop it)."""
    try:
        if connector == "rest":
            from .rest_connector import RestConnector  # noqa: PLC0415

            await RestConnector(runtime, bind, port).serve()  # uvicorn handles the signals
            return
        from .socket_connector import SocketConnector  # noqa: PLC0415

        if handle_signals:
            loop = asyncio.get_running_loop()
            for signum in (signal.SIGTERM, signal.SIGINT):
                loop.add_signal_handler(signum, runtime.stopping.set)
        await SocketConnector(runtime).serve()
    finally:
        await runtime.aclose()
