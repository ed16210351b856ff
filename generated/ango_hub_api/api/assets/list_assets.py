from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.asset_list_response import AssetListResponse
from ...models.error_response import ErrorResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    project_id: str,
    *,
    page: int | Unset = 1,
    limit: int | Unset = 10,
    filters: str | Unset = UNSET,
    external_id: str | Unset = UNSET,
    batches: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page"] = page

    params["limit"] = limit

    params["filters"] = filters

    params["externalId"] = external_id

    params["batches"] = batches

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/project/{project_id}/assets".format(
            project_id=quote(str(project_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AssetListResponse | ErrorResponse | None:
    if response.status_code == 200:
        response_200 = AssetListResponse.from_dict(response.json())

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
) -> Response[AssetListResponse | ErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    project_id: str,
    *,
    client: AuthenticatedClient,
    page: int | Unset = 1,
    limit: int | Unset = 10,
    filters: str | Unset = UNSET,
    external_id: str | Unset = UNSET,
    batches: str | Unset = UNSET,
) -> Response[AssetListResponse | ErrorResponse]:
    """List project assets

     Retrieves one page of a project's assets, with optional filtering. `total` counts every
    asset that matches, across pages. Deleted assets are not listed.

    Args:
        project_id (str):
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 10.
        filters (str | Unset):
        external_id (str | Unset):
        batches (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AssetListResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        page=page,
        limit=limit,
        filters=filters,
        external_id=external_id,
        batches=batches,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    project_id: str,
    *,
    client: AuthenticatedClient,
    page: int | Unset = 1,
    limit: int | Unset = 10,
    filters: str | Unset = UNSET,
    external_id: str | Unset = UNSET,
    batches: str | Unset = UNSET,
) -> AssetListResponse | ErrorResponse | None:
    """List project assets

     Retrieves one page of a project's assets, with optional filtering. `total` counts every
    asset that matches, across pages. Deleted assets are not listed.

    Args:
        project_id (str):
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 10.
        filters (str | Unset):
        external_id (str | Unset):
        batches (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AssetListResponse | ErrorResponse
    """

    return sync_detailed(
        project_id=project_id,
        client=client,
        page=page,
        limit=limit,
        filters=filters,
        external_id=external_id,
        batches=batches,
    ).parsed


async def asyncio_detailed(
    project_id: str,
    *,
    client: AuthenticatedClient,
    page: int | Unset = 1,
    limit: int | Unset = 10,
    filters: str | Unset = UNSET,
    external_id: str | Unset = UNSET,
    batches: str | Unset = UNSET,
) -> Response[AssetListResponse | ErrorResponse]:
    """List project assets

     Retrieves one page of a project's assets, with optional filtering. `total` counts every
    asset that matches, across pages. Deleted assets are not listed.

    Args:
        project_id (str):
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 10.
        filters (str | Unset):
        external_id (str | Unset):
        batches (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AssetListResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        page=page,
        limit=limit,
        filters=filters,
        external_id=external_id,
        batches=batches,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    project_id: str,
    *,
    client: AuthenticatedClient,
    page: int | Unset = 1,
    limit: int | Unset = 10,
    filters: str | Unset = UNSET,
    external_id: str | Unset = UNSET,
    batches: str | Unset = UNSET,
) -> AssetListResponse | ErrorResponse | None:
    """List project assets

     Retrieves one page of a project's assets, with optional filtering. `total` counts every
    asset that matches, across pages. Deleted assets are not listed.

    Args:
        project_id (str):
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 10.
        filters (str | Unset):
        external_id (str | Unset):
        batches (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AssetListResponse | ErrorResponse
    """

    return (
        await asyncio_detailed(
            project_id=project_id,
            client=client,
            page=page,
            limit=limit,
            filters=filters,
            external_id=external_id,
            batches=batches,
        )
    ).parsed
