"""How much each figure runs, in one place: the full run of ``make bench`` and ``--quick``.

The full sizes are the issues' (2,000 calls from 16 workers, 10,000 clients 100 a page, 1,000
tasks and 64 threads through a token expiry, 4 processes x 16 threads) with as many rounds as
fit the whole run in about ten minutes on two cores. ``--quick`` keeps every code path and
count logic but shrinks the work, for a smoke run in well under a minute.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Sizes:
    """Rounds and batch sizes of every figure."""

    call_rounds: int
    in_memory_calls: int
    loopback_rounds: int
    loopback_calls: int
    import_rounds: int
    concurrency_rounds: int
    concurrency_calls: int
    concurrency_workers: int
    latency_rounds: int
    latency_seconds: float
    pagination_rounds: int
    clients: int
    page_size: int
    verification_rounds: int
    local_checks: int
    introspections: int
    load_rounds: int
    load_calls_per_worker: int
    load_tasks: int
    load_threads: int
    fleet_rounds: int
    fleet_processes: int
    fleet_threads: int
    fleet_calls_per_thread: int
    fleet_renewals: int


FULL = Sizes(
    call_rounds=15,
    in_memory_calls=1_000,
    loopback_rounds=41,
    loopback_calls=500,
    import_rounds=21,
    concurrency_rounds=5,
    concurrency_calls=2_000,
    concurrency_workers=16,
    latency_rounds=3,
    latency_seconds=0.020,
    pagination_rounds=7,
    clients=10_000,
    page_size=100,
    verification_rounds=9,
    local_checks=1_000,
    introspections=200,
    load_rounds=5,
    load_calls_per_worker=2,
    load_tasks=1_000,
    load_threads=64,
    fleet_rounds=7,
    fleet_processes=4,
    fleet_threads=16,
    fleet_calls_per_thread=40,
    fleet_renewals=25,
)

QUICK = Sizes(
    call_rounds=3,
    in_memory_calls=200,
    loopback_rounds=3,
    loopback_calls=50,
    import_rounds=3,
    concurrency_rounds=1,
    concurrency_calls=320,
    concurrency_workers=16,
    latency_rounds=1,
    latency_seconds=0.020,
    pagination_rounds=1,
    clients=1_000,
    page_size=100,
    verification_rounds=2,
    local_checks=100,
    introspections=20,
    load_rounds=1,
    load_calls_per_worker=1,
    load_tasks=300,
    load_threads=32,
    fleet_rounds=1,
    fleet_processes=4,
    fleet_threads=16,
    fleet_calls_per_thread=4,
    fleet_renewals=5,
)
