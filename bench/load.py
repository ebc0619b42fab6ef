"""Figure 7: 1,000 asyncio tasks, and 64 threads, through a token expiry on the server.

One connected client with one ``ClientCredentials`` auth serves every worker, and every worker
calls ``GET /v2/oauth_clients/{id}`` back to back for the whole run. Once per round, in the
middle of it (rounds are counted in calls, not seconds), the token is expired on the server
only: the sandbox clock moves past the token's
lifetime, the auth's own clock does not, so it still believes the token fresh (as after a
revocation, or with a drifting clock). Every call then in flight, and every call that leaves
before the renewal, gets a 401, waits for the one token request and is sent again: those calls
straddle the renewal. An httpx response hook marks them; all others are normal calls, made by
the same workers under the same load. Latency is measured in the worker, from call to return.

With 1,000 tasks, 100 calls are in the connected client's pool at a time (its 100
connections; the others wait their turn before their auth flow begins), so about 100 straddle
each expiry. Token requests are the sandbox's count per round. Every API request, the token request
included, is delayed by the sandbox (as in figure 4), so that calls overlap as they would
against a real API. "One token request" is the median of standalone token requests at that
delay, made with plain httpx over a kept-alive connection.
"""

from __future__ import annotations

import asyncio
import contextvars
import statistics
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import httpx

from bench._report import Goal, Row, Section, ratio_text
from bench._sandbox import Server
from bench.concurrency import Credentials, seed_machine_client
from telnyx_oauth import ClientCredentials, connect
from telnyx_oauth_api.api.oauth_clients import get_oauth_client
from telnyx_oauth_sandbox import ACCESS_TOKEN_LIFETIME_SECONDS, SandboxControls

TOKEN_SAMPLES = 9

# Set by the response hook in the worker's own context (its thread, or its task).
_REFUSED: contextvars.ContextVar[bool] = contextvars.ContextVar("refused", default=False)


@dataclass
class Load:
    """Latencies (seconds) of one mode's calls, and the counts of each renewal."""

    normal: list[float] = field(default_factory=list)
    straddling: list[float] = field(default_factory=list)
    token_requests: list[int] = field(default_factory=list)
    refused: list[int] = field(default_factory=list)
    """401 answers the server gave in each round (one per straddling call)."""
    failures: list[str] = field(default_factory=list)
    """What each failed call raised (the figure is only taken when there is none)."""
    calls: int = 0
    phase: int = 0
    """Bumped by each expiry; a worker notes it when a call begins."""
    _settled: set[int] = field(default_factory=set)
    _progress: threading.Condition = field(default_factory=threading.Condition)

    def record(self, outcome: float | Exception, *, worker: int, phase: int) -> None:
        """File one call (seconds, or what it raised) by whether it was refused (and renewed)
        on the way; ``phase`` is the one the call began in."""
        with self._progress:
            if isinstance(outcome, Exception):
                self.failures.append(f"{type(outcome).__name__}: {outcome}")
            elif _REFUSED.get():
                self.straddling.append(outcome)
            else:
                self.normal.append(outcome)
            self.calls += 1
            if phase == self.phase:
                self._settled.add(worker)
            self._progress.notify_all()

    def wait_for(self, more: int) -> None:
        """Block until ``more`` further calls have returned (the workers keep calling)."""
        with self._progress:
            target = self.calls + more
            self._progress.wait_for(lambda: self.calls >= target)

    def settle(self, workers: int) -> None:
        """Start a phase and block until each of ``workers`` has returned a call begun in it.

        Workers call one at a time, so every call begun before has returned by then: after an
        expiry, every call that straddles it, and so the renewal, is done.
        """
        with self._progress:
            self.phase += 1
            self._settled = set()
            self._progress.wait_for(lambda: len(self._settled) >= workers)


def percentile(values: list[float], percent: int) -> float:
    """The ``percent``-th percentile (inclusive method) of ``values``."""
    return statistics.quantiles(values, n=100, method="inclusive")[percent - 1]


def _mark_refused(response: httpx.Response) -> None:
    if response.status_code == 401:
        _REFUSED.set(True)


async def _amark_refused(response: httpx.Response) -> None:
    _mark_refused(response)


def _rounds(
    controls: SandboxControls,
    load: Load,
    rounds: int,
    workers: int,
    calls: int,
    stop: Callable[[], None],
) -> None:
    """The controller: after ``calls`` calls of warm-up, per round: ``calls`` calls, the token
    expired on the server, every call begun before the expiry returned, the round's counts.

    Settling keeps rounds apart: expiring the token again while calls of the last expiry are
    still in flight would hand them a renewed token already dead (a second 401, raised)."""
    load.wait_for(calls)
    for _ in range(rounds):
        controls.clear_stats()
        load.wait_for(calls)
        controls.advance_clock(ACCESS_TOKEN_LIFETIME_SECONDS + 1)
        load.settle(workers)
        stats = controls.stats()
        load.token_requests.append(stats["token_requests"].get("client_credentials", 0))
        load.refused.append(stats["responses"].get("401", 0))
    stop()


def run_threads(
    server: Server, credentials: Credentials, workers: int, rounds: int, calls_per_worker: int
) -> Load:
    """``workers`` threads calling through one client while the token expires ``rounds`` times."""
    controls = server.controls()
    client = connect(
        auth=ClientCredentials(credentials.client_id, credentials.client_secret),
        base_url=server.base_url,
    )
    client.get_httpx_client().event_hooks["response"].append(_mark_refused)
    load, done = Load(), threading.Event()

    def work(worker: int) -> None:
        while not done.is_set():
            _REFUSED.set(False)
            phase, start = load.phase, time.perf_counter()
            try:
                get_oauth_client.sync(credentials.client_id, client=client)
                outcome: float | Exception = time.perf_counter() - start
            except Exception as exc:
                outcome = exc
            load.record(outcome, worker=worker, phase=phase)

    threads = [threading.Thread(target=work, args=(index,)) for index in range(workers)]
    try:
        for thread in threads:
            thread.start()
        _rounds(controls, load, rounds, workers, workers * calls_per_worker, done.set)
    finally:
        done.set()
        for thread in threads:
            thread.join()
        client.get_httpx_client().close()
        controls.close()
    return load


def run_tasks(
    server: Server, credentials: Credentials, workers: int, rounds: int, calls_per_worker: int
) -> Load:
    """``workers`` asyncio tasks calling through one client while the token expires."""
    controls = server.controls()
    auth = ClientCredentials(credentials.client_id, credentials.client_secret)
    load = Load()

    async def run() -> None:
        done = asyncio.Event()
        loop = asyncio.get_running_loop()
        async with connect(auth=auth, base_url=server.base_url) as client:
            client.get_async_httpx_client().event_hooks["response"].append(_amark_refused)

            async def work(worker: int) -> None:
                while not done.is_set():
                    _REFUSED.set(False)
                    phase, start = load.phase, time.perf_counter()
                    try:
                        await get_oauth_client.asyncio(credentials.client_id, client=client)
                        outcome: float | Exception = time.perf_counter() - start
                    except Exception as exc:
                        outcome = exc
                    load.record(outcome, worker=worker, phase=phase)

            def stop() -> None:
                loop.call_soon_threadsafe(done.set)

            workers_done = asyncio.gather(*(work(index) for index in range(workers)))
            calls = workers * calls_per_worker
            await asyncio.to_thread(_rounds, controls, load, rounds, workers, calls, stop)
            await workers_done

    try:
        asyncio.run(run())
    finally:
        controls.close()
    return load


def token_request_seconds(server: Server, credentials: Credentials, samples: int) -> float:
    """Median seconds of one client-credentials token request, plain httpx, kept-alive."""
    durations = []
    with httpx.Client(base_url=server.base_url) as http:
        for _ in range(samples + 1):  # the first opens the connection: not kept
            start = time.perf_counter()
            http.post(
                "/v2/oauth/token",
                data={"grant_type": "client_credentials"},
                auth=(credentials.client_id, credentials.client_secret),
            ).raise_for_status()
            durations.append(time.perf_counter() - start)
    return statistics.median(durations[1:])


def _ms(seconds: float) -> str:
    return f"{seconds * 1e3:.0f} ms"


def _rows(mode: str, load: Load, token_seconds: float) -> list[Row]:
    normal_p50, normal_p99 = percentile(load.normal, 50), percentile(load.normal, 99)
    straddling_p50 = percentile(load.straddling, 50)
    straddling_p99 = percentile(load.straddling, 99)
    budget = 2 * normal_p99 + token_seconds
    most = max(load.token_requests)
    return [
        Row(
            "7",
            f"token requests per renewal, {mode}",
            str(most),
            "—",
            float(most),
            f"{most} (most in any round)",
            Goal("==", 1, unit=""),
            charted=False,
        ),
        Row(
            "7",
            f"p99 of calls straddling the renewal, {mode}",
            _ms(straddling_p99),
            f"2 × normal p99 ({_ms(normal_p99)}) + one token request ({_ms(token_seconds)})",
            straddling_p99 / budget,
            ratio_text(straddling_p99 / budget),
            Goal("<", 1),
        ),
        Row(
            "7",
            f"p50 of calls straddling the renewal, {mode}",
            _ms(straddling_p50),
            f"normal p50: {_ms(normal_p50)}",
            straddling_p50 / normal_p50,
            ratio_text(straddling_p50 / normal_p50),
        ),
    ]


def measure(
    server: Server,
    rounds: int,
    tasks: int,
    threads: int,
    *,
    calls_per_worker: int,
    latency_seconds: float,
) -> Section:
    """Both modes, their rows, and the counts behind them."""
    controls = server.controls()
    controls.reset()
    credentials = seed_machine_client(controls)
    controls.delay(latency_seconds)
    try:
        token_seconds = token_request_seconds(server, credentials, TOKEN_SAMPLES)
        loads = {
            f"{tasks:,} asyncio tasks": run_tasks(
                server, credentials, tasks, rounds, calls_per_worker
            ),
            f"{threads} threads": run_threads(
                server, credentials, threads, rounds, calls_per_worker
            ),
        }
    finally:
        controls.clear_faults()
        controls.close()
    section = Section(
        figure="7",
        title=f"{tasks:,} asyncio tasks and {threads} threads through a token expiry on the server",
        method=(
            (__doc__ or "").split("\n\n", 1)[1].strip()
            + f"\n\nHere: {rounds} rounds per mode after {calls_per_worker} calls per worker of "
            f"warm-up; in each, {calls_per_worker} calls per worker, the expiry, and the calls "
            f"until every worker has returned one begun after it; +{latency_seconds * 1e3:g} ms "
            "per request "
            "(`POST /_sandbox/faults` with `delay_seconds`, path `/v2/*`). A straddling call "
            "makes two calls (the 401 and the resend) and waits for the token request: the "
            "goal is its p99 under twice the normal call's p99 plus one token request."
        ),
    )
    for mode, load in loads.items():
        if load.failures:
            raise RuntimeError(f"{mode}: {len(load.failures)} calls failed: {load.failures[0]}")
        if sum(load.refused) != len(load.straddling):
            raise RuntimeError(
                f"{mode}: the server refused {sum(load.refused)} calls, the hook saw "
                f"{len(load.straddling)}"
            )
        section.rows += _rows(mode, load, token_seconds)
        section.details += [
            (f"{mode}: token requests per renewal", str(load.token_requests)),
            (f"{mode}: calls straddling each renewal (401s)", str(load.refused)),
            (f"{mode}: normal calls in all", f"{len(load.normal):,}"),
            (
                f"{mode}: normal p50 / p99",
                f"{_ms(percentile(load.normal, 50))} / {_ms(percentile(load.normal, 99))}",
            ),
            (
                f"{mode}: straddling p50 / p99 / max",
                f"{_ms(percentile(load.straddling, 50))} / "
                f"{_ms(percentile(load.straddling, 99))} / {_ms(max(load.straddling))}",
            ),
        ]
    section.details.append(("one token request (median)", _ms(token_seconds)))
    return section
