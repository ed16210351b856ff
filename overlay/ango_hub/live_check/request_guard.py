"""The one rule of the live check, enforced where every request passes.

A request that changes state goes out only if it creates a new object that the ledger names
*before* the call, or if every object it targets is one this run created (the ledger owns its
ID). Reads (GET, and the two POSTs that only read) always go out. Any other request is refused
here, whatever the step that built it meant: :class:`GuardedTransport` sits under the one
``httpx.Client`` the run sends everything through (library calls, raw probes, cleanup).

The guard also learns, from the answers, the IDs of what the run created: the answer to a
creation, a listing showing an object under a name the ledger holds, and everything listed
inside a project the run created.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

import httpx

from .._index import operations
from .ledger import Ledger

# An ID that names no object (a probe's "unknown ID"): targeting it changes nothing.
UNKNOWN_ID = "000000000000000000000000"


class GuardRefused(Exception):
    """A request the rule does not allow: a defect of the live check, never sent."""

    def __init__(self, operation_id: str, method: str, path: str, why: str) -> None:
        self.operation_id = operation_id
        super().__init__(f"{method} {path} ({operation_id}): {why}")


@dataclass(frozen=True)
class WriteRule:
    """What a state-changing operation targets and creates.

    ``targets``: (where, kind) pairs; every value found there must be an object of that kind
    the run owns. ``creates``: (kind, where its name is); every name found must be in the
    ledger and carry the run's tag. ``reads_if``: the body shows the call only reads.
    """

    targets: tuple[tuple[str, str], ...] = ()
    creates: tuple[str, str] | None = None
    reads_if: Callable[[Any], bool] | None = None


_PROJECT = ("path.projectId", "project")
RULES: dict[str, WriteRule] = {
    "createProject": WriteRule(creates=("project", "body.name")),
    "updateProject": WriteRule((_PROJECT,)),
    "createBatches": WriteRule((_PROJECT,), ("batch", "body.batches[].name")),
    "cloneProject": WriteRule((_PROJECT,)),
    "purgeProject": WriteRule((_PROJECT,)),
    "deleteProject": WriteRule((_PROJECT,)),
    "importCloudAssets": WriteRule((_PROJECT,), ("asset", "body.assets[].externalId")),
    "uploadChatAssets": WriteRule((_PROJECT,)),
    "updateAsset": WriteRule((("path.assetId", "asset"),)),
    "assignBatches": WriteRule(
        (("body.projectId", "project"), ("body.assets[]", "asset")), ("batch", "body.batches[]")
    ),
    "importAttachments": WriteRule(
        (("body.project", "project"), ("body.attachments[].assetId", "asset"))
    ),
    "importLabels": WriteRule((("body.project", "project"), ("body.labels[].assetId", "asset"))),
    "deleteAssets": WriteRule((_PROJECT, ("body.assets[]", "asset"))),
    "addProjectMembers": WriteRule((_PROJECT,)),
    "uploadInstructions": WriteRule((_PROJECT,)),
    "updateLabelValidation": WriteRule((_PROJECT,)),
    "rerunWebhook": WriteRule((_PROJECT,)),
    "createAssetBuilderTemplate": WriteRule((_PROJECT,), ("template", "body.name")),
    "createIssue": WriteRule((("body.labelTask", "task"),), ("issue", "body.content")),
    "updateIssue": WriteRule((("path.issueId", "issue"),)),
    "commentOnIssue": WriteRule((("path.issueId", "issue"),)),
    "deleteIssue": WriteRule((("path.issueId", "issue"), ("query.project", "project"))),
    "createStorage": WriteRule(creates=("storage", "body.name")),
    "deleteStorage": WriteRule((("path.storageId", "storage"),)),
    "fileExplorer": WriteRule(
        (("body.storageId", "storage"),),
        reads_if=lambda body: isinstance(body, dict) and body.get("upload") is False,
    ),
    "getProjectPerformance": WriteRule(reads_if=lambda body: True),  # a report, POSTed
    "updateOrganizationMemberRoles": WriteRule((("body.users[].email", "invite"),)),
    "removeOrganizationMembers": WriteRule((("body.users[]", "invite"),)),
    "inviteOrganizationMembers": WriteRule(creates=("invite", "body.to[]")),
    "deleteOrganizationInvites": WriteRule((("body.invites[]", "invite"),)),
    "createLlm": WriteRule(creates=("llm", "body.name")),
    "deleteLlm": WriteRule((("path.llmId", "llm"),)),
    "sendNotification": WriteRule(
        (("body.receivers[]", "invite"),), ("notification", "body.message")
    ),
    "postPluginLog": WriteRule(creates=("plugin log", "body.session")),
    "postPluginResponse": WriteRule(creates=("plugin response", "body.session")),
    "assignTasks": WriteRule((("body.project", "project"), ("body.tasks[]", "task"))),
    "annotateTask": WriteRule((("path.taskId", "task"),)),
    "reviewTask": WriteRule((("path.taskId", "task"),)),
    "requeueTasks": WriteRule((_PROJECT, ("body.filters.taskIds[]", "task"))),
    "updateTasksPriority": WriteRule((_PROJECT, ("body.filters.taskIds[]", "task"))),
    "setTasksBenchmark": WriteRule((_PROJECT, ("body.tasks[]", "task"))),
}
# Kinds whose "ID" is the name the ledger holds (an invitation is known by its address).
_BY_NAME = frozenset({"invite"})
# Where the answer to a creation names the new object.
_ANSWER_KEY = {"project": "project", "issue": "issue", "storage": "storage", "llm": "llm"}
# Listings that show objects by name: operation -> (kind, list key, name field).
_LISTINGS = {
    "listProjects": ("project", "projects", "name"),
    "listStorages": ("storage", "storages", "name"),
    "listLlms": ("llm", "llms", "name"),
    "listIssues": ("issue", "issue", "content"),
}


@cache
def _routes() -> tuple[tuple[str, re.Pattern[str], str, tuple[str, ...]], ...]:
    """(method, path pattern, operationId, path parameter names), literal paths first."""
    found = []
    for op in operations().values():
        names = tuple(re.findall(r"\{(\w+)\}", op.path))
        pattern = re.escape(op.path)
        for name in names:
            pattern = pattern.replace(re.escape("{" + name + "}"), "([^/]+)")
        found.append((op.method.upper(), re.compile(pattern + "$"), op.operation_id, names))
    found.sort(key=lambda r: len(r[3]))
    return tuple(found)


def operation_of(method: str, path: str) -> tuple[str, dict[str, str]] | None:
    """(operationId, path parameters) of a request path under the API root."""
    for verb, pattern, operation_id, names in _routes():
        match = pattern.match(path) if verb == method.upper() else None
        if match:
            return operation_id, dict(zip(names, match.groups(), strict=True))
    return None


def values_at(where: str, parts: dict[str, Any]) -> list[str]:
    """Every string at ``where`` ("body.labels[].assetId") in the request's parts."""
    found: list[Any] = [parts]
    for step in where.split("."):
        many = step.endswith("[]")
        key = step.removesuffix("[]")
        found = [item.get(key) for item in found if isinstance(item, dict) and key in item]
        if many:
            found = [x for item in found if isinstance(item, list) for x in item]
    return [str(x) for x in found if isinstance(x, str | int)]


@dataclass
class Verdict:
    """How the guard sees one request: its operation, whether it changes state, and its
    target in words (for ``--plan``)."""

    operation_id: str
    writes: bool
    target: str


class RequestGuard:
    """Checks every request against the rule and learns owned IDs from the answers."""

    def __init__(self, ledger: Ledger, api_root: str, user_project: str = "") -> None:
        self.ledger = ledger
        self.api_root = api_root.rstrip("/")
        self.user_project = user_project
        self.refused: list[GuardRefused] = []

    def _parts(self, request: httpx.Request) -> tuple[str, dict[str, Any]] | None:
        url = str(request.url.copy_with(query=None))
        if not url.startswith(self.api_root + "/"):
            return None
        path = url[len(self.api_root) :]
        found = operation_of(request.method, path)
        if found is None:
            return None
        operation_id, path_params = found
        body: Any = None
        if request.headers.get("content-type", "").startswith("application/json"):
            try:
                body = json.loads(request.read() or b"null")
            except ValueError:
                body = None
        query = dict(request.url.params.multi_items())
        return operation_id, {"path": path_params, "query": query, "body": body}

    def judge(self, request: httpx.Request) -> Verdict:
        """The verdict on ``request``; raises :class:`GuardRefused` if the rule forbids it."""
        parts = self._parts(request)
        path = request.url.path
        if parts is None:
            if request.method in ("GET", "HEAD"):
                return Verdict("", False, "a read outside the API")
            raise self._refuse("", request.method, path, "not an operation of the spec")
        operation_id, fields = parts
        rule = RULES.get(operation_id)
        if rule is None and request.method in ("GET", "HEAD"):
            return Verdict(operation_id, False, self._read_target(fields))
        if rule is None:
            raise self._refuse(operation_id, request.method, path, "no rule: never sent")
        if rule.reads_if is not None and rule.reads_if(fields["body"]):
            return Verdict(operation_id, False, self._read_target(fields))
        owned = self._targets(rule, fields, operation_id, request)
        created = self._creations(rule, fields, operation_id, request)
        if not owned and not created:
            why = "changes state but targets and creates nothing the ledger names"
            raise self._refuse(operation_id, request.method, path, why)
        return Verdict(operation_id, True, "; ".join(created + owned))

    def _targets(
        self, rule: WriteRule, fields: dict[str, Any], operation_id: str, request: httpx.Request
    ) -> list[str]:
        """The objects the request acts on, each one the run's (else refused)."""
        owned: list[str] = []
        for where, kind in rule.targets:
            for value in values_at(where, fields):
                if value == UNKNOWN_ID:
                    said = f"an ID naming no {kind}"
                elif self._owns(kind, value):
                    said = f"the run's {kind}"
                else:
                    said = ""
                if not said:
                    why = f"{where} = {value}: not a {kind} this run created"
                    raise self._refuse(operation_id, request.method, request.url.path, why)
                if said not in owned:
                    owned.append(said)
        return owned

    def _creations(
        self, rule: WriteRule, fields: dict[str, Any], operation_id: str, request: httpx.Request
    ) -> list[str]:
        """The new objects the request makes, each tagged and in the ledger (else refused)."""
        if rule.creates is None:
            return []
        kind, where = rule.creates
        created: list[str] = []
        for name in values_at(where, fields):
            if self.ledger.tag not in name or self.ledger.expected(kind, name) is None:
                why = f"{where} = {name}: creates a {kind} not in the ledger under the tag"
                raise self._refuse(operation_id, request.method, request.url.path, why)
            created.append(f"new {kind} {name}")
        return created

    def _read_target(self, fields: dict[str, Any]) -> str:
        ids = [str(v) for part in ("path", "query") for v in fields[part].values()]
        if self.user_project and self.user_project in ids:
            return "read of the user's project"
        if any(self.ledger.owns(kind, v) for kind in self.ledger.owned for v in ids):
            return "read of the run's own object"
        return "read of the organisation"

    def _owns(self, kind: str, value: str) -> bool:
        if kind in _BY_NAME:
            return self.ledger.expected(kind, value) is not None
        return self.ledger.owns(kind, value)

    def _refuse(self, operation_id: str, method: str, path: str, why: str) -> GuardRefused:
        refused = GuardRefused(operation_id, method, path, why)
        self.refused.append(refused)
        return refused

    # -- learning from answers ------------------------------------------------------------

    def learn(self, request: httpx.Request, response: httpx.Response) -> None:
        parts = self._parts(request)
        if parts is None:
            return
        operation_id, fields = parts
        status = response.status_code
        rule = RULES.get(operation_id)
        if rule is not None and rule.creates is not None and status != 429 and status < 500:
            kind, where = rule.creates
            outcome = "created" if status < 300 else "refused" if status >= 400 else None
            for name in values_at(where, fields):
                entry = self.ledger.expected(kind, name)
                if outcome and entry is not None and entry.state == "planned":
                    self.ledger.mark(entry, outcome)
        if not 200 <= status < 300:
            return
        try:
            data = response.json().get("data")
        except (ValueError, AttributeError):
            return
        if not isinstance(data, dict):
            return
        self._learn_created(operation_id, fields, data)
        self._learn_listed(operation_id, fields, data)
        self._learn_deleted(operation_id, fields)

    def _learn_created(
        self, operation_id: str, fields: dict[str, Any], data: dict[str, Any]
    ) -> None:
        rule = RULES.get(operation_id)
        if operation_id == "cloneProject":
            kind = "project"
        elif rule is not None and rule.creates is not None:
            kind = rule.creates[0]
        else:
            return
        made = data.get(_ANSWER_KEY.get(kind, ""))
        if not isinstance(made, dict) or "_id" not in made:
            return
        name = str(made.get("name") or made.get("content") or "")
        entry = self.ledger.expected(kind, name)
        if entry is not None:
            self.ledger.mark(entry, "created", str(made["_id"]))
            self.ledger.own(kind, str(made["_id"]))

    def _learn_listed(
        self, operation_id: str, fields: dict[str, Any], data: dict[str, Any]
    ) -> None:
        if operation_id in _LISTINGS:
            kind, key, name_field = _LISTINGS[operation_id]
            for item in _dicts(data.get(key)):
                if operation_id == "listProjects" and item.get("organization"):
                    self.ledger.organization = self.ledger.organization or str(item["organization"])
                entry = self.ledger.expected(kind, str(item.get(name_field)))
                if entry is not None and "_id" in item:
                    self.ledger.own(kind, str(item["_id"]))
                    if entry.state == "planned" or entry.id is None:
                        self.ledger.mark(entry, "created", str(item["_id"]))
        project = fields["path"].get("projectId")
        if operation_id in ("listAssets", "listTasks") and self._owns("project", str(project)):
            for item in _dicts(data.get("assets")):
                self.ledger.own("asset", str(item["_id"]))
                for task in item.get("labelTasks") or []:
                    self.ledger.own("task", str(task))
            for item in _dicts(data.get("tasks")):
                self.ledger.own("task", str(item["_id"]))

    def _learn_deleted(self, operation_id: str, fields: dict[str, Any]) -> None:
        deleted: list[tuple[str, str]] = []
        for op, where, kind in (
            ("deleteProject", "path.projectId", "project"),
            ("deleteIssue", "path.issueId", "issue"),
            ("deleteStorage", "path.storageId", "storage"),
            ("deleteLlm", "path.llmId", "llm"),
        ):
            if operation_id == op:
                deleted += [(kind, v) for v in values_at(where, fields)]
        for kind, object_id in deleted:
            for entry in self.ledger.named(kind):
                if entry.id == object_id:
                    self.ledger.mark(entry, "deleted")
        if operation_id == "deleteOrganizationInvites":
            for email in values_at("body.invites[]", fields):
                invite = self.ledger.expected("invite", email)
                if invite is not None:
                    self.ledger.mark(invite, "deleted")


def _dicts(items: Any) -> Iterator[dict[str, Any]]:
    if isinstance(items, list):
        yield from (i for i in items if isinstance(i, dict) and "_id" in i)


class GuardedTransport(httpx.BaseTransport):
    """Every request is judged before it reaches the network; a refused one never does."""

    def __init__(self, guard: RequestGuard, inner: httpx.BaseTransport) -> None:
        self.guard = guard
        self.inner = inner
        self.verdicts: list[tuple[httpx.Request, Verdict]] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.verdicts.append((request, self.guard.judge(request)))
        return self.inner.handle_request(request)

    def close(self) -> None:
        self.inner.close()
