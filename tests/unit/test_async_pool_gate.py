"""The connected async client lets at most as many requests into its pool as it has connections.

httpcore's async pool matches every waiting request against every connection on each change,
so a thousand waiting tasks keep the loop busy; the others wait at a gate, within the request's
pool timeout.
"""

from __future__ import annotations

import asyncio

import httpx
import pytest

import telnyx_oauth
from telnyx_oauth._constants import MAX_CONNECTIONS
from telnyx_oauth_api import AuthenticatedClient
from tests.unit._support import json_response, oauth_client_json

TASKS = MAX_CONNECTIONS + 50


class _Server:
    """An async MockTransport handler that holds every request until released, counting how
    many it holds at once."""

    def __init__(self) -> None:
        self.release = asyncio.Event()
        self.holding = 0
        self.most = 0
        self.full = asyncio.Event()

    async def __call__(self, request: httpx.Request) -> httpx.Response:
        self.holding += 1
        self.most = max(self.most, self.holding)
        if self.holding == MAX_CONNECTIONS:
            self.full.set()
        await self.release.wait()
        self.holding -= 1
        return json_response(200, {"data": oauth_client_json("abc")})


def _connect(server: _Server, timeout: httpx.Timeout) -> AuthenticatedClient:
    return telnyx_oauth.connect(
        "key",
        base_url="https://api.test",
        timeout=timeout,
        async_transport=httpx.MockTransport(server),
    )


async def test_no_more_requests_in_the_pool_than_connections() -> None:
    """150 tasks at once: 100 are let through, the rest wait their turn, and all succeed."""
    from telnyx_oauth_api.api.oauth_clients import get_oauth_client

    server = _Server()
    client = _connect(server, httpx.Timeout(10.0))
    calls = [
        asyncio.ensure_future(get_oauth_client.asyncio("abc", client=client)) for _ in range(TASKS)
    ]
    await asyncio.wait_for(server.full.wait(), 5)
    for _ in range(10):  # give the other 50 every chance to get in
        await asyncio.sleep(0)
    assert server.holding == MAX_CONNECTIONS
    server.release.set()
    results = await asyncio.wait_for(asyncio.gather(*calls), 5)
    assert len(results) == TASKS
    assert server.most == MAX_CONNECTIONS


async def test_waiting_at_the_gate_obeys_the_pool_timeout() -> None:
    """With the pool full, a call that cannot get in within its pool timeout (0.05 s here)
    raises APITimeoutError, as httpx's own pool wait would."""
    from telnyx_oauth_api.api.oauth_clients import get_oauth_client

    server = _Server()
    client = _connect(server, httpx.Timeout(10.0, pool=0.05))
    holders = [
        asyncio.ensure_future(get_oauth_client.asyncio("abc", client=client))
        for _ in range(MAX_CONNECTIONS)
    ]
    await asyncio.wait_for(server.full.wait(), 5)
    with pytest.raises(telnyx_oauth.APITimeoutError) as caught:
        await asyncio.wait_for(get_oauth_client.asyncio("abc", client=client), 5)
    assert isinstance(caught.value.__cause__, httpx.PoolTimeout)
    server.release.set()
    await asyncio.gather(*holders)
