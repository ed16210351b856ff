"""``hub.tasks``: a project's label tasks through the workflow: list (auto-paginated), get,
history, assign, annotate, review, requeue, priority and benchmark flags."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable, Mapping, Sequence
from typing import Any, Literal, TypedDict, Unpack

from ango_hub_api.models import (
    AnnotateResponse,
    AssignTasksResponse,
    AssignTasksResult,
    RequeueTasksResponse,
    SetTasksBenchmarkResponse,
    Task,
    TaskHistoryEntry,
    TaskHistoryEntryResponse,
    TaskHistoryListResponse,
    TaskListResponse,
    TaskPage,
    TaskResponse,
    TaskStatus,
    UpdateResult,
    UpdateTasksPriorityResponse,
)

from ango_hub import _validate as check
from ango_hub.labels import Answer
from ango_hub.stage_names import stage_refs

from ._base import AsyncResource, ExtraBody, ExtraHeaders, ExtraQuery, ProjectRead, plain, present
from .paging import PAGE_SIZE, check_page_size, pages

# A TaskFilter object (``{"stage": {"$in": ["Label"]}, "priority": {"$gte": 1}}``) or its JSON.
TaskFilter = Mapping[str, Any] | str | None
Review = Literal["Accepted", "Rejected", "Todo", "Fixed"]
History = list[TaskHistoryEntry]  # an alias: inside the class, ``list`` is the method


class ListFilters(TypedDict, total=False):
    """The task listing's filters (every one given must hold) and what it returns."""

    filter: TaskFilter
    status: TaskStatus | None
    stage: str | None
    assignee: str | None
    batches: Sequence[str] | None
    include_answer: bool
    fields: Sequence[str] | None
    sort: str | None


class Selection(TypedDict, total=False):
    """Which tasks of the project (every list given must match; none: all of them)."""

    task_ids: Iterable[str] | None
    external_ids: Iterable[str] | None
    asset_ids: Iterable[str] | None
    from_stages: Iterable[str] | None  # current stages, by name or ID
    batches: Iterable[str] | None  # names or IDs


_SELECTION_KEYS = {
    "task_ids": "taskIds",
    "external_ids": "externalIds",
    "asset_ids": "assetIds",
    "from_stages": "fromStageIds",
    "batches": "batches",
}


SelectionBody = dict[str, list[str]]  # an alias: inside the class, ``list`` is the method


def _selection(chosen: Selection) -> SelectionBody:
    """The ``TaskSelection`` body: only the lists given."""
    lists: dict[str, Any] = dict(chosen)
    return {
        _SELECTION_KEYS[key]: list(values) for key, values in lists.items() if values is not None
    }


class AsyncTasks(AsyncResource):
    """Label tasks: one per asset, moving through the project's workflow stages."""

    async def list_page(
        self,
        project: str,
        *,
        page: int = 1,
        limit: int = 10,
        extra_body: ExtraBody = None,
        extra_query: ExtraQuery = None,
        extra_headers: ExtraHeaders = None,
        **filters: Unpack[ListFilters],
    ) -> TaskPage:
        """One page: ``.tasks`` and ``.total`` (matches across all pages). ``limit`` 1..1000.
        ``stage``: a stage of the workflow, by name or ID (one read of the project; one it
        lacks is refused, listing its stages, not matched as none).
        ``filter``: a TaskFilter object (fields ``stage``, ``status``, ``assignee``,
        ``priority``, ``createdAt`` ... with ``$eq``, ``$in``, ``$gte`` ...); ``status``
        ``TODO`` or ``Completed``; ``batches`` names or IDs (any); ``fields`` the task fields
        to return; ``sort`` e.g. ``"-priority,createdAt"``. Every filter given must hold.
        A batch the project lacks is refused (one read of the project), not matched as none."""
        return await self._page(project, page, limit, await self._with_ids(project, filters))

    async def _with_ids(self, project: str, filters: ListFilters) -> ListFilters:
        """``filters`` checked, their batch names resolved to the project's batch IDs."""
        check.known_options("the task listing", filters, ListFilters)
        batches, stage = filters.get("batches"), filters.get("stage")
        read = ProjectRead(self._hub, project)  # one read for both checks
        if batches:
            ids = await self._hub.batches._resolve(project, batches, read=read)
            filters = {**filters, "batches": ids}
        if stage:  # a stage ID, from its name or ID; one the workflow lacks is refused
            known = await self._workflow(project, read)
            filters = {**filters, "stage": stage_refs("stage", project, [stage], known, "id")[0]}
        return filters

    async def _page(self, project: str, page: int, limit: int, filters: ListFilters) -> TaskPage:
        batches, fields = filters.get("batches"), filters.get("fields")
        params: dict[str, Any] = {"projectId": project, "page": page, "limit": limit}
        params |= {name: filters.get(name) for name in ("filter", "status", "stage", "assignee")}
        params |= {"batches": list(batches) if batches is not None else None}
        params |= {"includeAnswer": "true" if filters.get("include_answer") else None}
        params |= {"fields": ",".join(fields) if fields is not None else None}
        params |= {"sort": filters.get("sort")}
        answer = await self._hub.call("listTasks", present(params))
        listing = self._parse(TaskListResponse.from_dict, answer, "listTasks").data
        self._field(listing.total, int, "listTasks", "data.total")
        for task in self._field(listing.tasks, list, "listTasks", "data.tasks"):
            self._field(task, Task, "listTasks", "data.tasks[]")
        return listing

    async def list(
        self,
        project: str,
        *,
        page_size: int = PAGE_SIZE,
        extra_body: ExtraBody = None,
        extra_query: ExtraQuery = None,
        extra_headers: ExtraHeaders = None,
        **filters: Unpack[ListFilters],
    ) -> AsyncIterator[Task]:
        """Every matching task, across pages, lazily (two pages in flight ahead of the
        caller). The filters are those of :meth:`list_page`."""
        check_page_size("listTasks", page_size)
        resolved = await self._with_ids(project, filters)  # once, not once a page

        async def fetch(number: int) -> tuple[list[Task], int]:
            page = await self._page(project, number, page_size, resolved)
            return page.tasks, page.total

        async for task in pages(fetch, page_size):
            yield task

    async def get(
        self,
        task_id: str,
        *,
        include_answer: bool = False,
        extra_body: ExtraBody = None,
        extra_query: ExtraQuery = None,
        extra_headers: ExtraHeaders = None,
    ) -> Task:
        """One task, with its ``answer`` when ``include_answer``."""
        params = {"taskId": task_id, "includeAnswer": "true" if include_answer else "false"}
        answer = await self._hub.call("getTask", params)
        return self._need(
            self._parse(TaskResponse.from_dict, answer, "getTask").data.task, "getTask", "data.task"
        )

    async def history(
        self,
        task_id: str,
        *,
        extra_body: ExtraBody = None,
        extra_query: ExtraQuery = None,
        extra_headers: ExtraHeaders = None,
    ) -> History:
        """Every history entry of the task, oldest first (all pages)."""
        entries: History = []
        number = 1
        while True:
            params = {"taskId": task_id, "page": number, "limit": 100}
            answer = await self._hub.call("getTaskHistory", params)
            page = self._parse(TaskHistoryListResponse.from_dict, answer, "getTaskHistory").data
            listed = page.task_history if isinstance(page.task_history, list) else page.history
            got = self._field(listed, list, "getTaskHistory", "data.taskHistory")
            entries.extend(got)
            if not got or len(entries) >= self._field(
                page.total, int, "getTaskHistory", "data.total"
            ):
                return entries
            number += 1

    async def history_entry(
        self,
        entry_id: str,
        *,
        extra_body: ExtraBody = None,
        extra_query: ExtraQuery = None,
        extra_headers: ExtraHeaders = None,
    ) -> TaskHistoryEntry:
        """One history entry by its ID."""
        answer = await self._hub.call("getTaskHistoryEntry", {"taskHistoryId": entry_id})
        parsed = self._parse(TaskHistoryEntryResponse.from_dict, answer, "getTaskHistoryEntry")
        return self._need(parsed.data.task_history, "getTaskHistoryEntry", "data.taskHistory")

    async def assign(
        self,
        project: str,
        task_ids: Iterable[str],
        user: str,
        *,
        stage: str | None = None,
        extra_body: ExtraBody = None,
        extra_query: ExtraQuery = None,
        extra_headers: ExtraHeaders = None,
    ) -> AssignTasksResult:
        """Assign tasks to the member with email ``user``; with ``stage`` (a name or ID of the
        workflow's stages, checked with one read of the project), every task must be in it
        (else nothing changes and the error names the task). Safe to retry."""
        stage = await self._stage_id(project, "stage", stage)
        body = present({"project": project, "tasks": list(task_ids), "user": user, "stage": stage})
        answer = await self._hub.call("assignTasks", body=body)
        return self._parse(AssignTasksResponse.from_dict, answer, "assignTasks").data

    async def annotate(
        self,
        task_id: str,
        answer: Answer | Mapping[str, Any],
        *,
        submit: bool = False,
        duration: float | None = None,
        brush_data_url: str | None = None,
        medical_brush_data_url: str | None = None,
        is_plugin: bool = False,
        extra_body: ExtraBody = None,
        extra_query: ExtraQuery = None,
        extra_headers: ExtraHeaders = None,
    ) -> Task:
        """Store the task's answer: an :class:`~ango_hub.labels.Answer`, its dict
        (``objects``, ``classifications``, ``relations``) or the official SDK's ``Answer``.
        ``submit=True`` moves the task on to the next stage; otherwise it stays as a draft.
        Not retried after a lost answer (a submit moves the task)."""
        params = {"taskId": task_id, "nextStage": "true" if submit else "false"}
        params |= {"isPlugin": "true" if is_plugin else "false"}
        body: dict[str, Any] = {"answer": plain(answer), "duration": duration}
        body |= {"brushDataUrl": brush_data_url, "medicalBrushDataUrl": medical_brush_data_url}
        answered = await self._hub.call("annotateTask", params, body=present(body))
        return self._need(
            self._parse(AnnotateResponse.from_dict, answered, "annotateTask").data.label,
            "annotateTask",
            "data.label",
        )

    async def review(
        self,
        task_id: str,
        decision: Review,
        *,
        pct_details: Mapping[str, Any] | None = None,
        extra_body: ExtraBody = None,
        extra_query: ExtraQuery = None,
        extra_headers: ExtraHeaders = None,
    ) -> Task:
        """Review a task in a Review stage: ``Accepted`` moves it on, ``Rejected`` sends it
        back to labelling; ``Todo`` and ``Fixed`` are recorded without moving it."""
        body = present({"reviewStatus": decision, "pctDetails": pct_details})
        answer = await self._hub.call("reviewTask", {"taskId": task_id}, body=body)
        return self._need(
            self._parse(TaskResponse.from_dict, answer, "reviewTask").data.task,
            "reviewTask",
            "data.task",
        )

    async def requeue(
        self,
        project: str,
        to_stage: str,
        *,
        remove_annotations: bool = False,
        remove_assignee: bool = False,
        remove_stage_history: bool = False,
        extra_body: ExtraBody = None,
        extra_query: ExtraQuery = None,
        extra_headers: ExtraHeaders = None,
        **select: Unpack[Selection],
    ) -> int:
        """Move the selected tasks (``task_ids``, ``external_ids``, ``asset_ids``,
        ``from_stages``, ``batches``: every list given must match; none: all the project's
        tasks) to stage ``to_stage``; returns how many moved. Stages by name or ID: one read
        of the project; a stage its workflow lacks is refused, listing them."""
        check.known_options("the task selection", select, Selection)
        read = ProjectRead(self._hub, project)  # one read for the stages and the batches
        known = await self._workflow(project, read)  # stages, by name or ID, to their IDs
        (to_id,) = stage_refs("to_stage", project, [to_stage], known, "id")
        body: dict[str, Any] = {
            "toStageId": to_id,
            "filters": await self._select(project, select, read),
        }
        body["options"] = {
            "removeAnnotations": remove_annotations,
            "removeAssignee": remove_assignee,
            "removeStageHistory": remove_stage_history,
        }
        answer = await self._hub.call("requeueTasks", {"projectId": project}, body=body)
        result = self._parse(RequeueTasksResponse.from_dict, answer, "requeueTasks").data
        counts = self._need(result.modified_count, "requeueTasks", "data.modifiedCount")
        return self._field(counts.modified, int, "requeueTasks", "data.modifiedCount.modified")

    async def set_priority(
        self,
        project: str,
        priority: float,
        *,
        extra_body: ExtraBody = None,
        extra_query: ExtraQuery = None,
        extra_headers: ExtraHeaders = None,
        **select: Unpack[Selection],
    ) -> UpdateResult:
        """Set the priority (-1000..1000) of the selected tasks (as for :meth:`requeue`;
        none selected: all); ``.matched_count`` and ``.modified_count``. Safe to retry."""
        body: dict[str, Any] = {
            "priority": priority,
            "filters": await self._select(project, select),
        }
        answer = await self._hub.call("updateTasksPriority", {"projectId": project}, body=body)
        parsed = self._parse(UpdateTasksPriorityResponse.from_dict, answer, "updateTasksPriority")
        return self._need(parsed.data.result, "updateTasksPriority", "data.result")

    async def _select(
        self, project: str, select: Selection, read: ProjectRead | None = None
    ) -> SelectionBody:
        """The ``TaskSelection`` body, batch names resolved to the project's batch IDs and
        ``from_stages`` (names or IDs) to stage IDs (a batch or stage the project lacks is
        refused: it would select nothing, or with no other list, all), with one read of the
        project (``read``: the caller's, when it has one)."""
        check.known_options("the task selection", select, Selection)
        batches, stages = select.get("batches"), select.get("from_stages")
        read = read or ProjectRead(self._hub, project)
        if batches is not None:
            ids = await self._hub.batches._resolve(project, list(batches), read=read)
            select = {**select, "batches": ids}
        if stages is not None:
            known = await self._workflow(project, read)
            ids = stage_refs("from_stages", project, stages, known, "id")
            select = {**select, "from_stages": ids}
        return _selection(select)

    async def set_benchmark(
        self,
        project: str,
        task_ids: Iterable[str],
        *,
        benchmark: bool = True,
        extra_body: ExtraBody = None,
        extra_query: ExtraQuery = None,
        extra_headers: ExtraHeaders = None,
    ) -> int:
        """Mark (or with ``benchmark=False`` unmark) tasks as benchmarks; returns how many
        changed. Safe to retry."""
        body = {"tasks": list(task_ids), "isBenchmark": benchmark}
        answer = await self._hub.call("setTasksBenchmark", {"projectId": project}, body=body)
        parsed = self._parse(SetTasksBenchmarkResponse.from_dict, answer, "setTasksBenchmark")
        data = self._need(parsed.data, "setTasksBenchmark", "data")
        return self._field(data.modified, int, "setTasksBenchmark", "data.modified")
