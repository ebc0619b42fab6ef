"""Each of the 17 operations, through its generated function and a client from ``connect()``."""

from __future__ import annotations

import httpx
import pytest

from telnyx_oauth import (
    AuthenticationError,
    NotFoundError,
    UnprocessableEntityError,
    connect,
)
from telnyx_oauth_api import AuthenticatedClient, Client
from telnyx_oauth_api.api.discovery import (
    get_authorization_server_metadata,
    get_protected_resource_metadata,
)
from telnyx_oauth_api.api.oauth import (
    create_token,
    get_consent_details,
    get_jwks,
    introspect_token,
    register_client,
    submit_consent,
)
from telnyx_oauth_api.api.oauth_clients import (
    create_oauth_client,
    delete_oauth_client,
    get_oauth_client,
    list_oauth_clients,
    update_oauth_client,
)
from telnyx_oauth_api.api.oauth_grants import (
    get_oauth_grant,
    list_oauth_grants,
    revoke_oauth_grant,
)
from telnyx_oauth_api.models import (
    ClientType,
    ConsentDecisionRequest,
    GrantType,
    IntrospectRequest,
    OAuthClientUpdateRequest,
    RegistrationRequest,
    TokenEndpointAuthMethod,
    TokenRequest,
)
from telnyx_oauth_sandbox import SandboxServer
from tests.e2e._flows import (
    REDIRECT_URI,
    SCOPES,
    acreate_client,
    alogin,
    authorize_redirect,
    client_request,
    consent_token_of,
    create_client,
    flow_for,
    introspect,
    login,
    secret_of,
)

# -- discovery and keys ----------------------------------------------------------------------


def test_authorization_server_metadata(anon: Client, sandbox: SandboxServer) -> None:
    """RFC 8414 metadata names the sandbox as issuer and its endpoints under it."""
    metadata = get_authorization_server_metadata.sync(client=anon)
    assert metadata.issuer == sandbox.base_url
    assert metadata.token_endpoint == f"{sandbox.base_url}/v2/oauth/token"
    assert metadata.code_challenge_methods_supported == ["S256"]


def test_protected_resource_metadata(anon: Client, sandbox: SandboxServer) -> None:
    """RFC 9728 metadata points at the sandbox as authorization server."""
    metadata = get_protected_resource_metadata.sync(client=anon)
    assert metadata.authorization_servers == [sandbox.base_url]


def test_jwks(anon: Client) -> None:
    """The JWKS holds an RSA signing key with its kid and key material."""
    jwks = get_jwks.sync(client=anon)
    key = jwks.keys[0].to_dict()
    assert (key["kty"], key["alg"]) == ("RSA", "RS256")
    assert all(key[name] for name in ("kid", "n", "e"))


# -- registration and client management ------------------------------------------------------


def test_register_client(anon: Client) -> None:
    """RFC 7591 registration answers 201 with a client id and, for basic auth, a secret."""
    body = RegistrationRequest(
        client_name="registered app",
        grant_types=[GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN],
        redirect_uris=[REDIRECT_URI],
        scope=" ".join(SCOPES),
        token_endpoint_auth_method=TokenEndpointAuthMethod.CLIENT_SECRET_BASIC,
    )
    registered = register_client.sync(client=anon, body=body)
    assert registered.client_id
    assert registered.client_secret
    assert registered.redirect_uris == [REDIRECT_URI]


def test_create_oauth_client(api: AuthenticatedClient) -> None:
    """A confidential client is created with a one-time secret and the given settings."""
    client = create_client(api, name="created app")
    assert client.client_type == ClientType.CONFIDENTIAL
    assert client.name == "created app"
    assert secret_of(client)


def test_get_oauth_client(api: AuthenticatedClient) -> None:
    """A client reads back by id, without its secret."""
    created = create_client(api)
    fetched = get_oauth_client.sync(created.client_id, client=api)
    assert fetched.data.client_id == created.client_id
    assert not fetched.data.client_secret


def test_update_oauth_client(api: AuthenticatedClient) -> None:
    """PUT changes only the fields it is given."""
    created = create_client(api, name="before")
    body = OAuthClientUpdateRequest(name="after")
    updated = update_oauth_client.sync(created.client_id, client=api, body=body)
    assert updated.data.name == "after"
    assert updated.data.allowed_scopes == list(SCOPES)


def test_delete_oauth_client(api: AuthenticatedClient) -> None:
    """DELETE answers 204, and the client is gone afterwards."""
    created = create_client(api)
    response = delete_oauth_client.sync_detailed(created.client_id, client=api)
    assert response.status_code == 204
    with pytest.raises(NotFoundError):
        get_oauth_client.sync(created.client_id, client=api)


def test_list_oauth_clients(api: AuthenticatedClient) -> None:
    """The list holds the clients created, with pagination meta."""
    ids = {create_client(api).client_id for _ in range(3)}
    listed = list_oauth_clients.sync(client=api)
    assert {c.client_id for c in listed.data} == ids
    assert listed.meta
    assert listed.meta.total_results == 3


# -- authorize, consent, token, introspect -----------------------------------------------------


def test_authorize_redirects_to_consent(
    api: AuthenticatedClient, anon: Client, sandbox: SandboxServer
) -> None:
    """``/oauth/authorize`` answers 302 to the consent URL carrying a consent token."""
    request = flow_for(anon, create_client(api)).start()
    location = authorize_redirect(anon, request.url)
    assert location.startswith(f"{sandbox.base_url}/")
    assert consent_token_of(location)


def test_get_consent_details(api: AuthenticatedClient, anon: Client) -> None:
    """Consent details name the client, its redirect URI and the requested scopes."""
    client = create_client(api, name="consenting app")
    consent_token = consent_token_of(authorize_redirect(anon, flow_for(anon, client).start().url))
    details = get_consent_details.sync(client=api, consent_token=consent_token).data
    assert (details.client_id, details.name) == (client.client_id, "consenting app")
    assert details.redirect_uri == REDIRECT_URI
    assert details.requested_scopes
    assert [s.id for s in details.requested_scopes] == list(SCOPES)


def test_submit_consent_allow(api: AuthenticatedClient, anon: Client) -> None:
    """Allowing consent redirects to the client with a code and the request's state."""
    request = flow_for(anon, create_client(api)).start()
    consent_token = consent_token_of(authorize_redirect(anon, request.url))
    decision = submit_consent.sync(
        client=api, body=ConsentDecisionRequest(consent_token=consent_token, allowed=True)
    )
    callback = httpx.URL(decision.redirect_uri)
    assert str(callback.copy_with(query=None)) == REDIRECT_URI
    assert callback.params["code"]
    assert callback.params["state"] == request.state


def test_submit_consent_deny(api: AuthenticatedClient, anon: Client) -> None:
    """Denying consent redirects with ``error=access_denied`` and no code."""
    request = flow_for(anon, create_client(api)).start()
    consent_token = consent_token_of(authorize_redirect(anon, request.url))
    decision = submit_consent.sync(
        client=api, body=ConsentDecisionRequest(consent_token=consent_token, allowed=False)
    )
    callback = httpx.URL(decision.redirect_uri)
    assert callback.params["error"] == "access_denied"
    assert "code" not in callback.params


def test_create_token(api: AuthenticatedClient) -> None:
    """The generated ``create_token`` gets a client-credentials token (client_secret_post)."""
    client = create_client(api, grant_types=[GrantType.CLIENT_CREDENTIALS])
    body = TokenRequest(
        grant_type=GrantType.CLIENT_CREDENTIALS,
        client_id=client.client_id,
        client_secret=secret_of(client),
    )
    response = create_token.sync_detailed(client=api, body=body)
    token = response.parsed
    assert token.access_token.count(".") == 2
    assert token.expires_in > 0
    assert response.headers["cache-control"] == "no-store"


def test_introspect_token(api: AuthenticatedClient, anon: Client) -> None:
    """Introspecting a fresh access token says active, with its client and scope."""
    client = create_client(api)
    _, token = login(api, anon, flow_for(anon, client))
    result = introspect(api, token.access_token)
    assert result.active is True
    assert result.client_id == client.client_id
    assert result.scope == " ".join(SCOPES)


def test_introspect_unknown_token(api: AuthenticatedClient) -> None:
    """An unknown token is inactive, not an error (RFC 7662)."""
    assert introspect(api, "not-a-token").active is False


# -- grants ------------------------------------------------------------------------------------


def test_list_oauth_grants(api: AuthenticatedClient, anon: Client) -> None:
    """A completed authorization shows up as one grant of the client, with its scopes."""
    client = create_client(api)
    login(api, anon, flow_for(anon, client))
    grants = list_oauth_grants.sync(client=api).data
    assert [(g.client_id, g.scopes) for g in grants] == [(client.client_id, list(SCOPES))]


def test_get_oauth_grant(api: AuthenticatedClient, anon: Client) -> None:
    """A grant reads back by id."""
    login(api, anon, flow_for(anon, create_client(api)))
    grant = list_oauth_grants.sync(client=api).data[0]
    fetched = get_oauth_grant.sync(grant.id, client=api)
    assert fetched.data.id == grant.id


def test_revoke_oauth_grant(api: AuthenticatedClient, anon: Client) -> None:
    """DELETE on a grant answers 200 with the revoked grant."""
    login(api, anon, flow_for(anon, create_client(api)))
    grant = list_oauth_grants.sync(client=api).data[0]
    revoked = revoke_oauth_grant.sync(grant.id, client=api)
    assert revoked.data.id == grant.id


# -- typed errors over the wire ----------------------------------------------------------------


def test_unknown_client_raises_not_found(api: AuthenticatedClient) -> None:
    """A 404 becomes ``NotFoundError`` carrying the RFC 6749 error fields."""
    with pytest.raises(NotFoundError) as caught:
        get_oauth_client.sync("7e2d9c4b-1a3f-4b6e-8d0c-5f4e3d2c1b0a", client=api)
    assert caught.value.status_code == 404
    assert caught.value.error


def test_wrong_api_key_raises_authentication_error(sandbox: SandboxServer) -> None:
    """A wrong API key is a 401 ``AuthenticationError``, and the key is not in the message."""
    with (
        connect("KEY-WRONG-0123456789", base_url=sandbox.base_url) as api,
        pytest.raises(AuthenticationError) as caught,
    ):
        list_oauth_clients.sync(client=api)
    assert "KEY-WRONG-0123456789" not in str(caught.value)


def test_authorize_html_error_keeps_body(api: AuthenticatedClient, anon: Client) -> None:
    """An unregistered redirect URI is a 422 HTML page, kept as text on the typed error."""
    flow = flow_for(anon, create_client(api))
    flow.redirect_uri = "https://elsewhere.example.com/callback"
    with pytest.raises(UnprocessableEntityError) as caught:
        authorize_redirect(anon, flow.start().url)
    assert "redirect_uri" in str(caught.value.body)
    assert caught.value.response.headers["content-type"].startswith("text/html")


# -- the same operations, async ---------------------------------------------------------------


async def test_async_client_lifecycle(aapi: AuthenticatedClient) -> None:
    """create, get, update, list and delete through the generated ``asyncio`` functions."""
    created = (await create_oauth_client.asyncio(client=aapi, body=client_request())).data
    fetched = await get_oauth_client.asyncio(created.client_id, client=aapi)
    assert fetched.data.name == "e2e app"
    body = OAuthClientUpdateRequest(name="renamed")
    updated = await update_oauth_client.asyncio(created.client_id, client=aapi, body=body)
    assert updated.data.name == "renamed"
    listed = await list_oauth_clients.asyncio(client=aapi)
    assert [c.client_id for c in listed.data] == [created.client_id]
    deleted = await delete_oauth_client.asyncio_detailed(created.client_id, client=aapi)
    assert deleted.status_code == 204


async def test_async_discovery_jwks_and_register(aanon: Client, sandbox: SandboxServer) -> None:
    """The anonymous operations answer the async functions too."""
    metadata = await get_authorization_server_metadata.asyncio(client=aanon)
    assert metadata.issuer == sandbox.base_url
    resource = await get_protected_resource_metadata.asyncio(client=aanon)
    assert resource.resource == sandbox.base_url
    jwks = await get_jwks.asyncio(client=aanon)
    assert jwks.keys
    body = RegistrationRequest(
        client_name="async app",
        grant_types=[GrantType.CLIENT_CREDENTIALS],
        response_types=[],
        token_endpoint_auth_method=TokenEndpointAuthMethod.CLIENT_SECRET_POST,
    )
    registered = await register_client.asyncio(client=aanon, body=body)
    assert registered.client_secret


async def test_async_consent_token_and_introspection(
    aapi: AuthenticatedClient, aanon: Client
) -> None:
    """authorize, consent, token and introspect through the async functions and the flow."""
    client = await acreate_client(aapi)
    _, token = await alogin(aapi, aanon, flow_for(aanon, client))
    result = await introspect_token.asyncio(
        client=aapi, body=IntrospectRequest(token=token.access_token)
    )
    assert result.active is True
    machine = await acreate_client(aapi, grant_types=[GrantType.CLIENT_CREDENTIALS])
    body = TokenRequest(
        grant_type=GrantType.CLIENT_CREDENTIALS,
        client_id=machine.client_id,
        client_secret=secret_of(machine),
    )
    issued = await create_token.asyncio(client=aapi, body=body)
    assert issued.token_type == "Bearer"
