from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.assets_imported_response import AssetsImportedResponse
from ...models.cloud_import_request import CloudImportRequest
from ...models.error_response import ErrorResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    project_id: str,
    *,
    body: CloudImportRequest,
    batches: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    params["batches"] = batches

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/project/{project_id}/cloud".format(
            project_id=quote(str(project_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AssetsImportedResponse | ErrorResponse | None:
    if response.status_code == 200:
        response_200 = AssetsImportedResponse.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = AssetsImportedResponse.from_dict(response.json())

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
) -> Response[AssetsImportedResponse | ErrorResponse]:
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
    body: CloudImportRequest,
    batches: str | Unset = UNSET,
) -> Response[AssetsImportedResponse | ErrorResponse]:
    """Import assets from cloud storage

     Imports assets from cloud storage (S3, GCS, Azure) or from files uploaded through
    `getUploadUrl`, and creates tasks.

    The reference page documents only `uploadLocal` and `priority` for the body; its example
    and the official SDK also send `assets`, which is what the operation is for, so `assets`
    is required here. The SDK sends `"uploadLocal": null` for plain cloud imports and
    `"true"` after local uploads, and `metadata`/`contextData` as `null` when unset: both
    are accepted. The reference page does not show the success status; its sibling chat
    upload answers 201 and the SDK accepts any 2xx, so both 200 and 201 are declared.

    Args:
        project_id (str):
        batches (str | Unset):
        body (CloudImportRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AssetsImportedResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        body=body,
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
    body: CloudImportRequest,
    batches: str | Unset = UNSET,
) -> AssetsImportedResponse | ErrorResponse | None:
    """Import assets from cloud storage

     Imports assets from cloud storage (S3, GCS, Azure) or from files uploaded through
    `getUploadUrl`, and creates tasks.

    The reference page documents only `uploadLocal` and `priority` for the body; its example
    and the official SDK also send `assets`, which is what the operation is for, so `assets`
    is required here. The SDK sends `"uploadLocal": null` for plain cloud imports and
    `"true"` after local uploads, and `metadata`/`contextData` as `null` when unset: both
    are accepted. The reference page does not show the success status; its sibling chat
    upload answers 201 and the SDK accepts any 2xx, so both 200 and 201 are declared.

    Args:
        project_id (str):
        batches (str | Unset):
        body (CloudImportRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AssetsImportedResponse | ErrorResponse
    """

    return sync_detailed(
        project_id=project_id,
        client=client,
        body=body,
        batches=batches,
    ).parsed


async def asyncio_detailed(
    project_id: str,
    *,
    client: AuthenticatedClient,
    body: CloudImportRequest,
    batches: str | Unset = UNSET,
) -> Response[AssetsImportedResponse | ErrorResponse]:
    """Import assets from cloud storage

     Imports assets from cloud storage (S3, GCS, Azure) or from files uploaded through
    `getUploadUrl`, and creates tasks.

    The reference page documents only `uploadLocal` and `priority` for the body; its example
    and the official SDK also send `assets`, which is what the operation is for, so `assets`
    is required here. The SDK sends `"uploadLocal": null` for plain cloud imports and
    `"true"` after local uploads, and `metadata`/`contextData` as `null` when unset: both
    are accepted. The reference page does not show the success status; its sibling chat
    upload answers 201 and the SDK accepts any 2xx, so both 200 and 201 are declared.

    Args:
        project_id (str):
        batches (str | Unset):
        body (CloudImportRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AssetsImportedResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        body=body,
        batches=batches,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    project_id: str,
    *,
    client: AuthenticatedClient,
    body: CloudImportRequest,
    batches: str | Unset = UNSET,
) -> AssetsImportedResponse | ErrorResponse | None:
    """Import assets from cloud storage

     Imports assets from cloud storage (S3, GCS, Azure) or from files uploaded through
    `getUploadUrl`, and creates tasks.

    The reference page documents only `uploadLocal` and `priority` for the body; its example
    and the official SDK also send `assets`, which is what the operation is for, so `assets`
    is required here. The SDK sends `"uploadLocal": null` for plain cloud imports and
    `"true"` after local uploads, and `metadata`/`contextData` as `null` when unset: both
    are accepted. The reference page does not show the success status; its sibling chat
    upload answers 201 and the SDK accepts any 2xx, so both 200 and 201 are declared.

    Args:
        project_id (str):
        batches (str | Unset):
        body (CloudImportRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AssetsImportedResponse | ErrorResponse
    """

    return (
        await asyncio_detailed(
            project_id=project_id,
            client=client,
            body=body,
            batches=batches,
        )
    ).parsed
