from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.consent_details_response import ConsentDetailsResponse
from ...models.error_response import ErrorResponse
from ...models.oauth_error import OAuthError
from ...types import Response


def _get_kwargs(
    consent_token: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v2/oauth/consent/{consent_token}".format(
            consent_token=quote(str(consent_token), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ConsentDetailsResponse | ErrorResponse | OAuthError | None:
    if response.status_code == 200:
        response_200 = ConsentDetailsResponse.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = OAuthError.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = OAuthError.from_dict(response.json())

        return response_404

    if response.status_code == 429:
        response_429 = ErrorResponse.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ConsentDetailsResponse | ErrorResponse | OAuthError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    consent_token: str,
    *,
    client: AuthenticatedClient,
) -> Response[ConsentDetailsResponse | ErrorResponse | OAuthError]:
    """Get the details of a consent request

     What the user is asked to consent to, for the consent token that the authorization endpoint issued.

    Args:
        consent_token (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ConsentDetailsResponse | ErrorResponse | OAuthError]
    """

    kwargs = _get_kwargs(
        consent_token=consent_token,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    consent_token: str,
    *,
    client: AuthenticatedClient,
) -> ConsentDetailsResponse | ErrorResponse | OAuthError | None:
    """Get the details of a consent request

     What the user is asked to consent to, for the consent token that the authorization endpoint issued.

    Args:
        consent_token (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ConsentDetailsResponse | ErrorResponse | OAuthError
    """

    return sync_detailed(
        consent_token=consent_token,
        client=client,
    ).parsed


async def asyncio_detailed(
    consent_token: str,
    *,
    client: AuthenticatedClient,
) -> Response[ConsentDetailsResponse | ErrorResponse | OAuthError]:
    """Get the details of a consent request

     What the user is asked to consent to, for the consent token that the authorization endpoint issued.

    Args:
        consent_token (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ConsentDetailsResponse | ErrorResponse | OAuthError]
    """

    kwargs = _get_kwargs(
        consent_token=consent_token,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    consent_token: str,
    *,
    client: AuthenticatedClient,
) -> ConsentDetailsResponse | ErrorResponse | OAuthError | None:
    """Get the details of a consent request

     What the user is asked to consent to, for the consent token that the authorization endpoint issued.

    Args:
        consent_token (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ConsentDetailsResponse | ErrorResponse | OAuthError
    """

    return (
        await asyncio_detailed(
            consent_token=consent_token,
            client=client,
        )
    ).parsed
