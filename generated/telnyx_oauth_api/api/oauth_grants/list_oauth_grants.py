from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient
from ...models.oauth_grant_list_response import OAuthGrantListResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    page_number: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page[number]"] = page_number

    params["page[size]"] = page_size

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v2/oauth_grants",
        "params": params,
    }

    return _kwargs


def _parse_response(response: httpx.Response) -> OAuthGrantListResponse:
    if response.status_code == 200:
        return errors.parse_json_body(
            response, "list_oauth_grants", OAuthGrantListResponse.from_dict
        )

    errors.raise_unexpected(
        response,
        "list_oauth_grants",
        {
            401: "OAuthError",
            403: "OAuthError",
            422: "OAuthError",
            429: "ErrorResponse",
        },
    )


def _build_response(response: httpx.Response) -> Response[OAuthGrantListResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    page_number: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
) -> Response[OAuthGrantListResponse]:
    """List OAuth grants

     The grants given to OAuth clients, a page at a time.

    Args:
        page_number (int | Unset): The page to return, from 1. The server's default is 1. Not sent
            when left UNSET.
        page_size (int | Unset): Items per page, 1 to 100. The server's default is 20. Not sent
            when left UNSET.

    Raises:
        APIStatusError: The API answered 400 or above; a subclass names the status
            (NotFoundError, AuthenticationError, RateLimitError, ...).
        APIConnectionError: No answer arrived (APITimeoutError when it took longer than the
            client's timeout).
        APIResponseValidationError: A success whose body does not match the spec
            (UnexpectedStatusError: a status the spec does not document as a success).
        All of them live in telnyx_oauth_api.errors and are re-exported by telnyx_oauth.

    Returns:
        Response[OAuthGrantListResponse]
    """

    kwargs = _get_kwargs(
        page_number=page_number,
        page_size=page_size,
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
    page_number: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
) -> OAuthGrantListResponse:
    """List OAuth grants

     The grants given to OAuth clients, a page at a time.

    Args:
        page_number (int | Unset): The page to return, from 1. The server's default is 1. Not sent
            when left UNSET.
        page_size (int | Unset): Items per page, 1 to 100. The server's default is 20. Not sent
            when left UNSET.

    Raises:
        APIStatusError: The API answered 400 or above; a subclass names the status
            (NotFoundError, AuthenticationError, RateLimitError, ...).
        APIConnectionError: No answer arrived (APITimeoutError when it took longer than the
            client's timeout).
        APIResponseValidationError: A success whose body does not match the spec
            (UnexpectedStatusError: a status the spec does not document as a success).
        All of them live in telnyx_oauth_api.errors and are re-exported by telnyx_oauth.

    Returns:
        OAuthGrantListResponse
    """

    return sync_detailed(
        client=client,
        page_number=page_number,
        page_size=page_size,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    page_number: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
) -> Response[OAuthGrantListResponse]:
    """List OAuth grants

     The grants given to OAuth clients, a page at a time.

    Args:
        page_number (int | Unset): The page to return, from 1. The server's default is 1. Not sent
            when left UNSET.
        page_size (int | Unset): Items per page, 1 to 100. The server's default is 20. Not sent
            when left UNSET.

    Raises:
        APIStatusError: The API answered 400 or above; a subclass names the status
            (NotFoundError, AuthenticationError, RateLimitError, ...).
        APIConnectionError: No answer arrived (APITimeoutError when it took longer than the
            client's timeout).
        APIResponseValidationError: A success whose body does not match the spec
            (UnexpectedStatusError: a status the spec does not document as a success).
        All of them live in telnyx_oauth_api.errors and are re-exported by telnyx_oauth.

    Returns:
        Response[OAuthGrantListResponse]
    """

    kwargs = _get_kwargs(
        page_number=page_number,
        page_size=page_size,
    )

    try:
        response = await client.get_async_httpx_client().request(**kwargs)
    except httpx.TransportError as exc:
        raise errors.connection_error(exc) from exc

    return _build_response(response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    page_number: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
) -> OAuthGrantListResponse:
    """List OAuth grants

     The grants given to OAuth clients, a page at a time.

    Args:
        page_number (int | Unset): The page to return, from 1. The server's default is 1. Not sent
            when left UNSET.
        page_size (int | Unset): Items per page, 1 to 100. The server's default is 20. Not sent
            when left UNSET.

    Raises:
        APIStatusError: The API answered 400 or above; a subclass names the status
            (NotFoundError, AuthenticationError, RateLimitError, ...).
        APIConnectionError: No answer arrived (APITimeoutError when it took longer than the
            client's timeout).
        APIResponseValidationError: A success whose body does not match the spec
            (UnexpectedStatusError: a status the spec does not document as a success).
        All of them live in telnyx_oauth_api.errors and are re-exported by telnyx_oauth.

    Returns:
        OAuthGrantListResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            page_number=page_number,
            page_size=page_size,
        )
    ).parsed
