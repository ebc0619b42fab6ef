from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.client_type import ClientType
from ...models.error_response import ErrorResponse
from ...models.grant_type import GrantType
from ...models.oauth_client_list_response import OAuthClientListResponse
from ...models.oauth_error import OAuthError
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    pagenumber: int | Unset = UNSET,
    pagesize: int | Unset = UNSET,
    filterclient_type: ClientType | Unset = UNSET,
    filterverified: bool | Unset = UNSET,
    filterallowed_grant_typescontains: GrantType | Unset = UNSET,
    filtername: str | Unset = UNSET,
    filternamecontains: str | Unset = UNSET,
    filterclient_id: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page[number]"] = pagenumber

    params["page[size]"] = pagesize

    json_filterclient_type: str | Unset = UNSET
    if not isinstance(filterclient_type, Unset):
        json_filterclient_type = filterclient_type.value

    params["filter[client_type]"] = json_filterclient_type

    params["filter[verified]"] = filterverified

    json_filterallowed_grant_typescontains: str | Unset = UNSET
    if not isinstance(filterallowed_grant_typescontains, Unset):
        json_filterallowed_grant_typescontains = filterallowed_grant_typescontains.value

    params["filter[allowed_grant_types][contains]"] = (
        json_filterallowed_grant_typescontains
    )

    params["filter[name]"] = filtername

    params["filter[name][contains]"] = filternamecontains

    params["filter[client_id]"] = filterclient_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v2/oauth_clients",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | OAuthClientListResponse | OAuthError | None:
    if response.status_code == 200:
        response_200 = OAuthClientListResponse.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = OAuthError.from_dict(response.json())

        return response_401

    if response.status_code == 422:
        response_422 = OAuthError.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = ErrorResponse.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | OAuthClientListResponse | OAuthError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    pagenumber: int | Unset = UNSET,
    pagesize: int | Unset = UNSET,
    filterclient_type: ClientType | Unset = UNSET,
    filterverified: bool | Unset = UNSET,
    filterallowed_grant_typescontains: GrantType | Unset = UNSET,
    filtername: str | Unset = UNSET,
    filternamecontains: str | Unset = UNSET,
    filterclient_id: str | Unset = UNSET,
) -> Response[ErrorResponse | OAuthClientListResponse | OAuthError]:
    """List OAuth clients

     The OAuth clients of the account, a page at a time, optionally filtered.

    Args:
        pagenumber (int | Unset):
        pagesize (int | Unset):
        filterclient_type (ClientType | Unset): Whether the client can keep a secret
            (`confidential`) or not (`public`).
        filterverified (bool | Unset):
        filterallowed_grant_typescontains (GrantType | Unset): An OAuth 2.0 grant type.
        filtername (str | Unset):
        filternamecontains (str | Unset):
        filterclient_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | OAuthClientListResponse | OAuthError]
    """

    kwargs = _get_kwargs(
        pagenumber=pagenumber,
        pagesize=pagesize,
        filterclient_type=filterclient_type,
        filterverified=filterverified,
        filterallowed_grant_typescontains=filterallowed_grant_typescontains,
        filtername=filtername,
        filternamecontains=filternamecontains,
        filterclient_id=filterclient_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    pagenumber: int | Unset = UNSET,
    pagesize: int | Unset = UNSET,
    filterclient_type: ClientType | Unset = UNSET,
    filterverified: bool | Unset = UNSET,
    filterallowed_grant_typescontains: GrantType | Unset = UNSET,
    filtername: str | Unset = UNSET,
    filternamecontains: str | Unset = UNSET,
    filterclient_id: str | Unset = UNSET,
) -> ErrorResponse | OAuthClientListResponse | OAuthError | None:
    """List OAuth clients

     The OAuth clients of the account, a page at a time, optionally filtered.

    Args:
        pagenumber (int | Unset):
        pagesize (int | Unset):
        filterclient_type (ClientType | Unset): Whether the client can keep a secret
            (`confidential`) or not (`public`).
        filterverified (bool | Unset):
        filterallowed_grant_typescontains (GrantType | Unset): An OAuth 2.0 grant type.
        filtername (str | Unset):
        filternamecontains (str | Unset):
        filterclient_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | OAuthClientListResponse | OAuthError
    """

    return sync_detailed(
        client=client,
        pagenumber=pagenumber,
        pagesize=pagesize,
        filterclient_type=filterclient_type,
        filterverified=filterverified,
        filterallowed_grant_typescontains=filterallowed_grant_typescontains,
        filtername=filtername,
        filternamecontains=filternamecontains,
        filterclient_id=filterclient_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    pagenumber: int | Unset = UNSET,
    pagesize: int | Unset = UNSET,
    filterclient_type: ClientType | Unset = UNSET,
    filterverified: bool | Unset = UNSET,
    filterallowed_grant_typescontains: GrantType | Unset = UNSET,
    filtername: str | Unset = UNSET,
    filternamecontains: str | Unset = UNSET,
    filterclient_id: str | Unset = UNSET,
) -> Response[ErrorResponse | OAuthClientListResponse | OAuthError]:
    """List OAuth clients

     The OAuth clients of the account, a page at a time, optionally filtered.

    Args:
        pagenumber (int | Unset):
        pagesize (int | Unset):
        filterclient_type (ClientType | Unset): Whether the client can keep a secret
            (`confidential`) or not (`public`).
        filterverified (bool | Unset):
        filterallowed_grant_typescontains (GrantType | Unset): An OAuth 2.0 grant type.
        filtername (str | Unset):
        filternamecontains (str | Unset):
        filterclient_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | OAuthClientListResponse | OAuthError]
    """

    kwargs = _get_kwargs(
        pagenumber=pagenumber,
        pagesize=pagesize,
        filterclient_type=filterclient_type,
        filterverified=filterverified,
        filterallowed_grant_typescontains=filterallowed_grant_typescontains,
        filtername=filtername,
        filternamecontains=filternamecontains,
        filterclient_id=filterclient_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    pagenumber: int | Unset = UNSET,
    pagesize: int | Unset = UNSET,
    filterclient_type: ClientType | Unset = UNSET,
    filterverified: bool | Unset = UNSET,
    filterallowed_grant_typescontains: GrantType | Unset = UNSET,
    filtername: str | Unset = UNSET,
    filternamecontains: str | Unset = UNSET,
    filterclient_id: str | Unset = UNSET,
) -> ErrorResponse | OAuthClientListResponse | OAuthError | None:
    """List OAuth clients

     The OAuth clients of the account, a page at a time, optionally filtered.

    Args:
        pagenumber (int | Unset):
        pagesize (int | Unset):
        filterclient_type (ClientType | Unset): Whether the client can keep a secret
            (`confidential`) or not (`public`).
        filterverified (bool | Unset):
        filterallowed_grant_typescontains (GrantType | Unset): An OAuth 2.0 grant type.
        filtername (str | Unset):
        filternamecontains (str | Unset):
        filterclient_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | OAuthClientListResponse | OAuthError
    """

    return (
        await asyncio_detailed(
            client=client,
            pagenumber=pagenumber,
            pagesize=pagesize,
            filterclient_type=filterclient_type,
            filterverified=filterverified,
            filterallowed_grant_typescontains=filterallowed_grant_typescontains,
            filtername=filtername,
            filternamecontains=filternamecontains,
            filterclient_id=filterclient_id,
        )
    ).parsed
