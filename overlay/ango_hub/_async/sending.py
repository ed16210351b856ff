"""The send loop: one request, paced, bounded and retried as
:class:`ango_hub._sending.Attempts` decides."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import nullcontext

import httpx

from ango_hub._concurrency_async import sleep, time_limit
from ango_hub._sending import Attempts


async def send(
    client: httpx.AsyncClient,
    build: Callable[[], httpx.Request],
    attempts: Attempts,
    *,
    stream: bool = False,
) -> httpx.Response:
    """Send with retries; returns a 2xx response (unread when ``stream``), raises otherwise.

    The whole call, waits and retries included, ends at the attempts' deadline."""
    try:
        async with time_limit(attempts.remaining()):
            return await _send(client, build, attempts, stream=stream)
    except TimeoutError:  # only the asyncio client's time limit raises it
        raise attempts.exceeded() from None


async def _send(
    client: httpx.AsyncClient,
    build: Callable[[], httpx.Request],
    attempts: Attempts,
    *,
    stream: bool,
) -> httpx.Response:
    while True:
        while (wait := attempts.pace()) > 0:
            await sleep(wait)
        request = build()
        try:
            attempts.start(request)
            async with attempts.slots or nullcontext():
                response = await client.send(request, stream=True)
                if not (stream and response.is_success):
                    await read_body(response, attempts)
        except httpx.TransportError as exc:
            await sleep(attempts.after_error(exc, request))
            continue
        except (httpx.DecodingError, httpx.TooManyRedirects, httpx.StreamError) as exc:
            attempts.abandon()
            raise attempts.unusable(exc, request) from exc
        except BaseException:
            attempts.abandon()
            raise
        attempts.log(request, response)
        if response.is_success:
            return response
        await sleep(attempts.after_status(response))


async def read_body(response: httpx.Response, attempts: Attempts) -> None:
    """Read the body, checking its decompressed size and the deadline after every chunk (a
    server trickling bytes, or a small gzip body growing without bound, cannot hold the call)."""
    chunks: list[bytes] = []
    size = 0
    try:
        async for chunk in response.aiter_bytes():
            size += len(chunk)
            attempts.check_body(size)
            chunks.append(chunk)
    finally:
        await response.aclose()
    # What httpx's own read() stores: response.content and .json() work as usual.
    response._content = b"".join(chunks)
