"""Auto-pagination over ``page``/``limit`` listings that report a ``total``.

Two pages stay in flight ahead of the caller, so the server works on one page while this
process parses another.
"""

from __future__ import annotations

from collections import deque
from collections.abc import AsyncIterator
from itertools import islice
from typing import TypeVar

from ango_hub import _schema_check as schema_check
from ango_hub._concurrency_async import Fn, Workers
from ango_hub._index import operation

T = TypeVar("T")

PAGE_SIZE = 100
PREFETCH = 2


def last_page(first: int, total: int, page_size: int) -> int:
    """The last page number, from the first page's item count and ``total``."""
    if first < page_size:
        return 1
    return max(1, -(-total // page_size))


def check_page_size(operation_id: str, page_size: int) -> None:
    """``page_size`` must fit the operation's ``limit`` parameter (bounds from the spec)."""
    limit = operation(operation_id).parameter("limit")
    if limit is not None:
        schema_check.check("page_size", page_size, limit.schema)


async def pages(fetch: Fn[int, tuple[list[T], int]], page_size: int) -> AsyncIterator[T]:
    """Every item of pages 1, 2, ... as ``fetch(number)`` returns them (items, total)."""
    first, total = await fetch(1)
    for item in first:
        yield item
    last = last_page(len(first), total, page_size)
    if last == 1:
        return
    async with Workers(PREFETCH) as workers:
        upcoming = iter(range(2, last + 1))
        pending = deque(workers.start(fetch, number) for number in islice(upcoming, PREFETCH))
        while pending:
            items, _total = await workers.result(pending.popleft())
            pending.extend(workers.start(fetch, number) for number in islice(upcoming, 1))
            for item in items:
                yield item
            if len(items) < page_size:  # the listing shrank meanwhile
                return


async def pages_until_short(fetch: Fn[int, list[T]], page_size: int) -> AsyncIterator[T]:
    """Every item of pages 1, 2, ... for listings without a ``total``: a page shorter than
    ``page_size`` is the last, so pages are fetched one after the other."""
    number = 1
    while True:
        items = await fetch(number)
        for item in items:
            yield item
        if len(items) < page_size:
            return
        number += 1
