from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.boolean_string import BooleanString
from ...models.error_response import ErrorResponse
from ...models.export_format import ExportFormat
from ...models.export_response import ExportResponse
from ...models.export_type import ExportType
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    project: str,
    format_: ExportFormat | Unset = UNSET,
    status: str | Unset = UNSET,
    batches: str | Unset = UNSET,
    include_assets: BooleanString | Unset = UNSET,
    include_history: BooleanString | Unset = UNSET,
    include_metadata: BooleanString | Unset = UNSET,
    type_: ExportType | Unset = UNSET,
    task_types: str | Unset = UNSET,
    stage: str | Unset = UNSET,
    created_at: str | Unset = UNSET,
    updated_at: str | Unset = UNSET,
    send_email: BooleanString | Unset = UNSET,
    do_not_notify: BooleanString | Unset = UNSET,
    include_only_key_frames: BooleanString | Unset = UNSET,
    include_idle_blur_durations: BooleanString | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["project"] = project

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_

    params["format"] = json_format_

    params["status"] = status

    params["batches"] = batches

    json_include_assets: str | Unset = UNSET
    if not isinstance(include_assets, Unset):
        json_include_assets = include_assets

    params["includeAssets"] = json_include_assets

    json_include_history: str | Unset = UNSET
    if not isinstance(include_history, Unset):
        json_include_history = include_history

    params["includeHistory"] = json_include_history

    json_include_metadata: str | Unset = UNSET
    if not isinstance(include_metadata, Unset):
        json_include_metadata = include_metadata

    params["includeMetadata"] = json_include_metadata

    json_type_: str | Unset = UNSET
    if not isinstance(type_, Unset):
        json_type_ = type_

    params["type"] = json_type_

    params["taskTypes"] = task_types

    params["stage"] = stage

    params["createdAt"] = created_at

    params["updatedAt"] = updated_at

    json_send_email: str | Unset = UNSET
    if not isinstance(send_email, Unset):
        json_send_email = send_email

    params["sendEmail"] = json_send_email

    json_do_not_notify: str | Unset = UNSET
    if not isinstance(do_not_notify, Unset):
        json_do_not_notify = do_not_notify

    params["doNotNotify"] = json_do_not_notify

    json_include_only_key_frames: str | Unset = UNSET
    if not isinstance(include_only_key_frames, Unset):
        json_include_only_key_frames = include_only_key_frames

    params["includeOnlyKeyFrames"] = json_include_only_key_frames

    json_include_idle_blur_durations: str | Unset = UNSET
    if not isinstance(include_idle_blur_durations, Unset):
        json_include_idle_blur_durations = include_idle_blur_durations

    params["includeIdleBlurDurations"] = json_include_idle_blur_durations

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/export",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | ExportResponse | None:
    if response.status_code == 200:
        response_200 = ExportResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

        return response_404

    if response.status_code == 429:
        response_429 = ErrorResponse.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = ErrorResponse.from_dict(response.json())

        return response_500

    if response.status_code == 502:
        response_502 = ErrorResponse.from_dict(response.json())

        return response_502

    if response.status_code == 503:
        response_503 = ErrorResponse.from_dict(response.json())

        return response_503

    if response.status_code == 504:
        response_504 = ErrorResponse.from_dict(response.json())

        return response_504

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | ExportResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    project: str,
    format_: ExportFormat | Unset = UNSET,
    status: str | Unset = UNSET,
    batches: str | Unset = UNSET,
    include_assets: BooleanString | Unset = UNSET,
    include_history: BooleanString | Unset = UNSET,
    include_metadata: BooleanString | Unset = UNSET,
    type_: ExportType | Unset = UNSET,
    task_types: str | Unset = UNSET,
    stage: str | Unset = UNSET,
    created_at: str | Unset = UNSET,
    updated_at: str | Unset = UNSET,
    send_email: BooleanString | Unset = UNSET,
    do_not_notify: BooleanString | Unset = UNSET,
    include_only_key_frames: BooleanString | Unset = UNSET,
    include_idle_blur_durations: BooleanString | Unset = UNSET,
) -> Response[ErrorResponse | ExportResponse]:
    """Export tasks

     Prepares an export of a project's tasks and returns `exportPath`, a URL (signed, no API
    key needed) serving a zip archive. With `format=json` the archive holds one file, a
    JSON array of tasks; with `ndjson`, one file with one task per line; with `split`, one
    JSON file per task.

    The reference page lists `format`, `status`, `batches`, `includeAssets` and
    `includeHistory`. The official SDK calls this path (also for its `exportV3()`) with many
    more parameters; all of them are declared here so that its requests validate.

    Args:
        project (str):
        format_ (ExportFormat | Unset): `json`: one JSON array of tasks; `ndjson`: one task per
            line; `split`: one JSON file
            per task in the archive.
        status (str | Unset):
        batches (str | Unset):
        include_assets (BooleanString | Unset): A boolean sent as the text `true` or `false`.
        include_history (BooleanString | Unset): A boolean sent as the text `true` or `false`.
        include_metadata (BooleanString | Unset): A boolean sent as the text `true` or `false`.
        type_ (ExportType | Unset):
        task_types (str | Unset):
        stage (str | Unset):
        created_at (str | Unset):
        updated_at (str | Unset):
        send_email (BooleanString | Unset): A boolean sent as the text `true` or `false`.
        do_not_notify (BooleanString | Unset): A boolean sent as the text `true` or `false`.
        include_only_key_frames (BooleanString | Unset): A boolean sent as the text `true` or
            `false`.
        include_idle_blur_durations (BooleanString | Unset): A boolean sent as the text `true` or
            `false`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ExportResponse]
    """

    kwargs = _get_kwargs(
        project=project,
        format_=format_,
        status=status,
        batches=batches,
        include_assets=include_assets,
        include_history=include_history,
        include_metadata=include_metadata,
        type_=type_,
        task_types=task_types,
        stage=stage,
        created_at=created_at,
        updated_at=updated_at,
        send_email=send_email,
        do_not_notify=do_not_notify,
        include_only_key_frames=include_only_key_frames,
        include_idle_blur_durations=include_idle_blur_durations,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    project: str,
    format_: ExportFormat | Unset = UNSET,
    status: str | Unset = UNSET,
    batches: str | Unset = UNSET,
    include_assets: BooleanString | Unset = UNSET,
    include_history: BooleanString | Unset = UNSET,
    include_metadata: BooleanString | Unset = UNSET,
    type_: ExportType | Unset = UNSET,
    task_types: str | Unset = UNSET,
    stage: str | Unset = UNSET,
    created_at: str | Unset = UNSET,
    updated_at: str | Unset = UNSET,
    send_email: BooleanString | Unset = UNSET,
    do_not_notify: BooleanString | Unset = UNSET,
    include_only_key_frames: BooleanString | Unset = UNSET,
    include_idle_blur_durations: BooleanString | Unset = UNSET,
) -> ErrorResponse | ExportResponse | None:
    """Export tasks

     Prepares an export of a project's tasks and returns `exportPath`, a URL (signed, no API
    key needed) serving a zip archive. With `format=json` the archive holds one file, a
    JSON array of tasks; with `ndjson`, one file with one task per line; with `split`, one
    JSON file per task.

    The reference page lists `format`, `status`, `batches`, `includeAssets` and
    `includeHistory`. The official SDK calls this path (also for its `exportV3()`) with many
    more parameters; all of them are declared here so that its requests validate.

    Args:
        project (str):
        format_ (ExportFormat | Unset): `json`: one JSON array of tasks; `ndjson`: one task per
            line; `split`: one JSON file
            per task in the archive.
        status (str | Unset):
        batches (str | Unset):
        include_assets (BooleanString | Unset): A boolean sent as the text `true` or `false`.
        include_history (BooleanString | Unset): A boolean sent as the text `true` or `false`.
        include_metadata (BooleanString | Unset): A boolean sent as the text `true` or `false`.
        type_ (ExportType | Unset):
        task_types (str | Unset):
        stage (str | Unset):
        created_at (str | Unset):
        updated_at (str | Unset):
        send_email (BooleanString | Unset): A boolean sent as the text `true` or `false`.
        do_not_notify (BooleanString | Unset): A boolean sent as the text `true` or `false`.
        include_only_key_frames (BooleanString | Unset): A boolean sent as the text `true` or
            `false`.
        include_idle_blur_durations (BooleanString | Unset): A boolean sent as the text `true` or
            `false`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ExportResponse
    """

    return sync_detailed(
        client=client,
        project=project,
        format_=format_,
        status=status,
        batches=batches,
        include_assets=include_assets,
        include_history=include_history,
        include_metadata=include_metadata,
        type_=type_,
        task_types=task_types,
        stage=stage,
        created_at=created_at,
        updated_at=updated_at,
        send_email=send_email,
        do_not_notify=do_not_notify,
        include_only_key_frames=include_only_key_frames,
        include_idle_blur_durations=include_idle_blur_durations,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    project: str,
    format_: ExportFormat | Unset = UNSET,
    status: str | Unset = UNSET,
    batches: str | Unset = UNSET,
    include_assets: BooleanString | Unset = UNSET,
    include_history: BooleanString | Unset = UNSET,
    include_metadata: BooleanString | Unset = UNSET,
    type_: ExportType | Unset = UNSET,
    task_types: str | Unset = UNSET,
    stage: str | Unset = UNSET,
    created_at: str | Unset = UNSET,
    updated_at: str | Unset = UNSET,
    send_email: BooleanString | Unset = UNSET,
    do_not_notify: BooleanString | Unset = UNSET,
    include_only_key_frames: BooleanString | Unset = UNSET,
    include_idle_blur_durations: BooleanString | Unset = UNSET,
) -> Response[ErrorResponse | ExportResponse]:
    """Export tasks

     Prepares an export of a project's tasks and returns `exportPath`, a URL (signed, no API
    key needed) serving a zip archive. With `format=json` the archive holds one file, a
    JSON array of tasks; with `ndjson`, one file with one task per line; with `split`, one
    JSON file per task.

    The reference page lists `format`, `status`, `batches`, `includeAssets` and
    `includeHistory`. The official SDK calls this path (also for its `exportV3()`) with many
    more parameters; all of them are declared here so that its requests validate.

    Args:
        project (str):
        format_ (ExportFormat | Unset): `json`: one JSON array of tasks; `ndjson`: one task per
            line; `split`: one JSON file
            per task in the archive.
        status (str | Unset):
        batches (str | Unset):
        include_assets (BooleanString | Unset): A boolean sent as the text `true` or `false`.
        include_history (BooleanString | Unset): A boolean sent as the text `true` or `false`.
        include_metadata (BooleanString | Unset): A boolean sent as the text `true` or `false`.
        type_ (ExportType | Unset):
        task_types (str | Unset):
        stage (str | Unset):
        created_at (str | Unset):
        updated_at (str | Unset):
        send_email (BooleanString | Unset): A boolean sent as the text `true` or `false`.
        do_not_notify (BooleanString | Unset): A boolean sent as the text `true` or `false`.
        include_only_key_frames (BooleanString | Unset): A boolean sent as the text `true` or
            `false`.
        include_idle_blur_durations (BooleanString | Unset): A boolean sent as the text `true` or
            `false`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ExportResponse]
    """

    kwargs = _get_kwargs(
        project=project,
        format_=format_,
        status=status,
        batches=batches,
        include_assets=include_assets,
        include_history=include_history,
        include_metadata=include_metadata,
        type_=type_,
        task_types=task_types,
        stage=stage,
        created_at=created_at,
        updated_at=updated_at,
        send_email=send_email,
        do_not_notify=do_not_notify,
        include_only_key_frames=include_only_key_frames,
        include_idle_blur_durations=include_idle_blur_durations,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    project: str,
    format_: ExportFormat | Unset = UNSET,
    status: str | Unset = UNSET,
    batches: str | Unset = UNSET,
    include_assets: BooleanString | Unset = UNSET,
    include_history: BooleanString | Unset = UNSET,
    include_metadata: BooleanString | Unset = UNSET,
    type_: ExportType | Unset = UNSET,
    task_types: str | Unset = UNSET,
    stage: str | Unset = UNSET,
    created_at: str | Unset = UNSET,
    updated_at: str | Unset = UNSET,
    send_email: BooleanString | Unset = UNSET,
    do_not_notify: BooleanString | Unset = UNSET,
    include_only_key_frames: BooleanString | Unset = UNSET,
    include_idle_blur_durations: BooleanString | Unset = UNSET,
) -> ErrorResponse | ExportResponse | None:
    """Export tasks

     Prepares an export of a project's tasks and returns `exportPath`, a URL (signed, no API
    key needed) serving a zip archive. With `format=json` the archive holds one file, a
    JSON array of tasks; with `ndjson`, one file with one task per line; with `split`, one
    JSON file per task.

    The reference page lists `format`, `status`, `batches`, `includeAssets` and
    `includeHistory`. The official SDK calls this path (also for its `exportV3()`) with many
    more parameters; all of them are declared here so that its requests validate.

    Args:
        project (str):
        format_ (ExportFormat | Unset): `json`: one JSON array of tasks; `ndjson`: one task per
            line; `split`: one JSON file
            per task in the archive.
        status (str | Unset):
        batches (str | Unset):
        include_assets (BooleanString | Unset): A boolean sent as the text `true` or `false`.
        include_history (BooleanString | Unset): A boolean sent as the text `true` or `false`.
        include_metadata (BooleanString | Unset): A boolean sent as the text `true` or `false`.
        type_ (ExportType | Unset):
        task_types (str | Unset):
        stage (str | Unset):
        created_at (str | Unset):
        updated_at (str | Unset):
        send_email (BooleanString | Unset): A boolean sent as the text `true` or `false`.
        do_not_notify (BooleanString | Unset): A boolean sent as the text `true` or `false`.
        include_only_key_frames (BooleanString | Unset): A boolean sent as the text `true` or
            `false`.
        include_idle_blur_durations (BooleanString | Unset): A boolean sent as the text `true` or
            `false`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ExportResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            project=project,
            format_=format_,
            status=status,
            batches=batches,
            include_assets=include_assets,
            include_history=include_history,
            include_metadata=include_metadata,
            type_=type_,
            task_types=task_types,
            stage=stage,
            created_at=created_at,
            updated_at=updated_at,
            send_email=send_email,
            do_not_notify=do_not_notify,
            include_only_key_frames=include_only_key_frames,
            include_idle_blur_durations=include_idle_blur_durations,
        )
    ).parsed
