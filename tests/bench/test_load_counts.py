"""Figure 7: workers calling through token expiries on the server renew once per expiry."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bench import load
from bench._sandbox import Server
from bench.concurrency import Credentials, seed_machine_client
from telnyx_oauth_sandbox import SandboxControls

ROUNDS = 2
# The sandbox delays every API request a little, so that calls overlap as in the figure.
DELAY_SECONDS = 0.02


@pytest.fixture
def credentials(controls: SandboxControls) -> Iterator[Credentials]:
    """A client-credentials client, with every /v2 request delayed."""
    credentials = seed_machine_client(controls)
    controls.delay(DELAY_SECONDS)
    yield credentials
    controls.clear_faults()


def _check(run: load.Load) -> None:
    assert run.failures == []
    assert run.token_requests == [1] * ROUNDS
    # Every 401 the server gave was seen by the hook, on a call that then succeeded.
    assert run.straddling
    assert sum(run.refused) == len(run.straddling)
    assert run.normal


def test_tasks_renew_once_per_expiry(server: Server, credentials: Credentials) -> None:
    """120 asyncio tasks (more than the pool's 100 connections), two expiries: one token
    request each, and every refused call renewed and succeeded."""
    _check(load.run_tasks(server, credentials, 120, ROUNDS, 1))


def test_threads_renew_once_per_expiry(server: Server, credentials: Credentials) -> None:
    """24 threads, two expiries: one token request each."""
    _check(load.run_threads(server, credentials, 24, ROUNDS, 1))


def test_percentile_is_inclusive() -> None:
    """p50 of 1..101 is 51 and p99 is 100 (inclusive method)."""
    values = [float(v) for v in range(1, 102)]
    assert (load.percentile(values, 50), load.percentile(values, 99)) == (51.0, 100.0)
