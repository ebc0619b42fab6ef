from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.oauth_client_create_request import OAuthClientCreateRequest
from ...models.oauth_client_response import OAuthClientResponse
from ...models.oauth_error import OAuthError
from ...types import Response


def _get_kwargs(
    *,
    body: OAuthClientCreateRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v2/oauth_clients",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | OAuthClientResponse | OAuthError | None:
    if response.status_code == 201:
        response_201 = OAuthClientResponse.from_dict(response.json())

        return response_201

    if response.status_code == 401:
        response_401 = OAuthError.from_dict(response.json())

        return response_401

    if response.status_code == 422:
        response_422 = OAuthError.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = ErrorResponse.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | OAuthClientResponse | OAuthError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: OAuthClientCreateRequest,
) -> Response[ErrorResponse | OAuthClientResponse | OAuthError]:
    """Create an OAuth client

     Creates an OAuth client. Confidential clients get a `client_secret`, shown in this answer only.
    Unknown fields are rejected.

    Args:
        body (OAuthClientCreateRequest): A new OAuth client. Unknown fields are rejected.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | OAuthClientResponse | OAuthError]
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
    body: OAuthClientCreateRequest,
) -> ErrorResponse | OAuthClientResponse | OAuthError | None:
    """Create an OAuth client

     Creates an OAuth client. Confidential clients get a `client_secret`, shown in this answer only.
    Unknown fields are rejected.

    Args:
        body (OAuthClientCreateRequest): A new OAuth client. Unknown fields are rejected.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | OAuthClientResponse | OAuthError
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: OAuthClientCreateRequest,
) -> Response[ErrorResponse | OAuthClientResponse | OAuthError]:
    """Create an OAuth client

     Creates an OAuth client. Confidential clients get a `client_secret`, shown in this answer only.
    Unknown fields are rejected.

    Args:
        body (OAuthClientCreateRequest): A new OAuth client. Unknown fields are rejected.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | OAuthClientResponse | OAuthError]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: OAuthClientCreateRequest,
) -> ErrorResponse | OAuthClientResponse | OAuthError | None:
    """Create an OAuth client

     Creates an OAuth client. Confidential clients get a `client_secret`, shown in this answer only.
    Unknown fields are rejected.

    Args:
        body (OAuthClientCreateRequest): A new OAuth client. Unknown fields are rejected.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | OAuthClientResponse | OAuthError
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
