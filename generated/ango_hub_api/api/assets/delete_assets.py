from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.delete_assets_request import DeleteAssetsRequest
from ...models.delete_assets_response import DeleteAssetsResponse
from ...models.error_response import ErrorResponse
from ...types import Response


def _get_kwargs(
    project_id: str,
    *,
    body: DeleteAssetsRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/project/{project_id}/assets".format(
            project_id=quote(str(project_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DeleteAssetsResponse | ErrorResponse | None:
    if response.status_code == 200:
        response_200 = DeleteAssetsResponse.from_dict(response.json())

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
) -> Response[DeleteAssetsResponse | ErrorResponse]:
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
    body: DeleteAssetsRequest,
) -> Response[DeleteAssetsResponse | ErrorResponse]:
    """Delete assets

     Soft-deletes assets of a project: they leave listings and exports. The body is JSON,
    on a DELETE. The official SDK also sends `project` in the body; it is accepted and, when
    present, must equal the path's `projectId`. IDs that are not assets of the project are
    counted in `failed`.

    Args:
        project_id (str):
        body (DeleteAssetsRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeleteAssetsResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    project_id: str,
    *,
    client: AuthenticatedClient,
    body: DeleteAssetsRequest,
) -> DeleteAssetsResponse | ErrorResponse | None:
    """Delete assets

     Soft-deletes assets of a project: they leave listings and exports. The body is JSON,
    on a DELETE. The official SDK also sends `project` in the body; it is accepted and, when
    present, must equal the path's `projectId`. IDs that are not assets of the project are
    counted in `failed`.

    Args:
        project_id (str):
        body (DeleteAssetsRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeleteAssetsResponse | ErrorResponse
    """

    return sync_detailed(
        project_id=project_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    project_id: str,
    *,
    client: AuthenticatedClient,
    body: DeleteAssetsRequest,
) -> Response[DeleteAssetsResponse | ErrorResponse]:
    """Delete assets

     Soft-deletes assets of a project: they leave listings and exports. The body is JSON,
    on a DELETE. The official SDK also sends `project` in the body; it is accepted and, when
    present, must equal the path's `projectId`. IDs that are not assets of the project are
    counted in `failed`.

    Args:
        project_id (str):
        body (DeleteAssetsRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeleteAssetsResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    project_id: str,
    *,
    client: AuthenticatedClient,
    body: DeleteAssetsRequest,
) -> DeleteAssetsResponse | ErrorResponse | None:
    """Delete assets

     Soft-deletes assets of a project: they leave listings and exports. The body is JSON,
    on a DELETE. The official SDK also sends `project` in the body; it is accepted and, when
    present, must equal the path's `projectId`. IDs that are not assets of the project are
    counted in `failed`.

    Args:
        project_id (str):
        body (DeleteAssetsRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeleteAssetsResponse | ErrorResponse
    """

    return (
        await asyncio_detailed(
            project_id=project_id,
            client=client,
            body=body,
        )
    ).parsed
