from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient
from ...models.consent_decision_request import ConsentDecisionRequest
from ...models.consent_decision_response import ConsentDecisionResponse
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


def _parse_response(response: httpx.Response) -> ConsentDecisionResponse:
    if response.status_code == 200:
        return errors.parse_json_body(
            response, "submit_consent", ConsentDecisionResponse.from_dict
        )

    errors.raise_unexpected(
        response,
        "submit_consent",
        {
            401: "OAuthError",
            404: "OAuthError",
            422: "OAuthError",
            429: "ErrorResponse",
        },
    )


def _build_response(response: httpx.Response) -> Response[ConsentDecisionResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ConsentDecisionRequest,
) -> Response[ConsentDecisionResponse]:
    """Record the user's consent decision

     Allows or denies the consent request. The answer is the client's redirect URI with either
    `code` and `state`, or `error=access_denied` and `state`. Not to be confused with
    `/v2/oauth_grants`, the management of grants already given.

    Args:
        body (ConsentDecisionRequest): The user's decision on a consent request.

    Raises:
        APIStatusError: The API answered 400 or above; a subclass names the status
            (NotFoundError, AuthenticationError, RateLimitError, ...).
        APIConnectionError: No answer arrived (APITimeoutError when it took longer than the
            client's timeout).
        APIResponseValidationError: A success whose body does not match the spec
            (UnexpectedStatusError: a status the spec does not document as a success).
        All of them live in telnyx_oauth_api.errors and are re-exported by telnyx_oauth.

    Returns:
        Response[ConsentDecisionResponse]
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
    body: ConsentDecisionRequest,
) -> ConsentDecisionResponse:
    """Record the user's consent decision

     Allows or denies the consent request. The answer is the client's redirect URI with either
    `code` and `state`, or `error=access_denied` and `state`. Not to be confused with
    `/v2/oauth_grants`, the management of grants already given.

    Args:
        body (ConsentDecisionRequest): The user's decision on a consent request.

    Raises:
        APIStatusError: The API answered 400 or above; a subclass names the status
            (NotFoundError, AuthenticationError, RateLimitError, ...).
        APIConnectionError: No answer arrived (APITimeoutError when it took longer than the
            client's timeout).
        APIResponseValidationError: A success whose body does not match the spec
            (UnexpectedStatusError: a status the spec does not document as a success).
        All of them live in telnyx_oauth_api.errors and are re-exported by telnyx_oauth.

    Returns:
        ConsentDecisionResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ConsentDecisionRequest,
) -> Response[ConsentDecisionResponse]:
    """Record the user's consent decision

     Allows or denies the consent request. The answer is the client's redirect URI with either
    `code` and `state`, or `error=access_denied` and `state`. Not to be confused with
    `/v2/oauth_grants`, the management of grants already given.

    Args:
        body (ConsentDecisionRequest): The user's decision on a consent request.

    Raises:
        APIStatusError: The API answered 400 or above; a subclass names the status
            (NotFoundError, AuthenticationError, RateLimitError, ...).
        APIConnectionError: No answer arrived (APITimeoutError when it took longer than the
            client's timeout).
        APIResponseValidationError: A success whose body does not match the spec
            (UnexpectedStatusError: a status the spec does not document as a success).
        All of them live in telnyx_oauth_api.errors and are re-exported by telnyx_oauth.

    Returns:
        Response[ConsentDecisionResponse]
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
    body: ConsentDecisionRequest,
) -> ConsentDecisionResponse:
    """Record the user's consent decision

     Allows or denies the consent request. The answer is the client's redirect URI with either
    `code` and `state`, or `error=access_denied` and `state`. Not to be confused with
    `/v2/oauth_grants`, the management of grants already given.

    Args:
        body (ConsentDecisionRequest): The user's decision on a consent request.

    Raises:
        APIStatusError: The API answered 400 or above; a subclass names the status
            (NotFoundError, AuthenticationError, RateLimitError, ...).
        APIConnectionError: No answer arrived (APITimeoutError when it took longer than the
            client's timeout).
        APIResponseValidationError: A success whose body does not match the spec
            (UnexpectedStatusError: a status the spec does not document as a success).
        All of them live in telnyx_oauth_api.errors and are re-exported by telnyx_oauth.

    Returns:
        ConsentDecisionResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
