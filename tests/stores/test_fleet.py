"""Eight real processes sharing one token lifecycle through SQLite or Redis, counted on the
sandbox: one token request per renewal, one refresh request per rotation.

Each process builds its own store, client and flow, as a gunicorn worker or a host of a fleet
would; they start each step together (a cross-process barrier), and inside each process eight
threads, or eight asyncio tasks, start together too. ``pytest tests/stores/test_fleet.py -s``
prints the counts.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench._processes import FLEET_SIZE, Fleet
from telnyx_oauth import AuthorizationCodeFlow, Token, connect, connect_anonymous
from telnyx_oauth_api.api.oauth import introspect_token
from telnyx_oauth_api.models import IntrospectRequest
from telnyx_oauth_sandbox import SandboxControls
from tests.stores import _jobs
from tests.stores._redis_server import RedisServer
from tests.stores.conftest import BACKENDS, authorize, spec_for

WORKERS = 8  # threads, or asyncio tasks, per process
CALLS = 3  # per worker and phase
MODES = pytest.mark.parametrize("asynchronous", [False, True], ids=["threads", "tasks"])


@pytest.fixture(scope="module")
def fleet() -> Iterator[Fleet]:
    """Eight worker processes for the module."""
    fleet = Fleet(FLEET_SIZE)
    try:
        yield fleet
    finally:
        fleet.close()


@MODES
@pytest.mark.parametrize("backend", BACKENDS)
def test_cold_start_and_renewal_make_one_token_request_each(
    fleet: Fleet,
    machine: _jobs.Machine,
    controls: SandboxControls,
    redis_server: RedisServer,
    tmp_path: Path,
    backend: str,
    asynchronous: bool,
) -> None:
    """8 processes x 8 workers start cold at once: 1 token request. The server then expires
    the token and every process gets a 401 at once: 1 more. No call fails."""
    spec = spec_for(backend, tmp_path, redis_server)
    done = fleet.run(_jobs.client_credentials, spec, machine, asynchronous, WORKERS, CALLS)
    stats = controls.stats()
    tokens = stats["token_requests"].get("client_credentials", 0)
    print(
        f"\n{backend}, {FLEET_SIZE} processes x {WORKERS} {'tasks' if asynchronous else 'threads'}:"
        f" {sum(done)} calls, {tokens} client-credentials token requests (cold start + one "
        f"renewal after a 401), responses {stats['responses']}"
    )
    assert done == [2 * WORKERS * CALLS] * FLEET_SIZE
    assert tokens == 2


@MODES
@pytest.mark.parametrize("backend", BACKENDS)
def test_one_refresh_for_eight_processes_and_one_successor(
    fleet: Fleet,
    app: _jobs.Machine,
    controls: SandboxControls,
    redis_server: RedisServer,
    tmp_path: Path,
    backend: str,
    asynchronous: bool,
) -> None:
    """8 processes x 8 workers refresh one token (loaded from "the user's database") at the
    same instant: 1 refresh request, on_token once, the same successor everywhere, and the
    grant still alive (the successor is active and refreshes again)."""
    spec = spec_for(backend, tmp_path, redis_server)
    token = authorize(app)
    hook_log = tmp_path / "on_token.log"
    hook_log.touch()
    fields = dataclasses.asdict(token)
    results = fleet.run(_jobs.refresh, spec, app, fields, str(hook_log), asynchronous, WORKERS)
    successors = {tuple(sorted(found.items())) for worker in results for found in worker}
    refreshes = controls.token_requests("refresh_token")
    hooks = hook_log.read_text().splitlines()
    print(
        f"\n{backend}, {FLEET_SIZE} processes x {WORKERS} {'tasks' if asynchronous else 'threads'}"
        f" refreshing one token: {refreshes} refresh request(s), {len(successors)} distinct "
        f"successor(s), on_token ran {len(hooks)} time(s), responses "
        f"{controls.stats()['responses']}"
    )
    assert refreshes == 1
    assert len(successors) == 1
    assert len(hooks) == 1
    successor = Token(**dict(next(iter(successors))))
    assert successor.refresh_token != token.refresh_token
    with connect(app.api_key, base_url=app.base_url) as api:
        state = introspect_token.sync(
            client=api, body=IntrospectRequest(token=successor.access_token)
        )
    assert state.active is True
    with connect_anonymous(base_url=app.base_url) as anon:
        again = AuthorizationCodeFlow(
            anon,
            client_id=app.client_id,
            client_secret=app.client_secret,
            redirect_uri=_jobs.REDIRECT_URI,
        ).refresh(successor)
    assert again.refresh_token not in (None, successor.refresh_token)
