"""The client users build: :class:`AsyncAngoHub`, and (produced from this file) ``AngoHub``."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self, Unpack

import httpx

from ango_hub._concurrency_async import Semaphore
from ango_hub._core import (
    DEFAULT_MAX_RETRIES,
    POOL,
    HubCore,
    TransportOptions,
    as_timeout,
    key_may_go,
    response_json,
)
from ango_hub._options import RawRequest
from ango_hub._retry import RetryPolicy
from ango_hub._write_only import scrub_error, secrets_in
from ango_hub.errors import AngoHubError

from .sending import send

if TYPE_CHECKING:
    from ango_hub._prepare import Prepared

    from .assets import AsyncAssets
    from .batches import AsyncBatches
    from .exports import AsyncExports
    from .files import AsyncFiles
    from .imports import AsyncAttachments, AsyncLabels
    from .issues import AsyncIssues
    from .llms import AsyncLlms, AsyncNotifications
    from .organization import AsyncOrganization
    from .project_figures import AsyncProjectFigures
    from .project_setup import AsyncProjectSetup
    from .projects import AsyncProjects
    from .storages import AsyncStorages
    from .tasks import AsyncTasks


async def drop_key_off_origin(request: httpx.Request) -> None:
    """httpx event hook, run on every request including each redirect's: the ``apikey``
    header never goes to another scheme, host or port than the API's (httpx itself strips
    only ``Authorization``)."""
    if not key_may_go(request):
        request.headers.pop("apikey", None)


class AsyncAngoHub(HubCore):
    """Client for the Ango Hub API v2 (``AngoHub``; ``AsyncAngoHub`` has the same methods,
    awaitable).

    ``api_key`` falls back to ``ANGO_API_KEY``; ``base_url`` to ``ANGO_BASE_URL``, then to the
    ``region``'s server (``ANGO_REGION``; one of eu, us, in, test; default eu). Pass your own
    ``http_client`` for proxies or custom transports; it is not closed with this client.
    Resources (``hub.assets``, ``hub.projects``, ...) load on first use; :meth:`call` reaches
    every operation of the spec.

    Transport settings (README, "Transport"): ``deadline`` bounds each call's whole time,
    retries and waits included (raises :class:`~ango_hub.DeadlineExceededError`; per call:
    ``call(deadline=)`` or ``with_options(deadline=)``). Without one, each attempt of a call
    streaming no file must complete within its connect + write + read timeouts
    (:class:`~ango_hub.APITimeoutError`), so a server trickling its answer cannot hold it.
    ``max_in_flight`` bounds the requests this client has in flight at once (default 128, its
    pool's size): more calls wait their turn. ``requests_per_minute`` (per ``rate_window``
    seconds) paces API calls on the client's side; the server's ``Retry-After`` and
    ``X-RateLimit-*`` headers always pace them. ``max_response_bytes`` caps a decompressed API
    answer and ``max_task_bytes`` one task read from an export archive
    (:class:`~ango_hub.ResponseTooLargeError` beyond).
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
        **transport: Unpack[TransportOptions],
    ) -> None:
        max_in_flight = self._configure(
            api_key=api_key,
            region=region,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            retry_policy=retry_policy,
            transport=transport,
        )
        self._slots = Semaphore(max_in_flight)
        self._http = http_client or httpx.AsyncClient(
            timeout=self._settings.timeout, limits=POOL, follow_redirects=True
        )
        hooks = self._http.event_hooks["request"]
        if drop_key_off_origin not in hooks:
            hooks.append(drop_key_off_origin)
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
        """The organisation's projects: list, create, get, label set, workflow, clone, delete."""
        from .projects import AsyncProjects  # noqa: PLC0415

        return AsyncProjects(self)

    @cached_property
    def project_setup(self) -> AsyncProjectSetup:
        """A project's members, instructions, label validation, webhooks, asset templates."""
        from .project_setup import AsyncProjectSetup  # noqa: PLC0415

        return AsyncProjectSetup(self)

    @cached_property
    def project_figures(self) -> AsyncProjectFigures:
        """A project's overview metrics and labelling performance."""
        from .project_figures import AsyncProjectFigures  # noqa: PLC0415

        return AsyncProjectFigures(self)

    @cached_property
    def tasks(self) -> AsyncTasks:
        """Label tasks: list, get, history, assign, annotate, review, requeue, priority."""
        from .tasks import AsyncTasks  # noqa: PLC0415

        return AsyncTasks(self)

    @cached_property
    def issues(self) -> AsyncIssues:
        """Issues raised on tasks: list, create, update, resolve, close, comment, delete."""
        from .issues import AsyncIssues  # noqa: PLC0415

        return AsyncIssues(self)

    @cached_property
    def storages(self) -> AsyncStorages:
        """Cloud storage integrations (credentials write-only) and their files."""
        from .storages import AsyncStorages  # noqa: PLC0415

        return AsyncStorages(self)

    @cached_property
    def organization(self) -> AsyncOrganization:
        """The organisation's members and invitations (by organisation ID)."""
        from .organization import AsyncOrganization  # noqa: PLC0415

        return AsyncOrganization(self)

    @cached_property
    def llms(self) -> AsyncLlms:
        """LLM configurations (the provider key is write-only)."""
        from .llms import AsyncLlms  # noqa: PLC0415

        return AsyncLlms(self)

    @cached_property
    def notifications(self) -> AsyncNotifications:
        """Notifications to members of the organisation."""
        from .llms import AsyncNotifications  # noqa: PLC0415

        return AsyncNotifications(self)

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
        deadline: float | None = None,
        extra_body: Mapping[str, Any] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_headers: Mapping[str, str] | None = None,
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
        ``deadline``: seconds for the whole call, retries included (default: the client's;
        with neither, a call sending no ``files`` gives each attempt its connect + write + read
        timeouts to complete, README "Deadlines").
        ``ango_hub.operations()`` lists the operations.

        The escape hatch, for what the spec does not know yet (a new vendor field):
        ``extra_body``, ``extra_query`` and ``extra_headers`` are added after the check and sent
        as given. :meth:`request` sends to a path the spec does not have.

        >>> page = hub.call("listAssets", {"projectId": PROJECT, "limit": 5})  # doctest: +SKIP
        >>> page["data"]["total"]  # doctest: +SKIP
        """
        from ango_hub._prepare import Extras, prepare  # noqa: PLC0415  (not needed for import)

        try:
            extra = Extras(extra_body, extra_query, extra_headers)
            prepared = prepare(
                operation_id, params, body=body, files=files, extra=extra, scoped=self._extras
            )
            return await self._send_prepared(prepared, timeout, deadline, streams=bool(files))
        except AngoHubError as exc:  # write-only fields (credentials) never reach a message
            scrub_error(exc, secrets_in(operation_id, body))
            raise

    async def request(
        self,
        method: str,
        path: str,
        *,
        timeout: float | httpx.Timeout | None = None,  # noqa: ASYNC109  (httpx's, per request)
        deadline: float | None = None,
        **parts: Unpack[RawRequest],
    ) -> Any:
        """Send a request the spec does not describe (a new vendor endpoint): ``path`` under
        the base URL (``"/project/ID/newThing"``), with the client's key, retries (GET, PUT,
        DELETE only) and typed errors; returns the parsed JSON answer. ``params``, ``json``,
        ``data``, ``files`` and ``headers`` are sent as given: nothing is checked, so prefer
        :meth:`call` for what the spec knows. ``with_options(extra_query=, extra_headers=)``
        apply here too.

        >>> hub.request("GET", "/projects", params={"page": 1})  # doctest: +SKIP
        """
        from ango_hub._prepare import prepare_raw  # noqa: PLC0415  (not needed for the import)

        prepared = prepare_raw(method, path, parts, self._extras)
        streams = bool(parts.get("files"))
        return await self._send_prepared(prepared, timeout, deadline, streams=streams)

    async def _send_prepared(
        self,
        prepared: Prepared,
        timeout: float | httpx.Timeout | None,  # noqa: ASYNC109
        deadline: float | None,
        *,
        streams: bool,
    ) -> Any:
        # A call that streams no files gets a default deadline per attempt (README "Deadlines").
        plain = None if streams else as_timeout(timeout, self._settings.timeout)
        try:
            build = self._request_builder(self._http, prepared, timeout)
            attempts = self._attempts(
                idempotent=prepared.operation.idempotent,
                api=True,
                deadline=deadline,
                plain_timeout=plain,
            )
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
