"""``ClientCredentials`` as the auth of a connected client: one token, shared, renewed on time.

The client calls the management API with its access token, as against Telnyx; the sandbox
counts every token request it receives.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

from telnyx_oauth import ClientCredentials, connect
from telnyx_oauth_api import AuthenticatedClient
from telnyx_oauth_api.api.oauth_clients import list_oauth_clients
from telnyx_oauth_api.models import GrantType, OAuthClientListResponse
from telnyx_oauth_sandbox import (
    ACCESS_TOKEN_LIFETIME_SECONDS,
    MANAGEMENT_SCOPE,
    SandboxControls,
    SandboxServer,
)
from tests.e2e._flows import create_client, secret_of


class FakeMonotonic:
    """The auth's monotonic clock, moved by hand alongside the sandbox clock."""

    def __init__(self) -> None:
        self.now = 5000.0

    def __call__(self) -> float:
        return self.now


def _auth(api: AuthenticatedClient, clock: FakeMonotonic | None = None) -> ClientCredentials:
    # The management API takes access tokens with the management scope only.
    client = create_client(
        api, grant_types=[GrantType.CLIENT_CREDENTIALS], scopes=[MANAGEMENT_SCOPE]
    )
    if clock is None:
        return ClientCredentials(client.client_id, secret_of(client))
    return ClientCredentials(client.client_id, secret_of(client), clock=clock)


def test_token_cached_across_requests(
    api: AuthenticatedClient, sandbox: SandboxServer, controls: SandboxControls
) -> None:
    """Three requests share one token: one token request reaches the server."""
    with connect(auth=_auth(api), base_url=sandbox.base_url) as machine:
        for _ in range(3):
            list_oauth_clients.sync(client=machine)
    assert controls.token_requests("client_credentials") == 1


def test_token_renewed_after_clock_advance(
    api: AuthenticatedClient, sandbox: SandboxServer, controls: SandboxControls
) -> None:
    """Once the token's lifetime has passed (both clocks moved), the next request renews it."""
    clock = FakeMonotonic()
    with connect(auth=_auth(api, clock), base_url=sandbox.base_url) as machine:
        list_oauth_clients.sync(client=machine)
        controls.advance_clock(ACCESS_TOKEN_LIFETIME_SECONDS)
        clock.now += ACCESS_TOKEN_LIFETIME_SECONDS
        list_oauth_clients.sync(client=machine)
    assert controls.token_requests("client_credentials") == 2


def test_token_renewed_within_leeway(
    api: AuthenticatedClient, sandbox: SandboxServer, controls: SandboxControls
) -> None:
    """A token is renewed shortly before it expires, not after (the leeway)."""
    clock = FakeMonotonic()
    with connect(auth=_auth(api, clock), base_url=sandbox.base_url) as machine:
        list_oauth_clients.sync(client=machine)
        clock.now += ACCESS_TOKEN_LIFETIME_SECONDS - 5
        list_oauth_clients.sync(client=machine)
    assert controls.token_requests("client_credentials") == 2


def test_threads_share_one_token_request(
    api: AuthenticatedClient, sandbox: SandboxServer, controls: SandboxControls
) -> None:
    """Eight threads starting together cause one token request between them."""
    with connect(auth=_auth(api), base_url=sandbox.base_url) as machine:

        def call(_: int) -> object:
            return list_oauth_clients.sync(client=machine)

        with ThreadPoolExecutor(max_workers=8) as pool:
            results = list(pool.map(call, range(8)))
    assert all(isinstance(r, OAuthClientListResponse) for r in results)
    assert controls.token_requests("client_credentials") == 1


async def test_tasks_share_one_token_request(
    api: AuthenticatedClient, sandbox: SandboxServer, controls: SandboxControls
) -> None:
    """Eight concurrent tasks cause one token request between them."""
    async with connect(auth=_auth(api), base_url=sandbox.base_url) as machine:
        results = await asyncio.gather(
            *(list_oauth_clients.asyncio(client=machine) for _ in range(8))
        )
    assert all(isinstance(r, OAuthClientListResponse) for r in results)
    assert controls.token_requests("client_credentials") == 1


def test_token_the_server_stopped_accepting_is_renewed_once_on_401(
    api: AuthenticatedClient, sandbox: SandboxServer, controls: SandboxControls
) -> None:
    """A token the server expired early gets one 401; the auth renews it and the call succeeds.

    Only the sandbox clock moves, so the auth still believes its token fresh.
    """
    with connect(auth=_auth(api, FakeMonotonic()), base_url=sandbox.base_url) as machine:
        list_oauth_clients.sync(client=machine)
        controls.advance_clock(ACCESS_TOKEN_LIFETIME_SECONDS + 1)
        list_oauth_clients.sync(client=machine)
    assert controls.token_requests("client_credentials") == 2
    assert controls.requests("GET", "/v2/oauth_clients") == 3
