from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.oauth_error import OAuthError
from ...models.token_request import TokenRequest
from ...models.token_response import TokenResponse
from ...types import Response


def _get_kwargs(
    *,
    body: TokenRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v2/oauth/token",
    }

    _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | OAuthError | TokenResponse | None:
    if response.status_code == 200:
        response_200 = TokenResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = OAuthError.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = OAuthError.from_dict(response.json())

        return response_401

    if response.status_code == 429:
        response_429 = ErrorResponse.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | OAuthError | TokenResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: TokenRequest,
) -> Response[ErrorResponse | OAuthError | TokenResponse]:
    """Issue an access token

     The token endpoint for the `authorization_code`, `client_credentials` and `refresh_token`
    grants. Clients authenticate with HTTP Basic, with `client_id` and `client_secret` in the
    body, or (public clients) with `client_id` alone. The service also accepts a JSON body with
    the same fields; this document describes the form body, the OAuth norm.

    Args:
        body (TokenRequest): A token request. Which fields apply depends on `grant_type`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | OAuthError | TokenResponse]
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
    body: TokenRequest,
) -> ErrorResponse | OAuthError | TokenResponse | None:
    """Issue an access token

     The token endpoint for the `authorization_code`, `client_credentials` and `refresh_token`
    grants. Clients authenticate with HTTP Basic, with `client_id` and `client_secret` in the
    body, or (public clients) with `client_id` alone. The service also accepts a JSON body with
    the same fields; this document describes the form body, the OAuth norm.

    Args:
        body (TokenRequest): A token request. Which fields apply depends on `grant_type`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | OAuthError | TokenResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: TokenRequest,
) -> Response[ErrorResponse | OAuthError | TokenResponse]:
    """Issue an access token

     The token endpoint for the `authorization_code`, `client_credentials` and `refresh_token`
    grants. Clients authenticate with HTTP Basic, with `client_id` and `client_secret` in the
    body, or (public clients) with `client_id` alone. The service also accepts a JSON body with
    the same fields; this document describes the form body, the OAuth norm.

    Args:
        body (TokenRequest): A token request. Which fields apply depends on `grant_type`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | OAuthError | TokenResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: TokenRequest,
) -> ErrorResponse | OAuthError | TokenResponse | None:
    """Issue an access token

     The token endpoint for the `authorization_code`, `client_credentials` and `refresh_token`
    grants. Clients authenticate with HTTP Basic, with `client_id` and `client_secret` in the
    body, or (public clients) with `client_id` alone. The service also accepts a JSON body with
    the same fields; this document describes the form body, the OAuth norm.

    Args:
        body (TokenRequest): A token request. Which fields apply depends on `grant_type`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | OAuthError | TokenResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
