"""``--plan``: every request a run would send, in order, without sending any.

The run's own code (steps, probes, cleanup, and the request guard that judges each request)
runs against the mock, in this process, through an in-memory transport: nothing leaves the
process, and the list is what the code does, not a description of it kept by hand.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

import httpx

from .context import Mode
from .runner import LiveCheckOptions, execute

PLAN_RUN_ID = "RUN"
_PLAN_ROOT = "http://plan.invalid/v2"


class InMemoryTransport(httpx.BaseTransport):
    """Answers each request from an ASGI app in this process."""

    def __init__(self, app: object) -> None:
        self._asgi = httpx.ASGITransport(app=app)  # type: ignore[arg-type]
        self._loop = asyncio.new_event_loop()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        async def answer() -> httpx.Response:
            copy = httpx.Request(
                request.method, request.url, headers=request.headers, content=request.read()
            )
            response = await self._asgi.handle_async_request(copy)
            body = await response.aread()
            headers = [(k, v) for k, v in response.headers.items() if k != "content-encoding"]
            return httpx.Response(response.status_code, headers=headers, content=body)

        return self._loop.run_until_complete(answer())

    def close(self) -> None:
        self._loop.close()


@dataclass(frozen=True)
class PlannedRequest:
    operation_id: str
    method: str
    target: str
    step: str


def plan(mode: Mode) -> list[PlannedRequest]:
    """The requests of a run in ``mode`` on an empty project, with no failures."""
    from ..mock.app import create_app  # noqa: PLC0415  (the mock extra: only for --plan)
    from ..mock.config import MockConfig  # noqa: PLC0415

    config = MockConfig()
    project, api_key = next(iter(config.projects.items()))
    transport = InMemoryTransport(create_app(config))
    options = LiveCheckOptions(
        api_key=api_key,
        base_url=_PLAN_ROOT,
        project=project,
        mode=mode,
        run_id=PLAN_RUN_ID,
        max_retries=0,
        transport=transport,
    )
    done = execute(options)
    steps = {id(e.request): e.step for e in done.session.run.recorder.exchanges}
    return [
        PlannedRequest(
            verdict.operation_id, request.method, verdict.target, steps.get(id(request), "")
        )
        for request, verdict in done.session.transport.verdicts
    ]


def plan_text(mode: Mode) -> str:
    planned = plan(mode)
    lines = [
        f"The live check in {mode.value} mode sends these {len(planned)} requests, in order "
        f"(run ID shown as {PLAN_RUN_ID}; the target: a new object, the run's own object, or "
        "a read). With no failure; a failed creation skips the steps that need its object.",
        "",
    ]
    width = max((len(p.operation_id) for p in planned), default=10)
    for number, item in enumerate(planned, 1):
        lines.append(f"{number:>4}  {item.operation_id:<{width}}  {item.method:<6}  {item.target}")
    return "\n".join(lines)
