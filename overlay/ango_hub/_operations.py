"""One builder per API operation: checks the caller's input, asks the generated module for the
request, and says how to read the answer and whether the request is safe to repeat.

Sync and async resources share these builders, so both send exactly the same requests.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypedDict, TypeVar

import httpx
from ango_hub_api.api.assets import (
    assign_batches,
    delete_assets,
    get_signed_url,
    get_upload_url,
    import_cloud_assets,
    list_assets,
    update_asset,
    upload_chat_assets,
)
from ango_hub_api.api.import_export import (
    export_tasks,
    export_tasks_v3,
    import_attachments,
    import_labels,
)
from ango_hub_api.models import (
    Asset,
    AssetListResponse,
    AssetPage,
    AssetResponse,
    AssetsImportedResponse,
    AssetUpdate,
    AssetUpdateContextData,
    AssetUpdateMetadata,
    AssignBatchesRequest,
    AssignBatchesResponse,
    Attachment,
    AttachmentsImported,
    BatchAssignment,
    ChatUploadForm,
    ChatUploadMultipart,
    CloudAsset,
    CloudImportRequest,
    DeleteAssetsRequest,
    DeleteAssetsResponse,
    DeleteAssetsResult,
    ExportResponse,
    ImportAttachmentsRequest,
    ImportAttachmentsResponse,
    ImportLabelsRequest,
    ImportLabelsResponse,
    ImportSummary,
    Label,
    SignedUrlResponse,
    UploadUrlResponse,
)
from ango_hub_api.types import UNSET, File, Unset

from . import _validate as check
from ._config import EXPORT_TIMEOUT
from .errors import AngoHubValidationError

T = TypeVar("T")

STORAGE_FILE_TYPES = (
    "assets",
    "brushes",
    "medicalBrushes",
    "exports",
    "instructions",
    "segmentationModels",
)
EXPORT_FORMATS = ("json", "ndjson", "split")
EXPORT_TYPES = ("task", "issue")
TASK_TYPES = ("default", "consensus", "benchmark")
PRIORITY_RANGE = (-1000, 1000)


class ChatOptions(TypedDict, total=False):
    """Keyword options of chat upload (``hub.assets.upload_chat``)."""

    file: str | Path
    conversations: list[Any] | str
    number_of_conversations: int
    storage_id: str
    bucket: str
    batches: Sequence[str]
    llm_config: Mapping[str, Any]
    naming_strategy: str
    priority: float


class ExportOptions(TypedDict, total=False):
    """Keyword options of an export (``hub.exports.create/download/iter_tasks``)."""

    format: str
    v3: bool
    status: str
    batches: Sequence[str]
    stage: Sequence[str]
    task_types: Sequence[str]
    export_type: str
    include_assets: bool
    include_history: bool
    include_metadata: bool
    created_at: Mapping[str, str]
    updated_at: Mapping[str, str]
    send_email: bool
    notify: bool


@dataclass(frozen=True)
class Call(Generic[T]):
    """A prepared request: generated ``_get_kwargs`` output, how to parse, whether to retry."""

    kwargs: dict[str, Any]
    parse: Callable[[Any], T]
    idempotent: bool
    timeout: httpx.Timeout | None = None


def _opt(value: T | None) -> T | Unset:
    return UNSET if value is None else value


def _bool_text(field: str, value: bool | None) -> Any:
    if value is None:
        return UNSET
    if not isinstance(value, bool):
        raise AngoHubValidationError(field, f"must be True or False, got {value!r}")
    return "true" if value else "false"


def _priority(value: float | None) -> float | Unset:
    if value is None:
        return UNSET
    return check.number_in_range("priority", value, *PRIORITY_RANGE)


# -- assets ---------------------------------------------------------------------------------


def list_assets_page(
    project: str,
    *,
    page: int = 1,
    limit: int = 100,
    filters: Mapping[str, Any] | str | None = None,
    external_id: str | None = None,
    batches: Sequence[str] | None = None,
) -> Call[AssetPage]:
    check.non_empty_str("project", project)
    check.int_in_range("page", page, 1)
    check.int_in_range("limit", limit, 1, 100)
    filters_text = None if filters is None else json.dumps(check.json_object("filters", filters))
    kwargs = list_assets.request_kwargs(
        project,
        page=page,
        limit=limit,
        filters=_opt(filters_text),
        external_id=_opt(external_id),
        batches=_opt(check.json_list_param(batches and check.str_list("batches", batches))),
    )
    return Call(kwargs, lambda body: AssetListResponse.from_dict(body).data, idempotent=True)


def delete_assets_call(project: str, asset_ids: Iterable[str]) -> Call[DeleteAssetsResult]:
    check.non_empty_str("project", project)
    ids = check.str_list("asset_ids", asset_ids)
    kwargs = delete_assets.request_kwargs(project, body=DeleteAssetsRequest(assets=ids))
    # Deleting the same IDs twice leaves the same state: safe to repeat.
    return Call(kwargs, lambda body: DeleteAssetsResponse.from_dict(body).data, idempotent=True)


def update_asset_call(
    asset_id: str,
    *,
    metadata: Mapping[str, Any] | None = None,
    context_data: Mapping[str, Any] | None = None,
    data: str | None = None,
    overlay: Sequence[str] | None = None,
    external_id: str | None = None,
) -> Call[Asset]:
    check.non_empty_str("asset_id", asset_id)
    update = AssetUpdate(
        metadata=UNSET
        if metadata is None
        else AssetUpdateMetadata.from_dict(check.json_object("metadata", metadata)),
        context_data=UNSET
        if context_data is None
        else AssetUpdateContextData.from_dict(check.json_object("context_data", context_data)),
        data=_opt(data),
        overlay=_opt(
            None if overlay is None else check.str_list("overlay", overlay, allow_empty=True)
        ),
        external_id=_opt(external_id),
    )
    if not update.to_dict():
        raise AngoHubValidationError(
            "update", "nothing to change", "metadata, context_data, data, overlay, external_id"
        )
    kwargs = update_asset.request_kwargs(asset_id, body=update)
    return Call(kwargs, lambda body: AssetResponse.from_dict(body).data.asset, idempotent=True)


def assign_batches_call(
    project: str, asset_ids: Iterable[str], batches: Iterable[str], *, mode: str = "add"
) -> Call[BatchAssignment]:
    check.non_empty_str("project", project)
    body = AssignBatchesRequest(
        batches=check.str_list("batches", batches),
        assets=check.str_list("asset_ids", asset_ids),
        project=project,
        mode=check.non_empty_str("mode", mode),
    )
    kwargs = assign_batches.request_kwargs(body=body)
    # Adding assets to batches they are already in changes nothing: safe to repeat.

    def parse(body: Any) -> BatchAssignment:
        result = AssignBatchesResponse.from_dict(body).data.assets
        return result if isinstance(result, BatchAssignment) else BatchAssignment()

    return Call(kwargs, parse, idempotent=True)


def import_cloud_call(
    project: str,
    assets: Iterable[CloudAsset | Mapping[str, Any]],
    *,
    batches: Sequence[str] | None = None,
    upload_local: bool | None = None,
    priority: float | None = None,
) -> Call[ImportSummary]:
    check.non_empty_str("project", project)
    items = check.models("assets", assets, CloudAsset, CloudAsset.from_dict, required=("data",))
    body = CloudImportRequest(
        assets=items,
        upload_local=UNSET if upload_local is None else _bool_text("upload_local", upload_local),
        priority=_priority(priority),
    )
    kwargs = import_cloud_assets.request_kwargs(
        project,
        body=body,
        batches=_opt(check.json_list_param(batches and check.str_list("batches", batches))),
    )
    # Creates assets: repeated only when it provably did not reach the server.
    return Call(kwargs, _summary, idempotent=False)


def upload_chat_call(
    project: str,
    *,
    file: str | Path | None = None,
    conversations: list[Any] | str | None = None,
    number_of_conversations: int | None = None,
    storage_id: str | None = None,
    bucket: str | None = None,
    batches: Sequence[str] | None = None,
    llm_config: Mapping[str, Any] | None = None,
    naming_strategy: str | None = None,
    priority: float | None = None,
) -> Call[ImportSummary]:
    check.non_empty_str("project", project)
    if file is None and conversations is None and not number_of_conversations:
        raise AngoHubValidationError(
            "conversations", "nothing to create", "file, conversations or number_of_conversations"
        )
    fields: dict[str, Any] = {
        "project_id": project,
        "conversations": _opt(
            conversations if isinstance(conversations, str | None) else json.dumps(conversations)
        ),
        "storage_id": _opt(storage_id),
        "bucket": _opt(bucket),
        "batches": _opt(check.json_list_param(batches)),
        "llm_config": _opt(None if llm_config is None else json.dumps(dict(llm_config))),
        "number_of_conversations": _opt(
            None
            if number_of_conversations is None
            else check.int_in_range("number_of_conversations", number_of_conversations, 0)
        ),
        "naming_strategy": _opt(
            None if naming_strategy is None else json.dumps({"type": naming_strategy})
        ),
        "priority": _priority(priority),
    }
    body: ChatUploadMultipart | ChatUploadForm
    if file is not None:
        path = Path(file)
        if not path.is_file():
            raise AngoHubValidationError("file", f"no such file: {path}")
        payload = File(payload=path.open("rb"), file_name=path.name, mime_type="application/json")
        body = ChatUploadMultipart(file=payload, **fields)
    else:
        body = ChatUploadForm(**fields)
    kwargs = upload_chat_assets.request_kwargs(project, body=body)
    return Call(kwargs, _summary, idempotent=False)


def _summary(body: Any) -> ImportSummary:
    assets = AssetsImportedResponse.from_dict(body).data.assets
    return assets if isinstance(assets, ImportSummary) else ImportSummary()


# -- files ----------------------------------------------------------------------------------


def upload_url_call(
    project: str,
    name: str,
    *,
    file_type: str = "assets",
    storage_id: str | None = None,
    bucket: str | None = None,
) -> Call[str]:
    kwargs = get_upload_url.request_kwargs(
        name=check.non_empty_str("name", name),
        project=check.non_empty_str("project", project),
        type_=check.choice("file_type", file_type, STORAGE_FILE_TYPES),  # type: ignore[arg-type]
        storage_id=_opt(storage_id),
        bucket=_opt(bucket),
    )
    return Call(kwargs, lambda body: UploadUrlResponse.from_dict(body).data.upload_url, True)


def signed_url_call(
    url: str,
    *,
    project: str | None = None,
    file_type: str | None = None,
    storage_id: str | None = None,
) -> Call[str]:
    kwargs = get_signed_url.request_kwargs(
        url_query=check.non_empty_str("url", url),
        project=_opt(project),
        type_=UNSET
        if file_type is None
        else check.choice("file_type", file_type, STORAGE_FILE_TYPES),  # type: ignore[arg-type]
        storage_id=_opt(storage_id),
    )
    return Call(kwargs, lambda body: SignedUrlResponse.from_dict(body).data.signed_url, True)


# -- import/export --------------------------------------------------------------------------


def import_attachments_call(
    project: str, attachments: Iterable[Attachment | Mapping[str, Any]]
) -> Call[AttachmentsImported]:
    items = check.models(
        "attachments",
        attachments,
        Attachment,
        Attachment.from_dict,
        required=("attachmentUrl",),
        one_of=("externalId", "assetId"),
    )
    body = ImportAttachmentsRequest(
        project=check.non_empty_str("project", project), attachments=items
    )
    kwargs = import_attachments.request_kwargs(body=body)

    def parse(body: Any) -> AttachmentsImported:
        result = ImportAttachmentsResponse.from_dict(body).data.project
        return result if isinstance(result, AttachmentsImported) else AttachmentsImported()

    return Call(kwargs, parse, idempotent=False)


def import_labels_call(project: str, labels: Iterable[Label | Mapping[str, Any]]) -> Call[str]:
    items = check.models(
        "labels",
        labels,
        Label,
        Label.from_dict,
        required=("answer",),
        one_of=("externalId", "assetId"),
    )
    body = ImportLabelsRequest(project=check.non_empty_str("project", project), labels=items)
    kwargs = import_labels.request_kwargs(body=body)

    def parse(body: Any) -> str:
        result = ImportLabelsResponse.from_dict(body).data.project
        return result if isinstance(result, str) else ""

    return Call(kwargs, parse, idempotent=False)


def create_export_call(
    project: str,
    *,
    format: str = "json",
    v3: bool = False,
    status: str | None = None,
    batches: Sequence[str] | None = None,
    stage: Sequence[str] | None = None,
    task_types: Sequence[str] | None = None,
    export_type: str | None = None,
    include_assets: bool | None = None,
    include_history: bool | None = None,
    include_metadata: bool | None = None,
    created_at: Mapping[str, str] | None = None,
    updated_at: Mapping[str, str] | None = None,
    send_email: bool | None = None,
    notify: bool | None = None,
) -> Call[str]:
    check.non_empty_str("project", project)
    for index, task_type in enumerate(task_types or ()):
        check.choice(f"task_types[{index}]", task_type, TASK_TYPES)
    module = export_tasks_v3 if v3 else export_tasks
    kwargs = module.request_kwargs(
        project=project,
        format_=check.choice("format", format, EXPORT_FORMATS),
        status=_opt(status),
        batches=_opt(check.json_list_param(batches and check.str_list("batches", batches))),
        stage=_opt(check.json_list_param(stage and check.str_list("stage", stage))),
        task_types=_opt(check.json_list_param(task_types)),
        type_=UNSET
        if export_type is None
        else check.choice("export_type", export_type, EXPORT_TYPES),
        include_assets=_bool_text("include_assets", include_assets),
        include_history=_bool_text("include_history", include_history),
        include_metadata=_bool_text("include_metadata", include_metadata),
        created_at=_opt(None if created_at is None else json.dumps(dict(created_at))),
        updated_at=_opt(None if updated_at is None else json.dumps(dict(updated_at))),
        send_email=_bool_text("send_email", send_email),
        do_not_notify=_bool_text("notify", None if notify is None else not notify),
    )
    return Call(
        kwargs,
        lambda body: ExportResponse.from_dict(body).data.export_path,
        idempotent=True,
        timeout=EXPORT_TIMEOUT,
    )
