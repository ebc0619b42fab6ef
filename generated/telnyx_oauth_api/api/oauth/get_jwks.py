from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.json_web_key_set import JsonWebKeySet
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v2/oauth/jwks",
    }

    return _kwargs


def _parse_response(response: httpx.Response) -> JsonWebKeySet:
    if response.status_code == 200:
        return errors.parse_json_body(response, "get_jwks", JsonWebKeySet.from_dict)

    errors.raise_unexpected(
        response,
        "get_jwks",
        {
            429: "ErrorResponse",
        },
    )


def _build_response(response: httpx.Response) -> Response[JsonWebKeySet]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[JsonWebKeySet]:
    """Get the JSON Web Key Set

     The public keys that sign access tokens. Keys carry their key material (`n` and `e` for RSA).

    Raises:
        APIStatusError: The API answered 400 or above; a subclass names the status
            (NotFoundError, AuthenticationError, RateLimitError, ...).
        APIConnectionError: No answer arrived (APITimeoutError when it took longer than the
            client's timeout).
        APIResponseValidationError: A success whose body does not match the spec
            (UnexpectedStatusError: a status the spec does not document as a success).
        All of them live in telnyx_oauth_api.errors and are re-exported by telnyx_oauth.

    Returns:
        Response[JsonWebKeySet]
    """

    kwargs = _get_kwargs()

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
) -> JsonWebKeySet:
    """Get the JSON Web Key Set

     The public keys that sign access tokens. Keys carry their key material (`n` and `e` for RSA).

    Raises:
        APIStatusError: The API answered 400 or above; a subclass names the status
            (NotFoundError, AuthenticationError, RateLimitError, ...).
        APIConnectionError: No answer arrived (APITimeoutError when it took longer than the
            client's timeout).
        APIResponseValidationError: A success whose body does not match the spec
            (UnexpectedStatusError: a status the spec does not document as a success).
        All of them live in telnyx_oauth_api.errors and are re-exported by telnyx_oauth.

    Returns:
        JsonWebKeySet
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[JsonWebKeySet]:
    """Get the JSON Web Key Set

     The public keys that sign access tokens. Keys carry their key material (`n` and `e` for RSA).

    Raises:
        APIStatusError: The API answered 400 or above; a subclass names the status
            (NotFoundError, AuthenticationError, RateLimitError, ...).
        APIConnectionError: No answer arrived (APITimeoutError when it took longer than the
            client's timeout).
        APIResponseValidationError: A success whose body does not match the spec
            (UnexpectedStatusError: a status the spec does not document as a success).
        All of them live in telnyx_oauth_api.errors and are re-exported by telnyx_oauth.

    Returns:
        Response[JsonWebKeySet]
    """

    kwargs = _get_kwargs()

    try:
        response = await client.get_async_httpx_client().request(**kwargs)
    except httpx.TransportError as exc:
        raise errors.connection_error(exc) from exc

    return _build_response(response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
) -> JsonWebKeySet:
    """Get the JSON Web Key Set

     The public keys that sign access tokens. Keys carry their key material (`n` and `e` for RSA).

    Raises:
        APIStatusError: The API answered 400 or above; a subclass names the status
            (NotFoundError, AuthenticationError, RateLimitError, ...).
        APIConnectionError: No answer arrived (APITimeoutError when it took longer than the
            client's timeout).
        APIResponseValidationError: A success whose body does not match the spec
            (UnexpectedStatusError: a status the spec does not document as a success).
        All of them live in telnyx_oauth_api.errors and are re-exported by telnyx_oauth.

    Returns:
        JsonWebKeySet
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
