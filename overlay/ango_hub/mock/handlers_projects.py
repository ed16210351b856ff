"""Project operations: the key's organisation's projects, one page at a time."""

from __future__ import annotations

from typing import Any

from starlette.responses import Response

from .api import Call, Handler, success
from .state import Project

DEFAULT_SORT = "-createdAt"  # the server's order when `sort` is left out (newest first)


def _list_item(project: Project) -> dict[str, Any]:
    return {
        "_id": project.id,
        "name": project.name,
        "organization": project.organization_id,
        "createdAt": project.created_at,
    }


async def list_projects(call: Call) -> Response:
    """``sort`` names a field of the listed project, ``-`` first for descending; a field the
    items do not have leaves them in creation order."""
    query = call.op.query
    page, limit = query.get("page", 1), query.get("limit", 10)
    sort = query.get("sort") or DEFAULT_SORT
    field, descending = sort.removeprefix("-"), sort.startswith("-")
    state = call.ctx.state
    with state.lock:
        mine = [_list_item(p) for p in state.projects_of(call.api_key)]
    mine.sort(key=lambda item: str(item.get(field, "")), reverse=descending)  # stable on ties
    start = (page - 1) * limit
    return success({"projects": mine[start : start + limit], "total": len(mine)})


HANDLERS: dict[str, Handler] = {"listProjects": list_projects}
