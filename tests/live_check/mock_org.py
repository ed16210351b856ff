"""A mock organisation set up the way a real one looks, its snapshot through the admin API, and
what in it carries a live-check run's tag. Everything goes over HTTP, so it works the same
against the mock in a thread and the mock in its own process (`ango-hub mock`)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import httpx
from ango_hub import AngoHub
from ango_hub.live_check.steps_project_setup import TEMPLATE

# The user's project as a real one looks (the example: a custom workflow).
WORKFLOW = [
    {"id": "Start", "type": "Start", "name": "Start", "next": ["MyLabel"]},
    {"id": "MyLabel", "type": "Label", "name": "MyLabel", "next": ["QA"]},
    {"id": "QA", "type": "Review", "name": "QA", "next": ["Hook"]},
    {"id": "Hook", "type": "Webhook", "name": "Hook", "next": ["Complete"]},
    {"id": "Complete", "type": "Complete", "name": "Complete", "next": []},
]
LABEL_SET = {
    "tools": [{"title": "Car", "tool": "bounding-box", "required": False, "schemaId": "car"}],
    "classifications": [],
    "relations": [],
}
ANSWER: dict[str, list[Any]] = {"objects": [], "classifications": [], "relations": []}
# One client for every admin call (loopback http): `httpx.request` builds a client, and with
# it a TLS context that loads the CA bundle, on each call, which the fault sweep's hundreds of
# runs (several admin calls each) paid in CPU. Not pooled: each call opens its own connection,
# as before, so a mock that restarted between calls is no different.
_ADMIN = httpx.Client(limits=httpx.Limits(max_keepalive_connections=0))


@dataclass(frozen=True)
class MockOrg:
    """Where the mock is and who the user is."""

    root_url: str  # http://127.0.0.1:<port>
    api_key: str
    project_id: str  # the user's project (--project)

    @property
    def base_url(self) -> str:
        return f"{self.root_url}/v2"

    def admin(self, method: str, path: str, body: Any = None) -> Any:
        response = _ADMIN.request(
            method,
            f"{self.root_url}/_mock/{path}",
            headers={"apikey": self.api_key},
            json=body,
            timeout=120,
        )
        response.raise_for_status()
        return response.json().get("data")

    def snapshot(self) -> dict[str, Any]:
        data: dict[str, Any] = self.admin("GET", "organisation/snapshot")
        return data

    def requests(self) -> list[dict[str, Any]]:
        entries: list[dict[str, Any]] = self.admin("GET", "requests")["requests"]
        return entries

    def reset(self) -> None:
        """Back to the mock's start (an empty project), faults and request log cleared."""
        self.admin("POST", "reset")

    def faults(self, rules: list[dict[str, Any]]) -> None:
        self.admin("DELETE", "faults")
        if rules:
            self.admin("POST", "faults", {"rules": rules})


def populate(org: MockOrg) -> None:
    """The user's project with a custom workflow, label set, instructions, label validation,
    members, batches, assets and tasks in several stages, an issue and a template; the
    organisation's storage, LLM configuration, invitation and a second project."""
    org.admin("POST", "organisation/members", {"email": "lena@example.com", "name": "Lena"})
    with AngoHub(api_key=org.api_key, base_url=org.base_url, max_retries=0, timeout=120) as hub:
        project = {"projectId": org.project_id}
        hub.call("updateProject", project, body={"categorySchema": LABEL_SET})
        hub.call("updateProject", project, body={"stages": WORKFLOW})
        hub.call(
            "uploadInstructions",
            project,
            files={"file": ("team-labeling-guide.pdf", b"%PDF-1.4 guide", "application/pdf")},
        )
        hub.call("updateLabelValidation", project, body={"customValidationEnabled": True})
        hub.call(
            "addProjectMembers",
            project,
            body={"assignees": ["lena@example.com"], "role": "Labeler"},
        )
        hub.call(
            "createBatches", project, body={"batches": [{"name": "week-1"}, {"name": "week-2"}]}
        )
        assets = [
            {
                "data": f"https://example.com/user/{n}.jpg",
                "externalId": f"user-{n}",
                "batches": ["week-1"],
            }
            for n in range(4)
        ]
        hub.call("importCloudAssets", project, body={"assets": assets})
        tasks = hub.call("listTasks", {**project, "limit": 10})["data"]["tasks"]
        # Tasks in several stages: one at QA (Review), one past it (the webhook stage).
        by_external = {t["externalId"]: t["_id"] for t in tasks}
        for external_id in ("user-0", "user-1"):
            query = {"taskId": by_external[external_id], "nextStage": "true"}
            hub.call("annotateTask", query, body={"answer": ANSWER, "duration": 3})
        hub.call("reviewTask", {"taskId": by_external["user-1"]}, body={"reviewStatus": "Accepted"})
        hub.call(
            "createIssue",
            body={"labelTask": by_external["user-2"], "content": "the car is cut off"},
        )
        hub.call(
            "createAssetBuilderTemplate",
            project,
            body={**TEMPLATE, "name": "team template", "description": "ours"},
        )
        org_id = hub.call("listProjects", {"limit": 1})["data"]["projects"][0]["organization"]
        hub.call(
            "createStorage",
            body={
                "name": "team bucket",
                "type": "aws",
                "bucket": "team-bucket",
                "region": "eu-central-1",
                "credentials": {"accessKeyId": "k", "secretAccessKey": "s"},
            },
        )
        hub.call(
            "createLlm",
            body={
                "name": "team llm",
                "provider": "openai",
                "model": "gpt-4o-mini",
                "configuration": {"apiKey": "team-key"},
            },
        )
        hub.call(
            "inviteOrganizationMembers",
            {"orgId": org_id},
            body={"to": ["new.hire@example.com"], "organizationRole": "Member"},
        )
        hub.call("createProject", body={"name": "Second project", "description": "theirs"})
    org.admin("DELETE", "requests")


def _tagged(value: Any, tag: str) -> bool:
    return tag in json.dumps(value)


# Kinds the report lists that live inside the run's project (compared through the project).
CONTAINED = {"asset", "batch", "template", "instructions"}


def held_under_tag(snapshot: dict[str, Any], tag: str) -> set[tuple[str, str]]:
    """(kind, name) of every object in the snapshot that carries ``tag``."""
    people = snapshot["people"]
    found = {("project", p["name"]) for p in snapshot["projects"] if tag in p["name"]}
    found |= {("issue", i["content"]) for i in snapshot["issues"] if tag in i["content"]}
    found |= {("storage", s["name"]) for s in snapshot["storages"] if tag in s["name"]}
    found |= {("llm", c["name"]) for c in people["llms"].values() if tag in c["name"]}
    found |= {("invite", email) for email in people["invites"] if tag in email}
    found |= {("member", email) for email in people["members"] if tag in email}
    found |= {("plugin log", x["session"]) for x in people["plugin_logs"] if _tagged(x, tag)}
    found |= {
        ("plugin response", x["session"]) for x in people["plugin_responses"] if _tagged(x, tag)
    }
    found |= {("notification", x["message"]) for x in people["notifications"] if _tagged(x, tag)}
    return found


def without_tag(snapshot: dict[str, Any], tag: str) -> dict[str, Any]:
    """The snapshot minus every object carrying ``tag``: what the user had."""
    people = snapshot["people"]
    return {
        "id": snapshot["id"],
        "projects": [p for p in snapshot["projects"] if tag not in p["name"]],
        "issues": [i for i in snapshot["issues"] if tag not in i["content"]],
        "storages": [s for s in snapshot["storages"] if tag not in s["name"]],
        "people": {
            key: (
                {k: v for k, v in value.items() if not _tagged({k: v}, tag)}
                if isinstance(value, dict)
                else [x for x in value if not _tagged(x, tag)]
            )
            for key, value in people.items()
        },
    }
