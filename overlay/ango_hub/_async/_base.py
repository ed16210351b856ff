"""Resources reach their client through this small base, which also reads answers into models:
an answer of the wrong shape is an :class:`~ango_hub.errors.UnexpectedResponseError`, never a
``KeyError`` or ``TypeError`` from deep inside a generated model.

It also gives every public method of every resource the escape hatch, in this one place:
``extra_body=``, ``extra_query=`` and ``extra_headers=`` keywords (as openai-python's methods
have), sent unchecked with each API request the method makes (:func:`takes_extras`)."""

from __future__ import annotations

import functools
import inspect
import warnings
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Concatenate, Generic, ParamSpec, TypeVar, overload

import httpx

from ango_hub._index import operation
from ango_hub._tolerant import put_back, response_schema, split
from ango_hub.errors import UnexpectedResponseError
from ango_hub.stage_names import stage_refs, workflow

if TYPE_CHECKING:
    from .client import AsyncAngoHub

M = TypeVar("M")
P = ParamSpec("P")
R = TypeVar("R")
# The keywords every public resource method takes (README, "Sending what the spec lacks").
# Each method declares them (so mypy knows them); `takes_extras` takes them out before the
# method body runs, which then runs on a twin resource whose client sends them.
EXTRA_OPTIONS = ("extra_body", "extra_query", "extra_headers")
ExtraBody = Mapping[str, Any] | None
ExtraQuery = Mapping[str, Any] | None
ExtraHeaders = Mapping[str, str] | None
# What a generated model's from_dict raises on a body of the wrong shape.
_SHAPE_ERRORS = (KeyError, TypeError, ValueError, AttributeError, IndexError, OverflowError)


class AsyncResource:
    def __init__(self, hub: AsyncAngoHub) -> None:
        self._hub = hub

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        for name, member in list(vars(cls).items()):
            if not name.startswith("_") and inspect.isfunction(member):
                setattr(cls, name, takes_extras(member))

    async def _workflow(
        self, project_id: str, read: ProjectRead | None = None
    ) -> list[tuple[str, str]]:
        """``(id, name)`` of each stage of the project's workflow: one read of the project
        (``read``: shared with the call's other checks; :mod:`ango_hub.stage_names`)."""
        answer = await (read or ProjectRead(self._hub, project_id)).answer()
        data = answer.get("data") if isinstance(answer, dict) else None
        project = data.get("project") if isinstance(data, dict) else None
        if not isinstance(project, dict):
            raise self._unexpected("getProject", "the answer has no data.project")
        return workflow(project)

    async def _stage_id(self, project_id: str | None, field: str, stage: str | None) -> str | None:
        """The ID of ``stage`` (a name or ID of the project's workflow; one read), refused when
        the workflow lacks it; as given without a project to check it against."""
        if stage is None or project_id is None:
            return stage
        return stage_refs(field, project_id, [stage], await self._workflow(project_id), "id")[0]

    def _unexpected(self, operation_id: str, problem: str) -> UnexpectedResponseError:
        op = operation(operation_id)
        return UnexpectedResponseError(
            f"{operation_id}: {problem}", method=op.method, url=self._hub.base_url + op.path
        )

    def _parse(self, read: Callable[[Any], M], answer: Any, operation_id: str) -> M:
        """``read(answer)`` (a generated model's ``from_dict``), tolerantly: values the model
        cannot read (an unknown enum value, a field of another type) are set aside into
        ``additional_properties`` and the rest is read (``ango_hub._tolerant``); an answer
        that still does not fit is an :class:`UnexpectedResponseError` naming what is missing."""
        try:
            return read(answer)
        except _SHAPE_ERRORS as exc:
            first = exc
        schema = response_schema(operation_id)
        if schema is not None and isinstance(answer, dict):
            kept, taken = split(answer, schema)
            try:
                parsed = read(kept)
            except _SHAPE_ERRORS as exc:
                first = exc
            else:
                put_back(parsed, taken)
                return parsed
        if isinstance(first, KeyError):
            problem = f"the answer has no {first.args[0]!r}"
        else:
            problem = f"the answer does not have the spec's shape ({type(first).__name__}: {first})"
        raise self._unexpected(operation_id, problem) from first

    def _need(self, value: M | None, operation_id: str, name: str) -> M:
        """A field the method cannot do without: the answer's schema leaves it optional (no
        source requires it), so its absence is a typed error naming it, not a ``None``."""
        if value is None:
            raise self._unexpected(operation_id, f"the answer has no {name}")
        return value

    def _field(self, value: Any, kind: type[M], operation_id: str, name: str) -> M:
        """``value`` when it is a ``kind`` (a bool is not an int here), else a typed error."""
        if isinstance(value, kind) and not (kind is int and isinstance(value, bool)):
            return value
        if value is None:
            raise self._unexpected(operation_id, f"the answer has no {name}")
        problem = f"{name} must be {kind.__name__}, got {type(value).__name__}"
        raise self._unexpected(operation_id, problem)

    def _url(self, value: Any, operation_id: str, name: str) -> str:
        """An http(s) URL from the answer (signed URLs the client then sends requests to)."""
        text = self._field(value, str, operation_id, name)
        try:
            scheme = httpx.URL(text).scheme
        except (httpx.InvalidURL, ValueError, TypeError) as exc:
            raise self._unexpected(operation_id, f"{name} is not a URL ({exc})") from exc
        if scheme not in ("http", "https"):
            raise self._unexpected(operation_id, f"{name} is not an http(s) URL")
        return text


class moved(Generic[P, R]):  # lower case: it reads as a call in the class body
    """An attribute path kept working after its method moved to another resource:
    ``add_members = moved("project_setup", AsyncProjectSetup.add_members)`` on ``AsyncProjects``
    makes ``hub.projects.add_members`` the bound ``hub.project_setup.add_members`` (same
    arguments, same types), with a ``DeprecationWarning`` naming the new path."""

    def __init__(self, resource: str, method: Callable[Concatenate[Any, P], R]) -> None:
        self._resource = resource
        self._name = method.__name__

    @overload
    def __get__(self, owner: None, kind: type[Any] | None = None) -> moved[P, R]: ...

    @overload
    def __get__(self, owner: AsyncResource, kind: type[Any] | None = None) -> Callable[P, R]: ...

    def __get__(
        self, owner: AsyncResource | None, kind: type[Any] | None = None
    ) -> moved[P, R] | Callable[P, R]:
        if owner is None:  # on the class (help(), inspect): the descriptor itself
            return self
        warnings.warn(
            f"hub.projects.{self._name} is now hub.{self._resource}.{self._name}",
            DeprecationWarning,
            stacklevel=2,
        )
        method: Callable[P, R] = getattr(getattr(owner._hub, self._resource), self._name)
        return method


def present(fields: Mapping[str, Any]) -> dict[str, Any]:
    """The fields the caller gave: ``None`` means left out, as for a keyword argument."""
    return {name: value for name, value in fields.items() if value is not None}


def plain(value: Any) -> Any:
    """A builder (``to_dict``) or an official SDK object (``toDict``) as its dict; a mapping
    as a dict; anything else as it is (the spec check then names what is wrong)."""
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if hasattr(value, "toDict"):
        return value.toDict()
    return dict(value) if isinstance(value, Mapping) else value


class ProjectRead:
    """The project's ``getProject`` answer, read once for every check of one call (its
    batches and its workflow's stages): one read of the project per call."""

    def __init__(self, hub: AsyncAngoHub, project_id: str) -> None:
        self._hub, self._project_id = hub, project_id
        self._answer: Any = None

    async def answer(self) -> Any:
        if self._answer is None:
            self._answer = await self._hub.call("getProject", {"projectId": self._project_id})
        return self._answer


def takes_extras(method: Callable[..., Any]) -> Callable[..., Any]:
    """``method`` taking ``extra_body``/``extra_query``/``extra_headers`` besides its own
    arguments: when one is given, the method runs on a twin of its resource whose client
    (``with_options``) adds them to each API request the method makes; storage transfers
    (signed URLs) get none. The method declares them itself (for mypy, ``help()`` and editors;
    ``tests/client/test_extras_every_method.py`` checks every one does)."""
    if inspect.iscoroutinefunction(method):

        async def awaited(self: AsyncResource, *args: Any, **kwargs: Any) -> Any:
            return await method(_scoped(self, kwargs), *args, **kwargs)

        wrapper: Callable[..., Any] = awaited
    else:  # an async generator (a listing); every method of the sync twin

        def returned(self: AsyncResource, *args: Any, **kwargs: Any) -> Any:
            return method(_scoped(self, kwargs), *args, **kwargs)

        wrapper = returned
    functools.update_wrapper(wrapper, method)
    return wrapper


def _scoped(resource: AsyncResource, kwargs: dict[str, Any]) -> AsyncResource:
    """``resource``, or its twin on a client carrying the extras taken out of ``kwargs``."""
    extras = {name: kwargs.pop(name) for name in EXTRA_OPTIONS if name in kwargs}
    if not any(extras.values()):
        return resource
    return type(resource)(resource._hub.with_options(**extras))
