"""``ango-hub assets list|delete|update|assign-batches``."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from ango_hub._progress import progress_bar

from ._client import open_hub
from ._context import JsonFlag, wants_json
from ._errors import EXIT_OK, EXIT_PARTIAL, exit_with, fail_usage
from ._inputs import parse_json_object
from ._lazy import command_app
from ._output import print_data, print_json, print_kv, print_table, progress_wanted

assets_app = command_app(
    no_args_is_help=True, help="List, update, delete assets; assign them to batches."
)
commands = command_app()
commands.add_typer(assets_app, name="assets")

Project = Annotated[str, typer.Argument(help="Project ID.", show_default=False)]
AssetIds = Annotated[list[str], typer.Argument(help="Asset IDs.", show_default=False)]


def _list_assets_spec() -> tuple[tuple[str, ...], dict[str, Any], dict[str, Any]]:
    """From the spec's listAssets: the keys of its ``filters`` object (``contentSchema``), and
    the schemas of ``page`` and ``limit`` (their bounds and defaults)."""
    from ango_hub import operations  # noqa: PLC0415
    from ango_hub._schema_check import properties  # noqa: PLC0415

    listing = operations()["listAssets"]
    schemas = {p.name: p.schema for p in listing.parameters}
    keys = tuple(properties(schemas["filters"].get("contentSchema", {})))
    return keys, schemas["page"], schemas["limit"]


FILTER_KEYS, PAGE, LIMIT = _list_assets_spec()


def _asset_dict(asset: Any) -> dict[str, Any]:
    """The asset as the API sent it (the library returns generated models)."""
    result: dict[str, Any] = asset.to_dict()
    return result


@assets_app.command(
    "list",
    epilog="""\
Examples:

\b
  ango-hub assets list 507f1f77bcf86cd799439011 --limit 20
  ango-hub --json assets list PROJECT --all --batch "Batch 1"
  ango-hub assets list PROJECT --filters '{"isPreLabeled": true}'
""",
)
def list_assets(  # noqa: PLR0917
    ctx: typer.Context,
    project: Project,
    page: Annotated[
        int, typer.Option(min=PAGE.get("minimum"), help="Page number (1-based).")
    ] = PAGE.get("default", 1),
    limit: Annotated[
        int,
        typer.Option(
            min=LIMIT.get("minimum"),
            max=LIMIT.get("maximum"),
            help="Assets per page.",
        ),
    ] = LIMIT.get("default", 10),
    all_pages: Annotated[
        bool, typer.Option("--all", help="Every matching asset, all pages.")
    ] = False,
    external_id: Annotated[
        str | None, typer.Option("--external-id", help="Only this external ID.")
    ] = None,
    batch: Annotated[
        list[str] | None, typer.Option("--batch", help="Only assets in this batch (repeatable).")
    ] = None,
    filters: Annotated[
        str | None,
        typer.Option(help=f"JSON object with any of {', '.join(FILTER_KEYS)}."),
    ] = None,
    json_flag: JsonFlag = False,
) -> None:
    """List a project's assets: one page, or --all pages."""
    as_json = wants_json(ctx, json_flag)
    parsed_filters = _parse_filters(filters)
    query: dict[str, Any] = {
        "external_id": external_id,
        "batches": batch or None,
        "filters": parsed_filters,
    }
    with open_hub(ctx) as hub:
        if all_pages:
            assets = []
            with progress_bar("Listing", None, progress_wanted(as_json)) as advance:
                for asset in hub.assets.list(project, page_size=limit, **query):
                    assets.append(_asset_dict(asset))
                    advance()
            total = len(assets)
        else:
            result = hub.assets.list_page(project, page=page, limit=limit, **query)
            assets = [_asset_dict(a) for a in result.assets]
            total = result.total
    if as_json:
        print_json({"project": project, "total": total, "count": len(assets), "assets": assets})
        return
    rows = [
        [a.get("_id"), a.get("externalId"), ", ".join(a.get("batches") or []), a.get("createdAt")]
        for a in assets
    ]
    shown = "all" if all_pages else f"page {page}"
    print_table(
        f"{len(assets)} of {total} assets ({shown})",
        ["id", "externalId", "batches", "createdAt"],
        rows,
    )


def _parse_filters(text: str | None) -> dict[str, Any] | None:
    if text is None:
        return None
    parsed = parse_json_object(text, "--filters")
    for key in parsed:
        if key not in FILTER_KEYS:
            fail_usage(f"--filters.{key}", "unknown key", ", ".join(FILTER_KEYS))
    return parsed


@assets_app.command(
    "delete",
    epilog="""\
Example:

\b
  ango-hub assets delete 507f1f77bcf86cd799439011 65a1f0c2e4b0a1b2c3d4e5f6 65a1f0c2e4b0a1b2c3d4e5f7

Exit code 1 if some assets could not be deleted (unknown or already deleted).
""",
)
def delete(
    ctx: typer.Context, project: Project, asset_ids: AssetIds, json_flag: JsonFlag = False
) -> None:
    """Delete assets (by ID) from a project."""
    with open_hub(ctx) as hub:
        result = hub.assets.delete(project, asset_ids)
    data = {"project": project, **_counts(result, ("deleted", "failed"))}
    print_data(data, wants_json(ctx, json_flag))
    exit_with(EXIT_PARTIAL if data.get("failed") else EXIT_OK)


@assets_app.command(
    "update",
    epilog="""\
Examples:

\b
  ango-hub assets update 65a1f0c2e4b0a1b2c3d4e5f6 --metadata '{"camera": "front"}'
  ango-hub assets update ASSET_ID --external-id img-7 --overlay https://x/o1.png --overlay https://x/o2.png

--metadata and --context-data replace the stored object (no merge).
""",
)
def update(  # noqa: PLR0917
    ctx: typer.Context,
    asset_id: Annotated[str, typer.Argument(help="Asset ID.", show_default=False)],
    metadata: Annotated[str | None, typer.Option(help="Metadata, a JSON object.")] = None,
    context_data: Annotated[
        str | None, typer.Option("--context-data", help="Context data, a JSON object.")
    ] = None,
    data: Annotated[str | None, typer.Option(help="The asset's URL or content.")] = None,
    external_id: Annotated[
        str | None, typer.Option("--external-id", help="New external ID.")
    ] = None,
    overlay: Annotated[list[str] | None, typer.Option(help="Overlay URL (repeatable).")] = None,
    json_flag: JsonFlag = False,
) -> None:
    """Change an asset's metadata, context data, data, external ID or overlay."""
    fields: dict[str, Any] = {}
    if metadata is not None:
        fields["metadata"] = parse_json_object(metadata, "--metadata")
    if context_data is not None:
        fields["context_data"] = parse_json_object(context_data, "--context-data")
    if data is not None:
        fields["data"] = data
    if external_id is not None:
        fields["external_id"] = external_id
    if overlay:
        fields["overlay"] = overlay
    if not fields:
        fail_usage(
            "update",
            "nothing to change",
            "one or more of --metadata, --context-data, --data, --external-id, --overlay",
        )
    with open_hub(ctx) as hub:
        asset = hub.assets.update(asset_id, **fields)
    shown = _asset_dict(asset)
    if wants_json(ctx, json_flag):
        print_json(shown)
    else:
        typer.echo(f"Updated asset {asset_id}.")
        print_kv({k: v for k, v in shown.items() if k not in ("labelTasks",)})


@assets_app.command(
    "assign-batches",
    epilog="""\
Example:

\b
  ango-hub assets assign-batches 507f1f77bcf86cd799439011 --batch "Batch 1" 65a1f0c2e4b0a1b2c3d4e5f6

A batch the project lacks is refused before anything is sent, unless --create-batches.
""",
)
def assign_batches(  # noqa: PLR0917  (typer maps parameters to arguments and options)
    ctx: typer.Context,
    project: Project,
    asset_ids: AssetIds,
    batch: Annotated[
        list[str], typer.Option("--batch", help="Batch name or ID (repeatable, required).")
    ],
    create_batches: Annotated[
        bool, typer.Option("--create-batches", help="Create the --batch names the project lacks.")
    ] = False,
    json_flag: JsonFlag = False,
) -> None:
    """Add assets to batches."""
    with open_hub(ctx) as hub:
        result = hub.assets.assign_batches(
            project, asset_ids, batch, create_missing_batches=create_batches
        )
    data = {"project": project, "assets": len(asset_ids), "batches": batch}
    data.update(_counts(result, ("modifiedCount",)))
    print_data(data, wants_json(ctx, json_flag))


def _counts(result: Any, names: tuple[str, ...]) -> dict[str, Any]:
    """Counters from a library result (a generated model), by their API names."""
    source = result.to_dict()
    return {name: source.get(name) for name in names}
