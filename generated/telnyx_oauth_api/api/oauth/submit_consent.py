from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.consent_decision_request import ConsentDecisionRequest
from ...models.consent_decision_response import ConsentDecisionResponse
from ...models.error_response import ErrorResponse
from ...models.oauth_error import OAuthError
from ...types import Response


def _get_kwargs(
    *,
    body: ConsentDecisionRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v2/oauth/grants",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ConsentDecisionResponse | ErrorResponse | OAuthError | None:
    if response.status_code == 200:
        response_200 = ConsentDecisionResponse.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = OAuthError.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = OAuthError.from_dict(response.json())

        return response_404

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
) -> Response[ConsentDecisionResponse | ErrorResponse | OAuthError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ConsentDecisionRequest,
) -> Response[ConsentDecisionResponse | ErrorResponse | OAuthError]:
    """Record the user's consent decision

     Allows or denies the consent request. The answer is the client's redirect URI with either
    `code` and `state`, or `error=access_denied` and `state`. Not to be confused with
    `/v2/oauth_grants`, the management of grants already given.

    Args:
        body (ConsentDecisionRequest): The user's decision on a consent request.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ConsentDecisionResponse | ErrorResponse | OAuthError]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: ConsentDecisionRequest,
) -> ConsentDecisionResponse | ErrorResponse | OAuthError | None:
    """Record the user's consent decision

     Allows or denies the consent request. The answer is the client's redirect URI with either
    `code` and `state`, or `error=access_denied` and `state`. Not to be confused with
    `/v2/oauth_grants`, the management of grants already given.

    Args:
        body (ConsentDecisionRequest): The user's decision on a consent request.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ConsentDecisionResponse | ErrorResponse | OAuthError
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ConsentDecisionRequest,
) -> Response[ConsentDecisionResponse | ErrorResponse | OAuthError]:
    """Record the user's consent decision

     Allows or denies the consent request. The answer is the client's redirect URI with either
    `code` and `state`, or `error=access_denied` and `state`. Not to be confused with
    `/v2/oauth_grants`, the management of grants already given.

    Args:
        body (ConsentDecisionRequest): The user's decision on a consent request.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ConsentDecisionResponse | ErrorResponse | OAuthError]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ConsentDecisionRequest,
) -> ConsentDecisionResponse | ErrorResponse | OAuthError | None:
    """Record the user's consent decision

     Allows or denies the consent request. The answer is the client's redirect URI with either
    `code` and `state`, or `error=access_denied` and `state`. Not to be confused with
    `/v2/oauth_grants`, the management of grants already given.

    Args:
        body (ConsentDecisionRequest): The user's decision on a consent request.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ConsentDecisionResponse | ErrorResponse | OAuthError
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
