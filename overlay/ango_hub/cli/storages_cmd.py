"""``ango-hub storages list|create|delete``.

A storage's secrets are never taken from the command line (where they would land in the shell
history and the process list): ``--credentials-file`` (``-`` for stdin) or a hidden prompt.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Annotated, Any, cast

import typer

from ._client import open_hub
from ._context import JsonFlag, wants_json
from ._errors import fail_usage, remember_secret
from ._inputs import read_text
from ._lazy import command_app
from ._output import print_data, print_json, print_table
from ._prompts import ask_secret

if TYPE_CHECKING:
    from ango_hub_api.models import StorageProvider, StorageType

storages_app = command_app(
    no_args_is_help=True, help="List, connect and disconnect cloud storage integrations."
)
commands = command_app()
commands.add_typer(storages_app, name="storages")

SECRET_FIELDS = ("credentials", "privateKey", "publicKey")
CREDENTIALS_ACCEPTED = (
    'a JSON object: {"credentials": ..., "privateKey": ..., "publicKey": ...} (any of them), '
    "or the provider's credentials object itself"
)


def _shown(storage: Any) -> dict[str, Any]:
    data: dict[str, Any] = storage.to_dict()
    return data


def _secrets_from_file(source: str) -> dict[str, Any]:
    """The write-only fields, from a JSON file: named fields, or the credentials object."""
    text = read_text(source, "--credentials-file")
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        fail_usage(
            "--credentials-file", f"not valid JSON (at line {exc.lineno})", CREDENTIALS_ACCEPTED
        )
    if not isinstance(value, dict):
        fail_usage("--credentials-file", f"a JSON {type(value).__name__}", CREDENTIALS_ACCEPTED)
    if any(k in value for k in SECRET_FIELDS):
        unknown = [k for k in value if k not in SECRET_FIELDS]
        if unknown:
            fail_usage(
                f"--credentials-file.{unknown[0]}", "unknown field", ", ".join(SECRET_FIELDS)
            )
        return value
    return {"credentials": value}


def _remember(value: Any) -> None:
    """Have every printed error scrub the secret (the CLI's last line of defence)."""
    if isinstance(value, dict):
        for item in value.values():
            _remember(item)
    elif value is not None:
        remember_secret(str(value))


@storages_app.command(
    "list",
    epilog="""\
Example:

\b
  ango-hub --json storages list
""",
)
def list_storages(ctx: typer.Context, json_flag: JsonFlag = False) -> None:
    """List the organisation's storages (never their credentials)."""
    with open_hub(ctx) as hub:
        storages = [_shown(s) for s in hub.storages.list()]
    if wants_json(ctx, json_flag):
        print_json({"count": len(storages), "storages": storages})
        return
    rows = [
        [
            s.get("_id"),
            s.get("name"),
            s.get("provider") or s.get("type"),
            s.get("bucket"),
            s.get("region"),
        ]
        for s in storages
    ]
    print_table(f"{len(storages)} storages", ["id", "name", "cloud", "bucket", "region"], rows)


@storages_app.command(
    "create",
    epilog="""\
Examples:

\b
  ango-hub storages create "My S3" --type aws --bucket my-bucket --region us-east-1 \\
      --credentials-file aws.json
  ango-hub storages create "GCS" --provider GCP --credentials-file - < service-account.json
  ango-hub storages create "S3" --provider AWS      # prompts for the secret key, hidden

The credentials file holds a JSON object: either the provider's credentials themselves
(e.g. {"accessKeyId": ..., "secretAccessKey": ...}), or any of "credentials", "privateKey",
"publicKey". Without a file the secret key (privateKey) is asked for, without echo.
""",
)
def create(  # noqa: PLR0917
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The storage's name.", show_default=False)],
    type_: Annotated[
        str | None, typer.Option("--type", help="The cloud: aws, gcs or azure.")
    ] = None,
    provider: Annotated[
        str | None, typer.Option(help="The cloud, SDK spelling: AWS, GCP or AZURE.")
    ] = None,
    bucket: Annotated[str | None, typer.Option(help="The bucket.")] = None,
    region: Annotated[str | None, typer.Option(help="The bucket's region.")] = None,
    credentials_file: Annotated[
        str | None,
        typer.Option("--credentials-file", help="JSON file with the secrets (- for stdin)."),
    ] = None,
    json_flag: JsonFlag = False,
) -> None:
    """Connect a cloud bucket; its secrets come from a file or a hidden prompt."""
    if credentials_file is not None:
        secrets = _secrets_from_file(credentials_file)
    else:
        secret = ask_secret(
            "Secret key (privateKey)",
            instead="--credentials-file",
            accepted="a JSON file with the secrets, or - for stdin",
        )
        secrets = {"privateKey": secret}
    _remember(secrets)
    with open_hub(ctx) as hub:
        storage = hub.storages.create(
            name,
            # The library checks the value against the spec's enum (the error names them).
            type=cast("StorageType | None", type_),
            provider=cast("StorageProvider | None", provider),
            bucket=bucket,
            region=region,
            credentials=secrets.get("credentials"),
            private_key=secrets.get("privateKey"),
            public_key=secrets.get("publicKey"),
        )
    data = _shown(storage)
    if not wants_json(ctx, json_flag):
        typer.echo(f"Created storage {data['_id']}.")
    print_data(data, wants_json(ctx, json_flag))


@storages_app.command(
    "delete",
    epilog="""\
Example:

\b
  ango-hub storages delete 65c3a0c2e4b0a1b2c3d4e5fa
""",
)
def delete(
    ctx: typer.Context,
    storage_id: Annotated[str, typer.Argument(help="Storage ID.", show_default=False)],
    json_flag: JsonFlag = False,
) -> None:
    """Disconnect a storage (its bucket's files stay)."""
    with open_hub(ctx) as hub:
        storage = hub.storages.delete(storage_id)
    data = _shown(storage)
    if not wants_json(ctx, json_flag):
        typer.echo(f"Deleted storage {data['_id']}.")
    print_data(data, wants_json(ctx, json_flag))
