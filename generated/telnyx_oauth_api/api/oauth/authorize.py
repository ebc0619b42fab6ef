from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.code_challenge_method import (
    CodeChallengeMethod,
    CodeChallengeMethodValue,
)
from ...models.response_type import ResponseType, ResponseTypeValue
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    response_type: ResponseType | ResponseTypeValue,
    client_id: str,
    redirect_uri: str,
    scope: str | Unset = UNSET,
    state: str | Unset = UNSET,
    code_challenge: str | Unset = UNSET,
    code_challenge_method: CodeChallengeMethod
    | CodeChallengeMethodValue
    | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_response_type = ResponseType.coerce(response_type, "response_type").value
    params["response_type"] = json_response_type

    params["client_id"] = client_id

    params["redirect_uri"] = redirect_uri

    params["scope"] = scope

    params["state"] = state

    params["code_challenge"] = code_challenge

    json_code_challenge_method: str | Unset = UNSET
    if not isinstance(code_challenge_method, Unset):
        json_code_challenge_method = CodeChallengeMethod.coerce(
            code_challenge_method, "code_challenge_method"
        ).value

    params["code_challenge_method"] = json_code_challenge_method

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v2/oauth/authorize",
        "params": params,
    }

    return _kwargs


def _parse_response(response: httpx.Response) -> str | None:
    if response.status_code == 200:
        return response.text

    if response.status_code == 302:
        return None

    errors.raise_unexpected(
        response,
        "authorize",
        {
            429: "ErrorResponse",
        },
    )


def _build_response(response: httpx.Response) -> Response[str | None]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    response_type: ResponseType | ResponseTypeValue,
    client_id: str,
    redirect_uri: str,
    scope: str | Unset = UNSET,
    state: str | Unset = UNSET,
    code_challenge: str | Unset = UNSET,
    code_challenge_method: CodeChallengeMethod
    | CodeChallengeMethodValue
    | Unset = UNSET,
) -> Response[str | None]:
    """Start an authorization request

     Starts the authorization-code flow. A valid request is answered with a redirect to the
    consent step, whose URL carries a `consent_token`, or with the consent page itself. Errors
    that happen before the redirect URI is trusted are answered as HTML.

    Args:
        response_type (ResponseType | ResponseTypeValue): An OAuth 2.0 response type; only `code`
            is supported. One of 'code'.
        client_id (str): The OAuth client asking for authorization.
        redirect_uri (str): One of the client's registered redirect URIs, matched exactly.
        scope (str | Unset): Space-separated scopes, a subset of the client's allowed scopes. Not
            sent when left UNSET.
        state (str | Unset): Opaque value returned unchanged with the code; protects against CSRF.
            Not sent when left UNSET.
        code_challenge (str | Unset): PKCE code challenge (RFC 7636), the base64url SHA-256 of the
            code verifier. Required when the client requires PKCE. Not sent when left UNSET.
        code_challenge_method (CodeChallengeMethod | CodeChallengeMethodValue | Unset): A PKCE
            code challenge method (RFC 7636); the live service supports `S256` only. One of 'S256'.
            Not sent when left UNSET.

    Raises:
        APIStatusError: The API answered 400 or above; a subclass names the status
            (NotFoundError, AuthenticationError, RateLimitError, ...).
        APIConnectionError: No answer arrived (APITimeoutError when it took longer than the
            client's timeout).
        APIResponseValidationError: A success whose body does not match the spec
            (UnexpectedStatusError: a status the spec does not document as a success).
        All of them live in telnyx_oauth_api.errors and are re-exported by telnyx_oauth.

    Returns:
        Response[str | None]
    """

    kwargs = _get_kwargs(
        response_type=response_type,
        client_id=client_id,
        redirect_uri=redirect_uri,
        scope=scope,
        state=state,
        code_challenge=code_challenge,
        code_challenge_method=code_challenge_method,
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
    client: AuthenticatedClient | Client,
    response_type: ResponseType | ResponseTypeValue,
    client_id: str,
    redirect_uri: str,
    scope: str | Unset = UNSET,
    state: str | Unset = UNSET,
    code_challenge: str | Unset = UNSET,
    code_challenge_method: CodeChallengeMethod
    | CodeChallengeMethodValue
    | Unset = UNSET,
) -> str | None:
    """Start an authorization request

     Starts the authorization-code flow. A valid request is answered with a redirect to the
    consent step, whose URL carries a `consent_token`, or with the consent page itself. Errors
    that happen before the redirect URI is trusted are answered as HTML.

    Args:
        response_type (ResponseType | ResponseTypeValue): An OAuth 2.0 response type; only `code`
            is supported. One of 'code'.
        client_id (str): The OAuth client asking for authorization.
        redirect_uri (str): One of the client's registered redirect URIs, matched exactly.
        scope (str | Unset): Space-separated scopes, a subset of the client's allowed scopes. Not
            sent when left UNSET.
        state (str | Unset): Opaque value returned unchanged with the code; protects against CSRF.
            Not sent when left UNSET.
        code_challenge (str | Unset): PKCE code challenge (RFC 7636), the base64url SHA-256 of the
            code verifier. Required when the client requires PKCE. Not sent when left UNSET.
        code_challenge_method (CodeChallengeMethod | CodeChallengeMethodValue | Unset): A PKCE
            code challenge method (RFC 7636); the live service supports `S256` only. One of 'S256'.
            Not sent when left UNSET.

    Raises:
        APIStatusError: The API answered 400 or above; a subclass names the status
            (NotFoundError, AuthenticationError, RateLimitError, ...).
        APIConnectionError: No answer arrived (APITimeoutError when it took longer than the
            client's timeout).
        APIResponseValidationError: A success whose body does not match the spec
            (UnexpectedStatusError: a status the spec does not document as a success).
        All of them live in telnyx_oauth_api.errors and are re-exported by telnyx_oauth.

    Returns:
        str | None
    """

    return sync_detailed(
        client=client,
        response_type=response_type,
        client_id=client_id,
        redirect_uri=redirect_uri,
        scope=scope,
        state=state,
        code_challenge=code_challenge,
        code_challenge_method=code_challenge_method,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    response_type: ResponseType | ResponseTypeValue,
    client_id: str,
    redirect_uri: str,
    scope: str | Unset = UNSET,
    state: str | Unset = UNSET,
    code_challenge: str | Unset = UNSET,
    code_challenge_method: CodeChallengeMethod
    | CodeChallengeMethodValue
    | Unset = UNSET,
) -> Response[str | None]:
    """Start an authorization request

     Starts the authorization-code flow. A valid request is answered with a redirect to the
    consent step, whose URL carries a `consent_token`, or with the consent page itself. Errors
    that happen before the redirect URI is trusted are answered as HTML.

    Args:
        response_type (ResponseType | ResponseTypeValue): An OAuth 2.0 response type; only `code`
            is supported. One of 'code'.
        client_id (str): The OAuth client asking for authorization.
        redirect_uri (str): One of the client's registered redirect URIs, matched exactly.
        scope (str | Unset): Space-separated scopes, a subset of the client's allowed scopes. Not
            sent when left UNSET.
        state (str | Unset): Opaque value returned unchanged with the code; protects against CSRF.
            Not sent when left UNSET.
        code_challenge (str | Unset): PKCE code challenge (RFC 7636), the base64url SHA-256 of the
            code verifier. Required when the client requires PKCE. Not sent when left UNSET.
        code_challenge_method (CodeChallengeMethod | CodeChallengeMethodValue | Unset): A PKCE
            code challenge method (RFC 7636); the live service supports `S256` only. One of 'S256'.
            Not sent when left UNSET.

    Raises:
        APIStatusError: The API answered 400 or above; a subclass names the status
            (NotFoundError, AuthenticationError, RateLimitError, ...).
        APIConnectionError: No answer arrived (APITimeoutError when it took longer than the
            client's timeout).
        APIResponseValidationError: A success whose body does not match the spec
            (UnexpectedStatusError: a status the spec does not document as a success).
        All of them live in telnyx_oauth_api.errors and are re-exported by telnyx_oauth.

    Returns:
        Response[str | None]
    """

    kwargs = _get_kwargs(
        response_type=response_type,
        client_id=client_id,
        redirect_uri=redirect_uri,
        scope=scope,
        state=state,
        code_challenge=code_challenge,
        code_challenge_method=code_challenge_method,
    )

    try:
        response = await client.get_async_httpx_client().request(**kwargs)
    except httpx.TransportError as exc:
        raise errors.connection_error(exc) from exc

    return _build_response(response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    response_type: ResponseType | ResponseTypeValue,
    client_id: str,
    redirect_uri: str,
    scope: str | Unset = UNSET,
    state: str | Unset = UNSET,
    code_challenge: str | Unset = UNSET,
    code_challenge_method: CodeChallengeMethod
    | CodeChallengeMethodValue
    | Unset = UNSET,
) -> str | None:
    """Start an authorization request

     Starts the authorization-code flow. A valid request is answered with a redirect to the
    consent step, whose URL carries a `consent_token`, or with the consent page itself. Errors
    that happen before the redirect URI is trusted are answered as HTML.

    Args:
        response_type (ResponseType | ResponseTypeValue): An OAuth 2.0 response type; only `code`
            is supported. One of 'code'.
        client_id (str): The OAuth client asking for authorization.
        redirect_uri (str): One of the client's registered redirect URIs, matched exactly.
        scope (str | Unset): Space-separated scopes, a subset of the client's allowed scopes. Not
            sent when left UNSET.
        state (str | Unset): Opaque value returned unchanged with the code; protects against CSRF.
            Not sent when left UNSET.
        code_challenge (str | Unset): PKCE code challenge (RFC 7636), the base64url SHA-256 of the
            code verifier. Required when the client requires PKCE. Not sent when left UNSET.
        code_challenge_method (CodeChallengeMethod | CodeChallengeMethodValue | Unset): A PKCE
            code challenge method (RFC 7636); the live service supports `S256` only. One of 'S256'.
            Not sent when left UNSET.

    Raises:
        APIStatusError: The API answered 400 or above; a subclass names the status
            (NotFoundError, AuthenticationError, RateLimitError, ...).
        APIConnectionError: No answer arrived (APITimeoutError when it took longer than the
            client's timeout).
        APIResponseValidationError: A success whose body does not match the spec
            (UnexpectedStatusError: a status the spec does not document as a success).
        All of them live in telnyx_oauth_api.errors and are re-exported by telnyx_oauth.

    Returns:
        str | None
    """

    return (
        await asyncio_detailed(
            client=client,
            response_type=response_type,
            client_id=client_id,
            redirect_uri=redirect_uri,
            scope=scope,
            state=state,
            code_challenge=code_challenge,
            code_challenge_method=code_challenge_method,
        )
    ).parsed
