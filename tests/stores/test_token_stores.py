"""What a store promises in one process, against real SQLite files and a real redis-server.

Two flow objects over one store stand for two processes: they share nothing but the store.
"""

from __future__ import annotations

import dataclasses
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import AbstractAsyncContextManager, AbstractContextManager, contextmanager
from pathlib import Path

import httpx
import pytest

from telnyx_oauth import (
    ClientCredentials,
    ConfigurationError,
    RedisTokenStore,
    SQLiteTokenStore,
    Token,
    TokenStore,
    connect,
    connect_anonymous,
)
from telnyx_oauth._single_flight import hashed_key
from telnyx_oauth.retries import AsyncRetryTransport, RetryTransport
from telnyx_oauth.token_stores import (
    AsyncTokenLease,
    EncryptedTokenStore,
    TokenLease,
    TokenStoreError,
)
from telnyx_oauth_api.api.oauth_clients import get_oauth_client
from telnyx_oauth_sandbox import SandboxControls
from tests.stores import _jobs
from tests.stores._redis_server import RedisServer
from tests.stores.conftest import BACKENDS, MACHINE_SECRET, authorize, spec_for


class CountingStore:
    """A real store, with a count of the locks taken through it (nothing else changes)."""

    def __init__(self, store: TokenStore) -> None:
        self.store = store
        self.locks = 0

    def lock(self, key: str, *, ttl_seconds: float) -> AbstractContextManager[TokenLease]:
        self.locks += 1
        return self.store.lock(key, ttl_seconds=ttl_seconds)

    def alock(
        self, key: str, *, ttl_seconds: float
    ) -> AbstractAsyncContextManager[AsyncTokenLease]:
        self.locks += 1
        return self.store.alock(key, ttl_seconds=ttl_seconds)


@contextmanager
def machine_client(machine: _jobs.Machine, store: TokenStore) -> Iterator[ClientCredentials]:
    """A ClientCredentials over ``store``, with one call made through it."""
    auth = ClientCredentials(machine.client_id, machine.client_secret, store=store)
    with connect(auth=auth, base_url=machine.base_url) as client:
        get_oauth_client.sync(machine.client_id, client=client)
        yield auth


def call(machine: _jobs.Machine, auth: ClientCredentials, times: int = 1) -> None:
    """``times`` calls authenticated by ``auth``."""
    with connect(auth=auth, base_url=machine.base_url) as client:
        for _ in range(times):
            get_oauth_client.sync(machine.client_id, client=client)


@pytest.mark.parametrize("backend", BACKENDS)
def test_processes_share_one_token_and_the_steady_state_skips_the_store(
    machine: _jobs.Machine,
    controls: SandboxControls,
    redis_server: RedisServer,
    tmp_path: Path,
    backend: str,
) -> None:
    """A second process adopts the token the first saved (no token request); after that, calls
    take no lock at all: the store is touched once per renewal, per process."""
    spec = spec_for(backend, tmp_path, redis_server)
    first, second = CountingStore(spec.build()), CountingStore(spec.build())
    with machine_client(machine, first):
        pass
    auth = ClientCredentials(machine.client_id, machine.client_secret, store=second)
    call(machine, auth, times=20)
    assert controls.token_requests() == 1
    assert (first.locks, second.locks) == (1, 1)


@pytest.mark.parametrize("backend", [*BACKENDS, "redis, sync client"])
async def test_async_processes_share_one_token(
    machine: _jobs.Machine,
    controls: SandboxControls,
    redis_server: RedisServer,
    tmp_path: Path,
    backend: str,
) -> None:
    """The same with asyncio code: an asyncio Redis client; a sync Redis client, or SQLite,
    in worker threads."""
    for _ in range(2):
        async with redis_server.async_client() as redis_client:
            store = CountingStore(
                SQLiteTokenStore(tmp_path / "tokens.db")
                if backend == "sqlite"
                else RedisTokenStore(redis_client)
                if backend == "redis"
                else RedisTokenStore(redis_server.client())
            )
            auth = ClientCredentials(machine.client_id, machine.client_secret, store=store)
            async with connect(auth=auth, base_url=machine.base_url) as client:
                for _ in range(5):
                    await get_oauth_client.asyncio(machine.client_id, client=client)
        assert store.locks == 1
    assert controls.token_requests() == 1


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_token_from_your_database_refreshes_through_the_store(
    app: _jobs.Machine,
    controls: SandboxControls,
    redis_server: RedisServer,
    tmp_path: Path,
    backend: str,
) -> None:
    """A Token built from stored fields gets the successor another process already made:
    no second refresh request, and no second on_token (it ran once, where the refresh was)."""
    spec = spec_for(backend, tmp_path, redis_server)
    token = authorize(app)
    hooks = tmp_path / "on_token.log"
    with connect_anonymous(base_url=app.base_url) as anon:
        first = _jobs.refresh_flow(spec, app, str(hooks), client=anon).refresh(token)
        loaded = Token(
            access_token=token.access_token,
            refresh_token=token.refresh_token,
            expires_at=token.expires_at,
        )
        second = _jobs.refresh_flow(spec, app, str(hooks), client=anon).refresh(loaded)
    assert second == first
    assert controls.token_requests("refresh_token") == 1
    assert len(hooks.read_text().splitlines()) == 1


@pytest.mark.parametrize("backend", BACKENDS)
def test_on_token_runs_while_the_lock_is_held(
    app: _jobs.Machine, redis_server: RedisServer, tmp_path: Path, backend: str
) -> None:
    """No other process can take the successor before on_token returns: while the hook runs,
    the lock for the spent refresh token cannot be had."""
    spec = spec_for(backend, tmp_path, redis_server)
    token = authorize(app)
    assert token.refresh_token is not None
    key = hashed_key("refresh_token", app.client_id, token.refresh_token)
    outcomes: list[str] = []

    def on_token(new: Token, previous: Token | None) -> None:
        try:
            with spec.build().lock(key, ttl_seconds=0.05):
                outcomes.append("taken")
        except TokenStoreError as exc:
            outcomes.append(str(exc))

    with connect_anonymous(base_url=app.base_url) as anon:
        flow = _jobs.app_flow(
            app,
            anon,
            on_token=on_token,
            store=spec.build(),
        )
        flow.refresh(token)
    assert len(outcomes) == 1
    assert "another process held the lock for more than 0.05 s" in outcomes[0]


def test_a_retry_extends_the_redis_lock_over_its_wait(
    app: _jobs.Machine, controls: SandboxControls, redis_server: RedisServer, tmp_path: Path
) -> None:
    """Before it waits to retry (a 503 with Retry-After: 50), the leader extends the lock to
    cover the wait and another attempt (50 s + its 95.5 s TTL), so the lock cannot lapse
    while it waits and let another process refresh the same token; before on_token, it sets
    it to a full TTL again (95.5 s)."""
    token = authorize(app)
    assert token.refresh_token is not None
    key = hashed_key("refresh_token", app.client_id, token.refresh_token)
    seen: list[int] = []

    def sleep(seconds: float) -> None:  # instead of waiting: what does the lock have left?
        with redis_server.client() as client:
            seen.append(client.pttl(f"telnyx_oauth:lock:{key}"))

    def on_token(new: Token, previous: Token | None) -> None:
        sleep(0)

    controls.clear_stats()
    controls.fault(method="POST", path="/v2/oauth/token", status=503, retry_after=50, count=1)
    transport = RetryTransport(httpx.HTTPTransport(), sleep=sleep)
    with connect_anonymous(base_url=app.base_url, transport=transport) as anon:
        flow = _jobs.app_flow(
            app,
            anon,
            on_token=on_token,
            store=spec_for("redis", tmp_path, redis_server).build(),
        )
        flow.refresh(token)
    assert len(seen) == 2
    assert 140_000 < seen[0] <= 145_500
    assert 90_000 < seen[1] <= 95_500
    assert controls.requests("POST", "/v2/oauth/token") == 2  # the 503, then the refresh


async def test_an_async_retry_extends_the_redis_lock_too(
    app: _jobs.Machine, controls: SandboxControls, redis_server: RedisServer, tmp_path: Path
) -> None:
    """The same through the async transport and an asyncio Redis client."""
    token = authorize(app)
    assert token.refresh_token is not None
    key = hashed_key("refresh_token", app.client_id, token.refresh_token)
    seen: list[int] = []

    async def sleep(seconds: float) -> None:
        async with redis_server.async_client() as client:
            seen.append(await client.pttl(f"telnyx_oauth:lock:{key}"))

    controls.fault(method="POST", path="/v2/oauth/token", status=503, retry_after=50, count=1)
    transport = AsyncRetryTransport(httpx.AsyncHTTPTransport(), sleep=sleep)
    async with (
        connect_anonymous(base_url=app.base_url, async_transport=transport) as anon,
        redis_server.async_client() as redis_client,
    ):
        flow = _jobs.app_flow(
            app,
            anon,
            store=RedisTokenStore(redis_client),
        )
        await flow.arefresh(token)
    assert len(seen) == 1
    assert 140_000 < seen[0] <= 145_500


def test_records_expire_with_their_token(
    machine: _jobs.Machine, redis_server: RedisServer, tmp_path: Path
) -> None:
    """A Redis record's TTL is its token's lifetime (3600 s); a SQLite row carries the
    token's expiry, is not read past it, and is deleted by the next lock."""
    with machine_client(machine, spec_for("redis", tmp_path, redis_server).build()):
        pass
    with redis_server.client() as client:
        (record_key,) = client.keys("telnyx_oauth:token:*")
        assert 3590_000 < client.pttl(record_key) <= 3600_000

    path = tmp_path / "tokens.db"
    store = SQLiteTokenStore(path)
    with machine_client(machine, store):
        pass
    with sqlite3.connect(path) as db:
        ((key, expires_at),) = db.execute("SELECT key, expires_at FROM telnyx_oauth_token_records")
        db.execute("UPDATE telnyx_oauth_token_records SET expires_at = 1")
    db.close()
    with store.lock(key, ttl_seconds=1) as lease:
        assert lease.load() is None
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT count(*) FROM telnyx_oauth_token_records").fetchone() == (0,)
    db.close()
    assert expires_at > 0


def test_the_sqlite_file_is_private(machine: _jobs.Machine, tmp_path: Path) -> None:
    """The store creates its file with mode 0600 and leaves no other file behind; a file that
    exists keeps its mode."""
    with machine_client(machine, SQLiteTokenStore(tmp_path / "tokens.db")):
        pass
    assert [p.name for p in tmp_path.iterdir()] == ["tokens.db"]
    assert stat.S_IMODE((tmp_path / "tokens.db").stat().st_mode) == 0o600
    shared = tmp_path / "shared" / "tokens.db"
    shared.parent.mkdir()
    shared.touch(mode=0o640)
    shared.chmod(0o640)
    with machine_client(machine, SQLiteTokenStore(shared)):
        pass
    assert stat.S_IMODE(shared.stat().st_mode) == 0o640


@pytest.mark.parametrize("encrypted", [False, True], ids=["plain", "encrypted"])
def test_keys_are_hashes_and_encrypted_records_hold_no_secret(
    machine: _jobs.Machine,
    app: _jobs.Machine,
    redis_server: RedisServer,
    tmp_path: Path,
    encrypted: bool,
) -> None:
    """After client credentials and a refresh through each store, no key (Redis keys, SQLite
    keys, table and column names) holds a token or a secret; with EncryptedTokenStore, no byte
    of the SQLite file or of any Redis value does either."""
    keys = (EncryptedTokenStore.generate_key(),) if encrypted else ()
    secrets: list[str] = [MACHINE_SECRET, app.client_secret]
    for backend in BACKENDS:
        spec = dataclasses.replace(spec_for(backend, tmp_path, redis_server), keys=keys)
        with machine_client(machine, spec.build()) as auth:
            assert auth._token is not None
            secrets.append(auth._token.access_token)
        token = authorize(app)
        with connect_anonymous(base_url=app.base_url) as anon:
            new = _jobs.refresh_flow(spec, app, str(tmp_path / "hooks"), client=anon).refresh(token)
        secrets += [token.access_token, new.access_token]
        secrets += [t for t in (token.refresh_token, new.refresh_token) if t]

    dumped = redis_server.dump()
    with sqlite3.connect(tmp_path / "tokens.db") as db:
        rows = db.execute("SELECT key, record FROM telnyx_oauth_token_records").fetchall()
        schema = db.execute("SELECT sql FROM sqlite_master").fetchall()
    db.close()
    keys_text = b" ".join([*dumped, *(k.encode() for k, _ in rows), repr(schema).encode()])
    assert (len(dumped), len(rows)) == (2, 2)  # the machine's token, the successor
    for secret in secrets:
        assert secret.encode() not in keys_text
    stored = (tmp_path / "tokens.db").read_bytes() + b" ".join(dumped.values())
    found = [secret for secret in secrets if secret.encode() in stored]
    # Plain records hold their tokens (the successor, the machine's token); encrypted, none.
    assert found == [] if encrypted else len(found) >= 2


def test_an_async_redis_client_refuses_sync_code(
    machine: _jobs.Machine, controls: SandboxControls, redis_server: RedisServer
) -> None:
    """A redis.asyncio client cannot serve sync code: ConfigurationError says what to pass,
    and client credentials do not take it for an outage to fall back from."""
    store = RedisTokenStore(redis_server.async_client())
    auth = ClientCredentials(machine.client_id, machine.client_secret, store=store)
    with pytest.raises(ConfigurationError, match=r"give synchronous code a RedisTokenStore"):
        call(machine, auth)
    assert controls.token_requests() == 0


def test_a_redis_user_limited_to_the_prefix_and_four_commands_is_enough(
    machine: _jobs.Machine,
    app: _jobs.Machine,
    controls: SandboxControls,
    redis_server: RedisServer,
    tmp_path: Path,
) -> None:
    """The README's ACL: a Redis user that may only GET and SET keys under the store's prefix,
    and run the lock's scripts (EVALSHA, SCRIPT LOAD), serves client credentials and refresh,
    and cannot read anything else."""
    import redis

    with redis_server.client() as admin:
        admin.acl_setuser(
            "tokens",
            enabled=True,
            passwords=["+tokens-password"],
            keys=["telnyx_oauth:*"],
            commands=["-@all", "+get", "+set", "+evalsha", "+script|load"],
        )
        admin.set("other:secret", "x")
    try:
        with redis_server.client(username="tokens", password="tokens-password") as limited:
            store = RedisTokenStore(limited)
            with machine_client(machine, store):
                pass
            token = authorize(app)
            with connect_anonymous(base_url=app.base_url) as anon:
                new = _jobs.app_flow(
                    app,
                    anon,
                    store=store,
                ).refresh(token)
            assert new.refresh_token != token.refresh_token
            with pytest.raises(redis.exceptions.NoPermissionError):
                limited.get("other:secret")
    finally:
        with redis_server.client() as admin:
            admin.acl_deluser("tokens")
    assert controls.token_requests() == 1
    assert controls.token_requests("refresh_token") == 1


def test_a_second_leader_in_the_same_thread_leaves_the_store_alone(tmp_path: Path) -> None:
    """A flow that cannot wait for the renewal led from its own thread (here two flows driven by
    hand) makes a token request of its own and does not take the store's lock, which that
    renewal holds: it would wait on itself."""
    store = CountingStore(SQLiteTokenStore(tmp_path / "tokens.db"))
    auth = ClientCredentials("client", "secret", store=store)
    first = auth.sync_auth_flow(httpx.Request("GET", "https://api.example.com/v2/a"))
    assert next(first).url.path == "/v2/oauth/token"  # the leader, holding the lock
    second = auth.sync_auth_flow(httpx.Request("GET", "https://api.example.com/v2/b"))
    assert next(second).url.path == "/v2/oauth/token"  # at once: no wait for the lock
    assert store.locks == 1
    first.close()
    second.close()
