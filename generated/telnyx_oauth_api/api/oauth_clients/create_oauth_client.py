from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient
from ...models.oauth_client_create_request import OAuthClientCreateRequest
from ...models.oauth_client_response import OAuthClientResponse
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


def _parse_response(response: httpx.Response) -> OAuthClientResponse:
    if response.status_code == 201:
        return errors.parse_json_body(
            response, "create_oauth_client", OAuthClientResponse.from_dict
        )

    errors.raise_unexpected(
        response,
        "create_oauth_client",
        {
            401: "OAuthError",
            403: "OAuthError",
            422: "OAuthError",
            429: "ErrorResponse",
        },
    )


def _build_response(response: httpx.Response) -> Response[OAuthClientResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: OAuthClientCreateRequest,
) -> Response[OAuthClientResponse]:
    """Create an OAuth client

     Creates an OAuth client. Confidential clients get a `client_secret`, shown in this answer only.
    Unknown fields are rejected.

    Args:
        body (OAuthClientCreateRequest): A new OAuth client. Unknown fields are rejected.

    Raises:
        APIStatusError: The API answered 400 or above; a subclass names the status
            (NotFoundError, AuthenticationError, RateLimitError, ...).
        APIConnectionError: No answer arrived (APITimeoutError when it took longer than the
            client's timeout).
        APIResponseValidationError: A success whose body does not match the spec
            (UnexpectedStatusError: a status the spec does not document as a success).
        All of them live in telnyx_oauth_api.errors and are re-exported by telnyx_oauth.

    Returns:
        Response[OAuthClientResponse]
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
    client: AuthenticatedClient,
    body: OAuthClientCreateRequest,
) -> OAuthClientResponse:
    """Create an OAuth client

     Creates an OAuth client. Confidential clients get a `client_secret`, shown in this answer only.
    Unknown fields are rejected.

    Args:
        body (OAuthClientCreateRequest): A new OAuth client. Unknown fields are rejected.

    Raises:
        APIStatusError: The API answered 400 or above; a subclass names the status
            (NotFoundError, AuthenticationError, RateLimitError, ...).
        APIConnectionError: No answer arrived (APITimeoutError when it took longer than the
            client's timeout).
        APIResponseValidationError: A success whose body does not match the spec
            (UnexpectedStatusError: a status the spec does not document as a success).
        All of them live in telnyx_oauth_api.errors and are re-exported by telnyx_oauth.

    Returns:
        OAuthClientResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: OAuthClientCreateRequest,
) -> Response[OAuthClientResponse]:
    """Create an OAuth client

     Creates an OAuth client. Confidential clients get a `client_secret`, shown in this answer only.
    Unknown fields are rejected.

    Args:
        body (OAuthClientCreateRequest): A new OAuth client. Unknown fields are rejected.

    Raises:
        APIStatusError: The API answered 400 or above; a subclass names the status
            (NotFoundError, AuthenticationError, RateLimitError, ...).
        APIConnectionError: No answer arrived (APITimeoutError when it took longer than the
            client's timeout).
        APIResponseValidationError: A success whose body does not match the spec
            (UnexpectedStatusError: a status the spec does not document as a success).
        All of them live in telnyx_oauth_api.errors and are re-exported by telnyx_oauth.

    Returns:
        Response[OAuthClientResponse]
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
    client: AuthenticatedClient,
    body: OAuthClientCreateRequest,
) -> OAuthClientResponse:
    """Create an OAuth client

     Creates an OAuth client. Confidential clients get a `client_secret`, shown in this answer only.
    Unknown fields are rejected.

    Args:
        body (OAuthClientCreateRequest): A new OAuth client. Unknown fields are rejected.

    Raises:
        APIStatusError: The API answered 400 or above; a subclass names the status
            (NotFoundError, AuthenticationError, RateLimitError, ...).
        APIConnectionError: No answer arrived (APITimeoutError when it took longer than the
            client's timeout).
        APIResponseValidationError: A success whose body does not match the spec
            (UnexpectedStatusError: a status the spec does not document as a success).
        All of them live in telnyx_oauth_api.errors and are re-exported by telnyx_oauth.

    Returns:
        OAuthClientResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
