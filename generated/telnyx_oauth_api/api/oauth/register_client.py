from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.registration_error import RegistrationError
from ...models.registration_request import RegistrationRequest
from ...models.registration_response import RegistrationResponse
from ...types import Response


def _get_kwargs(
    *,
    body: RegistrationRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v2/oauth/register",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | RegistrationError | RegistrationResponse | None:
    if response.status_code == 201:
        response_201 = RegistrationResponse.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = RegistrationError.from_dict(response.json())

        return response_400

    if response.status_code == 429:
        response_429 = ErrorResponse.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | RegistrationError | RegistrationResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: RegistrationRequest,
) -> Response[ErrorResponse | RegistrationError | RegistrationResponse]:
    """Register a client dynamically

     RFC 7591 dynamic client registration. Unknown fields are rejected.

    Args:
        body (RegistrationRequest): Client metadata for dynamic registration (RFC 7591). Every
            field is optional; unknown fields are rejected.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | RegistrationError | RegistrationResponse]
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
    client: AuthenticatedClient | Client,
    body: RegistrationRequest,
) -> ErrorResponse | RegistrationError | RegistrationResponse | None:
    """Register a client dynamically

     RFC 7591 dynamic client registration. Unknown fields are rejected.

    Args:
        body (RegistrationRequest): Client metadata for dynamic registration (RFC 7591). Every
            field is optional; unknown fields are rejected.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | RegistrationError | RegistrationResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: RegistrationRequest,
) -> Response[ErrorResponse | RegistrationError | RegistrationResponse]:
    """Register a client dynamically

     RFC 7591 dynamic client registration. Unknown fields are rejected.

    Args:
        body (RegistrationRequest): Client metadata for dynamic registration (RFC 7591). Every
            field is optional; unknown fields are rejected.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | RegistrationError | RegistrationResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: RegistrationRequest,
) -> ErrorResponse | RegistrationError | RegistrationResponse | None:
    """Register a client dynamically

     RFC 7591 dynamic client registration. Unknown fields are rejected.

    Args:
        body (RegistrationRequest): Client metadata for dynamic registration (RFC 7591). Every
            field is optional; unknown fields are rejected.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | RegistrationError | RegistrationResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
