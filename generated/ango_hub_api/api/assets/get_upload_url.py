from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.storage_file_type import StorageFileType
from ...models.upload_url_response import UploadUrlResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    name: str,
    project: str,
    type_: StorageFileType | Unset = UNSET,
    storage_id: str | Unset = UNSET,
    bucket: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["name"] = name

    params["project"] = project

    json_type_: str | Unset = UNSET
    if not isinstance(type_, Unset):
        json_type_ = type_

    params["type"] = json_type_

    params["storageId"] = storage_id

    params["bucket"] = bucket

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/getUploadUrl",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | UploadUrlResponse | None:
    if response.status_code == 201:
        response_201 = UploadUrlResponse.from_dict(response.json())

        return response_201

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
) -> Response[ErrorResponse | UploadUrlResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    name: str,
    project: str,
    type_: StorageFileType | Unset = UNSET,
    storage_id: str | Unset = UNSET,
    bucket: str | Unset = UNSET,
) -> Response[ErrorResponse | UploadUrlResponse]:
    """Get a signed upload URL

     Generates a signed PUT URL for uploading a file directly to storage. PUT the raw file
    bytes to `uploadUrl`; the URL without its query string is then usable as an asset's
    `data` in `importCloudAssets`. The docs answer 201 to this GET; so does the server.

    Args:
        name (str):
        project (str):
        type_ (StorageFileType | Unset): What a stored file is for; decides its storage path. The
            values are restored from the
            official SDK (`StorageFileTypes`) and the vendor's site (`segmentationModels`).
        storage_id (str | Unset):
        bucket (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | UploadUrlResponse]
    """

    kwargs = _get_kwargs(
        name=name,
        project=project,
        type_=type_,
        storage_id=storage_id,
        bucket=bucket,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    name: str,
    project: str,
    type_: StorageFileType | Unset = UNSET,
    storage_id: str | Unset = UNSET,
    bucket: str | Unset = UNSET,
) -> ErrorResponse | UploadUrlResponse | None:
    """Get a signed upload URL

     Generates a signed PUT URL for uploading a file directly to storage. PUT the raw file
    bytes to `uploadUrl`; the URL without its query string is then usable as an asset's
    `data` in `importCloudAssets`. The docs answer 201 to this GET; so does the server.

    Args:
        name (str):
        project (str):
        type_ (StorageFileType | Unset): What a stored file is for; decides its storage path. The
            values are restored from the
            official SDK (`StorageFileTypes`) and the vendor's site (`segmentationModels`).
        storage_id (str | Unset):
        bucket (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | UploadUrlResponse
    """

    return sync_detailed(
        client=client,
        name=name,
        project=project,
        type_=type_,
        storage_id=storage_id,
        bucket=bucket,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    name: str,
    project: str,
    type_: StorageFileType | Unset = UNSET,
    storage_id: str | Unset = UNSET,
    bucket: str | Unset = UNSET,
) -> Response[ErrorResponse | UploadUrlResponse]:
    """Get a signed upload URL

     Generates a signed PUT URL for uploading a file directly to storage. PUT the raw file
    bytes to `uploadUrl`; the URL without its query string is then usable as an asset's
    `data` in `importCloudAssets`. The docs answer 201 to this GET; so does the server.

    Args:
        name (str):
        project (str):
        type_ (StorageFileType | Unset): What a stored file is for; decides its storage path. The
            values are restored from the
            official SDK (`StorageFileTypes`) and the vendor's site (`segmentationModels`).
        storage_id (str | Unset):
        bucket (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | UploadUrlResponse]
    """

    kwargs = _get_kwargs(
        name=name,
        project=project,
        type_=type_,
        storage_id=storage_id,
        bucket=bucket,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    name: str,
    project: str,
    type_: StorageFileType | Unset = UNSET,
    storage_id: str | Unset = UNSET,
    bucket: str | Unset = UNSET,
) -> ErrorResponse | UploadUrlResponse | None:
    """Get a signed upload URL

     Generates a signed PUT URL for uploading a file directly to storage. PUT the raw file
    bytes to `uploadUrl`; the URL without its query string is then usable as an asset's
    `data` in `importCloudAssets`. The docs answer 201 to this GET; so does the server.

    Args:
        name (str):
        project (str):
        type_ (StorageFileType | Unset): What a stored file is for; decides its storage path. The
            values are restored from the
            official SDK (`StorageFileTypes`) and the vendor's site (`segmentationModels`).
        storage_id (str | Unset):
        bucket (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | UploadUrlResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            name=name,
            project=project,
            type_=type_,
            storage_id=storage_id,
            bucket=bucket,
        )
    ).parsed
