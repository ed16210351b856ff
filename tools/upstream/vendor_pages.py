"""The vendor's API pages in their Markdown form: read them, pull out the OpenAPI fragments.

Each page of docs.imerit.net embeds one OpenAPI 3.0.3 document per operation in a
```` ```json {"openapi": "3.0.3", ...} ``` ```` block. `merge` joins them into one document whose
operations are self-contained (every local `$ref` inlined per fragment), so two fragments that
give different bodies to the same component name cannot disturb each other.

A saved copy may be partial (the offline corpus holds what could be stored of each page); it
says so with `PARTIAL_MARK`. Only there may the last fragment be cut off: its operations are
named (path and method, read from the text) but not compared.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx

Json = Any
PARTIAL_MARK = "upstream-check: partial copy"
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
# A fenced json block; an unclosed one runs to the end of the text (a cut-off saved copy).
_FENCE = re.compile(r"^```json[ \t]*\n(.*?)(?:^```[ \t]*$|\Z)", re.MULTILINE | re.DOTALL)
_TITLE = re.compile(r"^# (.+?)\s*$", re.MULTILINE)
_CUT_OPERATION = re.compile(r'"(/[^"]*)":\{"(' + "|".join(METHODS) + r')"')
_CUT_TAG = re.compile(r'"tags":\[\{"name":"([^"]+)"')


class PageError(Exception):
    """A page that could not be read or understood; `url` names it."""

    def __init__(self, url: str, problem: str) -> None:
        super().__init__(f"{url}: {problem}")
        self.url = url
        self.problem = problem


@dataclass(frozen=True)
class Page:
    url: str
    text: str

    @property
    def partial(self) -> bool:
        return PARTIAL_MARK in self.text


@dataclass
class PageFragments:
    """What one page contributes: whole fragments, and operations seen only in a cut-off one."""

    url: str
    partial: bool
    documents: list[Json] = field(default_factory=list)
    cut_operations: set[str] = field(default_factory=set)
    tags: set[str] = field(default_factory=set)


def read_page_list(path: Path) -> list[str]:
    """The page URLs, one a line; blank lines and `#` comments are skipped."""
    urls = []
    for number, raw in enumerate(path.read_text().splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if urlsplit(line).scheme not in ("http", "https"):
            raise ValueError(f"{path}:{number}: not an http(s) URL: {line!r}")
        urls.append(line)
    names = [saved_name(url) for url in urls]
    clashes = sorted({n for n in names if names.count(n) > 1})
    if clashes:
        raise ValueError(f"{path}: two pages would share a saved copy: {', '.join(clashes)}")
    return urls


def saved_name(url: str) -> str:
    """File name of a page's saved copy: the URL's last path segment (`assets.md`)."""
    name = urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1]
    return name if name.endswith(".md") else f"{name}.md"


def read_saved(urls: Iterable[str], directory: Path) -> tuple[list[Page], list[PageError]]:
    """Saved copies from `directory`; a missing copy is an error naming its page."""
    pages, errors = [], []
    for url in urls:
        path = directory / saved_name(url)
        try:
            pages.append(Page(url, path.read_text(encoding="utf-8")))
        except OSError as exc:
            errors.append(PageError(url, f"no saved copy at {path} ({exc.strerror})"))
    return pages, errors


def fetch(urls: Iterable[str], client: httpx.Client) -> tuple[list[Page], list[PageError]]:
    """Every page over HTTP; each failure is collected, naming its page."""
    pages, errors = [], []
    for url in urls:
        try:
            response = client.get(url)
            response.raise_for_status()
        except httpx.HTTPStatusError as exc:
            errors.append(PageError(url, f"HTTP {exc.response.status_code}"))
        except httpx.HTTPError as exc:
            errors.append(PageError(url, f"{type(exc).__name__}: {exc or 'no detail'}"))
        else:
            pages.append(Page(url, response.text))
    return pages, errors


def extract(page: Page) -> PageFragments:
    """The page's OpenAPI fragments; raises PageError when one cannot be read."""
    found = PageFragments(page.url, page.partial)
    title = _TITLE.search(page.text)
    if title:
        found.tags.add(title.group(1))
    blocks = list(_FENCE.finditer(page.text))
    for index, block in enumerate(blocks, start=1):
        body = block.group(1)
        try:
            doc = json.loads(body)
        except json.JSONDecodeError as exc:
            cut_off = index == len(blocks) and not block.group(0).rstrip().endswith("```")
            if not (page.partial and cut_off):
                raise PageError(page.url, f"fragment {index} is not valid JSON ({exc})") from exc
            found.cut_operations |= {f"{m.upper()} {p}" for p, m in _CUT_OPERATION.findall(body)}
            found.tags |= set(_CUT_TAG.findall(body))
            continue
        if isinstance(doc, dict) and "openapi" in doc:
            found.documents.append(doc)
            found.tags |= {t["name"] for t in doc.get("tags") or [] if isinstance(t, dict)}
    if not found.documents and not found.cut_operations and not page.partial:
        raise PageError(
            page.url,
            'no OpenAPI fragment (a ```json {"openapi": ...}``` block) on the page; '
            "has its format changed?",
        )
    return found


def inline_refs(doc: Json) -> Json:
    """A copy of `doc` with every local `$ref` replaced by its target (cycles keep the ref)."""

    def target(ref: str) -> Json:
        node = doc
        for part in ref[2:].split("/"):
            node = node[part.replace("~1", "/").replace("~0", "~")]
        return node

    def walk(node: Json, trail: tuple[str, ...]) -> Json:
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/") and ref not in trail:
                try:
                    resolved = target(ref)
                except (KeyError, TypeError):
                    return copy.deepcopy(node)
                return walk(resolved, (*trail, ref))
            return {k: walk(v, trail) for k, v in node.items()}
        if isinstance(node, list):
            return [walk(v, trail) for v in node]
        return node

    result: Json = walk(doc, ())
    return result


def to_openapi_31(node: Json) -> Json:
    """The 3.0 spellings spec_diff would misread, in 3.1 form (`nullable`, boolean bounds)."""
    if isinstance(node, list):
        return [to_openapi_31(v) for v in node]
    if not isinstance(node, dict):
        return node
    out = {k: to_openapi_31(v) for k, v in node.items()}
    if out.get("nullable") is True and "type" in out:
        del out["nullable"]
        types = out["type"] if isinstance(out["type"], list) else [out["type"]]
        out["type"] = [*types, "null"] if "null" not in types else types
    for bound, limit in (("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum")):
        if isinstance(out.get(bound), bool):
            out[bound] = out.pop(limit) if out[bound] and limit in out else None
            if out[bound] is None:
                del out[bound]
    return out


def merge(pages: Iterable[PageFragments]) -> tuple[Json, list[str]]:
    """One document holding every fragment's operations, and notes on conflicting ones."""
    paths: dict[str, dict[str, Json]] = {}
    origin: dict[tuple[str, str], str] = {}
    notes = []
    for page in pages:
        for doc in page.documents:
            for path, item in (inline_refs(doc).get("paths") or {}).items():
                target = paths.setdefault(path, {})
                for key, value in item.items():
                    if key not in target:
                        target[key] = value
                        origin[(path, key)] = page.url
                    elif target[key] != value:
                        notes.append(
                            f"{key.upper()} {path}: two fragments differ "
                            f"({origin[(path, key)]} and {page.url}); the first is compared"
                        )
    merged = {"openapi": "3.1.0", "info": {"title": "vendor", "version": "0"}, "paths": paths}
    return to_openapi_31(merged), notes
