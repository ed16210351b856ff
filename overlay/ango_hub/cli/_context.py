"""Global options (``--api-key``, ``--region``, ``--base-url``, ``-o``/``--output``, ``--json``),
declared once in :data:`GLOBAL_OPTIONS` and accepted before or after the command's name, as
kubectl's and gh's are: the root group takes them with their environment variables, and every
command below it gets a hidden copy (``_lazy.LazyGroup`` adds them when it loads a command). A
command that has an option of the same spelling keeps its own (``storages create --region`` is
the bucket's region; ``mock --api-key`` the mock's keys).

The CLI keeps no settings of its own: the options decide an :class:`Invocation`, whose
``open_hub`` builds the library's client, which resolves and checks them (``ango_hub._config``)
and keeps the key out of every repr.
"""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperOption

from ango_hub._regions import DEFAULT_REGION, Region

from . import _clicklib as click
from ._errors import fail_usage, remember_secret

if TYPE_CHECKING:
    from ango_hub.client import AngoHub

OUTPUT_FORMATS = ("table", "tsv", "json")


def hub_opener(
    api_key: str | None, region: str | None, base_url: str | None
) -> Callable[[], AngoHub]:
    """A function that opens the client for these options (nothing is imported until then)."""

    def open_hub() -> AngoHub:
        if not api_key:
            fail_usage(
                "--api-key", "missing", "--api-key KEY or the ANGO_API_KEY environment variable"
            )
        from ._server_values import recording_hub  # noqa: PLC0415  (keeps `--help` fast)

        return recording_hub(api_key=api_key, region=region, base_url=base_url)

    return open_hub


@dataclass(frozen=True)
class Invocation:
    """What the global options decide for every command; commands read it from ``ctx.obj``."""

    output: str = "table"  # one of OUTPUT_FORMATS
    open_hub: Callable[[], AngoHub] = field(
        default_factory=lambda: hub_opener(None, None, None), repr=False
    )
    # The raw options, for commands that build their own client (live-check records its
    # traffic through a client of its own). Never shown in a repr.
    api_key: str | None = field(default=None, repr=False)
    region: str | None = None
    base_url: str | None = None

    @property
    def json(self) -> bool:
        """``--json`` or ``-o json``."""
        return self.output == "json"


_current: ContextVar[Invocation | None] = ContextVar("ango_hub_cli_invocation", default=None)


def invocation(ctx: click.Context) -> Invocation:
    """The global options' decisions (defaults when a command is invoked on its own)."""
    obj = ctx.find_root().obj
    return obj if isinstance(obj, Invocation) else Invocation()


def current() -> Invocation:
    """The running command's :class:`Invocation`, for code that has no context at hand (the
    output module)."""
    return _current.get() or Invocation()


def _publish(ctx: click.Context, decided: Invocation) -> None:
    ctx.find_root().obj = decided
    _current.set(decided)


def _connection(decided: Invocation) -> Invocation:
    """``decided`` with an ``open_hub`` for its connection options."""
    return replace(decided, open_hub=hub_opener(decided.api_key, decided.region, decided.base_url))


def _api_key(decided: Invocation, value: str) -> Invocation:
    remember_secret(value)
    return _connection(replace(decided, api_key=value))


REGIONS = tuple(region.value for region in Region)


@dataclass(frozen=True)
class GlobalOption:
    """One global option: its spellings, help, and how a given value changes the invocation."""

    decls: tuple[str, ...]
    help: str
    apply: Callable[[Invocation, Any], Invocation]
    envvar: str | None = None
    metavar: str | None = None
    flag: bool = False
    choices: tuple[str, ...] = ()  # any case

    def checked(self, ctx: click.Context, param: Any, value: Any) -> Any:
        """``value`` (lower-cased if there are choices), else a usage error listing them."""
        if not self.choices or value.lower() in self.choices:
            return value.lower() if self.choices else value
        source = ctx.get_parameter_source(param.name)
        given = (
            f"{value!r} (from {self.envvar})"
            if getattr(source, "name", "") == "ENVIRONMENT"
            else repr(value)
        )
        accepted = ", ".join(repr(choice) for choice in self.choices)
        fail_usage(self.decls[0], f"{given} is not one of {accepted}")


GLOBAL_OPTIONS: tuple[GlobalOption, ...] = (
    GlobalOption(
        ("--api-key",),
        "API key (sent in the apikey header; never printed).",
        _api_key,
        envvar="ANGO_API_KEY",
        metavar="KEY",
    ),
    GlobalOption(
        ("--region",),
        f"API region: {', '.join(REGIONS)} (default {DEFAULT_REGION}).",
        lambda decided, value: _connection(replace(decided, region=value)),
        envvar="ANGO_REGION",
        metavar="REGION",
        choices=REGIONS,
    ),
    GlobalOption(
        ("--base-url",),
        "API base URL ending in /v2 (overrides --region), e.g. a mock's.",
        lambda decided, value: _connection(replace(decided, base_url=value)),
        envvar="ANGO_BASE_URL",
        metavar="URL",
    ),
    GlobalOption(
        ("--output", "-o"),
        "Output format: table (default), tsv (a header line, then one tab-separated line per "
        "item, nothing cut) or json (the server's values as they came).",
        lambda decided, value: replace(decided, output=value),
        metavar="table|tsv|json",
        choices=OUTPUT_FORMATS,
    ),
    GlobalOption(
        ("--json",),
        "Same as -o json.",
        lambda decided, value: replace(decided, output="json"),
        flag=True,
    ),
)


def _given(spec: GlobalOption) -> Callable[[click.Context, Any, Any], Any]:
    def record(ctx: click.Context, param: Any, value: Any) -> Any:
        # click calls back for options not given too (None, or False for a flag).
        if value is not None and value is not False and not ctx.resilient_parsing:
            _publish(ctx, spec.apply(invocation(ctx), spec.checked(ctx, param, value)))
        return value

    return record


def adopt_json_flag(param: Any) -> None:
    """A command's own ``--json`` (:data:`JsonFlag`) records itself like the global one, so
    that among ``--json`` and ``-o`` the last given wins there too."""
    if list(param.opts) == ["--json"] and param.callback is None:
        param.callback = _given(next(s for s in GLOBAL_OPTIONS if s.decls == ("--json",)))


def global_options(*, root: bool, taken: set[str] | frozenset[str] = frozenset()) -> list[Any]:
    """Click options for :data:`GLOBAL_OPTIONS`: the root's, shown in its help and read from
    the environment, or a command's hidden copies (none whose spelling ``taken`` holds)."""
    return [
        TyperOption(
            param_decls=[*spec.decls, f"global_{spec.decls[0].lstrip('-').replace('-', '_')}"],
            help=spec.help,
            callback=_given(spec),
            expose_value=False,
            envvar=spec.envvar if root else None,
            show_envvar=root and spec.envvar is not None,
            metavar=None if spec.flag else spec.metavar,
            is_flag=spec.flag or None,
            hidden=not root,
        )
        for spec in GLOBAL_OPTIONS
        if not taken.intersection(spec.decls)
    ]


# \b: click keeps the lines as they are (it would break "--base-url" at its hyphen).
GLOBAL_OPTIONS_EPILOG = (
    "\b\nGlobal options, before or after the command (see ango-hub --help):\n"
    "  --api-key KEY, --region REGION, --base-url URL, -o/--output table|tsv|json, --json"
)


def _print_version(value: bool) -> None:
    if not value:
        return
    from ango_hub import __version__  # noqa: PLC0415
    from ango_hub._spec import spec_version  # noqa: PLC0415

    typer.echo(f"ango-hub {__version__} (Ango Hub API spec {spec_version()})")
    raise typer.Exit


def root_callback(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            is_eager=True,
            expose_value=True,
            callback=_print_version,
            help="Print the client's version and the API spec's version, then exit.",
        ),
    ] = False,
) -> None:
    """Ango Hub client tools: upload, import, list, label, export; and a mock server."""
    del version  # handled by its callback
    from ._server_values import SERVER_VALUES  # noqa: PLC0415

    SERVER_VALUES.clear()
    _publish(ctx, invocation(ctx))


def wants_json(ctx: click.Context, local_flag: bool) -> bool:
    """``--json`` or ``-o json``, given before the command name or after it (the last of
    ``--json`` and ``-o`` wins: a command's own ``--json`` is recorded as it is parsed)."""
    decided = invocation(ctx)
    return decided.json or (local_flag and decided.output == "table")


JsonFlag = Annotated[
    bool, typer.Option("--json", help="Machine-readable JSON output.", show_default=False)
]
