"""Operations as data for the cross-language check: ``steps/*.json``, played by every client.

A steps file is a JSON list of calls, each ``{"op": operationId, "path", "query", "body",
"form", "files", "save", "expect"}`` (every key but ``op`` optional; docs/ADDING-AN-OPERATION.md).
Files are played in name order after the typed scenario, each in a fresh run: its own ``{run}``
token and saved names, the scenario's project as ``{project}``. The TypeScript twin of
:func:`play_file` is ``ts/steps.ts``; both substitute, save and compare the same way.

:func:`problems` checks the files offline against the operation index (unknown operations,
parameters the spec does not declare, a body kind the operation does not take), so a typo
fails in a second instead of after the clients are built.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from ango_hub._index import Operation
from ango_hub.errors import AngoHubError, APIStatusError

STEPS_DIR = Path(__file__).resolve().parent / "steps"
KEYS = frozenset({"op", "path", "query", "body", "form", "files", "save", "expect"})
FILE_KEYS = frozenset({"filename", "type", "text"})
MULTIPART = "multipart/form-data"
JSON_MEDIA = "application/json"
# `{name}`: a placeholder. JSON text such as `{"a": 1}` does not match (quote after the brace).
PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


class StepFailed(Exception):
    """A step got a non-2xx answer or an unexpected value; the message says where, in one line."""


class Caller(Protocol):
    def call(
        self,
        operation_id: str,
        params: Mapping[str, Any] | None = None,
        *,
        body: Any = None,
        files: Mapping[str, Any] | None = None,
    ) -> Any: ...


@dataclass(frozen=True)
class StepsFile:
    name: str  # file name, e.g. 00-assets.json
    steps: list[dict[str, Any]]

    def where(self, index: int) -> str:
        """``00-assets.json[2] (listAssets)``: the step by its index in the file's list."""
        return f"{self.name}[{index}] ({self.steps[index].get('op')})"


def load(directory: Path = STEPS_DIR) -> list[StepsFile]:
    """Every ``*.json`` in ``directory``, in name order; a file that is not a list of objects
    with known keys raises ValueError naming the file and step."""
    files = []
    for path in sorted(directory.glob("*.json")):
        steps = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(steps, list) or not all(isinstance(s, dict) for s in steps):
            raise ValueError(f"{path.name}: must be a JSON list of step objects")
        files.append(StepsFile(path.name, steps))
    return files


def problems(files: list[StepsFile], operations: Mapping[str, Operation]) -> list[str]:
    """What in ``files`` the spec does not allow, one line each (empty when all is well)."""
    found: list[str] = []
    for steps_file in files:
        for index, step in enumerate(steps_file.steps):
            where = steps_file.where(index)
            found.extend(f"{where}: {p}" for p in _step_problems(step, operations))
    return found


def _step_problems(step: dict[str, Any], operations: Mapping[str, Operation]) -> list[str]:
    unknown_keys = sorted(set(step) - KEYS)
    if unknown_keys:
        return [f"unknown key(s) {unknown_keys} (allowed: {sorted(KEYS)})"]
    op = operations.get(step.get("op", ""))
    if op is None:
        return [f"unknown operationId {step.get('op')!r} (known: {', '.join(sorted(operations))})"]
    found = []
    for location in ("path", "query"):
        given = step.get(location, {})
        if not isinstance(given, dict):
            found.append(f"{location} must be an object")
            continue
        declared = {p.name for p in op.parameters if p.location == location}
        found.extend(
            f"{location} parameter {name!r} is not declared by {op.operation_id} "
            f"(declared: {sorted(declared) or 'none'})"
            for name in given
            if name not in declared
        )
    given_names = {**step.get("path", {}), **step.get("query", {})}
    found.extend(
        f"required {p.location} parameter {p.name!r} is missing"
        for p in op.parameters
        if p.required and p.name not in given_names
    )
    for key, value in step.items():
        if key in ("form", "files", "save", "expect") and not isinstance(value, dict):
            found.append(f"{key} must be an object")
    found.extend(_body_problems(step, op))
    return found


def _body_problems(step: dict[str, Any], op: Operation) -> list[str]:
    if "body" in step and ("form" in step or "files" in step):
        return ["give either body (JSON) or form + files (multipart), not both"]
    if "body" in step and JSON_MEDIA not in op.body_schemas:
        takes = sorted(op.body_schemas) or "none"
        return [f"{op.operation_id} takes no JSON body (takes: {takes})"]
    if ("form" in step or "files" in step) and MULTIPART not in op.body_schemas:
        return [f"{op.operation_id} takes no multipart body (takes: {sorted(op.body_schemas)})"]
    if op.body_required and not {"body", "form", "files"} & set(step):
        return [f"{op.operation_id} requires a body ({', '.join(op.body_schemas)})"]
    found = []
    fields = _fields(op.body_schemas.get(MULTIPART, {})) or None
    for key in ("form", "files"):
        for name, value in step.get(key, {}).items():
            if fields is not None and name not in fields:
                found.append(f"{key} field {name!r} is not in the multipart schema")
            if key == "files" and (not isinstance(value, dict) or set(value) - FILE_KEYS):
                found.append(f"files.{name} must be an object with keys {sorted(FILE_KEYS)}")
    return found


def _fields(schema: dict[str, Any]) -> set[str]:
    """The property names a schema declares, through allOf/anyOf/oneOf."""
    names = set(schema.get("properties", {}))
    for key in ("allOf", "anyOf", "oneOf"):
        for branch in schema.get(key, []):
            names |= _fields(branch)
    return names


def substitute(value: Any, names: Mapping[str, Any]) -> Any:
    """``value`` with ``{name}`` replaced in every string; a string that is only ``{name}``
    becomes the named value itself (a saved list stays a list)."""
    if isinstance(value, str):
        whole = PLACEHOLDER.fullmatch(value)
        if whole:
            return _named(whole[1], names)
        return PLACEHOLDER.sub(lambda m: _text(_named(m[1], names)), value)
    if isinstance(value, list):
        return [substitute(item, names) for item in value]
    if isinstance(value, dict):
        return {key: substitute(item, names) for key, item in value.items()}
    return value


def _named(name: str, names: Mapping[str, Any]) -> Any:
    if name not in names:
        raise StepFailed(f"unknown placeholder {{{name}}} (known: {', '.join(sorted(names))})")
    return names[name]


def _text(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value)


MISSING = object()


def dig(answer: Any, dotted: str) -> Any:
    """``answer["data"]["assets"][0]["_id"]`` for ``data.assets.0._id``; MISSING if absent."""
    node = answer
    for part in dotted.split("."):
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            return MISSING
    return node


def named(name: str, directory: Path = STEPS_DIR) -> StepsFile:
    """The steps file called ``name`` (``40-org-llms.json``)."""
    (found,) = [f for f in load(directory) if f.name == name]
    return found


def play_file(
    hub: Caller, steps_file: StepsFile, *, generator: str, project: str, run: str | None = None
) -> dict[str, Any]:
    """Play one file's steps through ``hub.call``; StepFailed on the first failure. Returns
    the names at the end (``project``, ``generator``, ``run`` and every saved one); ``run``
    fixes the run token, a fresh one by default."""
    names: dict[str, Any] = {
        "project": project,
        "generator": generator,
        "run": run or uuid.uuid4().hex[:10],
    }
    for index, step in enumerate(steps_file.steps):
        where = f"{generator}: steps {steps_file.where(index)}"
        try:
            answer = _call(hub, step, names)
        except APIStatusError as error:
            body = json.dumps(error.body) if error.body is not None else error.message
            raise StepFailed(f"{where}: HTTP {error.status_code} {body}") from None
        except (StepFailed, AngoHubError) as failure:  # refused before sending, or no answer
            raise StepFailed(f"{where}: {failure}") from None
        check_answer(where, step, answer, names)
    return names


def _call(hub: Caller, step: dict[str, Any], names: Mapping[str, Any]) -> Any:
    params = {**substitute(step.get("path", {}), names), **substitute(step.get("query", {}), names)}
    if "form" in step or "files" in step:
        files = {
            field: (spec["filename"], spec["text"].encode(), spec["type"])
            for field, spec in substitute(step.get("files", {}), names).items()
        }
        form = substitute(step.get("form", {}), names)
        return hub.call(step["op"], params, body=form, files=files)
    return hub.call(step["op"], params, body=substitute(step.get("body"), names))


def check_answer(where: str, step: dict[str, Any], answer: Any, names: dict[str, Any]) -> None:
    """Save what the step names into ``names``, then compare what it expects."""
    for name, dotted in step.get("save", {}).items():
        value = dig(answer, dotted)
        if value is MISSING:
            raise StepFailed(f"{where}: save {name}: no {dotted} in {json.dumps(answer)[:300]}")
        names[name] = value
    for dotted, wanted in step.get("expect", {}).items():
        expected = substitute(wanted, names)
        actual = dig(answer, dotted)
        if actual is MISSING or actual != expected:
            shown = "nothing" if actual is MISSING else json.dumps(actual)
            raise StepFailed(f"{where}: expected {dotted} = {json.dumps(expected)}, got {shown}")


def play_all(hub: Caller, *, generator: str, project: str, directory: Path = STEPS_DIR) -> int:
    """Every steps file in name order; returns how many steps were played."""
    files = load(directory)
    for steps_file in files:
        play_file(hub, steps_file, generator=generator, project=project)
    return sum(len(f.steps) for f in files)
