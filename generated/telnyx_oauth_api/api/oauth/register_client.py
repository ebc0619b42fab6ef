from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
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


def _parse_response(response: httpx.Response) -> RegistrationResponse:
    if response.status_code == 201:
        return errors.parse_json_body(
            response, "register_client", RegistrationResponse.from_dict
        )

    errors.raise_unexpected(
        response,
        "register_client",
        {
            400: "RegistrationError",
            429: "ErrorResponse",
        },
    )


def _build_response(response: httpx.Response) -> Response[RegistrationResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: RegistrationRequest,
) -> Response[RegistrationResponse]:
    """Register a client dynamically

     RFC 7591 dynamic client registration. Unknown fields are rejected.

    Args:
        body (RegistrationRequest): Client metadata for dynamic registration (RFC 7591). Every
            field is optional; unknown fields are rejected.

    Raises:
        APIStatusError: The API answered 400 or above; a subclass names the status
            (NotFoundError, AuthenticationError, RateLimitError, ...).
        APIConnectionError: No answer arrived (APITimeoutError when it took longer than the
            client's timeout).
        APIResponseValidationError: A success whose body does not match the spec
            (UnexpectedStatusError: a status the spec does not document as a success).
        All of them live in telnyx_oauth_api.errors and are re-exported by telnyx_oauth.

    Returns:
        Response[RegistrationResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    try:
        response = client.get_httpx_client().request(
            **kwargs,
        )
    except httpx.TransportError as exc:
        raise errors.connection_error(exc) from exc

    return _build_response(response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: RegistrationRequest,
) -> RegistrationResponse:
    """Register a client dynamically

     RFC 7591 dynamic client registration. Unknown fields are rejected.

    Args:
        body (RegistrationRequest): Client metadata for dynamic registration (RFC 7591). Every
            field is optional; unknown fields are rejected.

    Raises:
        APIStatusError: The API answered 400 or above; a subclass names the status
            (NotFoundError, AuthenticationError, RateLimitError, ...).
        APIConnectionError: No answer arrived (APITimeoutError when it took longer than the
            client's timeout).
        APIResponseValidationError: A success whose body does not match the spec
            (UnexpectedStatusError: a status the spec does not document as a success).
        All of them live in telnyx_oauth_api.errors and are re-exported by telnyx_oauth.

    Returns:
        RegistrationResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: RegistrationRequest,
) -> Response[RegistrationResponse]:
    """Register a client dynamically

     RFC 7591 dynamic client registration. Unknown fields are rejected.

    Args:
        body (RegistrationRequest): Client metadata for dynamic registration (RFC 7591). Every
            field is optional; unknown fields are rejected.

    Raises:
        APIStatusError: The API answered 400 or above; a subclass names the status
            (NotFoundError, AuthenticationError, RateLimitError, ...).
        APIConnectionError: No answer arrived (APITimeoutError when it took longer than the
            client's timeout).
        APIResponseValidationError: A success whose body does not match the spec
            (UnexpectedStatusError: a status the spec does not document as a success).
        All of them live in telnyx_oauth_api.errors and are re-exported by telnyx_oauth.

    Returns:
        Response[RegistrationResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    try:
        response = await client.get_async_httpx_client().request(**kwargs)
    except httpx.TransportError as exc:
        raise errors.connection_error(exc) from exc

    return _build_response(response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: RegistrationRequest,
) -> RegistrationResponse:
    """Register a client dynamically

     RFC 7591 dynamic client registration. Unknown fields are rejected.

    Args:
        body (RegistrationRequest): Client metadata for dynamic registration (RFC 7591). Every
            field is optional; unknown fields are rejected.

    Raises:
        APIStatusError: The API answered 400 or above; a subclass names the status
            (NotFoundError, AuthenticationError, RateLimitError, ...).
        APIConnectionError: No answer arrived (APITimeoutError when it took longer than the
            client's timeout).
        APIResponseValidationError: A success whose body does not match the spec
            (UnexpectedStatusError: a status the spec does not document as a success).
        All of them live in telnyx_oauth_api.errors and are re-exported by telnyx_oauth.

    Returns:
        RegistrationResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
