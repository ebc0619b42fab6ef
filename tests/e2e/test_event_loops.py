"""One connected client used from successive event loops (``asyncio.run()`` twice, and more).

Pooled connections belong to the loop that opened them; the connected client closes its async
httpx client when that loop shuts down and builds a new one in the next loop. ``filterwarnings =
error`` makes a connection left open for the garbage collector (a ResourceWarning) fail too.
"""

from __future__ import annotations

import asyncio
import gc

import httpx
import pytest

from telnyx_oauth import ClientCredentials, connect
from telnyx_oauth.retries import AsyncRetryTransport
from telnyx_oauth_api import AuthenticatedClient
from telnyx_oauth_api.api.oauth_clients import list_oauth_clients
from telnyx_oauth_api.models import GrantType, OAuthClientListResponse
from telnyx_oauth_sandbox import MANAGEMENT_SCOPE, SandboxControls, SandboxServer
from tests.e2e._flows import create_client, secret_of

RUNS = 3


async def _list(client: AuthenticatedClient) -> object:
    return await list_oauth_clients.asyncio(client=client)


async def _list_inside_async_with(client: AuthenticatedClient) -> object:
    async with client:
        return await list_oauth_clients.asyncio(client=client)


@pytest.mark.parametrize("call", [_list, _list_inside_async_with], ids=["plain", "async-with"])
def test_one_client_serves_successive_asyncio_runs(
    sandbox: SandboxServer, controls: SandboxControls, call: object
) -> None:
    """Three asyncio.run() calls with one connect() client (httpx's own transport) all succeed,
    with or without ``async with client`` in each."""
    client = connect(sandbox.api_key, base_url=sandbox.base_url)
    for _ in range(RUNS):
        result = asyncio.run(call(client))  # type: ignore[operator]
        assert isinstance(result, OAuthClientListResponse)
    gc.collect()  # a connection of a dead loop would warn here
    assert controls.requests("GET", "/v2/oauth_clients") == RUNS


def test_a_given_async_transport_serves_successive_runs(
    sandbox: SandboxServer, controls: SandboxControls
) -> None:
    """With an async transport passed to connect(), the same transport is reused by every loop
    (closing an httpx transport only drops its connections)."""
    transport = AsyncRetryTransport(httpx.AsyncHTTPTransport())
    client = connect(sandbox.api_key, base_url=sandbox.base_url, async_transport=transport)
    for _ in range(RUNS):
        assert isinstance(asyncio.run(_list(client)), OAuthClientListResponse)
    gc.collect()
    assert controls.requests("GET", "/v2/oauth_clients") == RUNS


def test_client_credentials_across_event_loops(
    api: AuthenticatedClient, sandbox: SandboxServer, controls: SandboxControls
) -> None:
    """A ClientCredentials auth keeps its token from one loop to the next: one token request
    for three runs."""
    machine = create_client(
        api, grant_types=[GrantType.CLIENT_CREDENTIALS], scopes=[MANAGEMENT_SCOPE]
    )
    client = connect(
        auth=ClientCredentials(machine.client_id, secret_of(machine)), base_url=sandbox.base_url
    )
    for _ in range(RUNS):
        assert isinstance(asyncio.run(_list(client)), OAuthClientListResponse)
    gc.collect()
    assert controls.token_requests("client_credentials") == 1


def test_async_client_is_closed_when_its_loop_shuts_down(sandbox: SandboxServer) -> None:
    """The async httpx client a run used is closed once asyncio.run() returns, and the next run
    gets another one."""
    client = connect(sandbox.api_key, base_url=sandbox.base_url)
    used: list[httpx.AsyncClient] = []

    async def run() -> None:
        await _list(client)
        used.append(client.get_async_httpx_client())

    asyncio.run(run())
    asyncio.run(run())
    first, second = used
    assert first.is_closed
    assert second is not first


def test_one_client_serves_two_event_loops_at_once(
    api: AuthenticatedClient,
    sandbox: SandboxServer,
    controls: SandboxControls,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Two threads, each in its own asyncio.run(), calling through one connected client at the
    same time: every call succeeds, each loop gets one async httpx client of its own (two built
    in all), and the two loops share one client-credentials token."""
    import threading

    from telnyx_oauth._client import Wiring

    builds: list[int] = []
    real_build = Wiring._build_async

    def counting_build(wiring: Wiring) -> httpx.AsyncClient:
        builds.append(1)
        return real_build(wiring)

    monkeypatch.setattr(Wiring, "_build_async", counting_build)
    machine = create_client(
        api, grant_types=[GrantType.CLIENT_CREDENTIALS], scopes=[MANAGEMENT_SCOPE]
    )
    client = connect(
        auth=ClientCredentials(machine.client_id, secret_of(machine)), base_url=sandbox.base_url
    )
    both_running = threading.Barrier(2, timeout=10)
    failures: list[BaseException] = []

    async def calls() -> None:
        both_running.wait()  # the loops overlap for the whole run
        for _ in range(5):
            await asyncio.gather(*(_list(client) for _ in range(10)))

    def in_own_loop() -> None:
        try:
            asyncio.run(calls())
        except BaseException as exc:
            failures.append(exc)

    threads = [threading.Thread(target=in_own_loop) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    gc.collect()
    assert failures == []
    assert len(builds) == 2
    assert controls.requests("GET", "/v2/oauth_clients") == 100
    assert controls.token_requests("client_credentials") == 1


def test_finished_loops_are_not_kept(sandbox: SandboxServer) -> None:
    """A program that runs asyncio.run() again and again keeps one async httpx client at most,
    not one per finished loop (nor the loops)."""
    client = connect(sandbox.api_key, base_url=sandbox.base_url)
    for _ in range(5):
        assert isinstance(asyncio.run(_list(client)), OAuthClientListResponse)
    gc.collect()
    assert len(client.wiring.per_loop) <= 1  # type: ignore[attr-defined]
