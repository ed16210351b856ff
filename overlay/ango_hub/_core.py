"""What the sync and async clients share: settings, retry policy, and request preparation."""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING, Any, Self, TypedDict

import httpx

from ._config import DEFAULT_MAX_IN_FLIGHT, Settings, check_positive, resolve
from ._pacing import Pacer
from ._redact import install_log_filter, redacted_url
from ._retry import RetryPolicy
from ._sending import Attempts, attempt_budget
from .errors import ConfigurationError, UnexpectedResponseError

if TYPE_CHECKING:
    from collections.abc import Mapping

    from ._prepare import Extras, Prepared

DEFAULT_MAX_RETRIES = 2
# A bulk upload at its top concurrency (64) has 64 API calls and 64 storage PUTs in flight.
POOL = httpx.Limits(max_connections=DEFAULT_MAX_IN_FLIGHT, max_keepalive_connections=128)
# The request extension naming the only origin the apikey header may be sent to.
KEY_ORIGIN = "ango_hub_key_origin"


def origin(url: httpx.URL) -> tuple[str, str, int | None]:
    """Scheme, host and port: what must not change for the key to follow a redirect."""
    return url.scheme, url.host, url.port


def key_may_go(request: httpx.Request) -> bool:
    """False when ``request`` (a redirect's) leaves the origin its API key was meant for."""
    meant_for = request.extensions.get(KEY_ORIGIN)
    return meant_for is None or meant_for == origin(request.url)


class TransportOptions(TypedDict, total=False):
    """The clients' keyword-only transport settings (README, "Transport"), declared once:
    ``AsyncAngoHub``/``AngoHub`` take them as ``**transport``, :meth:`HubCore._configure`
    applies them and their defaults."""

    deadline: float | None  # each call's whole time, retries and waits included
    max_in_flight: int  # requests in flight at once (default: the pool's size)
    requests_per_minute: float | None  # client-side pacing, per ``rate_window`` seconds
    rate_window: float  # default 60
    max_response_bytes: int | None  # cap on a decompressed API answer
    max_task_bytes: int | None  # cap on one task read from an export archive


class HubCore:
    """Holds the resolved settings; never shows the API key in its repr."""

    _settings: Settings
    _policy: RetryPolicy
    _owns_http: bool
    _pacer: Pacer
    _slots: Any  # the client's Semaphore bounding requests in flight
    # extra_body/extra_query/extra_headers given to with_options() or to a resource method:
    # added to every API call this client makes (README, "Sending what the spec lacks").
    _extras: Extras | None = None

    def _configure(
        self,
        *,
        api_key: str | None,
        region: str | None,
        base_url: str | None,
        timeout: float | httpx.Timeout | None,
        max_retries: int,
        retry_policy: RetryPolicy | None,
        transport: TransportOptions,
    ) -> int:
        """Resolve and check the settings; returns the bound on requests in flight."""
        unknown = sorted(set(transport) - TransportOptions.__optional_keys__)
        if unknown:  # what a signature listing the options would refuse
            known = ", ".join(sorted(TransportOptions.__optional_keys__))
            raise TypeError(f"unexpected keyword argument(s) {unknown} (transport: {known})")
        caps: dict[str, int | None] = {
            "max_response_bytes": transport.get("max_response_bytes"),
            "max_task_bytes": transport.get("max_task_bytes"),
        }
        self._settings = resolve(
            api_key=api_key,
            region=region,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            deadline=transport.get("deadline"),
            **{name: value for name, value in caps.items() if value is not None},
        )
        self._policy = retry_policy or RetryPolicy()
        max_in_flight = transport.get("max_in_flight", DEFAULT_MAX_IN_FLIGHT)
        if max_in_flight < 1:
            raise ConfigurationError("max_in_flight: must be 1 or more")
        try:
            self._pacer = Pacer(
                transport.get("requests_per_minute"),
                window=transport.get("rate_window", 60.0),
                max_wait=self._policy.max_retry_after,
            )
        except ValueError as exc:
            raise ConfigurationError(str(exc)) from None
        install_log_filter()  # httpx's INFO lines would print signed storage URLs
        return max_in_flight

    @property
    def base_url(self) -> str:
        """The API root requests go to, e.g. ``https://imeritapi.ango.ai/v2``."""
        return self._settings.base_url

    @property
    def max_retries(self) -> int:
        """How many times a failed request that is safe to repeat is retried."""
        return self._settings.max_retries

    def with_options(
        self,
        *,
        max_retries: int | None = None,
        timeout: float | httpx.Timeout | None = None,
        deadline: float | None = None,
        extra_body: Mapping[str, Any] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Self:
        """A client sharing this one's connections, with other retry, timeout or deadline
        settings (its bound on requests in flight and its pacing are shared too).

        ``hub.with_options(max_retries=0).assets.delete(...)`` sends that one call without
        retries; ``hub.with_options(deadline=5).assets.list_page(...)`` gives each of its
        calls 5 s in all. ``extra_body``, ``extra_query`` and ``extra_headers`` are sent, as
        given and unchecked, with every API request the clone makes (the body only with those
        that have one); every resource method takes them too, for its own requests.
        """
        clone = copy.copy(self)
        if extra_body or extra_query or extra_headers:
            from ._prepare import Extras  # noqa: PLC0415  (not needed for the import)

            given = Extras(extra_body, extra_query, extra_headers)
            clone._extras = given if self._extras is None else self._extras.merged(given)
        changes: dict[str, Any] = {}
        if max_retries is not None:
            if max_retries < 0:
                raise ValueError("max_retries: must be 0 or more")
            changes["max_retries"] = max_retries
        if deadline is not None:
            check_positive("deadline", deadline)
            changes["deadline"] = deadline
        if timeout is not None:
            changes["timeout"] = (
                timeout if isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout)
            )
        clone._settings = dataclasses.replace(self._settings, **changes)
        clone._owns_http = False  # closing stays with the original
        for name, value in vars(type(self)).items():  # resources cached on the original
            if isinstance(value, cached_property):  # are bound to it: the clone makes its own
                clone.__dict__.pop(name, None)
        return clone

    def _attempts(
        self,
        *,
        idempotent: bool,
        api: bool = False,
        deadline: float | None = None,
        plain_timeout: httpx.Timeout | None = None,
    ) -> Attempts:
        """The bookkeeping of one call; ``api`` calls are paced and their answers capped. A
        ``plain_timeout`` (a call streaming no file) without any deadline gets the default
        one, per attempt (:func:`ango_hub._sending.attempt_budget`)."""
        settings = self._settings
        deadline = settings.deadline if deadline is None else deadline
        budget = None
        if deadline is None and plain_timeout is not None:
            budget = attempt_budget(plain_timeout)
        return Attempts(
            self._policy,
            settings.max_retries,
            idempotent=idempotent,
            secret=settings.api_key,
            deadline=deadline,
            pacer=self._pacer if api else None,
            slots=self._slots,
            max_response_bytes=settings.max_response_bytes if api else None,
            attempt_budget=budget,
        )

    def _request_builder(
        self,
        client: httpx.Client | httpx.AsyncClient,
        prepared: Prepared,
        timeout: float | httpx.Timeout | None,
    ) -> Callable[[], httpx.Request]:
        """A function building the API request afresh for each attempt (file parts rewound)."""
        args: dict[str, Any] = {
            "method": prepared.operation.method,
            "url": self._settings.base_url + prepared.path,
            "params": prepared.params,
            "headers": {**prepared.headers, "apikey": self._settings.api_key},
            "timeout": self._settings.timeout if timeout is None else timeout,
            "extensions": {KEY_ORIGIN: origin(httpx.URL(self._settings.base_url))},
            **prepared.content,
        }

        def build() -> httpx.Request:
            prepared.rewind()
            return client.build_request(**args)

        return build

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(base_url={self._settings.base_url!r}, "
            f"max_retries={self._settings.max_retries})"
        )


def as_timeout(timeout: float | httpx.Timeout | None, default: httpx.Timeout) -> httpx.Timeout:
    """A per-call ``timeout`` as an :class:`httpx.Timeout`, ``default`` when not given."""
    if timeout is None:
        return default
    return timeout if isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout)


def response_json(response: httpx.Response) -> Any:
    """The parsed JSON body of a 2xx answer, or None when it has no body."""
    if not response.content:
        return None
    try:
        return response.json()
    except (ValueError, RecursionError) as exc:  # not JSON, cut off, or nested past the stack
        excerpt = " ".join(response.text[:80].split())
        raise UnexpectedResponseError(
            f"the body is not JSON ({type(exc).__name__}; starts {excerpt!r})",
            method=response.request.method,
            url=redacted_url(response.request.url),
            status_code=response.status_code,
        ) from exc
