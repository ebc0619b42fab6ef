"""Figure 8: a fleet, 4 processes x 16 threads, sharing one client-credentials token or not.

Four worker processes (``spawn``, started once for the figure and reused) each build a fresh
client with a fresh ``ClientCredentials`` (no token yet), wait for the others (a cross-process
barrier), then release 16 threads that each make the same number of calls of
``GET /v2/oauth_clients/{id}``. A run's calls per second are all calls over the time from the
first process's start to the last one's end (``time.monotonic()`` is one clock for every
process of a Linux host). Token requests are the sandbox's own count per run.

The variants: **in-memory** (the default: each process fetches and caches its own token),
**SQLite** (``SQLiteTokenStore`` on one file), **Redis** (``RedisTokenStore`` on a
``redis-server`` of the figure's own, on loopback), and the **official SDK** in its
client-credentials mode (its fixed token URL routed to the sandbox, its process-wide token cache
cleared in each process first). Every API request, the token request included, is delayed by
the sandbox (+20 ms, figure 4's delay fault), as a nearby region would be.

The added cost of a coordinated renewal is measured on its own, in this process, one renewal
at a time: the cached token is forgotten and the store's record deleted, so the next call must
take the lock, find no record, fetch, save and release; the same call with no store only
fetches. The difference of the medians is what a store adds to the leader's renewal. A
process that finds the token in the store instead (the other three of a fleet) takes the lock
and reads it, and makes no token request.
"""

from __future__ import annotations

import sqlite3
import statistics
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import redis

from bench import _sdk
from bench._processes import Fleet, start_together
from bench._redis_server import RedisServer
from bench._report import Goal, Row, Section, per_second, ratio_text
from bench._sandbox import Server
from bench._stats import iqr
from bench.concurrency import Credentials, seed_machine_client
from telnyx_oauth import ClientCredentials, RedisTokenStore, SQLiteTokenStore, TokenStore, connect
from telnyx_oauth_api.api.oauth_clients import get_oauth_client

IN_MEMORY, SQLITE, REDIS, SDK = "in-memory", "SQLite", "Redis", "official SDK"
VARIANTS = (IN_MEMORY, SQLITE, REDIS, SDK)
COORDINATED = (SQLITE, REDIS)
REDIS_PREFIX = "telnyx_oauth:"
# The SDK serialises each process's calls behind its token lock (figure 4), at about a tenth
# of the others' rate: its runs make a quarter of the calls, so they last about as long.
SDK_CALLS_DIVISOR = 4


@dataclass(frozen=True)
class Where:
    """What a worker needs: the sandbox, the client, and where each store lives."""

    base_url: str
    credentials: Credentials
    sqlite_path: str
    redis_url: str


@dataclass(frozen=True)
class Run:
    """One run of one variant: calls per second, and the token requests the server saw."""

    calls_per_second: float
    token_requests: int


def build_store(variant: str, where: Where) -> TokenStore | None:
    """The store a process of ``variant`` uses (None: in-memory)."""
    if variant == SQLITE:
        return SQLiteTokenStore(where.sqlite_path)
    if variant == REDIS:
        return RedisTokenStore(redis.Redis.from_url(where.redis_url))
    return None


def _threads(threads: int, calls: int, call: Callable[[], object]) -> tuple[float, float]:
    """After every process is ready: ``threads`` threads make ``calls`` calls each; the
    monotonic start and end."""
    start_line = threading.Barrier(threads + 1)

    def work() -> None:
        start_line.wait()
        for _ in range(calls):
            call()

    with ThreadPoolExecutor(threads) as pool:
        futures = [pool.submit(work) for _ in range(threads)]
        start_together()
        start = time.monotonic()
        start_line.wait()
        for future in futures:
            future.result()
        return start, time.monotonic()


def worker(index: int, variant: str, where: Where, threads: int, calls: int) -> tuple[float, float]:
    """One process of a run (in a fleet worker): a cold client, then the calls."""
    client_id, secret = where.credentials.client_id, where.credentials.client_secret
    if variant == SDK:
        _sdk.fresh_token_cache()
        sdk = _sdk.client_credentials(where.base_url, client_id=client_id, client_secret=secret)
        try:
            return _threads(threads, calls, lambda: sdk.oauth_clients.retrieve(client_id))
        finally:
            sdk.close()
    auth = ClientCredentials(client_id, secret, store=build_store(variant, where))
    with connect(auth=auth, base_url=where.base_url) as client:
        return _threads(threads, calls, lambda: get_oauth_client.sync(client_id, client=client))


def forget_records(variant: str, where: Where) -> None:
    """Delete every record of ``variant``'s store, so the next renewal must fetch."""
    if variant == SQLITE and Path(where.sqlite_path).exists():
        with sqlite3.connect(where.sqlite_path) as db:
            db.execute("DELETE FROM telnyx_oauth_token_records")
        db.close()
    elif variant == REDIS:
        with redis.Redis.from_url(where.redis_url) as client:
            keys = list(client.scan_iter(f"{REDIS_PREFIX}token:*"))
            if keys:
                client.delete(*keys)


def one_run(
    fleet: Fleet, server: Server, variant: str, where: Where, threads: int, calls: int
) -> Run:
    """Every process of the fleet runs ``variant`` once, from cold."""
    if variant == SDK:
        calls = max(1, calls // SDK_CALLS_DIVISOR)
    controls = server.controls()
    try:
        forget_records(variant, where)
        controls.clear_stats()
        spans = fleet.run(worker, variant, where, threads, calls)
        stats = controls.stats()
    finally:
        controls.close()
    total = fleet.size * threads * calls
    served = int(stats["operations"].get("get_oauth_client", 0))
    if served != total:
        raise RuntimeError(f"{variant}: the server saw {served} of {total} calls")
    elapsed = max(end for _, end in spans) - min(start for start, _ in spans)
    return Run(total / elapsed, int(stats["token_requests"].get("client_credentials", 0)))


def renewal_costs(where: Where, rounds: int) -> dict[str, list[float]]:
    """Seconds of one call that must renew, per variant, one renewal of each in turn per round:
    with an empty record (the leader's renewal: lock, read, token request, save, release), with
    no store (a token request), and, for each store, finding the token another process saved
    (``"<store>, adopted"``: lock and read, no token request)."""
    credentials = where.credentials
    variants = (IN_MEMORY, *COORDINATED)
    auths = {
        v: ClientCredentials(
            credentials.client_id, credentials.client_secret, store=build_store(v, where)
        )
        for v in variants
    }
    clients = {v: connect(auth=auths[v], base_url=where.base_url) for v in variants}
    seconds: dict[str, list[float]] = {
        name: [] for name in (*variants, *(f"{v}, adopted" for v in COORDINATED))
    }

    def renew(variant: str, name: str, *, forget: bool) -> None:
        auths[variant].invalidate()
        if forget:
            forget_records(variant, where)
        started = time.perf_counter()
        get_oauth_client.sync(credentials.client_id, client=clients[variant])
        seconds[name].append(time.perf_counter() - started)

    try:
        for variant in variants:  # connections, imports, the stores' files and scripts
            get_oauth_client.sync(credentials.client_id, client=clients[variant])
        for _ in range(rounds):
            for variant in variants:
                renew(variant, variant, forget=True)
            for variant in COORDINATED:
                renew(variant, f"{variant}, adopted", forget=False)
    finally:
        for client in clients.values():
            client.get_httpx_client().close()
    return seconds


def measure(
    server: Server,
    rounds: int,
    processes: int,
    threads: int,
    calls: int,
    *,
    renewal_rounds: int,
    latency_seconds: float,
) -> Section:
    """Calls per second and token requests of every variant, and a renewal's added cost."""
    controls = server.controls()
    controls.reset()
    credentials = seed_machine_client(controls)
    controls.delay(latency_seconds)
    runs: dict[str, list[Run]] = {variant: [] for variant in VARIANTS}
    with tempfile.TemporaryDirectory() as directory:
        redis_server = RedisServer(Path(directory)).start()
        where = Where(
            server.base_url, credentials, str(Path(directory) / "tokens.db"), redis_server.url
        )
        fleet = Fleet(processes)
        try:
            for variant in VARIANTS:  # warm-up: every worker imports what it needs
                one_run(fleet, server, variant, where, threads, 1)
            for index in range(rounds):
                shift = index % len(VARIANTS)
                for variant in VARIANTS[shift:] + VARIANTS[:shift]:
                    runs[variant].append(one_run(fleet, server, variant, where, threads, calls))
            # Over plain loopback: the 20 ms sleeps would only add their jitter to a difference
            # of about a millisecond.
            controls.clear_faults()
            costs = renewal_costs(where, renewal_rounds)
        finally:
            fleet.close()
            redis_server.stop()
            controls.clear_faults()
            controls.close()
    return _section(runs, costs, (rounds, processes, threads, calls), latency_seconds)


def _section(
    runs: dict[str, list[Run]],
    costs: dict[str, list[float]],
    sizes: tuple[int, int, int, int],
    latency_seconds: float,
) -> Section:
    rounds, processes, threads, calls = sizes
    added = f"+{latency_seconds * 1e3:g} ms per request"
    shape = f"{processes} processes x {threads} threads"
    section = Section(
        figure="8",
        title=f"A fleet: {shape} with client credentials, sharing one token or not",
        method=(
            f"{processes} worker processes, each with a fresh client and auth, start together; "
            f"in each, {threads} threads make {calls} calls of `GET /v2/oauth_clients/{{id}}` "
            f"each ({processes * threads * calls:,} calls per run; the official SDK, whose "
            f"calls are serialised, a quarter of that), {added} on every API "
            "request (the sandbox's delay fault, as in figure 4). Calls per second: all "
            "calls over the time from the first process's start to the last one's end; "
            f"{rounds} interleaved runs per variant after a warm-up run, medians. Token "
            "requests: the sandbox's count per run. In-memory is the default (each process "
            "its own token); SQLite is `SQLiteTokenStore` on one file; Redis is "
            "`RedisTokenStore` on Debian's redis-server over loopback; the official SDK runs "
            "in its client-credentials mode, its token URL routed to the sandbox. A "
            "coordinated renewal's added cost, over plain loopback (no added latency): one "
            "call that must renew, with the store's record deleted first (lock, read, token "
            "request, save, release), against the same call with no store (token request); "
            f"{len(costs[IN_MEMORY])} renewals of each, taken in turn, medians."
        ),
    )
    per_variant = {v: statistics.median(r.calls_per_second for r in runs[v]) for v in VARIANTS}
    tokens = {v: max(r.token_requests for r in runs[v]) for v in VARIANTS}
    for variant in COORDINATED:
        ratios = [
            ours.calls_per_second / memory.calls_per_second
            for ours, memory in zip(runs[variant], runs[IN_MEMORY], strict=True)
        ]
        ratio = statistics.median(ratios)
        section.rows.append(
            Row(
                "8",
                f"calls/s, {shape}, {variant}",
                per_second(per_variant[variant]),
                f"in-memory: {per_second(per_variant[IN_MEMORY])}",
                ratio,
                ratio_text(ratio),
                Goal(">=", round(1 / 1.05, 3)),
                spread=iqr(ratios),
            )
        )
        sdk_ratio = statistics.median(
            ours.calls_per_second / sdk.calls_per_second
            for ours, sdk in zip(runs[variant], runs[SDK], strict=True)
        )
        section.rows.append(
            Row(
                "8",
                f"calls/s, {shape}, {variant}",
                per_second(per_variant[variant]),
                f"official SDK: {per_second(per_variant[SDK])}",
                sdk_ratio,
                ratio_text(sdk_ratio),
            )
        )
        section.rows.append(
            Row(
                "8",
                f"token requests per run, {shape}, {variant}",
                str(tokens[variant]),
                f"in-memory: {tokens[IN_MEMORY]}; official SDK: {tokens[SDK]}",
                float(tokens[variant]),
                f"{tokens[variant]} (most in any run)",
                Goal("==", 1, unit=""),
                charted=False,
            )
        )
        extra = statistics.median(costs[variant]) - statistics.median(costs[IN_MEMORY])
        section.rows.append(
            Row(
                "8",
                f"added cost of a coordinated renewal, {variant}",
                f"{extra * 1e3:.2f} ms",
                f"renewal with no store: {statistics.median(costs[IN_MEMORY]) * 1e3:.1f} ms",
                extra * 1e3,
                f"{extra * 1e3:+.2f} ms",
                charted=False,
            )
        )
    section.details += [(f"{v}: calls/s", per_second(per_variant[v])) for v in VARIANTS]
    section.details += [
        (f"{v}: token requests per run", str(sorted({r.token_requests for r in runs[v]})))
        for v in VARIANTS
    ]
    section.details += [
        (f"a call that renews ({name})", f"{statistics.median(found) * 1e3:.1f} ms")
        for name, found in costs.items()
    ]
    section.notes.append(
        "Between renewals a coordinated process makes no round trip to SQLite or Redis (its "
        "token is cached in memory until it nears expiry), so its calls cost what in-memory "
        "calls cost; the store is used once per renewal, by one caller per process. "
        "In-memory makes one token request per process; the SDK one per thread whose first "
        "call misses its auth cache (figure 4). A process that finds the token in the store "
        '("adopted") takes the lock and reads the record instead of making a token request.'
    )
    return section
