"""``ango-hub labels import`` and ``ango-hub attachments import``."""

from __future__ import annotations

import re
from typing import Annotated, Any

import typer

from ._client import open_hub
from ._context import JsonFlag, wants_json
from ._errors import EXIT_OK, EXIT_PARTIAL, exit_with
from ._inputs import checked_as, load_items
from ._lazy import command_app
from ._output import print_data

labels_app = command_app(
    no_args_is_help=True, help="Import labels (pre-labels or finished annotations)."
)
attachments_app = command_app(
    no_args_is_help=True, help="Import attachments (PDFs, documents) onto assets."
)
commands = command_app()
commands.add_typer(labels_app, name="labels")
commands.add_typer(attachments_app, name="attachments")

Project = Annotated[str, typer.Argument(help="Project ID.", show_default=False)]
SourceFile = Annotated[
    str, typer.Argument(metavar="FILE|-", help="JSON or NDJSON file (- reads stdin).")
]

LABELED = re.compile(r"(\d+)\s*/\s*(\d+)")


def _send(
    ctx: typer.Context, project: str, file: str, key: str
) -> tuple[list[dict[str, Any]], Any]:
    """Read the items (``labels`` or ``attachments``) from ``file`` and import them; the
    library checks each against the spec (its asset, its required fields) before sending."""
    items = load_items(file, key, "FILE")
    with open_hub(ctx) as hub, checked_as("FILE"):
        resource = hub.labels if key == "labels" else hub.attachments
        return items, resource.import_(project, items)


@labels_app.command(
    "import",
    epilog="""\
Example:

\b
  ango-hub labels import 507f1f77bcf86cd799439011 labels.json

FILE: [{"externalId": "img-001.png", "answer": {"classifications": [...]}, "status": "Completed"}]
(or {"labels": [...]}, or NDJSON). Exit code 1 if some labels matched no task.
""",
)
def import_labels(
    ctx: typer.Context, project: Project, file: SourceFile, json_flag: JsonFlag = False
) -> None:
    """Import labels onto the tasks of assets named by assetId or externalId."""
    labels, result = _send(ctx, project, file, "labels")
    message = str(result)
    match = LABELED.search(message)
    labeled, total = (int(match[1]), int(match[2])) if match else (None, None)
    data = {"project": project, "sent": len(labels), "labeled": labeled, "message": message}
    print_data(data, wants_json(ctx, json_flag))
    exit_with(EXIT_PARTIAL if labeled is not None and total and labeled < total else EXIT_OK)


@attachments_app.command(
    "import",
    epilog="""\
Example:

\b
  ango-hub attachments import 507f1f77bcf86cd799439011 attachments.json

FILE: [{"externalId": "img-001.png", "attachmentUrl": "https://x/a.pdf", "attachmentType": "pdf"}]
(or {"attachments": [...]}, or NDJSON).
""",
)
def import_attachments(
    ctx: typer.Context, project: Project, file: SourceFile, json_flag: JsonFlag = False
) -> None:
    """Attach files (by URL) to assets named by assetId or externalId."""
    attachments, result = _send(ctx, project, file, "attachments")
    counts = result.to_dict()
    data = {"project": project, "sent": len(attachments)}
    data.update({name: counts.get(name) for name in ("attachmentsImported", "assetsUpdated")})
    print_data(data, wants_json(ctx, json_flag))
