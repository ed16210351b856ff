"""The steps files played by openapi-generator's Python client (pydantic + urllib3), a second
generator family beside the TypeScript ones (docs/FOR-OTHER-LANGUAGES.md).

:class:`GeneratedCaller` is the :class:`steps.Caller` for that client: it calls each operation
through the generated ``<Tag>Api.<operation>_with_http_info`` method, so the generated argument
types (pydantic ``validate_call``) check what is sent and the generated models parse what comes
back. Which class, method and argument stand for an operation and a parameter is found by name
at run time, the way the generator spells them (``listLLMs`` -> ``list_llms``, a form field
named like a path parameter gets a ``2``), never listed by hand.
"""

from __future__ import annotations

import importlib.util
import inspect
import json
import re
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from types import ModuleType
from typing import Any

import pydantic
from ango_hub._index import Operation

from tools.other_languages.steps import StepFailed

PACKAGE = "ango_hub_oag"


def plain(name: str) -> str:
    """Lower case without punctuation: how generated names are matched to the spec's."""
    return re.sub(r"[^a-z0-9]", "", name.lower())


def load_package(out_dir: Path) -> ModuleType:
    """The generated package in ``out_dir`` (``ango_hub_oag``), imported from there by its
    location (no ``sys.path`` edit): its own absolute imports then resolve through
    ``sys.modules``."""
    init = out_dir / PACKAGE / "__init__.py"
    spec = importlib.util.spec_from_file_location(
        PACKAGE, init, submodule_search_locations=[str(init.parent)]
    )
    if spec is None or spec.loader is None:
        raise ImportError(f"no package {PACKAGE} in {out_dir}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[PACKAGE] = module
    spec.loader.exec_module(module)
    return module


def bind(
    op: Operation,
    free: list[str],
    params: Mapping[str, Any] | None,
    *,
    body: Any,
    files: Mapping[str, Any] | None,
    method: str,
) -> dict[str, Any]:
    """The generated method's arguments (named ``free``, in its order) for a step's call:
    each spec parameter, form field and file goes to the first unclaimed argument named like
    it (``project_id``, then ``project_id2``; reserved words get a ``var_`` or ``_`` prefix,
    which :func:`plain` drops), a JSON body to the one argument left. Files become
    ``(filename, content)``. openapi-generator names arguments this way in Python and Java."""
    claimed: list[str] = []

    def claim(spec_name: str) -> str:
        for name in free:
            if name not in claimed and re.fullmatch(f"(var)?{plain(spec_name)}[0-9]*", plain(name)):
                claimed.append(name)
                return name
        raise StepFailed(f"{method} has no argument for {spec_name!r}: {free}")

    # Spec order: the parameters claim their names before the body's fields do.
    argument = {param.name: claim(param.name) for param in op.parameters}
    kwargs = {argument[name]: value for name, value in (params or {}).items()}
    if files is not None:  # multipart: one argument per form field and file
        kwargs |= {claim(field): value for field, value in (body or {}).items()}
        for field, (filename, content, _media) in files.items():
            kwargs[claim(field)] = (filename, content)
    elif body is not None:  # JSON: the one argument no parameter claimed
        rest = [n for n in free if n not in claimed]
        if len(rest) != 1:
            raise StepFailed(f"{method}: cannot tell the body argument in {rest}")
        kwargs[rest[0]] = body
    return kwargs


class GeneratedCaller:
    """Sends any operation with the generated client; returns the answer's JSON."""

    def __init__(
        self, package: ModuleType, operations: Mapping[str, Operation], base_url: str, api_key: str
    ) -> None:
        config = package.Configuration(host=base_url, api_key={"ApiKeyAuth": api_key})
        self.client = package.ApiClient(config)
        self.package = package
        self.operations = operations
        self.api_exception: type[Exception] = package.ApiException
        apis = {name: cls for name, cls in vars(package).items() if name.endswith("Api")}
        self.apis = {plain(name): cls for name, cls in apis.items()}
        # operationId -> the fields its generated types wrongly required (see unvalidated()).
        self.flattened: dict[str, list[str]] = {}

    def method(self, op: Operation) -> Callable[..., Any]:
        api = self.apis.get(plain(op.tag) + "api")
        if api is None:
            raise StepFailed(f"no generated API class for tag {op.tag!r}")
        wanted = plain(op.operation_id) + "withhttpinfo"
        for name in dir(api):
            if plain(name) == wanted:
                method: Callable[..., Any] = getattr(api(self.client), name)
                return method
        raise StepFailed(f"{api.__name__} has no method for {op.operation_id}")

    def unvalidated(
        self,
        op: Operation,
        method: Callable[..., Any],
        kwargs: dict[str, Any],
        invalid: pydantic.ValidationError,
    ) -> Any:
        """The call without its argument check, when the check only missed fields: the client
        flattens the spec's "give A or B" rules (allOf + anyOf/oneOf of one-field branches) into
        "A and B both required". The generated request and answer handling still run; the
        operation is recorded in ``self.flattened``."""
        if any(error["type"] != "missing" for error in invalid.errors()):
            raise StepFailed(f"the client refused the arguments: {invalid}") from None
        missing = sorted({".".join(map(str, e["loc"][1:])) for e in invalid.errors()})
        self.flattened[op.operation_id] = missing
        raw: Callable[..., Any] = method.raw_function  # type: ignore[attr-defined]
        return raw(method.__self__, **kwargs)  # type: ignore[attr-defined]

    def call(
        self,
        operation_id: str,
        params: Mapping[str, Any] | None = None,
        *,
        body: Any = None,
        files: Mapping[str, Any] | None = None,
    ) -> Any:
        op = self.operations[operation_id]
        method = self.method(op)
        free = [n for n in inspect.signature(method).parameters if not n.startswith("_")]
        kwargs = bind(op, free, params, body=body, files=files, method=method.__name__)
        try:
            try:
                answer = method(**kwargs)
            except pydantic.ValidationError as invalid:
                answer = self.unvalidated(op, method, kwargs, invalid)
        except self.api_exception as error:
            status = getattr(error, "status", "?")
            raise StepFailed(f"HTTP {status} {getattr(error, 'body', error)}") from None
        return json.loads(answer.raw_data) if answer.raw_data else None
