"""Every operation, sync and async, plain and detailed: each result is exactly its success type.

A user-style program for the typing suite (tests/typing/test_typing.py runs mypy --strict on
it); it is type-checked, never run.
"""

from __future__ import annotations

from typing import assert_type
from uuid import UUID

import telnyx_oauth
from telnyx_oauth_api import AuthenticatedClient, Client
from telnyx_oauth_api.api.discovery import (
    get_authorization_server_metadata,
    get_protected_resource_metadata,
)
from telnyx_oauth_api.api.oauth import (
    authorize,
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
from telnyx_oauth_api.api.oauth_grants import get_oauth_grant, list_oauth_grants, revoke_oauth_grant
from telnyx_oauth_api.models import (
    AuthorizationServerMetadata,
    ConsentDecisionRequest,
    ConsentDecisionResponse,
    ConsentDetailsResponse,
    IntrospectRequest,
    IntrospectResponse,
    JsonWebKeySet,
    OAuthClientCreateRequest,
    OAuthClientListResponse,
    OAuthClientResponse,
    OAuthClientUpdateRequest,
    OAuthGrantListResponse,
    OAuthGrantResponse,
    ProtectedResourceMetadata,
    RegistrationRequest,
    RegistrationResponse,
    TokenRequest,
    TokenResponse,
)
from telnyx_oauth_api.types import Response

api: AuthenticatedClient = telnyx_oauth.connect("KEY")
anon: Client = telnyx_oauth.connect_anonymous()
grant_id = UUID("7e2d9c4b-1a3f-4b6e-8d0c-5f4e3d2c1b0a")
new_client = OAuthClientCreateRequest(
    name="bot",
    client_type="confidential",
    allowed_grant_types=["client_credentials"],
    allowed_scopes=["numbers.read"],
)
decision = ConsentDecisionRequest(consent_token="ct", allowed=True)
token_request = TokenRequest(grant_type="client_credentials")
introspection = IntrospectRequest(token="t")
registration = RegistrationRequest(client_name="app", grant_types=["authorization_code"])
rename = OAuthClientUpdateRequest(name="renamed")


def every_operation_sync() -> None:
    assert_type(get_authorization_server_metadata.sync(client=anon), AuthorizationServerMetadata)
    assert_type(
        get_authorization_server_metadata.sync_detailed(client=anon),
        Response[AuthorizationServerMetadata],
    )
    assert_type(get_protected_resource_metadata.sync(client=anon), ProtectedResourceMetadata)
    assert_type(
        get_protected_resource_metadata.sync_detailed(client=anon),
        Response[ProtectedResourceMetadata],
    )
    page = authorize.sync(client=anon, response_type="code", client_id="c", redirect_uri="u")
    assert_type(page, str | None)  # the consent page (200), or None for the 302 redirect
    assert_type(
        authorize.sync_detailed(client=anon, response_type="code", client_id="c", redirect_uri="u"),
        Response[str | None],
    )
    assert_type(get_consent_details.sync("ct", client=api), ConsentDetailsResponse)
    assert_type(
        get_consent_details.sync_detailed("ct", client=api), Response[ConsentDetailsResponse]
    )
    assert_type(submit_consent.sync(client=api, body=decision), ConsentDecisionResponse)
    assert_type(
        submit_consent.sync_detailed(client=api, body=decision),
        Response[ConsentDecisionResponse],
    )
    assert_type(create_token.sync(client=api, body=token_request), TokenResponse)
    assert_type(create_token.sync_detailed(client=api, body=token_request), Response[TokenResponse])
    assert_type(introspect_token.sync(client=api, body=introspection), IntrospectResponse)
    assert_type(
        introspect_token.sync_detailed(client=api, body=introspection),
        Response[IntrospectResponse],
    )
    assert_type(get_jwks.sync(client=anon), JsonWebKeySet)
    assert_type(get_jwks.sync_detailed(client=anon), Response[JsonWebKeySet])
    assert_type(register_client.sync(client=anon, body=registration), RegistrationResponse)
    assert_type(
        register_client.sync_detailed(client=anon, body=registration),
        Response[RegistrationResponse],
    )
    assert_type(list_oauth_clients.sync(client=api), OAuthClientListResponse)
    assert_type(
        list_oauth_clients.sync_detailed(
            client=api, page_number=2, page_size=50, filter_client_type="public"
        ),
        Response[OAuthClientListResponse],
    )
    assert_type(create_oauth_client.sync(client=api, body=new_client), OAuthClientResponse)
    assert_type(
        create_oauth_client.sync_detailed(client=api, body=new_client),
        Response[OAuthClientResponse],
    )
    assert_type(get_oauth_client.sync("c", client=api), OAuthClientResponse)
    assert_type(get_oauth_client.sync_detailed("c", client=api), Response[OAuthClientResponse])
    assert_type(update_oauth_client.sync("c", client=api, body=rename), OAuthClientResponse)
    assert_type(
        update_oauth_client.sync_detailed("c", client=api, body=rename),
        Response[OAuthClientResponse],
    )
    assert_type(delete_oauth_client.sync("c", client=api), None)
    assert_type(delete_oauth_client.sync_detailed("c", client=api), Response[None])
    assert_type(list_oauth_grants.sync(client=api, page_size=10), OAuthGrantListResponse)
    assert_type(list_oauth_grants.sync_detailed(client=api), Response[OAuthGrantListResponse])
    assert_type(get_oauth_grant.sync(grant_id, client=api), OAuthGrantResponse)
    assert_type(get_oauth_grant.sync_detailed(grant_id, client=api), Response[OAuthGrantResponse])
    assert_type(revoke_oauth_grant.sync(grant_id, client=api), OAuthGrantResponse)
    assert_type(
        revoke_oauth_grant.sync_detailed(grant_id, client=api), Response[OAuthGrantResponse]
    )


async def every_operation_async() -> None:
    assert_type(
        await get_authorization_server_metadata.asyncio(client=anon), AuthorizationServerMetadata
    )
    assert_type(
        await get_authorization_server_metadata.asyncio_detailed(client=anon),
        Response[AuthorizationServerMetadata],
    )
    assert_type(
        await get_protected_resource_metadata.asyncio(client=anon), ProtectedResourceMetadata
    )
    assert_type(
        await get_protected_resource_metadata.asyncio_detailed(client=anon),
        Response[ProtectedResourceMetadata],
    )
    assert_type(
        await authorize.asyncio(client=anon, response_type="code", client_id="c", redirect_uri="u"),
        str | None,
    )
    assert_type(
        await authorize.asyncio_detailed(
            client=anon, response_type="code", client_id="c", redirect_uri="u"
        ),
        Response[str | None],
    )
    assert_type(await get_consent_details.asyncio("ct", client=api), ConsentDetailsResponse)
    assert_type(
        await get_consent_details.asyncio_detailed("ct", client=api),
        Response[ConsentDetailsResponse],
    )
    assert_type(await submit_consent.asyncio(client=api, body=decision), ConsentDecisionResponse)
    assert_type(
        await submit_consent.asyncio_detailed(client=api, body=decision),
        Response[ConsentDecisionResponse],
    )
    assert_type(await create_token.asyncio(client=api, body=token_request), TokenResponse)
    assert_type(
        await create_token.asyncio_detailed(client=api, body=token_request),
        Response[TokenResponse],
    )
    assert_type(await introspect_token.asyncio(client=api, body=introspection), IntrospectResponse)
    assert_type(
        await introspect_token.asyncio_detailed(client=api, body=introspection),
        Response[IntrospectResponse],
    )
    assert_type(await get_jwks.asyncio(client=anon), JsonWebKeySet)
    assert_type(await get_jwks.asyncio_detailed(client=anon), Response[JsonWebKeySet])
    assert_type(await register_client.asyncio(client=anon, body=registration), RegistrationResponse)
    assert_type(
        await register_client.asyncio_detailed(client=anon, body=registration),
        Response[RegistrationResponse],
    )
    assert_type(
        await list_oauth_clients.asyncio(client=api, filter_name_contains="bot"),
        OAuthClientListResponse,
    )
    assert_type(
        await list_oauth_clients.asyncio_detailed(client=api), Response[OAuthClientListResponse]
    )
    assert_type(await create_oauth_client.asyncio(client=api, body=new_client), OAuthClientResponse)
    assert_type(
        await create_oauth_client.asyncio_detailed(client=api, body=new_client),
        Response[OAuthClientResponse],
    )
    assert_type(await get_oauth_client.asyncio("c", client=api), OAuthClientResponse)
    assert_type(
        await get_oauth_client.asyncio_detailed("c", client=api), Response[OAuthClientResponse]
    )
    assert_type(
        await update_oauth_client.asyncio("c", client=api, body=rename), OAuthClientResponse
    )
    assert_type(
        await update_oauth_client.asyncio_detailed("c", client=api, body=rename),
        Response[OAuthClientResponse],
    )
    assert_type(await delete_oauth_client.asyncio("c", client=api), None)
    assert_type(await delete_oauth_client.asyncio_detailed("c", client=api), Response[None])
    assert_type(await list_oauth_grants.asyncio(client=api), OAuthGrantListResponse)
    assert_type(
        await list_oauth_grants.asyncio_detailed(client=api), Response[OAuthGrantListResponse]
    )
    assert_type(await get_oauth_grant.asyncio(grant_id, client=api), OAuthGrantResponse)
    assert_type(
        await get_oauth_grant.asyncio_detailed(grant_id, client=api), Response[OAuthGrantResponse]
    )
    assert_type(await revoke_oauth_grant.asyncio(grant_id, client=api), OAuthGrantResponse)
    assert_type(
        await revoke_oauth_grant.asyncio_detailed(grant_id, client=api),
        Response[OAuthGrantResponse],
    )
