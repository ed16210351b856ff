"""Drive ``AsyncAngoHub`` from the same test code as ``AngoHub``.

``Blocking(async_hub, runner)`` looks like the sync client: each coroutine a method returns is
run to completion on ``runner``'s event loop, async iterators become plain iterators, and
``with``/``close()`` map to ``async with``/``aclose()``. Only the driving is shared; every
request still goes through the async client's own code (httpx.AsyncClient, asyncio
semaphores, the async retry loop), so a test written once checks both clients.
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import AsyncIterator, Iterator
from typing import Any

from ango_hub import AsyncAngoHub


class Blocking:
    """A sync view of an async client (or of one of its resources)."""

    def __init__(self, target: Any, runner: asyncio.Runner) -> None:
        self._target = target
        self._runner = runner

    def _result(self, value: Any) -> Any:
        if inspect.iscoroutine(value):
            value = self._runner.run(value)
        if inspect.isasyncgen(value) or isinstance(value, AsyncIterator):
            return self._iterate(value)
        if isinstance(value, AsyncAngoHub):  # with_options() hands back a client
            return Blocking(value, self._runner)
        return value

    def _iterate(self, iterator: AsyncIterator[Any]) -> Iterator[Any]:
        async def step() -> Any:
            return await iterator.__anext__()

        while True:
            try:
                yield self._runner.run(step())
            except StopAsyncIteration:
                return

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._target, name)
        if _has_async_methods(value):  # the client, or one of its resources (hub.assets...)
            return Blocking(value, self._runner)
        if callable(value) and not isinstance(value, type):
            return lambda *args, **kwargs: self._result(value(*args, **kwargs))
        return value

    def close(self, *args: Any) -> Any:
        if isinstance(self._target, AsyncAngoHub):
            return self._runner.run(self._target.aclose())
        return self._result(self._target.close(*args))  # a resource's close (hub.issues)

    def __enter__(self) -> Blocking:
        return self._result(self._target.__aenter__())  # type: ignore[no-any-return]

    def __exit__(self, *exc_info: object) -> None:
        self._runner.run(self._target.__aexit__(*exc_info))

    def __repr__(self) -> str:
        return repr(self._target)


def _has_async_methods(value: Any) -> bool:
    """True for the client and its resources: objects with public coroutine methods."""
    if isinstance(value, type):
        return False
    return any(
        inspect.iscoroutinefunction(member) or inspect.isasyncgenfunction(member)
        for cls in type(value).__mro__
        for name, member in vars(cls).items()
        if not name.startswith("_")
    )
