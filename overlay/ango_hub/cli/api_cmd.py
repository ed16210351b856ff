"""``ango-hub api OPERATION_ID``: any operation in the spec, in the spirit of ``gh api``.

Built on ``hub.call`` and the operation index (``ango_hub.operations()``): nothing here knows a
particular operation, so an operation is usable from the shell the day it enters the spec.
``--field`` values are converted to the type the spec gives the parameter or body property;
the library then checks them against the spec (enums, bounds, required fields) before sending.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from . import _clicklib as click
from ._client import open_hub
from ._context import JsonFlag, wants_json
from ._errors import fail_usage
from ._inputs import read_text
from ._lazy import command_app
from ._output import print_json

if TYPE_CHECKING:
    from ango_hub import Operation

API_EPILOG = """\
Examples:

\b
  ango-hub api --list
  ango-hub api listAssets --list
  ango-hub api listAssets --field projectId=507f1f77bcf86cd799439011 --field limit=5
  ango-hub api updateAsset -f assetId=ASSET_ID -f 'metadata={"camera": "front"}'
  echo '{"assets": ["ID1"]}' | ango-hub api deleteAssets -f projectId=PROJECT --input -
  ango-hub api uploadChatAssets -f projectId=PROJECT --file file=chats.json

--field NAME=VALUE sets a path or query parameter, or a property of the request body, by its
name in the spec (repeatable; a repeated array property collects the values). VALUE is taken as
the spec's type: integers, numbers, true/false, JSON for arrays and objects. --input gives the
whole JSON body (a file, or - for stdin); --field properties are added to it. --file NAME=PATH
sends a file part of a multipart operation. Prints the API's JSON answer.
"""

commands = command_app()


@commands.command("api", epilog=API_EPILOG)
def api(  # noqa: PLR0917  (typer maps parameters to arguments and options)
    ctx: typer.Context,
    operation_id: Annotated[
        str | None,
        typer.Argument(
            metavar="[OPERATION_ID]", help="The operation's operationId.", show_default=False
        ),
    ] = None,
    field: Annotated[
        list[str] | None,
        typer.Option(
            "--field", "-f", metavar="NAME=VALUE", help="Parameter or body property (repeatable)."
        ),
    ] = None,
    input_source: Annotated[
        str | None,
        typer.Option("--input", metavar="FILE|-", help="The JSON request body (- reads stdin)."),
    ] = None,
    file: Annotated[
        list[str] | None,
        typer.Option("--file", metavar="NAME=PATH", help="Multipart file part (repeatable)."),
    ] = None,
    list_operations: Annotated[
        bool,
        typer.Option(
            "--list",
            help="List the operations; with OPERATION_ID, its parameters and body properties.",
        ),
    ] = False,
    json_flag: JsonFlag = False,
) -> None:
    """Call any operation of the API by its operationId."""
    from ango_hub import operations  # noqa: PLC0415  (the index loads on first use)

    known = operations()
    if operation_id is None:
        _print_operations(list(known.values()), wants_json(ctx, json_flag))
        return
    operation = known.get(operation_id)
    if operation is None:
        fail_usage("OPERATION_ID", f"unknown operation {operation_id!r}", ", ".join(sorted(known)))
    if list_operations:
        _describe(operation)
        return
    params, body_fields = _fields(operation, field or [])
    body = _body(input_source, body_fields)
    files = {name: Path(path) for name, path in (_pair("--file", f) for f in file or [])}
    with open_hub(ctx) as hub:
        result = hub.call(operation.operation_id, params, body=body, files=files or None)
    print_json(result)


def _pair(option: str, text: str) -> tuple[str, str]:
    name, sep, value = text.partition("=")
    if not sep or not name:
        fail_usage(option, f"{text!r} is not NAME=VALUE", "NAME=VALUE, e.g. limit=5")
    return name, value


def _fields(operation: Operation, given: list[str]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Split ``--field`` values into parameters and body properties, each in its spec type."""
    from ango_hub._schema_check import properties  # noqa: PLC0415

    body_properties: dict[str, Any] = {}
    for schema in operation.body_schemas.values():
        body_properties.update(properties(schema))
    params: dict[str, Any] = {}
    body: dict[str, Any] = {}
    for text in given:
        name, value = _pair("--field", text)
        param = operation.parameter(name)
        if param is not None:
            params[param.name] = _typed(
                f"--field {name}", value, param.schema, params.get(param.name)
            )
        elif body_properties.get(name, {}).get("format") == "binary":
            fail_usage(f"--field {name}", "is a file part", f"--file {name}=PATH")
        elif name in body_properties:
            body[name] = _typed(f"--field {name}", value, body_properties[name], body.get(name))
        else:
            accepted = [p.name for p in operation.parameters] + sorted(body_properties)
            fail_usage(
                f"--field {name}",
                f"not a parameter or body property of {operation.operation_id}",
                ", ".join(accepted) or "none",
            )
    return params, body


def _typed(field: str, text: str, schema: dict[str, Any], earlier: Any) -> Any:
    """``text`` in the schema's type; a repeated array property collects its values."""
    from ango_hub._schema_check import types  # noqa: PLC0415

    kinds = types(schema)
    if kinds & {"array", "object"} and "string" not in kinds:
        if text.lstrip().startswith(("[", "{")):
            try:
                return json.loads(text)
            except json.JSONDecodeError as exc:
                fail_usage(field, f"not valid JSON ({exc.msg})", "JSON text")
        if "array" not in kinds:
            fail_usage(field, f"{text!r} is not a JSON object", "a JSON object")
        item = _typed(field, text, schema.get("items", {}), None)
        return [*(earlier if isinstance(earlier, list) else []), item]
    conversions = (
        ("integer", int, "an integer"),
        ("number", float, "a number"),
        ("boolean", _boolean, "true or false"),
    )
    for kind, convert, _ in conversions:
        if kind in kinds:
            try:
                return convert(text)
            except ValueError:
                pass
    if kinds and "string" not in kinds:
        accepted = " or ".join(name for kind, _, name in conversions if kind in kinds)
        fail_usage(field, f"{text!r} is not {accepted}", accepted)
    return text


def _boolean(text: str) -> bool:
    if text.lower() not in ("true", "false"):
        raise ValueError(text)
    return text.lower() == "true"


def _body(source: str | None, fields: dict[str, Any]) -> Any:
    if source is None:
        return fields or None
    text = read_text(source, "--input")
    try:
        body = json.loads(text)
    except json.JSONDecodeError as exc:
        fail_usage("--input", f"not valid JSON ({exc.msg} at line {exc.lineno})", "a JSON body")
    if fields:
        if not isinstance(body, dict):
            fail_usage("--field", "body properties need --input to hold a JSON object")
        body.update(fields)
    return body


def _print_operations(known: list[Operation], as_json: bool) -> None:
    if as_json:
        print_json(
            [
                {
                    "operationId": op.operation_id,
                    "method": op.method,
                    "path": op.path,
                    "summary": op.summary,
                    "parameters": [p.name for p in op.parameters],
                    "body": list(op.body_schemas),
                }
                for op in known
            ]
        )
        return
    # Plain aligned columns: paths must stay whole to be copied.
    id_width = max(len(op.operation_id) for op in known)
    path_width = max(len(op.path) for op in known)
    for op in known:
        click.echo(
            f"{op.operation_id:<{id_width}}  {op.method:<6}  {op.path:<{path_width}}  {op.summary}"
        )


def _describe(operation: Operation) -> None:
    """One line per parameter and body property: where it goes, its type and bounds."""
    from ango_hub._schema_check import properties  # noqa: PLC0415

    click.echo(f"{operation.method} {operation.path}  {operation.summary}")
    for param in operation.parameters:
        required = ", required" if param.required else ""
        click.echo(f"  {param.name}  ({param.location}{required}) {_schema_text(param.schema)}")
    for media, schema in operation.body_schemas.items():
        click.echo(f"  body: {media}")
        needed = set(schema.get("required", ()))
        for name, prop in properties(schema).items():
            required = ", required" if name in needed else ""
            click.echo(f"    {name}  (body{required}) {_schema_text(prop)}")


def _schema_text(schema: dict[str, Any]) -> str:
    from ango_hub._schema_check import types  # noqa: PLC0415

    if schema.get("format") == "binary":
        return "a file (--file)"
    text = " or ".join(sorted(types(schema))) or "any"
    if "enum" in schema:
        text += ": " + ", ".join(str(v) for v in schema["enum"])
    low, high = schema.get("minimum"), schema.get("maximum")
    if low is not None or high is not None:
        text += f" {'' if low is None else low}..{'' if high is None else high}"
    return text
