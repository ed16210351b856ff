from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.assign_batches_request import AssignBatchesRequest
from ...models.assign_batches_response import AssignBatchesResponse
from ...models.error_response import ErrorResponse
from ...types import Response


def _get_kwargs(
    *,
    body: AssignBatchesRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/assignBatches",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AssignBatchesResponse | ErrorResponse | None:
    if response.status_code == 200:
        response_200 = AssignBatchesResponse.from_dict(response.json())

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
) -> Response[AssignBatchesResponse | ErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: AssignBatchesRequest,
) -> Response[AssignBatchesResponse | ErrorResponse]:
    """Assign batches to assets

     Puts existing assets into batches.

    Three sources, three bodies: the reference page's field list says `assetIds` and
    `batches` (and `mode`); its own example sends `project`, `assets`, `batches`; the
    official SDK sends `assets`, `batches`, `projectId`. All three are accepted: give the
    asset IDs as `assets` or `assetIds`, and the project as `project` or `projectId` (the
    field list omits a project, but the server needs one to resolve batches; a request
    without either is answered 400). OpenAPI 3.1 expresses both "one of" rules below.

    Args:
        body (AssignBatchesRequest): Asset IDs in `assets` or `assetIds`; the project in `project`
            or `projectId`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AssignBatchesResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: AssignBatchesRequest,
) -> AssignBatchesResponse | ErrorResponse | None:
    """Assign batches to assets

     Puts existing assets into batches.

    Three sources, three bodies: the reference page's field list says `assetIds` and
    `batches` (and `mode`); its own example sends `project`, `assets`, `batches`; the
    official SDK sends `assets`, `batches`, `projectId`. All three are accepted: give the
    asset IDs as `assets` or `assetIds`, and the project as `project` or `projectId` (the
    field list omits a project, but the server needs one to resolve batches; a request
    without either is answered 400). OpenAPI 3.1 expresses both "one of" rules below.

    Args:
        body (AssignBatchesRequest): Asset IDs in `assets` or `assetIds`; the project in `project`
            or `projectId`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AssignBatchesResponse | ErrorResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: AssignBatchesRequest,
) -> Response[AssignBatchesResponse | ErrorResponse]:
    """Assign batches to assets

     Puts existing assets into batches.

    Three sources, three bodies: the reference page's field list says `assetIds` and
    `batches` (and `mode`); its own example sends `project`, `assets`, `batches`; the
    official SDK sends `assets`, `batches`, `projectId`. All three are accepted: give the
    asset IDs as `assets` or `assetIds`, and the project as `project` or `projectId` (the
    field list omits a project, but the server needs one to resolve batches; a request
    without either is answered 400). OpenAPI 3.1 expresses both "one of" rules below.

    Args:
        body (AssignBatchesRequest): Asset IDs in `assets` or `assetIds`; the project in `project`
            or `projectId`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AssignBatchesResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: AssignBatchesRequest,
) -> AssignBatchesResponse | ErrorResponse | None:
    """Assign batches to assets

     Puts existing assets into batches.

    Three sources, three bodies: the reference page's field list says `assetIds` and
    `batches` (and `mode`); its own example sends `project`, `assets`, `batches`; the
    official SDK sends `assets`, `batches`, `projectId`. All three are accepted: give the
    asset IDs as `assets` or `assetIds`, and the project as `project` or `projectId` (the
    field list omits a project, but the server needs one to resolve batches; a request
    without either is answered 400). OpenAPI 3.1 expresses both "one of" rules below.

    Args:
        body (AssignBatchesRequest): Asset IDs in `assets` or `assetIds`; the project in `project`
            or `projectId`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AssignBatchesResponse | ErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
