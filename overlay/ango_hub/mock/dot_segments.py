"""Dot segments (``.``, ``..``, percent-encoded at any depth) in a request's path: refused
with a 400 naming the path parameter they stand in, never routed.

A client that normalises the URL drops ``.`` and climbs a level on ``..``; a server that
decodes ``%2e`` before routing does the same. Either way ``PATCH /issue/.`` would be served as
another operation than the one asked for, so the mock answers it as the bad value it is.
"""

from __future__ import annotations

from urllib.parse import unquote

from .validation import API_PREFIX, routes

_DOTS = (".", "..")


def is_dot_segment(segment: str) -> bool:
    """``.`` or ``..``, as given or percent-encoded once or more (``%2e``, ``.%2E``, ``%252e``)."""
    for _ in range(8):  # each round undoes one level of encoding
        if segment in _DOTS:
            return True
        decoded = unquote(segment)
        if decoded == segment:
            return False
        segment = decoded
    return False


def dot_segment_problem(raw_path: str) -> str | None:
    """The 400's message for a path holding a dot segment (naming the parameter whose place
    it takes), or None for a path without one."""
    segments = raw_path.split("/")
    for index, segment in enumerate(segments):
        if is_dot_segment(segment):
            name = _parameter_at(segments, index)
            return (
                f"{name}: {segment!r} is a dot segment, not a value (it would reach another path)"
            )
    return None


def _parameter_at(segments: list[str], index: int) -> str:
    """The name of the path parameter at ``index`` in the operations this path would match
    with an ordinary value there; ``path`` when none has a parameter there."""
    probe = "/".join("x" if i == index else unquote(s) for i, s in enumerate(segments))
    for route in routes():
        template = (API_PREFIX + route.template).split("/")
        if route.regex.match(probe) and index < len(template) and template[index].startswith("{"):
            return template[index][1:-1]
    return "path"
