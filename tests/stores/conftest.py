"""Token stores against real engines: one ``redis-server`` and one sandbox per module.

The sandbox serves from a thread of the test process on a free loopback port; the processes the
tests start reach it over loopback, as a real deployment reaches the API. Every test starts
from an empty sandbox and an empty Redis.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from telnyx_oauth import AuthorizationCodeFlow, Token, connect_anonymous
from telnyx_oauth_sandbox import SandboxControls, SandboxServer, complete_consent, running
from tests.stores._jobs import REDIRECT_URI, Machine, StoreSpec
from tests.stores._redis_server import RedisServer

BACKENDS = ("sqlite", "redis")
MACHINE_SECRET = "stores-machine-secret"
APP_SECRET = "stores-app-secret"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test under tests/stores with ``e2e`` (they drive the sandbox)."""
    for item in items:
        if "tests/stores/" in item.nodeid.replace("\\", "/"):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="module")
def sandbox() -> Iterator[SandboxServer]:
    """The sandbox on a free loopback port, for the module."""
    with running() as server:
        yield server


@pytest.fixture(scope="module")
def controls(sandbox: SandboxServer) -> Iterator[SandboxControls]:
    """The sandbox's controls."""
    with sandbox.controls() as controls:
        yield controls


@pytest.fixture(scope="module")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RedisServer]:
    """Debian's redis-server on a free loopback port, for the module."""
    server = RedisServer(tmp_path_factory.mktemp("redis")).start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(autouse=True)
def _fresh(controls: SandboxControls, redis_server: RedisServer) -> None:
    """No clients, no tokens, real time and zero counts on the sandbox; no keys in Redis."""
    controls.reset()
    redis_server.flush()


def spec_for(backend: str, tmp_path: Path, redis_server: RedisServer) -> StoreSpec:
    """Where a test's processes keep their tokens: a new SQLite file, or the module's Redis."""
    if backend == "sqlite":
        return StoreSpec("sqlite", str(tmp_path / "tokens.db"))
    return StoreSpec("redis", redis_server.url)


@pytest.fixture
def machine(sandbox: SandboxServer, controls: SandboxControls) -> Machine:
    """A confidential client allowed client_credentials with the admin scope."""
    (client_id,) = controls.seed_clients(
        1,
        allowed_grant_types=["client_credentials"],
        allowed_scopes=["admin"],
        client_secret=MACHINE_SECRET,
    )
    return Machine(sandbox.base_url, sandbox.api_key, client_id, MACHINE_SECRET)


@pytest.fixture
def app(sandbox: SandboxServer, controls: SandboxControls) -> Machine:
    """A confidential web-app client allowed authorization_code and refresh_token."""
    (client_id,) = controls.seed_clients(
        1,
        allowed_grant_types=["authorization_code", "refresh_token"],
        allowed_scopes=["numbers.read"],
        redirect_uris=[REDIRECT_URI],
        client_secret=APP_SECRET,
    )
    return Machine(sandbox.base_url, sandbox.api_key, client_id, APP_SECRET)


def authorize(app: Machine) -> Token:
    """A user's token for ``app`` (a refresh token among it), through consent."""
    with connect_anonymous(base_url=app.base_url) as anon:
        flow = AuthorizationCodeFlow(
            anon,
            client_id=app.client_id,
            client_secret=app.client_secret,
            redirect_uri=REDIRECT_URI,
            scope="numbers.read",
        )
        request = flow.start()
        return flow.exchange(request, complete_consent(request.url, api_key=app.api_key))
