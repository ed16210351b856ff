from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.signed_url_response import SignedUrlResponse
from ...models.storage_file_type import StorageFileType
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    url_query: str | Unset = UNSET,
    name: str | Unset = UNSET,
    project: str | Unset = UNSET,
    type_: StorageFileType | Unset = UNSET,
    storage_id: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["url"] = url_query

    params["name"] = name

    params["project"] = project

    json_type_: str | Unset = UNSET
    if not isinstance(type_, Unset):
        json_type_ = type_

    params["type"] = json_type_

    params["storageId"] = storage_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/getSignedUrl",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | SignedUrlResponse | None:
    if response.status_code == 201:
        response_201 = SignedUrlResponse.from_dict(response.json())

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
) -> Response[ErrorResponse | SignedUrlResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    url_query: str | Unset = UNSET,
    name: str | Unset = UNSET,
    project: str | Unset = UNSET,
    type_: StorageFileType | Unset = UNSET,
    storage_id: str | Unset = UNSET,
) -> Response[ErrorResponse | SignedUrlResponse]:
    """Get a signed download URL

     Generates a signed GET URL for downloading a stored file.

    The reference page names the file with `url` (required). The official SDK sends
    `name=<asset url>&project=<id>&type=<file type>` and no `url`, and that request is
    served in production. Both forms are accepted: give exactly one of `url` or `name`.
    OpenAPI cannot express "one of two query parameters", so both are optional here and a
    request with neither is answered 400.

    Args:
        url_query (str | Unset):
        name (str | Unset):
        project (str | Unset):
        type_ (StorageFileType | Unset): What a stored file is for; decides its storage path. The
            values are restored from the
            official SDK (`StorageFileTypes`) and the vendor's site (`segmentationModels`).
        storage_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | SignedUrlResponse]
    """

    kwargs = _get_kwargs(
        url_query=url_query,
        name=name,
        project=project,
        type_=type_,
        storage_id=storage_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    url_query: str | Unset = UNSET,
    name: str | Unset = UNSET,
    project: str | Unset = UNSET,
    type_: StorageFileType | Unset = UNSET,
    storage_id: str | Unset = UNSET,
) -> ErrorResponse | SignedUrlResponse | None:
    """Get a signed download URL

     Generates a signed GET URL for downloading a stored file.

    The reference page names the file with `url` (required). The official SDK sends
    `name=<asset url>&project=<id>&type=<file type>` and no `url`, and that request is
    served in production. Both forms are accepted: give exactly one of `url` or `name`.
    OpenAPI cannot express "one of two query parameters", so both are optional here and a
    request with neither is answered 400.

    Args:
        url_query (str | Unset):
        name (str | Unset):
        project (str | Unset):
        type_ (StorageFileType | Unset): What a stored file is for; decides its storage path. The
            values are restored from the
            official SDK (`StorageFileTypes`) and the vendor's site (`segmentationModels`).
        storage_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | SignedUrlResponse
    """

    return sync_detailed(
        client=client,
        url_query=url_query,
        name=name,
        project=project,
        type_=type_,
        storage_id=storage_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    url_query: str | Unset = UNSET,
    name: str | Unset = UNSET,
    project: str | Unset = UNSET,
    type_: StorageFileType | Unset = UNSET,
    storage_id: str | Unset = UNSET,
) -> Response[ErrorResponse | SignedUrlResponse]:
    """Get a signed download URL

     Generates a signed GET URL for downloading a stored file.

    The reference page names the file with `url` (required). The official SDK sends
    `name=<asset url>&project=<id>&type=<file type>` and no `url`, and that request is
    served in production. Both forms are accepted: give exactly one of `url` or `name`.
    OpenAPI cannot express "one of two query parameters", so both are optional here and a
    request with neither is answered 400.

    Args:
        url_query (str | Unset):
        name (str | Unset):
        project (str | Unset):
        type_ (StorageFileType | Unset): What a stored file is for; decides its storage path. The
            values are restored from the
            official SDK (`StorageFileTypes`) and the vendor's site (`segmentationModels`).
        storage_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | SignedUrlResponse]
    """

    kwargs = _get_kwargs(
        url_query=url_query,
        name=name,
        project=project,
        type_=type_,
        storage_id=storage_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    url_query: str | Unset = UNSET,
    name: str | Unset = UNSET,
    project: str | Unset = UNSET,
    type_: StorageFileType | Unset = UNSET,
    storage_id: str | Unset = UNSET,
) -> ErrorResponse | SignedUrlResponse | None:
    """Get a signed download URL

     Generates a signed GET URL for downloading a stored file.

    The reference page names the file with `url` (required). The official SDK sends
    `name=<asset url>&project=<id>&type=<file type>` and no `url`, and that request is
    served in production. Both forms are accepted: give exactly one of `url` or `name`.
    OpenAPI cannot express "one of two query parameters", so both are optional here and a
    request with neither is answered 400.

    Args:
        url_query (str | Unset):
        name (str | Unset):
        project (str | Unset):
        type_ (StorageFileType | Unset): What a stored file is for; decides its storage path. The
            values are restored from the
            official SDK (`StorageFileTypes`) and the vendor's site (`segmentationModels`).
        storage_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | SignedUrlResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            url_query=url_query,
            name=name,
            project=project,
            type_=type_,
            storage_id=storage_id,
        )
    ).parsed
