"""Figure 4: workers sharing one client-credentials auth cause exactly one token request."""

from __future__ import annotations

import pytest

from bench import concurrency
from bench._sandbox import Server
from telnyx_oauth_sandbox import SandboxControls

WORKERS = 16
CALLS = 64  # 4 per worker: the token logic is the same as for 2,000


@pytest.fixture
def credentials(controls: SandboxControls) -> concurrency.Credentials:
    """A confidential client allowed the client_credentials grant."""
    return concurrency.seed_machine_client(controls)


@pytest.fixture
def target(credentials: concurrency.Credentials) -> concurrency.Target:
    """The call the workers repeat: GET /v2/oauth_clients/{id} with the access token."""
    return concurrency.get_client_target(credentials.client_id)


def test_threads_fetch_one_token(
    server: Server, credentials: concurrency.Credentials, target: concurrency.Target
) -> None:
    """16 threads sharing one ClientCredentials auth cause exactly one token request."""
    run = concurrency.ours_threads(server, credentials, target, CALLS, WORKERS)
    assert (run.token_requests, run.target_requests) == (1, CALLS)


def test_tasks_fetch_one_token(
    server: Server, credentials: concurrency.Credentials, target: concurrency.Target
) -> None:
    """16 asyncio tasks sharing one ClientCredentials auth cause exactly one token request."""
    run = concurrency.ours_tasks(server, credentials, target, CALLS, WORKERS)
    assert (run.token_requests, run.target_requests) == (1, CALLS)


def test_raw_floor_fetches_one_token(
    server: Server, credentials: concurrency.Credentials, target: concurrency.Target
) -> None:
    """The raw httpx floor fetches its one token up front and makes exactly the calls asked."""
    run = concurrency.raw_threads(server, credentials, target, CALLS, WORKERS)
    assert (run.token_requests, run.target_requests) == (1, CALLS)


def test_work_is_split_evenly() -> None:
    """2,000 calls among 16 workers is 125 each; a remainder goes to the first workers."""
    assert concurrency._split(2_000, 16) == [125] * 16
    assert concurrency._split(10, 4) == [3, 3, 2, 2]


def test_delay_adds_a_delay_only_fault(controls: SandboxControls) -> None:
    """The latency setting is one sandbox fault that delays /v2/* and changes no answer."""
    controls.delay(0.02, count=5)
    (fault,) = controls.faults()
    assert (fault["match"], fault["delay_seconds"], fault["status"], fault["remaining"]) == (
        {"method": None, "path": "/v2/*"},
        0.02,
        None,
        5,
    )
