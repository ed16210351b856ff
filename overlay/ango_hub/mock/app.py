"""The ASGI app factory."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount, Route

from . import (
    exports,
    handlers_assets,
    handlers_imports,
    handlers_issues,
    handlers_llms,
    handlers_organization,
    handlers_project_figures,
    handlers_project_setup,
    handlers_projects,
    handlers_storage,
    handlers_storages,
    handlers_tasks,
)
from .admin import ADMIN_ROUTES
from .admin_checkpoint import CHECKPOINT_ADMIN_ROUTES
from .admin_organisation import ORGANISATION_ADMIN_ROUTES
from .api import ApiDispatcher, failure
from .config import MockConfig
from .context import MockContext
from .crash_guard import CrashGuard
from .faults import FaultMiddleware, FaultRule, quiet_dropped_responses
from .plugin_host_admin import PLUGIN_ADMIN_ROUTES

_ALL_METHODS = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"]


async def _http_error(request: Request, exc: Exception) -> Response:
    if not isinstance(exc, HTTPException):  # pragma: no cover - registered for HTTPException
        raise exc
    return failure(exc.status_code, exc.detail, dict(exc.headers or {}))


def create_app(
    config: MockConfig | None = None, *, faults: list[FaultRule] | None = None, **settings: Any
) -> Starlette:
    """Build a mock Ango Hub server as an ASGI app.

    ``config`` (or keyword ``settings`` for :class:`MockConfig` fields) chooses keys, projects,
    URL lifetime and limits; ``faults`` starts it with fault rules. The instance's
    :class:`~ango_hub.mock.context.MockContext` is ``app.state.mock``.
    """
    config = config or MockConfig(**settings)
    quiet_dropped_responses()
    ctx = MockContext(config)
    for rule in faults or []:
        ctx.faults.add(rule)
    handlers = {
        **handlers_assets.HANDLERS,
        **handlers_imports.HANDLERS,
        **handlers_projects.HANDLERS,
        **handlers_project_setup.HANDLERS,
        **handlers_project_figures.HANDLERS,
        **handlers_storage.HANDLERS,
        **handlers_issues.HANDLERS,
        **handlers_storages.HANDLERS,
        **exports.HANDLERS,
        **handlers_organization.HANDLERS,
        **handlers_llms.HANDLERS,
        **handlers_tasks.HANDLERS,
    }
    dispatcher = ApiDispatcher(handlers)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        ctx.close()

    app = Starlette(
        routes=[
            # The local plugin host's Socket.IO endpoint (namespace /plugin; plugin_host.py)
            Mount("/socket.io", app=ctx.plugins.asgi),
            Route("/v2/{rest:path}", dispatcher.handle, methods=_ALL_METHODS),
            Route(
                "/_storage/{key:path}", handlers_storage.storage_endpoint, methods=["GET", "PUT"]
            ),
            *ADMIN_ROUTES,
            *ORGANISATION_ADMIN_ROUTES,
            *PLUGIN_ADMIN_ROUTES,
            *CHECKPOINT_ADMIN_ROUTES,
        ],
        middleware=[
            Middleware(
                FaultMiddleware,
                injector=ctx.faults,
                record=ctx.record,
                max_buffer=config.max_body_bytes,
            ),
            Middleware(CrashGuard, record=ctx.record),
        ],
        # Not `Exception`: Starlette re-raises after such a handler, and uvicorn then drops
        # the kept-alive connection. CrashGuard answers those (see crash_guard.py).
        exception_handlers={HTTPException: _http_error},
        lifespan=lifespan,
    )
    app.state.mock = ctx
    return app
