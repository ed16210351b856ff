"""Project and batch operations: list, create, get, update, clone, purge, delete; batches."""

from __future__ import annotations

from typing import Any

from starlette.responses import Response

from .api import ApiError, Call, Handler, success
from .state import Batch, Project

DEFAULT_SORT = "-createdAt"  # the server's order when `sort` is left out (newest first)


def _list_item(project: Project) -> dict[str, Any]:
    return {
        "_id": project.id,
        "name": project.name,
        "description": project.description,
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


async def create_project(call: Call) -> Response:
    body = call.op.body
    state = call.ctx.state
    with state.lock:
        project = state.create_project(call.api_key, name=body["name"])
        project.description = body.get("description", "")
        project.type = body.get("type", "ango")
        if "categorySchema" in body:
            project.category_schema = body["categorySchema"]
        project.benchmark.update(_benchmark_fields(body))
        return success({"project": project.to_api()}, 201)


async def get_project(call: Call) -> Response:
    with call.ctx.state.lock:
        return success({"project": call.project(call.op.path["projectId"]).to_api()})


def _benchmark_fields(body: dict[str, Any]) -> dict[str, Any]:
    keys = ("benchmarkEnabled", "benchmarkRatio", "benchmarkCutoff")
    return {key: body[key] for key in keys if key in body}


async def update_project(call: Call) -> Response:
    body = call.op.body
    with call.ctx.state.lock:
        project = call.project(call.op.path["projectId"])
        if "stages" in body:  # kept as sent: a `next` naming no stage is met when a task moves
            project.stages = [dict(stage) for stage in body["stages"]]
        if "categorySchema" in body:
            project.category_schema = body["categorySchema"]
        project.benchmark.update(_benchmark_fields(body))
        return success({"project": project.to_api()})


async def delete_project(call: Call) -> Response:
    state = call.ctx.state
    with state.lock:
        project = call.project(call.op.path["projectId"])
        del state.projects[project.id]
    return success({})


async def purge_project(call: Call) -> Response:
    """Assets and tasks go; the (empty) project, its settings and batches stay."""
    with call.ctx.state.lock:
        project = call.project(call.op.path["projectId"])
        if call.op.body["confirmName"] != project.name:
            raise ApiError(400, "confirmName: must equal the project's name")
        project.assets.clear()
        project.seed_blocks.clear()
        project.touched.clear()
    return success({})


async def clone_project(call: Call) -> Response:
    """A new project ``<name> copy`` with the sections whose flag is not ``false``."""
    wanted = {key: call.op.body.get(key, True) for key in ("categorySchema", "batches", "workflow")}
    state = call.ctx.state
    with state.lock:
        source = call.project(call.op.path["projectId"])
        clone = state.create_project(call.api_key, name=f"{source.name} copy")
        clone.description, clone.type = source.description, source.type
        if call.op.body.get("projectGeneralSettings", True):
            clone.benchmark = dict(source.benchmark)
        if wanted["categorySchema"]:
            clone.category_schema = source.category_schema
        if wanted["workflow"]:
            clone.stages = [dict(stage) for stage in source.stages]
        if wanted["batches"]:
            clone.batches = {b.id: Batch(id=b.id, name=b.name) for b in source.batches.values()}
        return success({"project": clone.to_api()})


async def create_batches(call: Call) -> Response:
    """``{"name"}`` adds one batch; ``{"batches": [...]}`` adds those not there (by ``_id``,
    then name). Batches left out of the list are kept. Both given: both are added; neither:
    nothing changes (no source says the server refuses either)."""
    body = call.op.body
    items = list(body.get("batches") or [])
    if "name" in body:
        items.append({"name": body["name"]})
    with call.ctx.state.lock:
        project = call.project(call.op.path["projectId"])
        for item in items:
            known = project.batches.get(item.get("_id", "")) or project.batch_by_ref(item["name"])
            if known is None:
                project.resolve_batches([item["name"]])
        return success({"project": project.to_api()})


HANDLERS: dict[str, Handler] = {
    "listProjects": list_projects,
    "createProject": create_project,
    "getProject": get_project,
    "updateProject": update_project,
    "deleteProject": delete_project,
    "cloneProject": clone_project,
    "purgeProject": purge_project,
    "createBatches": create_batches,
}
