"""Each fault of a store, caused for real, and its outcome.

Client credentials fall back to fetching in this process, with one warning per outage; a
refresh fails closed with ``TokenStoreError`` before it spends the refresh token (or, with
``on_store_failure="refresh"``, refreshes alone); a successor the store could not keep still
reaches ``on_token`` and the caller; a record that cannot be read is replaced (client
credentials) or never refreshed over (refresh).
"""

from __future__ import annotations

import dataclasses
import logging
import multiprocessing
import os
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest
from redis.backoff import NoBackoff
from redis.retry import Retry

from telnyx_oauth import (
    ClientCredentials,
    RedisTokenStore,
    SQLiteTokenStore,
    Token,
    TokenStore,
    connect,
    connect_anonymous,
)
from telnyx_oauth._single_flight import hashed_key
from telnyx_oauth.token_stores import EncryptedTokenStore, TokenRecordError, TokenStoreError
from telnyx_oauth_api.api.oauth_clients import get_oauth_client
from telnyx_oauth_sandbox import SandboxControls
from tests.stores import _jobs
from tests.stores._redis_server import RedisServer
from tests.stores.conftest import BACKENDS, authorize, spec_for

# redis-py retries a failed command with backoff by default (seconds per outage): these tests
# are about the outage, not about waiting it out.
NO_RETRIES: dict[str, Any] = {"retry": Retry(NoBackoff(), 0)}
CC_FALLBACK = "fetching client-credentials tokens in each process until it works again"
NOT_SPENT = "the refresh was not attempted, so the refresh token is not spent"


@pytest.fixture
def own_redis(tmp_path: Path) -> Iterator[RedisServer]:
    """A redis-server of this test's own, to stop, pause and restart."""
    server = RedisServer(tmp_path).start()
    try:
        yield server
    finally:
        server.stop()


def warnings_of(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [
        r.getMessage()
        for r in caplog.records
        if r.name == "telnyx_oauth" and r.levelno == logging.WARNING
    ]


def renew(machine: _jobs.Machine, auth: ClientCredentials) -> None:
    """Forget the cached token and make a call: one renewal through the store."""
    auth.invalidate()
    with connect(auth=auth, base_url=machine.base_url) as client:
        get_oauth_client.sync(machine.client_id, client=client)


def test_redis_down_client_credentials_fall_back_with_one_warning_per_outage(
    machine: _jobs.Machine,
    controls: SandboxControls,
    own_redis: RedisServer,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Redis stopped: three renewals fetch their own tokens, one WARNING. Redis back: an INFO,
    the store is used again (another process adopts its token). Stopped again: a new WARNING."""
    caplog.set_level(logging.DEBUG, logger="telnyx_oauth")
    store = RedisTokenStore(own_redis.client(**NO_RETRIES))
    auth = ClientCredentials(machine.client_id, machine.client_secret, store=store)
    own_redis.stop()
    for _ in range(3):
        renew(machine, auth)
    assert controls.token_requests() == 3
    (warning,) = warnings_of(caplog)
    assert "failed taking its lock" in warning
    assert "Connection refused" in warning
    assert CC_FALLBACK in warning

    own_redis.start()
    renew(machine, auth)
    assert "works again" in caplog.records[-1].getMessage()
    other = ClientCredentials(machine.client_id, machine.client_secret, store=store)
    renew(machine, other)
    assert controls.token_requests() == 4

    own_redis.stop()
    renew(machine, auth)
    assert len(warnings_of(caplog)) == 2


def test_redis_down_a_refresh_fails_closed_and_spends_nothing(
    app: _jobs.Machine, controls: SandboxControls, own_redis: RedisServer
) -> None:
    """Redis stopped: TokenStoreError, no refresh request; Redis back: the same token
    refreshes."""
    token = authorize(app)
    store = RedisTokenStore(own_redis.client(**NO_RETRIES))
    with connect_anonymous(base_url=app.base_url) as anon:
        flow = _jobs.app_flow(app, anon, store)
        own_redis.stop()
        with pytest.raises(TokenStoreError) as caught:
            flow.refresh(token)
        assert NOT_SPENT in str(caught.value)
        assert caught.value.token is None
        assert controls.token_requests("refresh_token") == 0
        own_redis.start()
        assert flow.refresh(token).refresh_token != token.refresh_token
    assert controls.token_requests("refresh_token") == 1


def test_redis_down_a_refresh_may_be_told_to_go_on_alone(
    app: _jobs.Machine,
    controls: SandboxControls,
    own_redis: RedisServer,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """on_store_failure="refresh": the refresh goes on in this process, with one WARNING."""
    token = authorize(app)
    store = RedisTokenStore(own_redis.client(**NO_RETRIES))
    own_redis.stop()
    with connect_anonymous(base_url=app.base_url) as anon:
        new = _jobs.app_flow(app, anon, store, on_store_failure="refresh").refresh(token)
    assert new.refresh_token != token.refresh_token
    assert controls.token_requests("refresh_token") == 1
    (warning,) = warnings_of(caplog)
    assert "refreshing tokens in this process alone" in warning


def test_redis_timing_out(
    machine: _jobs.Machine,
    app: _jobs.Machine,
    controls: SandboxControls,
    own_redis: RedisServer,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Redis paused (it takes connections, answers nothing): with a 0.2 s socket timeout,
    client credentials fall back with a warning naming the timeout; a refresh fails closed."""
    store = RedisTokenStore(own_redis.client(socket_timeout=0.2, **NO_RETRIES))
    auth = ClientCredentials(machine.client_id, machine.client_secret, store=store)
    token = authorize(app)
    own_redis.pause()
    try:
        renew(machine, auth)
        with (
            connect_anonymous(base_url=app.base_url) as anon,
            pytest.raises(TokenStoreError, match=NOT_SPENT),
        ):
            _jobs.app_flow(app, anon, store).refresh(token)
    finally:
        own_redis.resume()
    (warning,) = warnings_of(caplog)
    assert "TimeoutError" in warning
    assert controls.token_requests() == 1
    assert controls.token_requests("refresh_token") == 0


def test_redis_restarting_mid_run(
    app: _jobs.Machine,
    machine: _jobs.Machine,
    controls: SandboxControls,
    own_redis: RedisServer,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A restart while a refresh holds the lock (inside on_token): the lock is gone, which its
    release reports as a WARNING, and the caller still gets its successor. Records are gone
    too (no persistence): the next process's client-credentials renewal makes one request."""
    token = authorize(app)
    store = RedisTokenStore(own_redis.client())
    with connect_anonymous(base_url=app.base_url) as anon:
        flow = _jobs.app_flow(app, anon, store, on_token=lambda new, old: own_redis.restart())
        new = flow.refresh(token)
    assert new.refresh_token != token.refresh_token
    (warning,) = warnings_of(caplog)
    assert "failed releasing its lock" in warning

    renew(machine, ClientCredentials(machine.client_id, machine.client_secret, store=store))
    own_redis.restart()
    renew(machine, ClientCredentials(machine.client_id, machine.client_secret, store=store))
    assert controls.token_requests() == 2


class FullSQLiteTokenStore(SQLiteTokenStore):
    """SQLite with its own page limit at the file's current size: a real SQLITE_FULL on the
    next write that needs a page, as on a full disk."""

    def _connect(self, busy_timeout_seconds: float) -> sqlite3.Connection:
        connection = super()._connect(busy_timeout_seconds)
        (pages,) = connection.execute("PRAGMA page_count").fetchone()
        connection.execute(f"PRAGMA max_page_count = {max(pages, 1)}")
        return connection


def test_sqlite_full(
    machine: _jobs.Machine,
    app: _jobs.Machine,
    controls: SandboxControls,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A full SQLite file: client credentials keep working with the token they fetched (one
    WARNING); a refresh happens, its successor reaches on_token, and TokenStoreError carries
    it, since other processes cannot find it in the store."""
    path = tmp_path / "tokens.db"
    with SQLiteTokenStore(path).lock("0" * 64, ttl_seconds=1):
        pass  # the file and its table exist; every page is full from here on
    store = FullSQLiteTokenStore(path)
    auth = ClientCredentials(machine.client_id, machine.client_secret, store=store)
    renew(machine, auth)
    renew(machine, auth)
    warnings = warnings_of(caplog)
    assert len(warnings) == 1
    assert "SQLITE_FULL" in warnings[0]

    token = authorize(app)
    stored: list[Token] = []
    with connect_anonymous(base_url=app.base_url) as anon:
        flow = _jobs.app_flow(app, anon, store, on_token=lambda new, old: stored.append(new))
        with pytest.raises(TokenStoreError) as caught:
            flow.refresh(token)
    assert "SQLITE_FULL" in str(caught.value)
    assert "the refresh token is spent" in str(caught.value)
    assert caught.value.token is not None
    assert stored == [caught.value.token]
    assert controls.token_requests("refresh_token") == 1


def _read_only_outcome(
    path: str, machine: _jobs.Machine, app: _jobs.Machine, token: dict[str, Any]
) -> dict[str, Any]:
    """In a process that cannot write ``path``: a client-credentials call, then a refresh."""
    records: list[logging.LogRecord] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record)

    logging.getLogger("telnyx_oauth").addHandler(Keep())
    store = SQLiteTokenStore(path)
    auth = ClientCredentials(machine.client_id, machine.client_secret, store=store)
    with connect(auth=auth, base_url=machine.base_url) as client:
        get_oauth_client.sync(machine.client_id, client=client)
    with connect_anonymous(base_url=app.base_url) as anon:
        try:
            _jobs.app_flow(app, anon, store).refresh(Token(**token))
            refresh_error = None
        except TokenStoreError as exc:
            refresh_error = str(exc)
    return {
        "warnings": [r.getMessage() for r in records if r.levelno == logging.WARNING],
        "refresh_error": refresh_error,
    }


def test_sqlite_read_only(
    machine: _jobs.Machine, app: _jobs.Machine, controls: SandboxControls
) -> None:
    """A file the process can read but not write (what a read-only disk looks like to SQLite:
    it opens the file read-only): client credentials fall back with a warning; a refresh fails
    closed at the lock, before its request. Root ignores file modes, so the process drops to
    nobody first."""
    directory = tempfile.mkdtemp()
    try:
        os.chmod(directory, 0o755)  # noqa: S103 - nobody must reach the file
        path = os.path.join(directory, "tokens.db")
        with SQLiteTokenStore(path).lock("0" * 64, ttl_seconds=1):
            pass
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(1, mp_context=context) as pool:
            # A first run on a writable file loads every module the second needs: this
            # interpreter's standard library may not be readable by nobody.
            warm = dataclasses.asdict(authorize(app))
            spare = os.path.join(directory, "spare.db")
            pool.submit(_read_only_outcome, spare, machine, app, warm).result(timeout=60)
            os.chmod(path, 0o444)
            os.chmod(directory, 0o555)  # noqa: S103 - and create nothing beside it
            token = dataclasses.asdict(authorize(app))
            controls.clear_stats()
            outcome = pool.submit(
                _jobs.as_nobody, _read_only_outcome, path, machine, app, token
            ).result(timeout=60)
    finally:
        os.chmod(directory, 0o755)  # noqa: S103
        shutil.rmtree(directory)
    (warning,) = outcome["warnings"]
    assert "readonly database" in warning
    assert CC_FALLBACK in warning
    assert "readonly database" in outcome["refresh_error"]
    assert NOT_SPENT in outcome["refresh_error"]
    assert controls.token_requests() == 1
    assert controls.token_requests("refresh_token") == 0


CORRUPTIONS = {
    "garbage": b"\x00\xff not a record",
    "another version": b'{"version":2,"access_token":"x"}',
}


@pytest.mark.parametrize("kind", [*CORRUPTIONS, "another encryption key"])
@pytest.mark.parametrize("backend", BACKENDS)
def test_a_record_that_cannot_be_read(
    machine: _jobs.Machine,
    app: _jobs.Machine,
    controls: SandboxControls,
    redis_server: RedisServer,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    backend: str,
    kind: str,
) -> None:
    """Client credentials replace an unreadable record with a new token (a WARNING) and the
    next process adopts it; a refresh over one raises TokenRecordError and makes no request."""
    store: TokenStore = spec_for(backend, tmp_path, redis_server).build()
    writer: TokenStore = store
    if kind == "another encryption key":
        writer = EncryptedTokenStore(store, EncryptedTokenStore.generate_key())
        store = EncryptedTokenStore(store, EncryptedTokenStore.generate_key())
    token = authorize(app)
    assert token.refresh_token is not None
    for key in (
        hashed_key("client_credentials", machine.client_id, ""),
        hashed_key("refresh_token", app.client_id, token.refresh_token),
    ):
        with writer.lock(key, ttl_seconds=1) as lease:
            lease.save(CORRUPTIONS.get(kind, b'{"version":1}'), expires_at=time.time() + 600)

    renew(machine, ClientCredentials(machine.client_id, machine.client_secret, store=store))
    renew(machine, ClientCredentials(machine.client_id, machine.client_secret, store=store))
    assert controls.token_requests() == 1
    (warning,) = warnings_of(caplog)
    assert "replacing it with a new token" in warning

    with (
        connect_anonymous(base_url=app.base_url) as anon,
        pytest.raises(TokenRecordError) as caught,
    ):
        _jobs.app_flow(app, anon, store, on_store_failure="refresh").refresh(token)
    assert "refreshing it again would be a replay" in str(caught.value)
    assert controls.token_requests("refresh_token") == 0


def test_sqlite_lock_held_too_long(
    machine: _jobs.Machine,
    app: _jobs.Machine,
    controls: SandboxControls,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Another process holds the file's write lock past the TTL (0.1 s timeouts: 0.9 s):
    client credentials go on alone with a warning; a refresh fails closed."""
    path = tmp_path / "tokens.db"
    with SQLiteTokenStore(path).lock("0" * 64, ttl_seconds=1):
        pass
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        store = SQLiteTokenStore(path)
        auth = ClientCredentials(machine.client_id, machine.client_secret, store=store)
        with connect(auth=auth, base_url=machine.base_url, timeout=httpx.Timeout(0.1)) as client:
            get_oauth_client.sync(machine.client_id, client=client)
        token = authorize(app)
        with (
            connect_anonymous(base_url=app.base_url, timeout=httpx.Timeout(0.1)) as anon,
            pytest.raises(TokenStoreError, match=r"held the lock for more than 0\.9 s"),
        ):
            _jobs.app_flow(app, anon, store).refresh(token)
    finally:
        holder.close()
    (warning,) = warnings_of(caplog)
    assert "held the lock for more than 0.9 s" in warning
    assert controls.token_requests() == 1
    assert controls.token_requests("refresh_token") == 0


def test_a_file_that_is_not_a_database(
    machine: _jobs.Machine,
    controls: SandboxControls,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A store path that holds something else: client credentials go on with a warning that
    says so."""
    path = tmp_path / "tokens.db"
    path.write_bytes(b"this is not an SQLite file" * 100)
    auth = ClientCredentials(machine.client_id, machine.client_secret, store=SQLiteTokenStore(path))
    renew(machine, auth)
    (warning,) = warnings_of(caplog)
    assert "file is not a database" in warning
    assert controls.token_requests() == 1


def test_a_frozen_redis_without_timeouts_is_bounded_by_the_client_timeout(
    machine: _jobs.Machine,
    app: _jobs.Machine,
    controls: SandboxControls,
    own_redis: RedisServer,
) -> None:
    """A plain ``redis.Redis()`` (no socket timeout, redis-py's retries) whose server is frozen
    (SIGSTOP): with a 0.3 s HTTP timeout, client credentials carry on without the store and a
    refresh raises TokenStoreError, each within the lock TTL that timeout gives (1.7 s), not
    for as long as the server stays frozen."""
    store = RedisTokenStore(own_redis.client())
    auth = ClientCredentials(machine.client_id, machine.client_secret, store=store)
    token = authorize(app)
    timeout = httpx.Timeout(0.3)
    own_redis.pause()
    try:
        started = time.monotonic()
        with connect(auth=auth, base_url=machine.base_url, timeout=timeout) as client:
            get_oauth_client.sync(machine.client_id, client=client)
        client_credentials_took = time.monotonic() - started
        started = time.monotonic()
        with (
            connect_anonymous(base_url=app.base_url, timeout=timeout) as anon,
            pytest.raises(TokenStoreError, match=NOT_SPENT),
        ):
            _jobs.app_flow(app, anon, store).refresh(token)
        refresh_took = time.monotonic() - started
    finally:
        own_redis.resume()
    assert client_credentials_took < 4.0
    assert refresh_took < 4.0
    assert controls.token_requests() == 1
    assert controls.token_requests("refresh_token") == 0
