"""Figure 8: four processes share one token through SQLite or Redis (1 token request per run),
and fetch one each without a store (4)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bench import fleet
from bench._processes import Fleet
from bench._redis_server import RedisServer
from bench._sandbox import Server
from bench.concurrency import seed_machine_client
from telnyx_oauth_sandbox import SandboxControls

PROCESSES, THREADS, CALLS = 4, 4, 2


@pytest.fixture(scope="module")
def processes() -> Iterator[Fleet]:
    """The figure's worker processes, for the module."""
    workers = Fleet(PROCESSES)
    try:
        yield workers
    finally:
        workers.close()


@pytest.fixture
def where(server: Server, controls: SandboxControls, tmp_path: Path) -> Iterator[fleet.Where]:
    """A client, a SQLite path and a redis-server of the test's own."""
    redis_server = RedisServer(tmp_path).start()
    try:
        yield fleet.Where(
            server.base_url,
            seed_machine_client(controls),
            str(tmp_path / "tokens.db"),
            redis_server.url,
        )
    finally:
        redis_server.stop()


@pytest.mark.parametrize(
    ("variant", "tokens"), [(fleet.IN_MEMORY, 4), (fleet.SQLITE, 1), (fleet.REDIS, 1)]
)
def test_token_requests_per_run(
    processes: Fleet, server: Server, where: fleet.Where, variant: str, tokens: int
) -> None:
    """One token request per run with a store, one per process without; every call made."""
    for _ in range(2):  # the second run starts cold too: the records are deleted first
        run = fleet.one_run(processes, server, variant, where, THREADS, CALLS)
        assert run.token_requests == tokens
        assert run.calls_per_second > 0


def test_renewal_costs_renew_or_adopt(
    server: Server, controls: SandboxControls, where: fleet.Where
) -> None:
    """The renewal-cost rounds really renew (a token request each, with or without a store),
    and the adopting ones make none."""
    controls.clear_stats()
    costs = fleet.renewal_costs(where, 3)
    assert {name: len(found) for name, found in costs.items()} == {
        fleet.IN_MEMORY: 3,
        fleet.SQLITE: 3,
        fleet.REDIS: 3,
        f"{fleet.SQLITE}, adopted": 3,
        f"{fleet.REDIS}, adopted": 3,
    }
    assert controls.token_requests() == 3 + 3 * 3  # the first calls, then the renewals
