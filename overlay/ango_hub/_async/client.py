"""The client users build: :class:`AsyncAngoHub`, and (produced from this file) ``AngoHub``."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self

import httpx

from ango_hub._core import DEFAULT_MAX_RETRIES, POOL, HubCore, response_json
from ango_hub._retry import RetryPolicy

from .sending import send

if TYPE_CHECKING:
    from .assets import AsyncAssets
    from .batches import AsyncBatches
    from .exports import AsyncExports
    from .files import AsyncFiles
    from .imports import AsyncAttachments, AsyncLabels
    from .projects import AsyncProjects


class AsyncAngoHub(HubCore):
    """Client for the Ango Hub API v2 (``AngoHub``; ``AsyncAngoHub`` has the same methods,
    awaitable).

    ``api_key`` falls back to ``ANGO_API_KEY``; ``base_url`` to ``ANGO_BASE_URL``, then to the
    ``region``'s server (``ANGO_REGION``; one of eu, us, in, test; default eu). Pass your own
    ``http_client`` for proxies or custom transports; it is not closed with this client.
    Resources (``hub.assets``, ``hub.projects``, ...) load on first use; :meth:`call` reaches
    every operation of the spec.
    """

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
        self._http = http_client or httpx.AsyncClient(
            timeout=self._settings.timeout, limits=POOL, follow_redirects=True
        )
        self._owns_http = http_client is None

    # Each resource module (and the generated models it parses into) is imported on first use.
    @cached_property
    def assets(self) -> AsyncAssets:
        """A project's assets: list, import, upload, update, batches, delete."""
        from .assets import AsyncAssets  # noqa: PLC0415

        return AsyncAssets(self)

    @cached_property
    def files(self) -> AsyncFiles:
        """Signed upload and download URLs, and streamed PUTs to storage."""
        from .files import AsyncFiles  # noqa: PLC0415

        return AsyncFiles(self)

    @cached_property
    def attachments(self) -> AsyncAttachments:
        """Attachments linked to assets."""
        from .imports import AsyncAttachments  # noqa: PLC0415

        return AsyncAttachments(self)

    @cached_property
    def labels(self) -> AsyncLabels:
        """Pre-labels imported into tasks."""
        from .imports import AsyncLabels  # noqa: PLC0415

        return AsyncLabels(self)

    @cached_property
    def exports(self) -> AsyncExports:
        """Task exports: prepare, download, iterate."""
        from .exports import AsyncExports  # noqa: PLC0415

        return AsyncExports(self)

    @cached_property
    def projects(self) -> AsyncProjects:
        """The organisation's projects."""
        from .projects import AsyncProjects  # noqa: PLC0415

        return AsyncProjects(self)

    @cached_property
    def batches(self) -> AsyncBatches:
        """A project's batches: list, create, assign."""
        from .batches import AsyncBatches  # noqa: PLC0415

        return AsyncBatches(self)

    async def call(
        self,
        operation_id: str,
        params: Mapping[str, Any] | None = None,
        *,
        body: Any = None,
        files: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,  # noqa: ASYNC109  (httpx's, per request)
    ) -> Any:
        """Send any operation of the spec by its operationId; returns the parsed JSON answer.

        ``params``: path and query parameters by their spec names (``projectId``; snake_case
        such as ``project_id`` works too; ``None`` values are left out). ``body``: the JSON
        (or form) body, a dict or a generated model. ``files``: multipart file parts (a path,
        bytes, a binary file, or ``(filename, content, content_type)``). Everything is checked
        against the spec before sending: an unknown or missing parameter, a value outside its
        enum or bounds, or a body that does not fit its schema raises
        :class:`~ango_hub.AngoHubValidationError` naming the field and what is allowed. Sent
        with the client's key, retries (as safe for the operation) and typed errors.
        ``ango_hub.operations()`` lists the operations.

        >>> page = hub.call("listAssets", {"projectId": PROJECT, "limit": 5})  # doctest: +SKIP
        >>> page["data"]["total"]  # doctest: +SKIP
        """
        from ango_hub._prepare import prepare  # noqa: PLC0415  (not needed for the import)

        prepared = prepare(operation_id, params, body=body, files=files)
        try:
            build = self._request_builder(self._http, prepared, timeout)
            attempts = self._attempts(idempotent=prepared.operation.idempotent)
            response = await send(self._http, build, attempts)
        finally:
            prepared.close()
        return response_json(response)

    async def _send(self, build: Any, *, idempotent: bool, stream: bool = False) -> httpx.Response:
        """Send a request to storage (not the API): no API key, same retries and errors."""
        attempts = self._attempts(idempotent=idempotent)
        return await send(self._http, build, attempts, stream=stream)

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
