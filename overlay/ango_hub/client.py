"""The clients users build: :class:`AngoHub` (sync) and :class:`AsyncAngoHub` (asyncio)."""

from __future__ import annotations

from collections.abc import Mapping
from types import TracebackType
from typing import Any, Self, TypeVar

import httpx

from ._core import (
    DEFAULT_MAX_RETRIES,
    HubCore,
    close_files,
    new_async_client,
    new_sync_client,
    response_json,
)
from ._operations import Call
from ._prepare import prepare
from ._retry import RetryPolicy
from ._sending import send_async, send_sync
from .resources import (
    Assets,
    AsyncAssets,
    AsyncAttachments,
    AsyncExports,
    AsyncFiles,
    AsyncLabels,
    Attachments,
    Exports,
    Files,
    Labels,
)

T = TypeVar("T")


class AngoHub(HubCore):
    """Client for the Ango Hub API v2.

    ``api_key`` falls back to ``ANGO_API_KEY``; ``base_url`` to ``ANGO_BASE_URL``, then to the
    ``region``'s server (``ANGO_REGION``; one of eu, us, in, test; default eu). Pass your own
    ``http_client`` for proxies or custom transports; it is not closed by :meth:`close`.

    >>> with AngoHub(api_key="...") as hub:  # doctest: +SKIP
    ...     for asset in hub.assets.list("507f1f77bcf86cd799439011"):
    ...         print(asset.external_id)
    """

    def __init__(  # noqa: PLR0917  (the documented positional order)
        self,
        api_key: str | None = None,
        region: str | None = None,
        base_url: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: httpx.Client | None = None,
        retry_policy: RetryPolicy | None = None,
    ) -> None:
        self._configure(
            api_key=api_key,
            region=region,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            retry_policy=retry_policy,
        )
        self._http = http_client or new_sync_client(self._settings)
        self._owns_http = http_client is None
        self._bind_resources()

    def _bind_resources(self) -> None:
        self.assets = Assets(self)
        self.files = Files(self)
        self.attachments = Attachments(self)
        self.labels = Labels(self)
        self.exports = Exports(self)

    def _run(self, call: Call[T]) -> T:
        try:
            build = self._builder(self._http, call)
            response = send_sync(self._http, build, self._attempts(idempotent=call.idempotent))
        finally:
            close_files(call)
        return call.parse(response.json())

    def _send(self, build: Any, *, idempotent: bool, stream: bool = False) -> httpx.Response:
        """Send a request to storage (not the API): no API key, same retries and errors."""
        return send_sync(self._http, build, self._attempts(idempotent=idempotent), stream=stream)

    def call(
        self,
        operation_id: str,
        params: Mapping[str, Any] | None = None,
        *,
        body: Any = None,
        files: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> Any:
        """Send any operation of the spec by its operationId; returns the parsed JSON answer.

        ``params``: path and query parameters by their spec names (``projectId``; snake_case
        such as ``project_id`` works too). ``body``: the JSON (or form) body, a dict or a
        generated model. ``files``: multipart file parts (a path, bytes, a binary file, or
        ``(filename, content, content_type)``). Everything is checked against the spec before
        sending: an unknown or missing parameter, a value outside its enum or bounds, or a body
        that does not fit its schema raises :class:`AngoHubValidationError` naming the field
        and what is allowed. Sent with the client's key, retries (by the operation's safety to
        repeat) and typed errors.

        >>> page = hub.call("listAssets", {"projectId": PROJECT, "limit": 5})  # doctest: +SKIP
        >>> page["data"]["total"]  # doctest: +SKIP
        """
        prepared = prepare(operation_id, params, body=body, files=files)
        try:
            build = self._request_builder(self._http, prepared, timeout)
            attempts = self._attempts(idempotent=prepared.operation.idempotent)
            response = send_sync(self._http, build, attempts)
        finally:
            prepared.close()
        return response_json(response)

    def close(self) -> None:
        """Close the connection pool (unless it was passed in)."""
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class AsyncAngoHub(HubCore):
    """The asyncio twin of :class:`AngoHub`: same settings, same resources, awaitable methods."""

    def __init__(  # noqa: PLR0917  (the documented positional order)
        self,
        api_key: str | None = None,
        region: str | None = None,
        base_url: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: httpx.AsyncClient | None = None,
        retry_policy: RetryPolicy | None = None,
    ) -> None:
        self._configure(
            api_key=api_key,
            region=region,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            retry_policy=retry_policy,
        )
        self._http = http_client or new_async_client(self._settings)
        self._owns_http = http_client is None
        self._bind_resources()

    def _bind_resources(self) -> None:
        self.assets = AsyncAssets(self)
        self.files = AsyncFiles(self)
        self.attachments = AsyncAttachments(self)
        self.labels = AsyncLabels(self)
        self.exports = AsyncExports(self)

    async def _run(self, call: Call[T]) -> T:
        try:
            build = self._builder(self._http, call)
            attempts = self._attempts(idempotent=call.idempotent)
            response = await send_async(self._http, build, attempts)
        finally:
            close_files(call)
        return call.parse(response.json())

    async def _send(self, build: Any, *, idempotent: bool, stream: bool = False) -> httpx.Response:
        """Send a request to storage (not the API): no API key, same retries and errors."""
        attempts = self._attempts(idempotent=idempotent)
        return await send_async(self._http, build, attempts, stream=stream)

    async def call(
        self,
        operation_id: str,
        params: Mapping[str, Any] | None = None,
        *,
        body: Any = None,
        files: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,  # noqa: ASYNC109  (httpx's, per request)
    ) -> Any:
        """Send any operation of the spec by its operationId; see :meth:`AngoHub.call`."""
        prepared = prepare(operation_id, params, body=body, files=files)
        try:
            build = self._request_builder(self._http, prepared, timeout)
            attempts = self._attempts(idempotent=prepared.operation.idempotent)
            response = await send_async(self._http, build, attempts)
        finally:
            prepared.close()
        return response_json(response)

    async def aclose(self) -> None:
        """Close the connection pool (unless it was passed in)."""
        if self._owns_http:
            await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()
