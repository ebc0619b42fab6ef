"""The OAuth stories the end-to-end tests share, told with the generated client and the overlay.

Every step goes over a real socket to the sandbox: the generated functions for the API's
operations, ``telnyx_oauth`` for auth, retries, typed errors and the authorization-code flow.
"""

from __future__ import annotations

from collections.abc import Sequence

import httpx

from telnyx_oauth import AuthorizationCodeFlow, AuthorizationRequest, Token
from telnyx_oauth_api import AuthenticatedClient, Client
from telnyx_oauth_api.api.oauth import (
    authorize,
    get_consent_details,
    introspect_token,
    submit_consent,
)
from telnyx_oauth_api.api.oauth_clients import create_oauth_client
from telnyx_oauth_api.models import (
    ClientType,
    CodeChallengeMethod,
    ConsentDecisionRequest,
    GrantType,
    IntrospectRequest,
    IntrospectResponse,
    OAuthClient,
    OAuthClientCreateRequest,
    ResponseType,
)
from telnyx_oauth_api.types import UNSET

REDIRECT_URI = "https://app.example.com/oauth/callback"
SCOPES = ("numbers.read", "messaging.write")
USER_GRANTS = (GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN)


def client_request(
    *,
    name: str = "e2e app",
    client_type: ClientType = ClientType.CONFIDENTIAL,
    grant_types: Sequence[GrantType] = USER_GRANTS,
    require_pkce: bool = False,
    scopes: Sequence[str] = SCOPES,
) -> OAuthClientCreateRequest:
    """The body of a create-client request with the tests' redirect URI and scopes."""
    return OAuthClientCreateRequest(
        name=name,
        allowed_scopes=list(scopes),
        client_type=client_type,
        allowed_grant_types=list(grant_types),
        redirect_uris=[REDIRECT_URI],
        require_pkce=require_pkce,
    )


def create_client(
    api: AuthenticatedClient,
    *,
    name: str = "e2e app",
    client_type: ClientType = ClientType.CONFIDENTIAL,
    grant_types: Sequence[GrantType] = USER_GRANTS,
    require_pkce: bool = False,
    scopes: Sequence[str] = SCOPES,
) -> OAuthClient:
    """A new OAuth client (with its one-time ``client_secret`` when confidential)."""
    body = client_request(
        name=name,
        client_type=client_type,
        grant_types=grant_types,
        require_pkce=require_pkce,
        scopes=scopes,
    )
    return create_oauth_client.sync(client=api, body=body).data


async def acreate_client(
    api: AuthenticatedClient, *, grant_types: Sequence[GrantType] = USER_GRANTS
) -> OAuthClient:
    """Async ``create_client``."""
    body = client_request(grant_types=grant_types)
    result = await create_oauth_client.asyncio(client=api, body=body)
    return result.data


def secret_of(client: OAuthClient) -> str:
    """The client secret the create call returned."""
    secret = client.client_secret
    assert isinstance(secret, str), "the create call returned no client secret"
    return secret


def flow_for(anon: Client, client: OAuthClient) -> AuthorizationCodeFlow:
    """An authorization-code flow for ``client``, authenticating as it was registered."""
    secret = client.client_secret if isinstance(client.client_secret, str) else None
    return AuthorizationCodeFlow(
        anon,
        client_id=client.client_id,
        client_secret=secret,
        redirect_uri=REDIRECT_URI,
        scope=SCOPES,
    )


def _authorize_kwargs(url: str) -> dict[str, object]:
    params = httpx.URL(url).params
    return {
        "response_type": ResponseType(params["response_type"]),
        "client_id": params["client_id"],
        "redirect_uri": params["redirect_uri"],
        "scope": params.get("scope", UNSET),
        "state": params.get("state", UNSET),
        "code_challenge": params.get("code_challenge", UNSET),
        "code_challenge_method": (
            CodeChallengeMethod(params["code_challenge_method"])
            if "code_challenge_method" in params
            else UNSET
        ),
    }


def consent_token_of(location: str) -> str:
    """The consent token in the consent URL that ``/oauth/authorize`` redirected to."""
    return httpx.URL(location).params["consent_token"]


def authorize_redirect(anon: Client, url: str) -> str:
    """Send the user to ``url`` (``/oauth/authorize``); returns the 302's ``Location``."""
    response = authorize.sync_detailed(client=anon, **_authorize_kwargs(url))  # type: ignore[arg-type]
    assert response.status_code == 302, response.content
    return response.headers["location"]


async def aauthorize_redirect(anon: Client, url: str) -> str:
    """Async ``authorize_redirect``."""
    response = await authorize.asyncio_detailed(client=anon, **_authorize_kwargs(url))  # type: ignore[arg-type]
    assert response.status_code == 302, response.content
    return response.headers["location"]


def consent(api: AuthenticatedClient, anon: Client, url: str, *, allowed: bool = True) -> str:
    """Authorize, read the consent details, decide; returns the callback URL with the code."""
    consent_token = consent_token_of(authorize_redirect(anon, url))
    get_consent_details.sync(client=api, consent_token=consent_token)
    decision = submit_consent.sync(
        client=api, body=ConsentDecisionRequest(consent_token=consent_token, allowed=allowed)
    )
    return decision.redirect_uri


async def aconsent(
    api: AuthenticatedClient, anon: Client, url: str, *, allowed: bool = True
) -> str:
    """Async ``consent``."""
    consent_token = consent_token_of(await aauthorize_redirect(anon, url))
    await get_consent_details.asyncio(client=api, consent_token=consent_token)
    decision = await submit_consent.asyncio(
        client=api, body=ConsentDecisionRequest(consent_token=consent_token, allowed=allowed)
    )
    return decision.redirect_uri


def login(
    api: AuthenticatedClient, anon: Client, flow: AuthorizationCodeFlow
) -> tuple[AuthorizationRequest, Token]:
    """The whole authorization-code story: start, authorize, consent, exchange."""
    request = flow.start()
    return request, flow.exchange(request, consent(api, anon, request.url))


async def alogin(
    api: AuthenticatedClient, anon: Client, flow: AuthorizationCodeFlow
) -> tuple[AuthorizationRequest, Token]:
    """Async ``login``."""
    request = flow.start()
    return request, await flow.aexchange(request, await aconsent(api, anon, request.url))


def introspect(api: AuthenticatedClient, token: str) -> IntrospectResponse:
    """RFC 7662 introspection of ``token``, authenticated with the API key."""
    return introspect_token.sync(client=api, body=IntrospectRequest(token=token))


async def aintrospect(api: AuthenticatedClient, token: str) -> IntrospectResponse:
    """Async ``introspect``."""
    return await introspect_token.asyncio(client=api, body=IntrospectRequest(token=token))
