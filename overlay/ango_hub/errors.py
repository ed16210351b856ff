"""Typed errors. Every failure the client raises is an :class:`AngoHubError`.

Status errors carry the HTTP status, the server's message (from any of the three error body
shapes the API is known to use, or a short excerpt of a non-JSON body), the request method and
URL. None of them ever holds the API key: it travels only in a request header, which errors do
not keep.
"""

from __future__ import annotations

import json
from typing import Any

import httpx

from ._redact import redacted_url, scrub_urls

_EXCERPT = 200


class AngoHubError(Exception):
    """Base class of every error raised by ``ango_hub``."""


class AngoHubValidationError(AngoHubError, ValueError):
    """Invalid input caught before any request is sent; names the field and what is allowed."""

    def __init__(self, field: str, problem: str, allowed: str | None = None) -> None:
        self.field = field
        self.problem = problem
        self.allowed = allowed
        text = f"{field}: {problem}"
        if allowed:
            text += f" (allowed: {allowed})"
        super().__init__(text)


class ConfigurationError(AngoHubError, ValueError):
    """The client cannot be built as asked (no API key, unknown region...)."""


class APIConnectionError(AngoHubError):
    """The request did not get an answer: connection refused, reset, or broken mid-response."""

    def __init__(self, message: str, *, method: str, url: str) -> None:
        self.method = method
        self.url = url
        super().__init__(f"{message} ({method} {url})")


class APITimeoutError(APIConnectionError):
    """The request timed out."""


class UnexpectedResponseError(AngoHubError):
    """The server answered, but not with something the client can use: a 2xx body that is not
    JSON, is cut off or has the wrong shape, or a body whose ``Content-Encoding`` does not
    decode. ``status_code`` is the answer's status (``None`` when it is not known)."""

    def __init__(
        self, problem: str, *, method: str, url: str, status_code: int | None = None
    ) -> None:
        self.problem = problem
        self.method = method
        self.url = url
        self.status_code = status_code
        status = "" if status_code is None else f" ({status_code})"
        super().__init__(f"unexpected answer{status} from {method} {url}: {problem}")


class RedirectError(AngoHubError):
    """A redirect that cannot be followed: a loop (too many redirects), or a 307/308 on a
    streamed upload to storage, whose body cannot be sent twice."""

    def __init__(self, problem: str, *, method: str, url: str) -> None:
        self.problem = problem
        self.method = method
        self.url = url
        super().__init__(f"{problem} ({method} {url})")


class ExportArchiveError(AngoHubError):
    """An export archive that is not a zip, is corrupt, or holds something other than JSON or
    NDJSON tasks."""


class APIStatusError(AngoHubError):
    """The server answered with a non-2xx status."""

    def __init__(
        self,
        *,
        status_code: int,
        message: str,
        method: str,
        url: str,
        body: Any = None,
    ) -> None:
        self.status_code = status_code
        self.message = message
        self.method = method
        self.url = url
        self.body = body
        super().__init__(f"{status_code} from {method} {url}: {message}")


class BulkJobStoppedError(AngoHubError):
    """A bulk job (``hub.assets.upload``) stopped on a failure that every file would meet: its
    first files all failed with the same 401, 403 or 404 (``ango_hub.upload.FAIL_FAST_AFTER``
    of them), or the project check before any file did. ``cause`` is that error; ``report``
    holds every file's outcome, the files never tried as ``not_attempted``."""

    def __init__(self, reason: str, *, cause: APIStatusError, report: Any) -> None:
        self.cause = cause
        self.report = report
        self.status_code = cause.status_code
        super().__init__(reason)


class UploadInterrupted(KeyboardInterrupt):
    """Ctrl-C or SIGTERM during a bulk upload: no new file was started, the transfers in
    flight were finished, nothing more was imported. ``report`` holds every file's outcome
    (``not_attempted`` for those never tried, and for those put in storage but not yet
    imported); running the same upload again resumes (files already in the project are
    skipped). A ``KeyboardInterrupt``, so code that stops on Ctrl-C still stops."""

    def __init__(self, report: Any) -> None:
        self.report = report
        super().__init__(report.interrupted_summary() if report is not None else "interrupted")


class BadRequestError(APIStatusError):
    """400: the request was invalid; the message names the field."""


class AuthenticationError(APIStatusError):
    """401: the API key is missing or unknown."""


class PermissionDeniedError(APIStatusError):
    """403: the key's organisation may not access this resource."""


class NotFoundError(APIStatusError):
    """404: no such project or asset (or not visible to this key)."""


class ConflictError(APIStatusError):
    """409: the request conflicts with the resource's state."""


class UnprocessableEntityError(APIStatusError):
    """422: well-formed but semantically invalid."""


class RateLimitError(APIStatusError):
    """429: rate limited; ``retry_after`` is the server's hint in seconds, if it gave one."""

    def __init__(self, *, retry_after: float | None = None, **kwargs: Any) -> None:
        self.retry_after = retry_after
        super().__init__(**kwargs)


class InternalServerError(APIStatusError):
    """5xx: the server (or a gateway in front of it) failed."""


class DeadlineExceededError(APITimeoutError):
    """The call's total deadline (``deadline=``, retries and waits included) ran out."""

    def __init__(self, deadline: float, *, method: str, url: str) -> None:
        self.deadline = deadline
        super().__init__(
            f"deadline of {deadline:g} s exceeded (pass deadline=<seconds> to the call or the"
            " client to allow longer, or deadline=None for none)",
            method=method,
            url=url,
        )


class ResponseTooLargeError(AngoHubError):
    """A decompressed answer, or one task of an export archive, outgrew its cap.

    ``setting`` names the client option that raises the cap."""

    def __init__(self, what: str, limit: int, setting: str) -> None:
        self.what = what
        self.limit = limit
        self.setting = setting
        super().__init__(
            f"{what} is larger than the cap of {limit:,} bytes once decompressed"
            f" (raise it with {setting}=<bytes>)"
        )


_BY_STATUS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def server_message(response: httpx.Response) -> tuple[str, Any]:
    """The server's explanation, from any known error body shape, and the parsed body."""
    text = response.text
    try:
        body: Any = json.loads(text) if text else None
    except (ValueError, RecursionError):  # not JSON, or nested past the stack
        excerpt = " ".join(text.split())[:_EXCERPT]
        return (excerpt or response.reason_phrase or "no message"), None
    if isinstance(body, dict):
        message = body.get("message")
        if isinstance(message, str) and message:
            return message, body
        error = body.get("error")
        if isinstance(error, dict) and isinstance(error.get("message"), str):
            return str(error["message"]), body
        if isinstance(error, str) and error:
            return error, body
    return (response.reason_phrase or "no message"), body


def parse_retry_after(response: httpx.Response) -> float | None:
    """Seconds from a ``Retry-After`` header given as seconds or as an HTTP date."""
    value = response.headers.get("retry-after")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    from email.utils import parsedate_to_datetime  # noqa: PLC0415  (rare path)
    from time import time  # noqa: PLC0415

    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time())
    except (TypeError, ValueError):
        return None


def error_from_response(response: httpx.Response) -> APIStatusError:
    """The typed error for a non-2xx answer (the body must already be read)."""
    status = response.status_code
    message, body = server_message(response)
    message = scrub_urls(message)  # a server echoing a signed URL back
    kwargs: dict[str, Any] = {
        "status_code": status,
        "message": message,
        "method": response.request.method,
        "url": redacted_url(response.request.url),
        "body": body,
    }
    if status == 404 and _api_base_lacks_v2(response.request):
        kwargs["message"] = f"{message} (the base URL has no /v2: add /v2 to it, as in {_V2})"
    if status == 429:
        return RateLimitError(retry_after=parse_retry_after(response), **kwargs)
    cls = _BY_STATUS.get(status)
    if cls is None:
        cls = InternalServerError if status >= 500 else APIStatusError
    return cls(**kwargs)


_V2 = "https://imeritapi.ango.ai/v2"


def _api_base_lacks_v2(request: httpx.Request) -> bool:
    """An API request (not storage's) to a path with no ``v2`` segment: the base URL most
    likely lacks ``/v2``, and every operation answers 404."""
    from ._core import KEY_ORIGIN  # noqa: PLC0415  (_core imports this module)

    return KEY_ORIGIN in request.extensions and "v2" not in request.url.path.split("/")
