"""Turn the reference pages' request examples (curl commands, raw HTTP) into wire requests."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

import httpx

from tests.spec.spec_wire import WireRequest, from_httpx, wire_request

# The raw-HTTP examples keep path placeholders; fill them with the spec's own example IDs.
PATH_PLACEHOLDERS = {
    "{projectId}": "507f1f77bcf86cd799439011",
    "{assetId}": "65a1f0c2e4b0a1b2c3d4e5f6",
}


@dataclass(frozen=True)
class DocsRequest:
    """A docs request example, parsed but otherwise as shown."""

    method: str
    url: str
    headers: list[tuple[str, str]]
    body: str | None


def parse(text: str) -> DocsRequest:
    """Parse a ``curl -X ...`` command or a raw ``METHOD /path HTTP/1.1`` request."""
    if text.startswith("curl "):
        match = re.match(r'curl -X (\w+) "([^"]+)"', text)
        assert match, text
        body = re.search(r"-d '(.*)'\Z", text, re.DOTALL)
        return DocsRequest(
            method=match[1],
            url=match[2],
            headers=re.findall(r'-H "([^:"]+): ([^"]*)"', text),
            body=body[1] if body else None,
        )
    head, _, body_text = text.partition("\n\n")
    request_line, *header_lines = head.split("\n")
    method, target, version = request_line.split(" ")
    assert version == "HTTP/1.1", request_line
    headers = [_header(line) for line in header_lines]
    host = dict(headers)["Host"]
    return DocsRequest(
        method=method,
        url=f"https://{host}{target}",
        headers=[(k, v) for k, v in headers if k not in ("Host", "Content-Length")],
        body=body_text or None,
    )


def _header(line: str) -> tuple[str, str]:
    name, value = line.split(": ", 1)
    return name, value


def to_wire(docs: DocsRequest) -> WireRequest:
    """The request a client following the example sends.

    The chat page shows its multipart fields as a JSON object (``"file": "binary"``); they are
    sent as real multipart parts, the file as a part with a file name.
    """
    url = docs.url
    for placeholder, value in PATH_PLACEHOLDERS.items():
        url = url.replace(placeholder, value)
    content_type = dict(docs.headers).get("Content-Type", "")
    if content_type.startswith("multipart/form-data"):
        assert docs.body is not None
        fields = json.loads(docs.body)
        file_text = fields.pop("file")
        request = httpx.Request(
            docs.method,
            url,
            headers=[(k, v) for k, v in docs.headers if k != "Content-Type"],
            data={name: str(value) for name, value in fields.items()},
            files={"file": ("conversations.json", file_text.encode(), "application/json")},
        )
        request.read()
        return from_httpx(request)
    body = docs.body.encode() if docs.body is not None else None
    return wire_request(docs.method, url, docs.headers, body)
