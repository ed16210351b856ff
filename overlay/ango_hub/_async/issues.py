"""``hub.issues``: issues raised on tasks; list (auto-paginated), open, update, resolve or
close, comment, delete."""

from __future__ import annotations

import builtins
from collections.abc import AsyncIterator, Mapping, Sequence
from typing import Any

from ango_hub_api.models import Issue, IssueListResponse, IssueResponse, IssueStatus, MedicalPlane

from ._base import AsyncResource, ExtraBody, ExtraHeaders, ExtraQuery, present
from .paging import PAGE_SIZE, check_page_size, pages_until_short

Position = str | float | Sequence[float]


def _position(position: Position | None) -> str | None:
    """As the official SDK sends it: ``[x, y]``, ``[start, end]`` or one number, as text."""
    if position is None or isinstance(position, str):
        return position
    return str(list(position)) if isinstance(position, Sequence) else str(position)


class AsyncIssues(AsyncResource):
    """Issues of the API key's organisation's projects."""

    async def list_page(
        self,
        *,
        project: str | None = None,
        status: IssueStatus | None = None,
        asset: str | None = None,
        task: str | None = None,
        stage: str | None = None,
        created_by: str | None = None,
        assignee: str | None = None,
        page: int = 1,
        limit: int = 10,
        extra_body: ExtraBody = None,
        extra_query: ExtraQuery = None,
        extra_headers: ExtraHeaders = None,
    ) -> list[Issue]:
        """One page of issues, newest first, matching every filter given. ``status`` is
        ``Open``, ``Resolved`` or ``Closed``; ``task`` a label task ID; ``stage`` a name or ID
        of the ``project``'s workflow (checked with one read of it, when ``project`` is given)."""
        stage = await self._stage_id(project, "stage", stage)
        return await self._page(
            project, status, asset, task, stage, created_by, assignee, page, limit
        )

    async def _page(  # noqa: PLR0917  (the listing's filters, checked)
        self,
        project: str | None,
        status: str | None,
        asset: str | None,
        task: str | None,
        stage: str | None,
        created_by: str | None,
        assignee: str | None,
        page: int,
        limit: int,
    ) -> builtins.list[Issue]:
        params: dict[str, Any] = {"project": project, "status": status, "asset": asset}
        params |= {"labelTask": task}
        params |= {"stage": stage, "createdBy": created_by, "assignee": assignee}
        params |= {"page": page, "limit": limit}
        answer = await self._hub.call("listIssues", present(params))
        return self._need(
            self._parse(IssueListResponse.from_dict, answer, "listIssues").data.issue,
            "listIssues",
            "data.issue",
        )

    async def list(
        self,
        *,
        project: str | None = None,
        status: IssueStatus | None = None,
        asset: str | None = None,
        task: str | None = None,
        stage: str | None = None,
        created_by: str | None = None,
        assignee: str | None = None,
        page_size: int = PAGE_SIZE,
        extra_body: ExtraBody = None,
        extra_query: ExtraQuery = None,
        extra_headers: ExtraHeaders = None,
    ) -> AsyncIterator[Issue]:
        """Every matching issue, across pages, lazily (the listing has no total: pages are
        read until one comes back short)."""
        check_page_size("listIssues", page_size)
        stage = await self._stage_id(project, "stage", stage)  # once, not once a page

        async def fetch(number: int) -> list[Issue]:
            return await self._page(
                project, status, asset, task, stage, created_by, assignee, number, page_size
            )

        async for issue in pages_until_short(fetch, page_size):
            yield issue

    async def create(
        self,
        task: str,
        content: str,
        *,
        mentions: Sequence[str] | None = None,
        position: Position | None = None,
        object_id: str | None = None,
        error_codes: Sequence[Mapping[str, str]] | None = None,
        pct_details: Mapping[str, Any] | None = None,
        page: int | None = None,
        page_end: int | None = None,
        data_index: int | None = None,
        plane: MedicalPlane | None = None,
        extra_body: ExtraBody = None,
        extra_query: ExtraQuery = None,
        extra_headers: ExtraHeaders = None,
    ) -> Issue:
        """Open an issue on label task ``task``. Place it with ``position`` (``[x, y]``, one
        number for text, ``[start, end]`` for audio) and the page fields, or on an annotation
        with ``object_id``. ``error_codes``: ``{"category", "name", "key"?}`` each;
        ``plane``: ``A``, ``S`` or ``C``. Not retried after a lost answer (it would open a
        second issue)."""
        body: dict[str, Any] = {"labelTask": task, "content": content}
        body |= {"contentMentions": mentions}
        body |= {"position": _position(position), "objectId": object_id}
        body |= {"errorCodes": error_codes, "pctDetails": pct_details, "page": page}
        body |= {"pageEnd": page_end, "dataIndex": data_index, "plane": plane}
        answer = await self._hub.call("createIssue", body=present(body))
        return self._need(
            self._parse(IssueResponse.from_dict, answer, "createIssue").data.issue,
            "createIssue",
            "data.issue",
        )

    async def update(
        self,
        issue_id: str,
        *,
        content: str | None = None,
        mentions: Sequence[str] | None = None,
        status: IssueStatus | None = None,
        error_codes: Sequence[Mapping[str, str]] | None = None,
        pct_details: Mapping[str, Any] | None = None,
        extra_body: ExtraBody = None,
        extra_query: ExtraQuery = None,
        extra_headers: ExtraHeaders = None,
    ) -> Issue:
        """Change an issue; what is left out stays. ``status``: ``Open``, ``Resolved`` or
        ``Closed``. Safe to retry."""
        body: dict[str, Any] = {"content": content, "contentMentions": mentions}
        body |= {"status": status}
        body |= {"errorCodes": error_codes, "pctDetails": pct_details}
        answer = await self._hub.call("updateIssue", {"issueId": issue_id}, body=present(body))
        return self._need(
            self._parse(IssueResponse.from_dict, answer, "updateIssue").data.issue,
            "updateIssue",
            "data.issue",
        )

    async def resolve(
        self,
        issue_id: str,
        *,
        extra_body: ExtraBody = None,
        extra_query: ExtraQuery = None,
        extra_headers: ExtraHeaders = None,
    ) -> Issue:
        """Mark an issue ``Resolved``."""
        return await self.update(issue_id, status="Resolved")

    async def close(
        self,
        issue_id: str,
        *,
        extra_body: ExtraBody = None,
        extra_query: ExtraQuery = None,
        extra_headers: ExtraHeaders = None,
    ) -> Issue:
        """Mark an issue ``Closed``."""
        return await self.update(issue_id, status="Closed")

    async def reopen(
        self,
        issue_id: str,
        *,
        extra_body: ExtraBody = None,
        extra_query: ExtraQuery = None,
        extra_headers: ExtraHeaders = None,
    ) -> Issue:
        """Mark an issue ``Open`` again."""
        return await self.update(issue_id, status="Open")

    async def comment(
        self,
        issue_id: str,
        content: str,
        *,
        mentions: Sequence[str] | None = None,
        extra_body: ExtraBody = None,
        extra_query: ExtraQuery = None,
        extra_headers: ExtraHeaders = None,
    ) -> Issue:
        """Add a comment; returns the issue with its comments. Each call adds one."""
        body = present({"content": content, "contentMentions": mentions})
        answer = await self._hub.call("commentOnIssue", {"issueId": issue_id}, body=body)
        return self._need(
            self._parse(IssueResponse.from_dict, answer, "commentOnIssue").data.issue,
            "commentOnIssue",
            "data.issue",
        )

    async def delete(
        self,
        issue_id: str,
        *,
        project: str | None = None,
        extra_body: ExtraBody = None,
        extra_query: ExtraQuery = None,
        extra_headers: ExtraHeaders = None,
    ) -> Issue:
        """Delete an issue (``project``, if given, must be its project); returns it."""
        params = present({"issueId": issue_id, "project": project})
        return self._need(
            self._parse(
                IssueResponse.from_dict, await self._hub.call("deleteIssue", params), "deleteIssue"
            ).data.issue,
            "deleteIssue",
            "data.issue",
        )
