"""The live check's coverage: which operations it calls, in which mode, and which deliberately
bad requests it sends. Covering a new operation is one line in ``COVERAGE`` (and, when it
creates something, a ledger entry in its step; when it changes state, a rule in
:data:`.request_guard.RULES`); ``tests/live_check`` fails while an operation
in ``openapi.yaml`` has none.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from .._index import operation
from . import steps, steps_project_figures, steps_project_setup, steps_projects, steps_tasks
from . import steps_issues_storages as steps_is
from . import steps_org_llms as steps_ol
from .context import Mode, Run
from .request_guard import UNKNOWN_ID


@dataclass(frozen=True)
class Coverage:
    """Call ``operation_id`` with ``step``; READ steps run in both modes, WRITE steps only in
    write mode."""

    operation_id: str
    mode: Mode
    step: Callable[[Run], None]


# In the order they run: creators first, then what works on the created data, the
# explicit delete last (cleanup removes the rest).
COVERAGE: tuple[Coverage, ...] = (
    Coverage("listProjects", Mode.READ, steps.list_projects),
    Coverage("createProject", Mode.WRITE, steps_projects.create_project),
    Coverage("getProject", Mode.READ, steps_projects.get_project),
    Coverage("updateProject", Mode.WRITE, steps_projects.update_project),
    Coverage("createBatches", Mode.WRITE, steps_projects.create_batches),
    Coverage("listTasks", Mode.READ, steps_tasks.list_tasks),
    Coverage("getTask", Mode.READ, steps_tasks.get_task),
    Coverage("assignTasks", Mode.WRITE, steps_tasks.assign_tasks),
    Coverage("annotateTask", Mode.WRITE, steps_tasks.annotate_task),
    Coverage("reviewTask", Mode.WRITE, steps_tasks.review_task),
    Coverage("requeueTasks", Mode.WRITE, steps_tasks.requeue_tasks),
    Coverage("updateTasksPriority", Mode.WRITE, steps_tasks.update_tasks_priority),
    Coverage("setTasksBenchmark", Mode.WRITE, steps_tasks.set_tasks_benchmark),
    Coverage("getTaskHistory", Mode.READ, steps_tasks.get_task_history),
    Coverage("getTaskHistoryEntry", Mode.READ, steps_tasks.get_task_history_entry),
    Coverage("cloneProject", Mode.WRITE, steps_projects.clone_project),
    Coverage("purgeProject", Mode.WRITE, steps_projects.purge_project),
    Coverage("deleteProject", Mode.WRITE, steps_projects.delete_project),
    Coverage("getUploadUrl", Mode.READ, steps.get_upload_url),
    Coverage("importCloudAssets", Mode.WRITE, steps.import_cloud_assets),
    Coverage("uploadChatAssets", Mode.WRITE, steps.upload_chat_assets),
    Coverage("listAssets", Mode.READ, steps.list_assets),
    Coverage("getSignedUrl", Mode.READ, steps.get_signed_url),
    Coverage("updateAsset", Mode.WRITE, steps.update_asset),
    Coverage("assignBatches", Mode.WRITE, steps.assign_batches),
    Coverage("importAttachments", Mode.WRITE, steps.import_attachments),
    Coverage("importLabels", Mode.WRITE, steps.import_labels),
    Coverage("listIssues", Mode.READ, steps_is.list_issues),
    Coverage("createIssue", Mode.WRITE, steps_is.create_issue),
    Coverage("updateIssue", Mode.WRITE, steps_is.update_issue),
    Coverage("commentOnIssue", Mode.WRITE, steps_is.comment_on_issue),
    Coverage("deleteIssue", Mode.WRITE, steps_is.delete_issue),
    Coverage("listStorages", Mode.READ, steps_is.list_storages),
    Coverage("createStorage", Mode.WRITE, steps_is.create_storage),
    Coverage("listStorageFiles", Mode.WRITE, steps_is.list_storage_files),
    Coverage("fileExplorer", Mode.WRITE, steps_is.file_explorer),
    Coverage("deleteStorage", Mode.WRITE, steps_is.delete_storage),
    Coverage("exportTasks", Mode.READ, steps.export_tasks),
    Coverage("exportTasksV3", Mode.READ, steps.export_tasks_v3),
    Coverage("getProjectMetrics", Mode.READ, steps_project_figures.get_project_metrics),
    Coverage("getProjectPerformance", Mode.READ, steps_project_figures.get_project_performance),
    Coverage("addProjectMembers", Mode.WRITE, steps_project_setup.add_project_members),
    Coverage("updateLabelValidation", Mode.WRITE, steps_project_setup.update_label_validation),
    Coverage("rerunWebhook", Mode.WRITE, steps_project_setup.rerun_webhook),
    Coverage("uploadInstructions", Mode.WRITE, steps_project_setup.upload_instructions),
    Coverage(
        "createAssetBuilderTemplate",
        Mode.WRITE,
        steps_project_setup.create_asset_builder_template,
    ),
    Coverage("listOrganizationMembers", Mode.READ, steps_ol.list_members),
    Coverage("listOrganizationInvites", Mode.READ, steps_ol.list_invites),
    Coverage("inviteOrganizationMembers", Mode.WRITE, steps_ol.invite_members),
    Coverage("updateOrganizationMemberRoles", Mode.WRITE, steps_ol.update_member_roles),
    Coverage("removeOrganizationMembers", Mode.WRITE, steps_ol.remove_members),
    Coverage("deleteOrganizationInvites", Mode.WRITE, steps_ol.delete_invites),
    Coverage("listLlms", Mode.READ, steps_ol.list_llms),
    Coverage("createLlm", Mode.WRITE, steps_ol.create_llm),
    Coverage("deleteLlm", Mode.WRITE, steps_ol.delete_llm),
    Coverage("sendNotification", Mode.WRITE, steps_ol.send_notification),
    Coverage("postPluginLog", Mode.WRITE, steps_ol.post_plugin_log),
    Coverage("postPluginResponse", Mode.WRITE, steps_ol.post_plugin_response),
    Coverage("deleteAssets", Mode.WRITE, steps.delete_assets),
)


@dataclass(frozen=True)
class Probe:
    """A deliberately bad request the server must refuse with a 4xx the spec declares.

    ``spec_rejects``: the spec itself says the request is invalid (a missing field, a wrong
    enum); False for requests the spec accepts in shape but that name nothing (unknown IDs).
    ``request`` returns (path parameters, query, JSON body); the method and path are the
    operation's own, from the spec, so a probe can never miss its operation.
    """

    operation_id: str
    mode: Mode
    what: str
    spec_rejects: bool
    request: Callable[[Run], tuple[dict[str, str], dict[str, Any], Any]]
    # (kind, tagged name) of what the probe would create if a server accepted it: written in
    # the ledger before it is sent.
    creates: Callable[[Run], tuple[str, str]] | None = None


PROBES: tuple[Probe, ...] = (
    Probe(
        "listProjects",
        Mode.READ,
        "out of range: limit=500",
        True,
        lambda r: ({}, {"limit": 500}, None),
    ),
    Probe(
        "getUploadUrl",
        Mode.READ,
        "missing required query parameter name",
        True,
        lambda r: ({}, {"project": r.project}, None),
    ),
    Probe(
        "getUploadUrl",
        Mode.READ,
        "wrong enum: type=notAType",
        True,
        lambda r: ({}, {"project": r.project, "name": "x.txt", "type": "notAType"}, None),
    ),
    Probe(
        "listAssets",
        Mode.READ,
        "out of range: limit=500",
        True,
        lambda r: ({"projectId": r.project}, {"limit": 500}, None),
    ),
    Probe(
        "listAssets",
        Mode.READ,
        "unknown project ID",
        False,
        lambda r: ({"projectId": UNKNOWN_ID}, {"limit": 1}, None),
    ),
    Probe(
        "exportTasks",
        Mode.READ,
        "wrong enum: format=xml",
        True,
        lambda r: ({}, {"project": r.project, "format": "xml"}, None),
    ),
    Probe(
        "importCloudAssets",
        Mode.WRITE,
        "missing required body field assets",
        True,
        lambda r: ({"projectId": r.own_project()}, {}, {"priority": 0}),
    ),
    Probe(
        "updateAsset",
        Mode.WRITE,
        "unknown asset ID",
        False,
        lambda r: ({"assetId": UNKNOWN_ID}, {}, {"metadata": {"liveCheck": r.run_id}}),
    ),
    Probe(
        "deleteAssets",
        Mode.WRITE,
        "missing required body field assets",
        True,
        lambda r: ({"projectId": r.own_project()}, {}, {}),
    ),
    Probe(
        "listIssues",
        Mode.READ,
        "wrong enum: status=Done",
        True,
        lambda r: ({}, {"project": r.project, "status": "Done"}, None),
    ),
    Probe(
        "createIssue",
        Mode.WRITE,
        "missing required body field labelTask",
        True,
        lambda r: ({}, {}, {"content": f"{r.tag}: probe"}),
        lambda r: ("issue", f"{r.tag}: probe"),
    ),
    Probe(
        "updateIssue",
        Mode.WRITE,
        "unknown issue ID",
        False,
        lambda r: ({"issueId": UNKNOWN_ID}, {}, {"status": "Resolved"}),
    ),
    Probe(
        "listStorages",
        Mode.READ,
        "out of range: limit=500",
        True,
        lambda r: ({}, {"limit": 500}, None),
    ),
    Probe(
        "listStorageFiles",
        Mode.WRITE,  # with the operation's own step (read-only runs may have no storage)
        "unknown storage ID",
        False,
        lambda r: ({"storageId": UNKNOWN_ID}, {"path": f"{r.tag}/"}, None),
    ),
    Probe(
        "createStorage",
        Mode.WRITE,
        "wrong enum: type=s3 (and no credentials)",
        True,
        lambda r: ({}, {}, {"name": f"{r.tag}-probe", "type": "s3"}),
        lambda r: ("storage", f"{r.tag}-probe"),
    ),
    Probe(
        "deleteStorage",
        Mode.WRITE,
        "unknown storage ID",
        False,
        lambda r: ({"storageId": UNKNOWN_ID}, {}, None),
    ),
    Probe(
        "importLabels",
        Mode.WRITE,
        "missing required field labels.0.answer",
        True,
        lambda r: ({}, {}, {"project": r.own_project(), "labels": [{"assetId": UNKNOWN_ID}]}),
    ),
    Probe(
        "getProjectMetrics",
        Mode.READ,
        "wrong enum: metric=Velocity",
        True,
        lambda r: ({"projectId": r.project, "metric": "Velocity"}, {}, None),
    ),
    Probe(
        "getProjectPerformance",
        Mode.READ,
        "too short: interval with one date",
        True,
        lambda r: ({"projectId": r.project}, {}, {"interval": ["2026-01-01T00:00:00Z"]}),
    ),
    Probe(
        "addProjectMembers",
        Mode.WRITE,
        "wrong enum: role=Owner",
        True,
        lambda r: (
            {"projectId": r.own_project()},
            {},
            {"assignees": [f"{r.tag}@example.invalid"], "role": "Owner"},
        ),
    ),
    Probe(
        "rerunWebhook",
        Mode.WRITE,
        "missing required body field stageId",
        True,
        lambda r: ({"projectId": r.own_project()}, {}, {}),
    ),
    Probe(
        "createAssetBuilderTemplate",
        Mode.WRITE,
        "missing required body field dataConfig",
        True,
        lambda r: (
            {"projectId": r.own_project()},
            {},
            {"name": f"{r.tag}-probe", "template": "t", "selectedExternalId": "id"},
        ),
        lambda r: ("template", f"{r.tag}-probe"),
    ),
    Probe(
        "listOrganizationMembers",
        Mode.READ,
        "unknown organisation ID",
        False,
        lambda r: ({"orgId": UNKNOWN_ID}, {"limit": 1}, None),
    ),
    Probe(
        "inviteOrganizationMembers",
        Mode.WRITE,
        "wrong enum: organizationRole=Owner",
        True,
        lambda r: (
            {"orgId": UNKNOWN_ID},
            {},
            {"to": [f"{r.tag}-probe@example.invalid"], "organizationRole": "Owner"},
        ),
        lambda r: ("invite", f"{r.tag}-probe@example.invalid"),
    ),
    Probe(
        "createLlm",
        Mode.WRITE,
        "wrong enum: provider=anthropic",
        True,
        lambda r: (
            {},
            {},
            {
                "name": f"{r.tag}-probe",
                "provider": "anthropic",
                "model": "m",
                "configuration": {"apiKey": "x"},
            },
        ),
        lambda r: ("llm", f"{r.tag}-probe"),
    ),
    Probe(
        "deleteLlm",
        Mode.WRITE,
        "unknown LLM ID",
        False,
        lambda r: ({"llmId": UNKNOWN_ID}, {}, None),
    ),
    Probe(
        "sendNotification",
        Mode.WRITE,
        "missing required body field message",
        True,
        lambda r: ({}, {}, {"receivers": [f"{r.tag}@example.invalid"]}),
        # Accepted, it would notify the tagged receiver (nothing the API can delete).
        lambda r: ("notification", f"to {r.tag}@example.invalid"),
    ),
)


def coverage_for(mode: Mode) -> list[Coverage]:
    """The steps that run in ``mode`` (write mode runs the read steps too)."""
    return [c for c in COVERAGE if mode is Mode.WRITE or c.mode is Mode.READ]


def probe_request(probe: Probe, run: Run) -> tuple[str, str, dict[str, Any], Any]:
    """(method, path under the API root, query, JSON body) of ``probe``, its method and path
    taken from the spec's operation index."""
    path_params, query, body = probe.request(run)
    op = operation(probe.operation_id)
    path = re.sub(r"\{(\w+)\}", lambda m: quote(path_params[m.group(1)], safe=""), op.path)
    return op.method, path, query, body


def probes_for(mode: Mode) -> list[Probe]:
    return [p for p in PROBES if mode is Mode.WRITE or p.mode is Mode.READ]


def covered_operations() -> set[str]:
    return {c.operation_id for c in COVERAGE}
