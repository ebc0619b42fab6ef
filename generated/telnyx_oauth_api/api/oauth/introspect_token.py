from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient
from ...models.introspect_request import IntrospectRequest
from ...models.introspect_response import IntrospectResponse
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


def _parse_response(response: httpx.Response) -> IntrospectResponse:
    if response.status_code == 200:
        return errors.parse_json_body(
            response, "introspect_token", IntrospectResponse.from_dict
        )

    errors.raise_unexpected(
        response,
        "introspect_token",
        {
            400: "OAuthError",
            401: "OAuthError",
            429: "ErrorResponse",
        },
    )


def _build_response(response: httpx.Response) -> Response[IntrospectResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: IntrospectRequest,
) -> Response[IntrospectResponse]:
    """Introspect a token

     RFC 7662 token introspection. Expired, revoked and unknown tokens are answered with
    `active: false` and nothing else. The service also accepts a JSON body; this document
    describes the form body.

    Args:
        body (IntrospectRequest): An introspection request (RFC 7662).

    Raises:
        APIStatusError: The API answered 400 or above; a subclass names the status
            (NotFoundError, AuthenticationError, RateLimitError, ...).
        APIConnectionError: No answer arrived (APITimeoutError when it took longer than the
            client's timeout).
        APIResponseValidationError: A success whose body does not match the spec
            (UnexpectedStatusError: a status the spec does not document as a success).
        All of them live in telnyx_oauth_api.errors and are re-exported by telnyx_oauth.

    Returns:
        Response[IntrospectResponse]
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
    body: IntrospectRequest,
) -> IntrospectResponse:
    """Introspect a token

     RFC 7662 token introspection. Expired, revoked and unknown tokens are answered with
    `active: false` and nothing else. The service also accepts a JSON body; this document
    describes the form body.

    Args:
        body (IntrospectRequest): An introspection request (RFC 7662).

    Raises:
        APIStatusError: The API answered 400 or above; a subclass names the status
            (NotFoundError, AuthenticationError, RateLimitError, ...).
        APIConnectionError: No answer arrived (APITimeoutError when it took longer than the
            client's timeout).
        APIResponseValidationError: A success whose body does not match the spec
            (UnexpectedStatusError: a status the spec does not document as a success).
        All of them live in telnyx_oauth_api.errors and are re-exported by telnyx_oauth.

    Returns:
        IntrospectResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: IntrospectRequest,
) -> Response[IntrospectResponse]:
    """Introspect a token

     RFC 7662 token introspection. Expired, revoked and unknown tokens are answered with
    `active: false` and nothing else. The service also accepts a JSON body; this document
    describes the form body.

    Args:
        body (IntrospectRequest): An introspection request (RFC 7662).

    Raises:
        APIStatusError: The API answered 400 or above; a subclass names the status
            (NotFoundError, AuthenticationError, RateLimitError, ...).
        APIConnectionError: No answer arrived (APITimeoutError when it took longer than the
            client's timeout).
        APIResponseValidationError: A success whose body does not match the spec
            (UnexpectedStatusError: a status the spec does not document as a success).
        All of them live in telnyx_oauth_api.errors and are re-exported by telnyx_oauth.

    Returns:
        Response[IntrospectResponse]
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
    body: IntrospectRequest,
) -> IntrospectResponse:
    """Introspect a token

     RFC 7662 token introspection. Expired, revoked and unknown tokens are answered with
    `active: false` and nothing else. The service also accepts a JSON body; this document
    describes the form body.

    Args:
        body (IntrospectRequest): An introspection request (RFC 7662).

    Raises:
        APIStatusError: The API answered 400 or above; a subclass names the status
            (NotFoundError, AuthenticationError, RateLimitError, ...).
        APIConnectionError: No answer arrived (APITimeoutError when it took longer than the
            client's timeout).
        APIResponseValidationError: A success whose body does not match the spec
            (UnexpectedStatusError: a status the spec does not document as a success).
        All of them live in telnyx_oauth_api.errors and are re-exported by telnyx_oauth.

    Returns:
        IntrospectResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
