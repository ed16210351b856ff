"""The send loop: one request, retried as :class:`ango_hub._sending.Attempts` decides."""

from __future__ import annotations

from collections.abc import Callable

import httpx

from ango_hub._concurrency_async import sleep
from ango_hub._sending import Attempts


async def send(
    client: httpx.AsyncClient,
    build: Callable[[], httpx.Request],
    attempts: Attempts,
    *,
    stream: bool = False,
) -> httpx.Response:
    """Send with retries; returns a 2xx response (unread when ``stream``), raises otherwise."""
    while True:
        request = build()
        attempts.start()
        try:
            response = await client.send(request, stream=stream)
            if not response.is_success:
                await response.aread()
        except httpx.TransportError as exc:
            await sleep(attempts.after_error(exc, request))
            continue
        except (httpx.DecodingError, httpx.TooManyRedirects, httpx.StreamError) as exc:
            raise attempts.unusable(exc, request) from exc
        attempts.log(request, response)
        if response.is_success:
            return response
        await response.aclose()
        await sleep(attempts.after_status(response))
