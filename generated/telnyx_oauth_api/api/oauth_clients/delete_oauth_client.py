from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient
from ...types import Response


def _get_kwargs(
    id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/v2/oauth_clients/{id}".format(
            id=quote(str(id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(response: httpx.Response) -> None:
    if response.status_code == 204:
        return None

    errors.raise_unexpected(
        response,
        "delete_oauth_client",
        {
            401: "OAuthError",
            403: "OAuthError",
            404: "OAuthError",
            429: "ErrorResponse",
        },
    )


def _build_response(response: httpx.Response) -> Response[None]:
    _parse_response(response)  # raises unless the status is the documented success
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=None,
    )


def sync_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
) -> Response[None]:
    """Delete an OAuth client

     Deletes the client; its grants and tokens end with it.

    Args:
        id (str): The client's `client_id`, a UUID.

    Raises:
        APIStatusError: The API answered 400 or above; a subclass names the status
            (NotFoundError, AuthenticationError, RateLimitError, ...).
        APIConnectionError: No answer arrived (APITimeoutError when it took longer than the
            client's timeout).
        APIResponseValidationError: A success whose body does not match the spec
            (UnexpectedStatusError: a status the spec does not document as a success).
        All of them live in telnyx_oauth_api.errors and are re-exported by telnyx_oauth.

    Returns:
        Response[None]
    """

    kwargs = _get_kwargs(
        id=id,
    )

    try:
        response = client.get_httpx_client().request(
            **kwargs,
        )
    except httpx.TransportError as exc:
        raise errors.connection_error(exc) from exc

    return _build_response(response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient,
) -> None:
    """Delete an OAuth client

     Deletes the client; its grants and tokens end with it.

    Args:
        id (str): The client's `client_id`, a UUID.

    Raises:
        APIStatusError: The API answered 400 or above; a subclass names the status
            (NotFoundError, AuthenticationError, RateLimitError, ...).
        APIConnectionError: No answer arrived (APITimeoutError when it took longer than the
            client's timeout).
        APIResponseValidationError: A success whose body does not match the spec
            (UnexpectedStatusError: a status the spec does not document as a success).
        All of them live in telnyx_oauth_api.errors and are re-exported by telnyx_oauth.

    Returns:
        None
    """

    return sync_detailed(
        id=id,
        client=client,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
) -> Response[None]:
    """Delete an OAuth client

     Deletes the client; its grants and tokens end with it.

    Args:
        id (str): The client's `client_id`, a UUID.

    Raises:
        APIStatusError: The API answered 400 or above; a subclass names the status
            (NotFoundError, AuthenticationError, RateLimitError, ...).
        APIConnectionError: No answer arrived (APITimeoutError when it took longer than the
            client's timeout).
        APIResponseValidationError: A success whose body does not match the spec
            (UnexpectedStatusError: a status the spec does not document as a success).
        All of them live in telnyx_oauth_api.errors and are re-exported by telnyx_oauth.

    Returns:
        Response[None]
    """

    kwargs = _get_kwargs(
        id=id,
    )

    try:
        response = await client.get_async_httpx_client().request(**kwargs)
    except httpx.TransportError as exc:
        raise errors.connection_error(exc) from exc

    return _build_response(response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient,
) -> None:
    """Delete an OAuth client

     Deletes the client; its grants and tokens end with it.

    Args:
        id (str): The client's `client_id`, a UUID.

    Raises:
        APIStatusError: The API answered 400 or above; a subclass names the status
            (NotFoundError, AuthenticationError, RateLimitError, ...).
        APIConnectionError: No answer arrived (APITimeoutError when it took longer than the
            client's timeout).
        APIResponseValidationError: A success whose body does not match the spec
            (UnexpectedStatusError: a status the spec does not document as a success).
        All of them live in telnyx_oauth_api.errors and are re-exported by telnyx_oauth.

    Returns:
        None
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
        )
    ).parsed
