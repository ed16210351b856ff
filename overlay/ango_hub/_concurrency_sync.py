"""Concurrency for the sync client: the thread twin of :mod:`ango_hub._concurrency_async`.

Same names, same behaviour, done with a thread pool; the sync client code in
``ango_hub/_sync/`` (produced from ``_async/`` by ``tools/unasync.py``) imports this module.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import AbstractContextManager, nullcontext
from typing import Self, TypeAlias, TypeVar

A = TypeVar("A")
T = TypeVar("T")
Fn: TypeAlias = Callable[[A], T]

sleep = time.sleep
Semaphore = threading.Semaphore
Handle = Future


class Workers:
    """Runs ``fn(arg)`` calls on up to ``limit`` threads; leaving the ``with`` block cancels
    what has not started and waits for what has."""

    def __init__(self, limit: int) -> None:
        self._pool = ThreadPoolExecutor(limit, thread_name_prefix="ango-hub")

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def start(self, fn: Fn[A, T], arg: A) -> Future[T]:
        """Schedule ``fn(arg)``; its result comes from :meth:`result`."""
        return self._pool.submit(fn, arg)

    def result(self, handle: Future[T]) -> T:
        return handle.result()

    def map(self, fn: Fn[A, T], args: Iterable[A]) -> list[T]:
        """``fn`` over every argument, results in order."""
        return list(self._pool.map(fn, args))


def time_limit(seconds: float | None) -> AbstractContextManager[None]:
    """No way to cancel a blocking call from outside: the sync client's deadline is enforced
    between body chunks and by cutting each timeout to the time left (``Attempts.start``)."""
    return nullcontext()
