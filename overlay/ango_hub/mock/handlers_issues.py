"""Issues: opened on a task, commented, resolved or closed, deleted; scoped to the key's
organisation (another organisation's issue or task answers 404)."""

from __future__ import annotations

from typing import Any

from starlette.responses import Response

from .api import ApiError, Call, Handler, success
from .ids import iso_now, new_id
from .org_records import IssueComment, IssueRecord
from .state import Asset, MockState, Project

SETTLED = ("Resolved", "Closed")
# Location fields stored as sent and given back under the same names.
LOCATION_FIELDS = ("position", "objectId", "page", "pageEnd", "dataIndex", "plane")


def _owner(call: Call) -> tuple[str, str]:
    """The key's organisation ID and the email of the user behind the key."""
    org = call.ctx.state.organisation_for_key(call.api_key)
    if org is None:  # pragma: no cover - the dispatcher refuses unknown keys first
        raise ApiError(401, "apikey: missing or unknown API key")
    return org.id, org.owner_email


def find_task(state: MockState, api_key: str, task_id: str) -> tuple[Project, Asset] | None:
    """The project and asset of a label task of the key's organisation."""
    for project in state.projects_of(api_key):
        for asset in (*project.assets.values(), *project.touched.values()):
            if asset.task_id == task_id and not asset.deleted:
                return project, asset
        for block in project.seed_blocks:
            if task_id.startswith(block.task_prefix):
                try:
                    index = int(task_id[len(block.task_prefix) :], 16)
                except ValueError:
                    continue
                seeded = project.get_asset(block.asset_id(index))
                if 0 <= index < block.count and seeded is not None:
                    return project, seeded
    return None


def _issue(call: Call, issue_id: str) -> IssueRecord:
    org_id, _ = _owner(call)
    issue = call.ctx.state.issues.get(issue_id)
    if issue is None or issue.organization_id != org_id:
        raise ApiError(404, f"issueId: no issue {issue_id!r} in this organisation")
    return issue


def _stage(state: MockState, issue: IssueRecord) -> str | None:
    project = state.projects.get(issue.project_id)
    asset = project.get_asset(issue.asset_id) if project else None
    return asset.stage if asset else None


def _answer(call: Call, issue: IssueRecord) -> dict[str, Any]:
    return {"issue": issue.to_api(_stage(call.ctx.state, issue))}


async def list_issues(call: Call) -> Response:
    query = call.op.query
    page, limit = query.get("page", 1), query.get("limit", 10)
    state = call.ctx.state
    with state.lock:
        org_id, _ = _owner(call)
        if "project" in query:
            call.project(query["project"])  # another organisation's project: 404
        exact = {
            "project_id": query.get("project"),
            "status": query.get("status"),
            "created_by": query.get("createdBy"),
            "asset_id": query.get("asset"),
            "task_id": query.get("labelTask"),
        }
        found = []
        for issue in reversed(list(state.issues.values())):  # newest first
            if issue.organization_id != org_id:
                continue
            if any(v is not None and getattr(issue, k) != v for k, v in exact.items()):
                continue
            if "assignee" in query:  # the mock assigns no one: only "nobody" would match
                continue
            stage = _stage(state, issue)
            if "stage" in query and stage != query["stage"]:
                continue
            found.append(issue.to_api(stage))
    start = (page - 1) * limit
    return success({"issue": found[start : start + limit]})


async def create_issue(call: Call) -> Response:
    # The official SDK refuses objectId with a location, and pageEnd without page, before
    # sending; what the server does with them is unknown, so the mock keeps what it is given.
    body = call.op.body
    state = call.ctx.state
    with state.lock:
        org_id, email = _owner(call)
        found = find_task(state, call.api_key, body["labelTask"])
        if found is None:
            raise ApiError(404, f"labelTask: no task {body['labelTask']!r} in this organisation")
        project, asset = found
        now = iso_now()
        issue = IssueRecord(
            id=new_id(),
            organization_id=org_id,
            project_id=project.id,
            asset_id=asset.id,
            task_id=asset.task_id,
            content=body["content"],
            created_by=email,
            created_at=now,
            mentions=list(body.get("contentMentions") or []),
            error_codes=list(body.get("errorCodes") or []),
            pct_details=body.get("pctDetails"),
            extra={f: body[f] for f in LOCATION_FIELDS if body.get(f) is not None},
        )
        state.issues[issue.id] = issue
        return success(_answer(call, issue))


async def update_issue(call: Call) -> Response:
    body = call.op.body
    state = call.ctx.state
    with state.lock:
        _, email = _owner(call)
        issue = _issue(call, call.op.path["issueId"])
        if "content" in body:
            issue.content = body["content"]
            if "contentMentions" in body:
                issue.mentions = list(body["contentMentions"])
        if "errorCodes" in body:
            issue.error_codes = list(body["errorCodes"])
        if "pctDetails" in body:
            issue.pct_details = body["pctDetails"]
        now = iso_now()
        status = body.get("status")
        if status is not None and status != issue.status:
            issue.status = status
            settled = status in SETTLED
            issue.resolved_by = email if settled else None
            issue.resolved_at = now if settled else None
        if body:
            issue.updated_at, issue.updated_by = now, email
        return success(_answer(call, issue))


async def delete_issue(call: Call) -> Response:
    state = call.ctx.state
    with state.lock:
        issue = _issue(call, call.op.path["issueId"])
        project = call.op.query.get("project")
        if project is not None and project != issue.project_id:
            raise ApiError(404, f"issueId: no issue {issue.id!r} in project {project!r}")
        answer = _answer(call, issue)
        del state.issues[issue.id]
        return success(answer)


async def comment_on_issue(call: Call) -> Response:
    body = call.op.body
    state = call.ctx.state
    with state.lock:
        _, email = _owner(call)
        issue = _issue(call, call.op.path["issueId"])
        issue.comments.append(
            IssueComment(
                id=new_id(),
                content=body["content"],
                created_by=email,
                created_at=iso_now(),
                mentions=list(body.get("contentMentions") or []),
            )
        )
        return success(_answer(call, issue))


HANDLERS: dict[str, Handler] = {
    "listIssues": list_issues,
    "createIssue": create_issue,
    "updateIssue": update_issue,
    "deleteIssue": delete_issue,
    "commentOnIssue": comment_on_issue,
}
