from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient
from ...models.consent_details_response import ConsentDetailsResponse
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


def _parse_response(response: httpx.Response) -> ConsentDetailsResponse:
    if response.status_code == 200:
        return errors.parse_json_body(
            response, "get_consent_details", ConsentDetailsResponse.from_dict
        )

    errors.raise_unexpected(
        response,
        "get_consent_details",
        {
            401: "OAuthError",
            404: "OAuthError",
            429: "ErrorResponse",
        },
    )


def _build_response(response: httpx.Response) -> Response[ConsentDetailsResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(response),
    )


def sync_detailed(
    consent_token: str,
    *,
    client: AuthenticatedClient,
) -> Response[ConsentDetailsResponse]:
    """Get the details of a consent request

     What the user is asked to consent to, for the consent token that the authorization endpoint issued.

    Args:
        consent_token (str): The consent token from the consent URL.

    Raises:
        APIStatusError: The API answered 400 or above; a subclass names the status
            (NotFoundError, AuthenticationError, RateLimitError, ...).
        APIConnectionError: No answer arrived (APITimeoutError when it took longer than the
            client's timeout).
        APIResponseValidationError: A success whose body does not match the spec
            (UnexpectedStatusError: a status the spec does not document as a success).
        All of them live in telnyx_oauth_api.errors and are re-exported by telnyx_oauth.

    Returns:
        Response[ConsentDetailsResponse]
    """

    kwargs = _get_kwargs(
        consent_token=consent_token,
    )

    try:
        response = client.get_httpx_client().request(
            **kwargs,
        )
    except httpx.TransportError as exc:
        raise errors.connection_error(exc) from exc

    return _build_response(response)


def sync(
    consent_token: str,
    *,
    client: AuthenticatedClient,
) -> ConsentDetailsResponse:
    """Get the details of a consent request

     What the user is asked to consent to, for the consent token that the authorization endpoint issued.

    Args:
        consent_token (str): The consent token from the consent URL.

    Raises:
        APIStatusError: The API answered 400 or above; a subclass names the status
            (NotFoundError, AuthenticationError, RateLimitError, ...).
        APIConnectionError: No answer arrived (APITimeoutError when it took longer than the
            client's timeout).
        APIResponseValidationError: A success whose body does not match the spec
            (UnexpectedStatusError: a status the spec does not document as a success).
        All of them live in telnyx_oauth_api.errors and are re-exported by telnyx_oauth.

    Returns:
        ConsentDetailsResponse
    """

    return sync_detailed(
        consent_token=consent_token,
        client=client,
    ).parsed


async def asyncio_detailed(
    consent_token: str,
    *,
    client: AuthenticatedClient,
) -> Response[ConsentDetailsResponse]:
    """Get the details of a consent request

     What the user is asked to consent to, for the consent token that the authorization endpoint issued.

    Args:
        consent_token (str): The consent token from the consent URL.

    Raises:
        APIStatusError: The API answered 400 or above; a subclass names the status
            (NotFoundError, AuthenticationError, RateLimitError, ...).
        APIConnectionError: No answer arrived (APITimeoutError when it took longer than the
            client's timeout).
        APIResponseValidationError: A success whose body does not match the spec
            (UnexpectedStatusError: a status the spec does not document as a success).
        All of them live in telnyx_oauth_api.errors and are re-exported by telnyx_oauth.

    Returns:
        Response[ConsentDetailsResponse]
    """

    kwargs = _get_kwargs(
        consent_token=consent_token,
    )

    try:
        response = await client.get_async_httpx_client().request(**kwargs)
    except httpx.TransportError as exc:
        raise errors.connection_error(exc) from exc

    return _build_response(response)


async def asyncio(
    consent_token: str,
    *,
    client: AuthenticatedClient,
) -> ConsentDetailsResponse:
    """Get the details of a consent request

     What the user is asked to consent to, for the consent token that the authorization endpoint issued.

    Args:
        consent_token (str): The consent token from the consent URL.

    Raises:
        APIStatusError: The API answered 400 or above; a subclass names the status
            (NotFoundError, AuthenticationError, RateLimitError, ...).
        APIConnectionError: No answer arrived (APITimeoutError when it took longer than the
            client's timeout).
        APIResponseValidationError: A success whose body does not match the spec
            (UnexpectedStatusError: a status the spec does not document as a success).
        All of them live in telnyx_oauth_api.errors and are re-exported by telnyx_oauth.

    Returns:
        ConsentDetailsResponse
    """

    return (
        await asyncio_detailed(
            consent_token=consent_token,
            client=client,
        )
    ).parsed
