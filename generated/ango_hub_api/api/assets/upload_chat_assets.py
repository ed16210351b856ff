from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.assets_imported_response import AssetsImportedResponse
from ...models.chat_upload_form import ChatUploadForm
from ...models.chat_upload_multipart import ChatUploadMultipart
from ...models.error_response import ErrorResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    project_id: str,
    *,
    body: ChatUploadMultipart | ChatUploadForm | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/project/{project_id}/chat".format(
            project_id=quote(str(project_id), safe=""),
        ),
    }

    if isinstance(body, ChatUploadMultipart):
        if not isinstance(body, Unset):
            _kwargs["files"] = body.to_multipart()

        headers["Content-Type"] = "multipart/form-data; boundary=+++"
    if isinstance(body, ChatUploadForm):
        if not isinstance(body, Unset):
            _kwargs["data"] = body.to_dict()
        headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AssetsImportedResponse | ErrorResponse | None:
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
    body: ChatUploadMultipart | ChatUploadForm | Unset = UNSET,
) -> Response[AssetsImportedResponse | ErrorResponse]:
    """Upload chat assets

     Creates chat/conversation assets for chat annotation projects, from a JSON file of
    conversations (`file`), a JSON string (`conversations`), or empty
    (`numberOfConversations`).

    The reference page shows `multipart/form-data` only. The official SDK sends multipart
    when it has a file and `application/x-www-form-urlencoded` otherwise, and adds
    `projectId`; both content types are accepted. Form fields are strings on the wire:
    `llmConfig`, `namingStrategy` and `batches` hold JSON text, numbers are decimal text.

    The body is declared optional: with no fields at all nothing is created (the answer
    counts zero assets), the same as `numberOfConversations=0`. (It also sidesteps an
    openapi-python-client 0.29.1 bug that drops an import for required bodies with two
    content types.)

    Args:
        project_id (str):
        body (ChatUploadMultipart | Unset): Chat upload fields with an optional conversations file
            (`multipart/form-data`).
        body (ChatUploadForm | Unset): Chat upload fields without a file (`application/x-www-form-
            urlencoded`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AssetsImportedResponse | ErrorResponse]
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
    body: ChatUploadMultipart | ChatUploadForm | Unset = UNSET,
) -> AssetsImportedResponse | ErrorResponse | None:
    """Upload chat assets

     Creates chat/conversation assets for chat annotation projects, from a JSON file of
    conversations (`file`), a JSON string (`conversations`), or empty
    (`numberOfConversations`).

    The reference page shows `multipart/form-data` only. The official SDK sends multipart
    when it has a file and `application/x-www-form-urlencoded` otherwise, and adds
    `projectId`; both content types are accepted. Form fields are strings on the wire:
    `llmConfig`, `namingStrategy` and `batches` hold JSON text, numbers are decimal text.

    The body is declared optional: with no fields at all nothing is created (the answer
    counts zero assets), the same as `numberOfConversations=0`. (It also sidesteps an
    openapi-python-client 0.29.1 bug that drops an import for required bodies with two
    content types.)

    Args:
        project_id (str):
        body (ChatUploadMultipart | Unset): Chat upload fields with an optional conversations file
            (`multipart/form-data`).
        body (ChatUploadForm | Unset): Chat upload fields without a file (`application/x-www-form-
            urlencoded`).

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
    ).parsed


async def asyncio_detailed(
    project_id: str,
    *,
    client: AuthenticatedClient,
    body: ChatUploadMultipart | ChatUploadForm | Unset = UNSET,
) -> Response[AssetsImportedResponse | ErrorResponse]:
    """Upload chat assets

     Creates chat/conversation assets for chat annotation projects, from a JSON file of
    conversations (`file`), a JSON string (`conversations`), or empty
    (`numberOfConversations`).

    The reference page shows `multipart/form-data` only. The official SDK sends multipart
    when it has a file and `application/x-www-form-urlencoded` otherwise, and adds
    `projectId`; both content types are accepted. Form fields are strings on the wire:
    `llmConfig`, `namingStrategy` and `batches` hold JSON text, numbers are decimal text.

    The body is declared optional: with no fields at all nothing is created (the answer
    counts zero assets), the same as `numberOfConversations=0`. (It also sidesteps an
    openapi-python-client 0.29.1 bug that drops an import for required bodies with two
    content types.)

    Args:
        project_id (str):
        body (ChatUploadMultipart | Unset): Chat upload fields with an optional conversations file
            (`multipart/form-data`).
        body (ChatUploadForm | Unset): Chat upload fields without a file (`application/x-www-form-
            urlencoded`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AssetsImportedResponse | ErrorResponse]
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
    body: ChatUploadMultipart | ChatUploadForm | Unset = UNSET,
) -> AssetsImportedResponse | ErrorResponse | None:
    """Upload chat assets

     Creates chat/conversation assets for chat annotation projects, from a JSON file of
    conversations (`file`), a JSON string (`conversations`), or empty
    (`numberOfConversations`).

    The reference page shows `multipart/form-data` only. The official SDK sends multipart
    when it has a file and `application/x-www-form-urlencoded` otherwise, and adds
    `projectId`; both content types are accepted. Form fields are strings on the wire:
    `llmConfig`, `namingStrategy` and `batches` hold JSON text, numbers are decimal text.

    The body is declared optional: with no fields at all nothing is created (the answer
    counts zero assets), the same as `numberOfConversations=0`. (It also sidesteps an
    openapi-python-client 0.29.1 bug that drops an import for required bodies with two
    content types.)

    Args:
        project_id (str):
        body (ChatUploadMultipart | Unset): Chat upload fields with an optional conversations file
            (`multipart/form-data`).
        body (ChatUploadForm | Unset): Chat upload fields without a file (`application/x-www-form-
            urlencoded`).

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
        )
    ).parsed
