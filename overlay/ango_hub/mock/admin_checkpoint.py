"""``/_mock/checkpoint``: save the mock's state (every organisation, project, asset, issue,
storage) and put it back, so that a test can run many times from the same populated
organisation without building it again. One checkpoint per mock; stored files are kept as
they are (a restore puts back the records, not the files)."""

from __future__ import annotations

import copy
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from .admin import admin
from .api import failure, success
from .context import MockContext

_FIELDS = ("organisations", "key_to_org", "projects", "issues", "storages")


async def checkpoint(request: Request, ctx: MockContext) -> Response:
    """POST: save the state now; PUT: put the saved state back (faults and log cleared)."""
    state = ctx.state
    with state.lock:
        if request.method == "POST":
            saved = {name: copy.deepcopy(getattr(state, name)) for name in _FIELDS}
            request.app.state.mock_checkpoint = saved
            return success({"saved": True}, 201)
        saved_state: dict[str, Any] | None = getattr(request.app.state, "mock_checkpoint", None)
        if saved_state is None:
            return failure(409, "checkpoint: none saved yet (POST /_mock/checkpoint first)")
        for name in _FIELDS:
            setattr(state, name, copy.deepcopy(saved_state[name]))
    ctx.faults.clear()
    ctx.requests.clear()
    return success({"restored": True})


CHECKPOINT_ADMIN_ROUTES = [
    Route("/_mock/checkpoint", admin(checkpoint), methods=["POST", "PUT"]),
]
