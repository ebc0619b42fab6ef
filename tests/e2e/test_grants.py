"""The three grant types, PKCE, refresh rotation and replay, and grant revocation, end to end."""

from __future__ import annotations

import httpx
import pytest

from telnyx_oauth import (
    AuthenticationError,
    AuthorizationCallbackError,
    AuthorizationRequest,
    BadRequestError,
    ClientAuthMethod,
    ClientCredentials,
    StateMismatchError,
    Token,
    connect,
)
from telnyx_oauth_api import AuthenticatedClient, Client
from telnyx_oauth_api.api.oauth import authorize
from telnyx_oauth_api.api.oauth_clients import list_oauth_clients
from telnyx_oauth_api.api.oauth_grants import list_oauth_grants, revoke_oauth_grant
from telnyx_oauth_api.models import (
    ClientType,
    GrantType,
    ResponseType,
)
from telnyx_oauth_sandbox import SandboxControls, SandboxServer
from tests.e2e._flows import (
    REDIRECT_URI,
    acreate_client,
    aintrospect,
    alogin,
    consent,
    create_client,
    flow_for,
    introspect,
    login,
    secret_of,
)

# -- client credentials ------------------------------------------------------------------------


def _machine_client(api: AuthenticatedClient) -> tuple[str, str]:
    client = create_client(api, grant_types=[GrantType.CLIENT_CREDENTIALS])
    return client.client_id, secret_of(client)


@pytest.mark.parametrize("auth_method", ["client_secret_basic", "client_secret_post"])
def test_client_credentials_token_is_active(
    api: AuthenticatedClient, sandbox: SandboxServer, auth_method: ClientAuthMethod
) -> None:
    """``ClientCredentials`` gets a token the server introspects as active, for its client."""
    client_id, secret = _machine_client(api)
    auth = ClientCredentials(client_id, secret, auth_method=auth_method)
    token_request = httpx.Request("GET", f"{sandbox.base_url}/v2/oauth_clients")
    with httpx.Client() as http:
        flow = auth.sync_auth_flow(token_request)
        fetch = next(flow)
        response = http.send(fetch)
        authorized = flow.send(response)
    access_token = authorized.headers["authorization"].removeprefix("Bearer ")
    result = introspect(api, access_token)
    assert (result.active, result.client_id) == (True, client_id)


def test_client_credentials_wrong_secret_raises(
    api: AuthenticatedClient, sandbox: SandboxServer
) -> None:
    """A wrong client secret fails the token request with ``AuthenticationError``."""
    client_id, _ = _machine_client(api)
    auth = ClientCredentials(client_id, "wrong-secret")
    with (
        connect(auth=auth, base_url=sandbox.base_url) as client,
        pytest.raises(AuthenticationError) as caught,
    ):
        list_oauth_clients.sync(client=client)
    assert caught.value.error == "invalid_client"


# -- authorization code and PKCE ---------------------------------------------------------------


def test_authorization_code_confidential_client(api: AuthenticatedClient, anon: Client) -> None:
    """A confidential client (client_secret_basic) exchanges its code for both tokens."""
    client = create_client(api)
    _, token = login(api, anon, flow_for(anon, client))
    assert token.access_token
    assert token.refresh_token
    assert token.scope == "numbers.read messaging.write"


def test_authorization_code_public_client(api: AuthenticatedClient, anon: Client) -> None:
    """A public client authenticates with PKCE alone (``none``) and gets its tokens."""
    client = create_client(api, client_type=ClientType.PUBLIC, require_pkce=True)
    flow = flow_for(anon, client)
    assert flow.auth_method == "none"
    _, token = login(api, anon, flow)
    assert introspect(api, token.access_token).active is True


def test_pkce_wrong_verifier_rejected(api: AuthenticatedClient, anon: Client) -> None:
    """A code exchanged with another code_verifier than the challenge's is ``invalid_grant``."""
    flow = flow_for(anon, create_client(api))
    request = flow.start()
    callback = consent(api, anon, request.url)
    request.code_verifier = "x" * 64
    with pytest.raises(BadRequestError) as caught:
        flow.exchange(request, callback)
    assert caught.value.error == "invalid_grant"


def test_pkce_required_for_public_client(api: AuthenticatedClient, anon: Client) -> None:
    """Without a code_challenge, a public client is sent back with ``invalid_request``."""
    client = create_client(api, client_type=ClientType.PUBLIC, require_pkce=True)
    response = authorize.sync_detailed(
        client=anon,
        response_type=ResponseType.CODE,
        client_id=client.client_id,
        redirect_uri=REDIRECT_URI,
        state="st",
    )
    assert response.status_code == 302
    location = httpx.URL(response.headers["location"])
    assert str(location.copy_with(query=None)) == REDIRECT_URI
    assert location.params["error"] == "invalid_request"


def test_state_mismatch_refused(api: AuthenticatedClient, anon: Client) -> None:
    """A callback whose state is not the request's is refused before any token request."""
    flow = flow_for(anon, create_client(api))
    request = flow.start()
    callback = httpx.URL(consent(api, anon, request.url))
    forged = callback.copy_set_param("state", "forged")
    with pytest.raises(StateMismatchError):
        flow.exchange(request, forged)


def test_denied_consent_raises_callback_error(api: AuthenticatedClient, anon: Client) -> None:
    """A denied consent comes back as ``AuthorizationCallbackError('access_denied')``."""
    flow = flow_for(anon, create_client(api))
    request = flow.start()
    with pytest.raises(AuthorizationCallbackError) as caught:
        flow.exchange(request, consent(api, anon, request.url, allowed=False))
    assert caught.value.error == "access_denied"


def test_reused_code_revokes_its_tokens(api: AuthenticatedClient, anon: Client) -> None:
    """A code exchanged twice fails the second time and ends the first exchange's tokens."""
    flow = flow_for(anon, create_client(api))
    request = flow.start()
    callback = consent(api, anon, request.url)
    first = flow.exchange(request, callback)
    again = AuthorizationRequest(
        url=request.url,
        state=request.state,
        code_verifier=request.code_verifier,
        redirect_uri=request.redirect_uri,
    )
    with pytest.raises(BadRequestError) as caught:
        flow.exchange(again, callback)
    assert caught.value.error == "invalid_grant"
    assert introspect(api, first.access_token).active is False


# -- refresh rotation and replay ---------------------------------------------------------------


def test_refresh_rotates_refresh_token(
    api: AuthenticatedClient, anon: Client, controls: SandboxControls
) -> None:
    """A refresh returns a new access token and a new refresh token (rotation)."""
    flow = flow_for(anon, create_client(api))
    _, token = login(api, anon, flow)
    refreshed = flow.refresh(token)
    assert refreshed.refresh_token != token.refresh_token
    assert refreshed.access_token != token.access_token
    assert introspect(api, refreshed.access_token).active is True
    assert controls.token_requests("refresh_token") == 1


def test_refresh_hook_stores_rotated_token(api: AuthenticatedClient, anon: Client) -> None:
    """``on_token`` sees every new token, with the previous one on refresh."""
    stored: list[tuple[Token, Token | None]] = []
    client = create_client(api)
    flow = flow_for(anon, client)
    flow = type(flow)(
        anon,
        client_id=client.client_id,
        client_secret=secret_of(client),
        redirect_uri=REDIRECT_URI,
        on_token=lambda new, previous: stored.append((new, previous)),
    )
    _, token = login(api, anon, flow)
    refreshed = flow.refresh(token)
    assert stored == [(token, None), (refreshed, token)]


def test_replayed_refresh_token_revokes_family(api: AuthenticatedClient, anon: Client) -> None:
    """Spending a rotated-out refresh token again is refused and ends the whole family."""
    client = create_client(api)
    flow = flow_for(anon, client)
    _, token = login(api, anon, flow)
    refreshed = flow.refresh(token)
    # A second flow object: the first remembers the successor and would not replay.
    thief = flow_for(anon, client)
    with pytest.raises(BadRequestError) as caught:
        thief.refresh(token)
    assert caught.value.error == "invalid_grant"
    assert introspect(api, refreshed.access_token).active is False
    with pytest.raises(BadRequestError):
        flow.refresh(refreshed)


def test_refresh_after_access_token_expiry(
    api: AuthenticatedClient, anon: Client, controls: SandboxControls
) -> None:
    """An access token expires on the sandbox clock; the refresh token still gets a new one."""
    flow = flow_for(anon, create_client(api))
    _, token = login(api, anon, flow)
    controls.advance_clock(3601)
    assert introspect(api, token.access_token).active is False
    refreshed = flow.refresh(token)
    assert introspect(api, refreshed.access_token).active is True


# -- grant revocation ------------------------------------------------------------------------


def test_revoked_grant_ends_its_tokens(api: AuthenticatedClient, anon: Client) -> None:
    """Revoking the grant makes its access token inactive and its refresh token useless."""
    flow = flow_for(anon, create_client(api))
    _, token = login(api, anon, flow)
    grant = list_oauth_grants.sync(client=api).data[0]
    revoke_oauth_grant.sync(grant.id, client=api)
    assert introspect(api, token.access_token).active is False
    with pytest.raises(BadRequestError) as caught:
        flow.refresh(token)
    assert caught.value.error == "invalid_grant"


# -- async -----------------------------------------------------------------------------------


async def test_async_login_refresh_and_revoke(aapi: AuthenticatedClient, aanon: Client) -> None:
    """The whole story with the async functions: login, refresh, revoke, inactive."""
    client = await acreate_client(aapi)
    flow = flow_for(aanon, client)
    _, token = await alogin(aapi, aanon, flow)
    refreshed = await flow.arefresh(token)
    assert (await aintrospect(aapi, refreshed.access_token)).active is True
    grants = await list_oauth_grants.asyncio(client=aapi)
    grant = grants.data[0]
    await revoke_oauth_grant.asyncio(grant.id, client=aapi)
    assert (await aintrospect(aapi, refreshed.access_token)).active is False
