from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient
from ...models.client_type import ClientType, ClientTypeValue
from ...models.grant_type import GrantType, GrantTypeValue
from ...models.oauth_client_list_response import OAuthClientListResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    page_number: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    filter_client_type: ClientType | ClientTypeValue | Unset = UNSET,
    filter_verified: bool | Unset = UNSET,
    filter_allowed_grant_types_contains: GrantType | GrantTypeValue | Unset = UNSET,
    filter_name: str | Unset = UNSET,
    filter_name_contains: str | Unset = UNSET,
    filter_client_id: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page[number]"] = page_number

    params["page[size]"] = page_size

    json_filter_client_type: str | Unset = UNSET
    if not isinstance(filter_client_type, Unset):
        json_filter_client_type = ClientType.coerce(
            filter_client_type, "filter_client_type"
        ).value

    params["filter[client_type]"] = json_filter_client_type

    params["filter[verified]"] = filter_verified

    json_filter_allowed_grant_types_contains: str | Unset = UNSET
    if not isinstance(filter_allowed_grant_types_contains, Unset):
        json_filter_allowed_grant_types_contains = GrantType.coerce(
            filter_allowed_grant_types_contains, "filter_allowed_grant_types_contains"
        ).value

    params["filter[allowed_grant_types][contains]"] = (
        json_filter_allowed_grant_types_contains
    )

    params["filter[name]"] = filter_name

    params["filter[name][contains]"] = filter_name_contains

    params["filter[client_id]"] = filter_client_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v2/oauth_clients",
        "params": params,
    }

    return _kwargs


def _parse_response(response: httpx.Response) -> OAuthClientListResponse:
    if response.status_code == 200:
        return errors.parse_json_body(
            response, "list_oauth_clients", OAuthClientListResponse.from_dict
        )

    errors.raise_unexpected(
        response,
        "list_oauth_clients",
        {
            401: "OAuthError",
            403: "OAuthError",
            422: "OAuthError",
            429: "ErrorResponse",
        },
    )


def _build_response(response: httpx.Response) -> Response[OAuthClientListResponse]:
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
    filter_client_type: ClientType | ClientTypeValue | Unset = UNSET,
    filter_verified: bool | Unset = UNSET,
    filter_allowed_grant_types_contains: GrantType | GrantTypeValue | Unset = UNSET,
    filter_name: str | Unset = UNSET,
    filter_name_contains: str | Unset = UNSET,
    filter_client_id: str | Unset = UNSET,
) -> Response[OAuthClientListResponse]:
    """List OAuth clients

     The OAuth clients of the account, a page at a time, optionally filtered.

    Args:
        page_number (int | Unset): The page to return, from 1. The server's default is 1. Not sent
            when left UNSET.
        page_size (int | Unset): Items per page, 1 to 100. The server's default is 20. Not sent
            when left UNSET.
        filter_client_type (ClientType | ClientTypeValue | Unset): Whether the client can keep a
            secret (`confidential`) or not (`public`). One of 'confidential', 'public'. Not sent when
            left UNSET.
        filter_verified (bool | Unset): Only verified (or only unverified) clients. Not sent when
            left UNSET.
        filter_allowed_grant_types_contains (GrantType | GrantTypeValue | Unset): An OAuth 2.0
            grant type. One of 'authorization_code', 'client_credentials', 'refresh_token'. Not sent
            when left UNSET.
        filter_name (str | Unset): Only clients with exactly this name. Not sent when left UNSET.
        filter_name_contains (str | Unset): Only clients whose name contains this text. Not sent
            when left UNSET.
        filter_client_id (str | Unset): Only the client with this client ID. Not sent when left
            UNSET.

    Raises:
        APIStatusError: The API answered 400 or above; a subclass names the status
            (NotFoundError, AuthenticationError, RateLimitError, ...).
        APIConnectionError: No answer arrived (APITimeoutError when it took longer than the
            client's timeout).
        APIResponseValidationError: A success whose body does not match the spec
            (UnexpectedStatusError: a status the spec does not document as a success).
        All of them live in telnyx_oauth_api.errors and are re-exported by telnyx_oauth.

    Returns:
        Response[OAuthClientListResponse]
    """

    kwargs = _get_kwargs(
        page_number=page_number,
        page_size=page_size,
        filter_client_type=filter_client_type,
        filter_verified=filter_verified,
        filter_allowed_grant_types_contains=filter_allowed_grant_types_contains,
        filter_name=filter_name,
        filter_name_contains=filter_name_contains,
        filter_client_id=filter_client_id,
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
    filter_client_type: ClientType | ClientTypeValue | Unset = UNSET,
    filter_verified: bool | Unset = UNSET,
    filter_allowed_grant_types_contains: GrantType | GrantTypeValue | Unset = UNSET,
    filter_name: str | Unset = UNSET,
    filter_name_contains: str | Unset = UNSET,
    filter_client_id: str | Unset = UNSET,
) -> OAuthClientListResponse:
    """List OAuth clients

     The OAuth clients of the account, a page at a time, optionally filtered.

    Args:
        page_number (int | Unset): The page to return, from 1. The server's default is 1. Not sent
            when left UNSET.
        page_size (int | Unset): Items per page, 1 to 100. The server's default is 20. Not sent
            when left UNSET.
        filter_client_type (ClientType | ClientTypeValue | Unset): Whether the client can keep a
            secret (`confidential`) or not (`public`). One of 'confidential', 'public'. Not sent when
            left UNSET.
        filter_verified (bool | Unset): Only verified (or only unverified) clients. Not sent when
            left UNSET.
        filter_allowed_grant_types_contains (GrantType | GrantTypeValue | Unset): An OAuth 2.0
            grant type. One of 'authorization_code', 'client_credentials', 'refresh_token'. Not sent
            when left UNSET.
        filter_name (str | Unset): Only clients with exactly this name. Not sent when left UNSET.
        filter_name_contains (str | Unset): Only clients whose name contains this text. Not sent
            when left UNSET.
        filter_client_id (str | Unset): Only the client with this client ID. Not sent when left
            UNSET.

    Raises:
        APIStatusError: The API answered 400 or above; a subclass names the status
            (NotFoundError, AuthenticationError, RateLimitError, ...).
        APIConnectionError: No answer arrived (APITimeoutError when it took longer than the
            client's timeout).
        APIResponseValidationError: A success whose body does not match the spec
            (UnexpectedStatusError: a status the spec does not document as a success).
        All of them live in telnyx_oauth_api.errors and are re-exported by telnyx_oauth.

    Returns:
        OAuthClientListResponse
    """

    return sync_detailed(
        client=client,
        page_number=page_number,
        page_size=page_size,
        filter_client_type=filter_client_type,
        filter_verified=filter_verified,
        filter_allowed_grant_types_contains=filter_allowed_grant_types_contains,
        filter_name=filter_name,
        filter_name_contains=filter_name_contains,
        filter_client_id=filter_client_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    page_number: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    filter_client_type: ClientType | ClientTypeValue | Unset = UNSET,
    filter_verified: bool | Unset = UNSET,
    filter_allowed_grant_types_contains: GrantType | GrantTypeValue | Unset = UNSET,
    filter_name: str | Unset = UNSET,
    filter_name_contains: str | Unset = UNSET,
    filter_client_id: str | Unset = UNSET,
) -> Response[OAuthClientListResponse]:
    """List OAuth clients

     The OAuth clients of the account, a page at a time, optionally filtered.

    Args:
        page_number (int | Unset): The page to return, from 1. The server's default is 1. Not sent
            when left UNSET.
        page_size (int | Unset): Items per page, 1 to 100. The server's default is 20. Not sent
            when left UNSET.
        filter_client_type (ClientType | ClientTypeValue | Unset): Whether the client can keep a
            secret (`confidential`) or not (`public`). One of 'confidential', 'public'. Not sent when
            left UNSET.
        filter_verified (bool | Unset): Only verified (or only unverified) clients. Not sent when
            left UNSET.
        filter_allowed_grant_types_contains (GrantType | GrantTypeValue | Unset): An OAuth 2.0
            grant type. One of 'authorization_code', 'client_credentials', 'refresh_token'. Not sent
            when left UNSET.
        filter_name (str | Unset): Only clients with exactly this name. Not sent when left UNSET.
        filter_name_contains (str | Unset): Only clients whose name contains this text. Not sent
            when left UNSET.
        filter_client_id (str | Unset): Only the client with this client ID. Not sent when left
            UNSET.

    Raises:
        APIStatusError: The API answered 400 or above; a subclass names the status
            (NotFoundError, AuthenticationError, RateLimitError, ...).
        APIConnectionError: No answer arrived (APITimeoutError when it took longer than the
            client's timeout).
        APIResponseValidationError: A success whose body does not match the spec
            (UnexpectedStatusError: a status the spec does not document as a success).
        All of them live in telnyx_oauth_api.errors and are re-exported by telnyx_oauth.

    Returns:
        Response[OAuthClientListResponse]
    """

    kwargs = _get_kwargs(
        page_number=page_number,
        page_size=page_size,
        filter_client_type=filter_client_type,
        filter_verified=filter_verified,
        filter_allowed_grant_types_contains=filter_allowed_grant_types_contains,
        filter_name=filter_name,
        filter_name_contains=filter_name_contains,
        filter_client_id=filter_client_id,
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
    filter_client_type: ClientType | ClientTypeValue | Unset = UNSET,
    filter_verified: bool | Unset = UNSET,
    filter_allowed_grant_types_contains: GrantType | GrantTypeValue | Unset = UNSET,
    filter_name: str | Unset = UNSET,
    filter_name_contains: str | Unset = UNSET,
    filter_client_id: str | Unset = UNSET,
) -> OAuthClientListResponse:
    """List OAuth clients

     The OAuth clients of the account, a page at a time, optionally filtered.

    Args:
        page_number (int | Unset): The page to return, from 1. The server's default is 1. Not sent
            when left UNSET.
        page_size (int | Unset): Items per page, 1 to 100. The server's default is 20. Not sent
            when left UNSET.
        filter_client_type (ClientType | ClientTypeValue | Unset): Whether the client can keep a
            secret (`confidential`) or not (`public`). One of 'confidential', 'public'. Not sent when
            left UNSET.
        filter_verified (bool | Unset): Only verified (or only unverified) clients. Not sent when
            left UNSET.
        filter_allowed_grant_types_contains (GrantType | GrantTypeValue | Unset): An OAuth 2.0
            grant type. One of 'authorization_code', 'client_credentials', 'refresh_token'. Not sent
            when left UNSET.
        filter_name (str | Unset): Only clients with exactly this name. Not sent when left UNSET.
        filter_name_contains (str | Unset): Only clients whose name contains this text. Not sent
            when left UNSET.
        filter_client_id (str | Unset): Only the client with this client ID. Not sent when left
            UNSET.

    Raises:
        APIStatusError: The API answered 400 or above; a subclass names the status
            (NotFoundError, AuthenticationError, RateLimitError, ...).
        APIConnectionError: No answer arrived (APITimeoutError when it took longer than the
            client's timeout).
        APIResponseValidationError: A success whose body does not match the spec
            (UnexpectedStatusError: a status the spec does not document as a success).
        All of them live in telnyx_oauth_api.errors and are re-exported by telnyx_oauth.

    Returns:
        OAuthClientListResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            page_number=page_number,
            page_size=page_size,
            filter_client_type=filter_client_type,
            filter_verified=filter_verified,
            filter_allowed_grant_types_contains=filter_allowed_grant_types_contains,
            filter_name=filter_name,
            filter_name_contains=filter_name_contains,
            filter_client_id=filter_client_id,
        )
    ).parsed
