from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.introspect_request import IntrospectRequest
from ...models.introspect_response import IntrospectResponse
from ...models.oauth_error import OAuthError
from ...types import Response


def _get_kwargs(
    *,
    body: IntrospectRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v2/oauth/introspect",
    }

    _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | IntrospectResponse | OAuthError | None:
    if response.status_code == 200:
        response_200 = IntrospectResponse.from_dict(response.json())

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
) -> Response[ErrorResponse | IntrospectResponse | OAuthError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: IntrospectRequest,
) -> Response[ErrorResponse | IntrospectResponse | OAuthError]:
    """Introspect a token

     RFC 7662 token introspection. Expired, revoked and unknown tokens are answered with
    `active: false` and nothing else. The service also accepts a JSON body; this document
    describes the form body.

    Args:
        body (IntrospectRequest): An introspection request (RFC 7662).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | IntrospectResponse | OAuthError]
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
    body: IntrospectRequest,
) -> ErrorResponse | IntrospectResponse | OAuthError | None:
    """Introspect a token

     RFC 7662 token introspection. Expired, revoked and unknown tokens are answered with
    `active: false` and nothing else. The service also accepts a JSON body; this document
    describes the form body.

    Args:
        body (IntrospectRequest): An introspection request (RFC 7662).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | IntrospectResponse | OAuthError
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: IntrospectRequest,
) -> Response[ErrorResponse | IntrospectResponse | OAuthError]:
    """Introspect a token

     RFC 7662 token introspection. Expired, revoked and unknown tokens are answered with
    `active: false` and nothing else. The service also accepts a JSON body; this document
    describes the form body.

    Args:
        body (IntrospectRequest): An introspection request (RFC 7662).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | IntrospectResponse | OAuthError]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: IntrospectRequest,
) -> ErrorResponse | IntrospectResponse | OAuthError | None:
    """Introspect a token

     RFC 7662 token introspection. Expired, revoked and unknown tokens are answered with
    `active: false` and nothing else. The service also accepts a JSON body; this document
    describes the form body.

    Args:
        body (IntrospectRequest): An introspection request (RFC 7662).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | IntrospectResponse | OAuthError
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
