"""A process killed (``kill -9``) while it holds a store's lock mid-refresh.

The holder refreshes against a loopback server that sends its headers and then trickles the
body a byte at a time, each byte inside the read timeout: the holder stays in its refresh,
holding the lock, until the test kills it. Then another process (the test's) refreshes the same
token against the sandbox. SQLite's file locks die with their process, so it goes on at once;
a Redis lock lapses at its TTL (the holder's timeouts, 4 x 0.3 s, plus 0.5 s: 1.7 s), so it
waits at most that.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
import signal
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from telnyx_oauth import BadRequestError, connect, connect_anonymous
from telnyx_oauth._single_flight import hashed_key
from telnyx_oauth_api.api.oauth import introspect_token
from telnyx_oauth_api.models import IntrospectRequest
from telnyx_oauth_sandbox import SandboxControls
from tests.stores import _jobs
from tests.stores._redis_server import RedisServer
from tests.stores.conftest import BACKENDS, authorize, spec_for

HOLDER_TTL_SECONDS = 4 * 0.3 + 0.5  # lock_ttl_seconds(httpx.Timeout(0.3))
TRICKLE_SECONDS = 0.05  # one byte of body per interval, well inside the 0.3 s read timeout


class TricklingServer:
    """Takes one connection, reads its request, answers 200 with a long body, and sends it a
    byte at a time until the peer is gone."""

    def __init__(self) -> None:
        self._sock = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self._sock.getsockname()[1]}"
        self.answering = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        connection, _ = self._sock.accept()
        with connection:
            request = b""
            while b"\r\n\r\n" not in request:
                request += connection.recv(65536)
            connection.sendall(
                b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                b"Content-Length: 100000\r\n\r\n{"
            )
            self.answering.set()
            while not self._stop.wait(TRICKLE_SECONDS):
                try:
                    connection.sendall(b" ")
                except OSError:
                    return

    def close(self) -> None:
        self._stop.set()
        self._sock.close()
        self._thread.join(timeout=5)


@pytest.fixture
def trickling() -> Iterator[TricklingServer]:
    """A server that never finishes answering."""
    server = TricklingServer()
    try:
        yield server
    finally:
        server.close()


@pytest.mark.parametrize("backend", BACKENDS)
def test_others_go_on_after_the_lock_holder_is_killed(
    app: _jobs.Machine,
    controls: SandboxControls,
    redis_server: RedisServer,
    trickling: TricklingServer,
    tmp_path: Path,
    backend: str,
) -> None:
    """kill -9 of the process refreshing under the lock: the next refresh of the same token
    goes on at once with SQLite, after at most the lock's TTL with Redis, and makes the one
    refresh request."""
    spec = spec_for(backend, tmp_path, redis_server)
    token = authorize(app)
    hook_log = tmp_path / "on_token.log"
    hook_log.touch()
    fields = dataclasses.asdict(token)
    holder = multiprocessing.get_context("spawn").Process(
        target=_jobs.refresh_once, args=(spec, app, fields, str(hook_log), trickling.url)
    )
    holder.start()
    try:
        assert trickling.answering.wait(30), "the holder never sent its refresh"
        os.kill(holder.pid or 0, signal.SIGKILL)
    finally:
        holder.join(timeout=30)
    assert holder.exitcode == -signal.SIGKILL
    assert token.refresh_token is not None
    if backend == "redis":
        key = hashed_key("refresh_token", app.client_id, token.refresh_token)
        with redis_server.client() as client:
            assert client.pttl(f"telnyx_oauth:lock:{key}") > 0  # the dead holder's lock

    with connect_anonymous(base_url=app.base_url) as anon:  # default timeouts: 95.5 s bound
        flow = _jobs.refresh_flow(spec, app, str(hook_log), client=anon)
        started = time.monotonic()
        successor = flow.refresh(token)
        waited = time.monotonic() - started

    print(f"\n{backend}: the next process went on {waited:.2f} s after the kill")
    assert waited < (1.0 if backend == "sqlite" else HOLDER_TTL_SECONDS + 1.0)
    assert successor.refresh_token != token.refresh_token
    assert controls.token_requests("refresh_token") == 1
    assert len(hook_log.read_text().splitlines()) == 1


def test_a_rotation_the_dead_holder_never_saved_costs_the_grant(
    app: _jobs.Machine, redis_server: RedisServer, tmp_path: Path
) -> None:
    """If the server rotated the token before the holder died, the successor died with the
    holder: the next refresh of the old token is a replay, the server revokes the grant (its
    successor too), and the user must authorize again."""
    token = authorize(app)
    assert token.refresh_token is not None
    rotated = httpx.post(  # the dead holder's refresh, answered but never saved
        f"{app.base_url}/v2/oauth/token",
        data={"grant_type": "refresh_token", "refresh_token": token.refresh_token},
        auth=(app.client_id, app.client_secret),
    )
    assert rotated.status_code == 200
    hook_log = tmp_path / "on_token.log"
    spec = spec_for("sqlite", tmp_path, redis_server)
    with (
        connect_anonymous(base_url=app.base_url) as anon,
        pytest.raises(BadRequestError) as caught,
    ):
        _jobs.refresh_flow(spec, app, str(hook_log), client=anon).refresh(token)
    assert caught.value.error == "invalid_grant"
    with connect(app.api_key, base_url=app.base_url) as api:
        state = introspect_token.sync(
            client=api, body=IntrospectRequest(token=rotated.json()["access_token"])
        )
    assert state.active is False
