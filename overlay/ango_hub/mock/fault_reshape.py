"""The ``reshape`` fault: the app answers as usual, then one field is removed from the JSON
body, so clients (and the live check) can be tested against a server whose answers drifted
from the spec."""

from __future__ import annotations

import json
from typing import Any

from starlette.types import Message, Send


def remove_field(document: Any, dotted: str) -> bool:
    """Delete ``a.b.0.c`` from ``document``; False when the path is not there."""
    *parents, last = dotted.split(".")
    node = document
    for part in parents:
        if isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        elif isinstance(node, dict) and part in node:
            node = node[part]
        else:
            return False
    if isinstance(node, dict) and last in node:
        del node[last]
        return True
    if isinstance(node, list) and last.isdigit() and int(last) < len(node):
        del node[int(last)]
        return True
    return False


def reshaping_send(send: Send, dotted: str) -> Send:
    """A ``send`` that holds the answer back, removes ``dotted`` from a JSON body, and fixes
    ``Content-Length``; other bodies pass unchanged."""
    start: Message | None = None
    chunks: list[bytes] = []

    async def wrapped(message: Message) -> None:
        nonlocal start
        if message["type"] == "http.response.start":
            start = message
            return
        if message["type"] != "http.response.body" or start is None:
            await send(message)
            return
        chunks.append(message.get("body", b""))
        if message.get("more_body", False):
            return
        body = b"".join(chunks)
        try:
            document = json.loads(body)
        except ValueError:
            document = None
        if document is not None and remove_field(document, dotted):
            body = json.dumps(document).encode()
        headers = [(k, v) for k, v in start.get("headers", []) if k.lower() != b"content-length"]
        headers.append((b"content-length", str(len(body)).encode()))
        await send({**start, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    return wrapped
