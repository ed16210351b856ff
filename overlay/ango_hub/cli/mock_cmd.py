"""``ango-hub mock``: serve the mock Ango Hub API on 127.0.0.1 until stopped."""

from __future__ import annotations

import json
import socket
from pathlib import Path
from typing import Annotated, Any

import typer

from ._lazy import command_app

DEFAULT_PORT = 8765

MOCK_EPILOG = """\
Examples:

\b
  ango-hub mock --port 0
  ango-hub mock --api-key k1 --project 507f1f77bcf86cd799439011 --fault rate_limit:rate=0.1

Then: ANGO_BASE_URL=http://127.0.0.1:PORT/v2 ANGO_API_KEY=mock-api-key ango-hub assets list ID
"""

commands = command_app()


def parse_fault(text: str) -> dict[str, Any]:
    """``'{"kind": "drop", "nth": 3}'`` or ``'rate_limit:rate=0.2,operation=listAssets'``."""
    stripped = text.strip()
    if stripped.startswith("{"):
        value = json.loads(stripped)
        if not isinstance(value, dict):
            raise typer.BadParameter("a JSON fault must be an object")
        return value
    kind, _, rest = stripped.partition(":")
    rule: dict[str, Any] = {"kind": kind}
    for pair in filter(None, rest.split(",")):
        name, sep, raw = pair.partition("=")
        if not sep:
            raise typer.BadParameter(f"{pair!r}: expected name=value")
        rule[name.strip()] = _scalar(raw.strip())
    return rule


def _scalar(raw: str) -> Any:
    for cast in (int, float):
        try:
            return cast(raw)
        except ValueError:
            pass
    return raw


@commands.command("mock", epilog=MOCK_EPILOG)
def mock(  # noqa: PLR0917  (typer maps parameters to options)
    port: Annotated[
        int, typer.Option(min=0, max=65535, help="TCP port (0: any free port).")
    ] = DEFAULT_PORT,
    host: Annotated[str, typer.Option(help="Interface to bind; keep loopback.")] = "127.0.0.1",
    api_key: Annotated[
        list[str] | None,
        typer.Option("--api-key", help="API key (repeatable); each is an organisation."),
    ] = None,
    project: Annotated[
        list[str] | None,
        typer.Option(
            "--project",
            help="Project ID to create, empty (repeatable). One key: all projects are its; "
            "several keys: the i-th project belongs to the i-th key (extra projects to the last).",
        ),
    ] = None,
    fault: Annotated[
        list[str] | None,
        typer.Option(
            help="Fault rule (repeatable): JSON, or kind:name=value,... e.g. rate_limit:rate=0.1"
        ),
    ] = None,
    fault_seed: Annotated[int, typer.Option(help="Seed of the fault RNG.")] = 0,
    url_ttl: Annotated[int, typer.Option(help="Lifetime of signed URLs, seconds.")] = 3600,
    storage_dir: Annotated[
        Path | None, typer.Option(help="Where uploads and exports go (default: a temp dir).")
    ] = None,
    max_body: Annotated[int, typer.Option(help="Largest API request body, bytes.")] = 16
    * 1024
    * 1024,
    max_upload: Annotated[int, typer.Option(help="Largest upload (PUT), bytes.")] = 512
    * 1024
    * 1024,
    log_level: Annotated[str, typer.Option(help="uvicorn log level.")] = "warning",
) -> None:
    """Serve a mock Ango Hub API v2 (state in memory) until Ctrl-C."""
    # Imported here so that `ango-hub --help` and other commands stay fast. ango_hub.mock first:
    # without the [mock] extra it stops with the line that installs it.
    from ango_hub.mock import FaultRule, MockConfig, create_app  # noqa: PLC0415

    try:
        faults = [FaultRule.from_dict(parse_fault(f)) for f in fault or []]
    except (ValueError, json.JSONDecodeError) as exc:
        raise typer.BadParameter(str(exc), param_hint="--fault") from exc
    import uvicorn  # noqa: PLC0415  (after ango_hub.mock, which checks the extra)

    config = MockConfig.from_keys_and_projects(
        api_key or [],
        project or [],
        storage_dir=storage_dir,
        url_ttl_seconds=url_ttl,
        max_body_bytes=max_body,
        max_upload_bytes=max_upload,
        fault_seed=fault_seed,
    )
    # IPPROTO_TCP explicitly: asyncio sets TCP_NODELAY only on sockets whose proto says TCP, and
    # without it Nagle holds each response body behind its headers until the client's delayed
    # ACK (~40 ms per request on a kept-alive connection).
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        raise typer.BadParameter(f"cannot bind {host}:{port}: {exc}", param_hint="--port") from exc
    # Listen before the banner: whoever reads it may connect at once, before uvicorn starts
    # (a bound socket that is not listening refuses the connection).
    sock.listen(2048)
    bound = sock.getsockname()[1]
    root = f"http://{host}:{bound}"
    typer.echo(f"Mock Ango Hub API on {root}/v2  (SDK host: {root})")
    for key in config.api_keys:
        owned = [pid for pid, owner in config.projects.items() if owner == key]
        typer.echo(f"  api key: {key}  projects: {', '.join(owned) or '(none)'}")
    if faults:
        typer.echo(f"  faults: {json.dumps([f.to_dict() for f in faults])}")
    typer.echo(f"  admin API: {root}/_mock/  (send the apikey header). Ctrl-C to stop.", nl=True)
    app = create_app(config, faults=faults)
    server = uvicorn.Server(
        uvicorn.Config(app, log_level=log_level, access_log=False, lifespan="on")
    )
    server.run(sockets=[sock])
