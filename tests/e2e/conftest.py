"""One sandbox on 127.0.0.1 for the whole session, reset before every test.

Clients come from ``telnyx_oauth.connect()`` / ``connect_anonymous()`` over real sockets. Their
retry transports get a recording sleep instead of a real one, so a test that makes the overlay
retry never waits and can assert the delays it would have waited.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import httpx
import pytest

from telnyx_oauth import connect, connect_anonymous
from telnyx_oauth.retries import AsyncRetryTransport, RetryTransport
from telnyx_oauth_api import AuthenticatedClient, Client
from telnyx_oauth_sandbox import SandboxControls, SandboxServer, running
from tests._support.sleeps import Sleeps


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test under tests/e2e with ``e2e``."""
    for item in items:
        if "tests/e2e/" in item.nodeid.replace("\\", "/"):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def sandbox() -> Iterator[SandboxServer]:
    """The sandbox, served from a background thread on a free loopback port."""
    with running() as server:
        yield server


@pytest.fixture(scope="session")
def controls(sandbox: SandboxServer) -> Iterator[SandboxControls]:
    """The sandbox's ``/_sandbox/`` controls."""
    with sandbox.controls() as controls:
        yield controls


@pytest.fixture(autouse=True)
def _fresh_sandbox(controls: SandboxControls) -> None:
    """Every test starts from an empty sandbox: no clients, real time, no faults, zero counts."""
    controls.reset()


def _connect(sandbox: SandboxServer, sleeps: Sleeps) -> AuthenticatedClient:
    return connect(
        sandbox.api_key,
        base_url=sandbox.base_url,
        transport=RetryTransport(httpx.HTTPTransport(), sleep=sleeps),
        async_transport=AsyncRetryTransport(httpx.AsyncHTTPTransport(), sleep=sleeps.asleep),
    )


def _connect_anonymous(sandbox: SandboxServer, sleeps: Sleeps) -> Client:
    return connect_anonymous(
        base_url=sandbox.base_url,
        transport=RetryTransport(httpx.HTTPTransport(), sleep=sleeps),
        async_transport=AsyncRetryTransport(httpx.AsyncHTTPTransport(), sleep=sleeps.asleep),
    )


@pytest.fixture
def api(sandbox: SandboxServer, sleeps: Sleeps) -> Iterator[AuthenticatedClient]:
    """``connect()`` with the sandbox's API key, for sync calls."""
    with _connect(sandbox, sleeps) as client:
        yield client


@pytest.fixture
def anon(sandbox: SandboxServer, sleeps: Sleeps) -> Iterator[Client]:
    """``connect_anonymous()`` (discovery, JWKS, register, authorize, token), for sync calls."""
    with _connect_anonymous(sandbox, sleeps) as client:
        yield client


@pytest.fixture
async def aapi(sandbox: SandboxServer, sleeps: Sleeps) -> AsyncIterator[AuthenticatedClient]:
    """``connect()`` with the sandbox's API key, for async calls."""
    async with _connect(sandbox, sleeps) as client:
        yield client


@pytest.fixture
async def aanon(sandbox: SandboxServer, sleeps: Sleeps) -> AsyncIterator[Client]:
    """``connect_anonymous()``, for async calls."""
    async with _connect_anonymous(sandbox, sleeps) as client:
        yield client
