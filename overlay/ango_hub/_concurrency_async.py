"""Concurrency for the asyncio client: tasks on the running loop.

The client code is written once, in ``ango_hub/_async/``; ``tools/unasync.py`` produces the
sync twin in ``ango_hub/_sync/``, where this module's name becomes ``_concurrency_sync``: the
same names, done with threads. These two modules are the only place the two differ.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterable
from contextlib import AbstractContextManager, nullcontext
from typing import Any, Self, TypeAlias, TypeVar

from .errors import UploadInterrupted

A = TypeVar("A")
T = TypeVar("T")
# A function of one argument, as Workers runs it (a coroutine function here).
Fn: TypeAlias = Callable[[A], Awaitable[T]]

sleep = asyncio.sleep
Semaphore = asyncio.Semaphore
Handle = asyncio.Task


class Workers:
    """Runs ``fn(arg)`` calls concurrently, at most ``limit`` at once; leaving the ``async
    with`` block cancels what has not finished (a listing abandoned halfway)."""

    def __init__(self, limit: int) -> None:
        self._slots = asyncio.Semaphore(limit)
        self._started: list[asyncio.Task[object]] = []

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc: object) -> None:
        for task in self._started:
            task.cancel()

    def start(self, fn: Fn[A, T], arg: A) -> asyncio.Task[T]:
        """Schedule ``fn(arg)``; its result comes from :meth:`result`."""

        async def bounded() -> T:
            async with self._slots:
                return await fn(arg)

        task = asyncio.ensure_future(bounded())
        self._started.append(task)
        return task

    async def result(self, handle: asyncio.Task[T]) -> T:
        return await handle

    async def map(self, fn: Fn[A, T], args: Iterable[A]) -> list[T]:
        """``fn`` over every argument, results in order."""
        return list(await asyncio.gather(*(self.start(fn, arg) for arg in args)))


def time_limit(seconds: float | None) -> asyncio.Timeout:
    """Cancel the block after ``seconds`` (None: never); it then raises ``TimeoutError``."""
    return asyncio.timeout(None if seconds is None else max(seconds, 0.0))


# What stops a bulk job from outside: Ctrl-C reaches a coroutine as the cancellation of its
# task (``asyncio.run`` cancels the main task), or as KeyboardInterrupt without a runner.
INTERRUPTS = (asyncio.CancelledError, KeyboardInterrupt)


def interrupted(exc: BaseException, report: Any) -> BaseException:
    """What an interrupted bulk job raises. A cancellation stays a cancellation (an
    ``asyncio.timeout`` or a task group around the job relies on it), with the ``report``
    attached to it; a KeyboardInterrupt becomes :class:`UploadInterrupted`."""
    if isinstance(exc, asyncio.CancelledError):
        exc.report = report  # type: ignore[attr-defined]
        return exc
    return UploadInterrupted(report)


def stop_on_sigterm() -> AbstractContextManager[None]:
    """The asyncio client leaves signals to the event loop's owner (a cancellation of the
    job's task is how it stops)."""
    return nullcontext()
