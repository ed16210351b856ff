"""Concurrency for the sync client: the thread twin of :mod:`ango_hub._concurrency_async`.

Same names, same behaviour, done with a thread pool; the sync client code in
``ango_hub/_sync/`` (produced from ``_async/`` by ``tools/unasync.py``) imports this module.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import AbstractContextManager, contextmanager, nullcontext
from types import FrameType
from typing import Any, Self, TypeAlias, TypeVar

from .errors import UploadInterrupted

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


# What stops a bulk job from outside: Ctrl-C, and SIGTERM while :func:`stop_on_sigterm` holds.
INTERRUPTS = (KeyboardInterrupt,)


def interrupted(exc: BaseException, report: Any) -> BaseException:
    """What an interrupted bulk job raises: :class:`UploadInterrupted`, with its ``report``."""
    return UploadInterrupted(report)


@contextmanager
def stop_on_sigterm() -> Iterator[None]:
    """While the block runs, SIGTERM stops it as Ctrl-C does (KeyboardInterrupt in the main
    thread), so a bulk job killed by a supervisor reports what it did. Only from the main
    thread, and only where SIGTERM still has its default action (a handler the program set
    stays in charge)."""
    main = threading.current_thread() is threading.main_thread()
    if not main or signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL:
        yield
        return

    def stop(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt(f"signal {signum}")

    signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
