from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient
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


def _parse_response(response: httpx.Response) -> TokenResponse:
    if response.status_code == 200:
        return errors.parse_json_body(response, "create_token", TokenResponse.from_dict)

    errors.raise_unexpected(
        response,
        "create_token",
        {
            400: "OAuthError",
            401: "OAuthError",
            429: "ErrorResponse",
        },
    )


def _build_response(response: httpx.Response) -> Response[TokenResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: TokenRequest,
) -> Response[TokenResponse]:
    """Issue an access token

     The token endpoint for the `authorization_code`, `client_credentials` and `refresh_token`
    grants. Clients authenticate with HTTP Basic, with `client_id` and `client_secret` in the
    body, or (public clients) with `client_id` alone. The service also accepts a JSON body with
    the same fields; this document describes the form body, the OAuth norm.

    Args:
        body (TokenRequest): A token request. Which fields apply depends on `grant_type`.

    Raises:
        APIStatusError: The API answered 400 or above; a subclass names the status
            (NotFoundError, AuthenticationError, RateLimitError, ...).
        APIConnectionError: No answer arrived (APITimeoutError when it took longer than the
            client's timeout).
        APIResponseValidationError: A success whose body does not match the spec
            (UnexpectedStatusError: a status the spec does not document as a success).
        All of them live in telnyx_oauth_api.errors and are re-exported by telnyx_oauth.

    Returns:
        Response[TokenResponse]
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
    body: TokenRequest,
) -> TokenResponse:
    """Issue an access token

     The token endpoint for the `authorization_code`, `client_credentials` and `refresh_token`
    grants. Clients authenticate with HTTP Basic, with `client_id` and `client_secret` in the
    body, or (public clients) with `client_id` alone. The service also accepts a JSON body with
    the same fields; this document describes the form body, the OAuth norm.

    Args:
        body (TokenRequest): A token request. Which fields apply depends on `grant_type`.

    Raises:
        APIStatusError: The API answered 400 or above; a subclass names the status
            (NotFoundError, AuthenticationError, RateLimitError, ...).
        APIConnectionError: No answer arrived (APITimeoutError when it took longer than the
            client's timeout).
        APIResponseValidationError: A success whose body does not match the spec
            (UnexpectedStatusError: a status the spec does not document as a success).
        All of them live in telnyx_oauth_api.errors and are re-exported by telnyx_oauth.

    Returns:
        TokenResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: TokenRequest,
) -> Response[TokenResponse]:
    """Issue an access token

     The token endpoint for the `authorization_code`, `client_credentials` and `refresh_token`
    grants. Clients authenticate with HTTP Basic, with `client_id` and `client_secret` in the
    body, or (public clients) with `client_id` alone. The service also accepts a JSON body with
    the same fields; this document describes the form body, the OAuth norm.

    Args:
        body (TokenRequest): A token request. Which fields apply depends on `grant_type`.

    Raises:
        APIStatusError: The API answered 400 or above; a subclass names the status
            (NotFoundError, AuthenticationError, RateLimitError, ...).
        APIConnectionError: No answer arrived (APITimeoutError when it took longer than the
            client's timeout).
        APIResponseValidationError: A success whose body does not match the spec
            (UnexpectedStatusError: a status the spec does not document as a success).
        All of them live in telnyx_oauth_api.errors and are re-exported by telnyx_oauth.

    Returns:
        Response[TokenResponse]
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
    body: TokenRequest,
) -> TokenResponse:
    """Issue an access token

     The token endpoint for the `authorization_code`, `client_credentials` and `refresh_token`
    grants. Clients authenticate with HTTP Basic, with `client_id` and `client_secret` in the
    body, or (public clients) with `client_id` alone. The service also accepts a JSON body with
    the same fields; this document describes the form body, the OAuth norm.

    Args:
        body (TokenRequest): A token request. Which fields apply depends on `grant_type`.

    Raises:
        APIStatusError: The API answered 400 or above; a subclass names the status
            (NotFoundError, AuthenticationError, RateLimitError, ...).
        APIConnectionError: No answer arrived (APITimeoutError when it took longer than the
            client's timeout).
        APIResponseValidationError: A success whose body does not match the spec
            (UnexpectedStatusError: a status the spec does not document as a success).
        All of them live in telnyx_oauth_api.errors and are re-exported by telnyx_oauth.

    Returns:
        TokenResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
