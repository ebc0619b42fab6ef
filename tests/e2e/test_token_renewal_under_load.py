"""``ClientCredentials`` under real concurrency over loopback: hundreds of tasks, dozens of threads.

Token requests are counted by the sandbox. The server-side delays (fault rules with
``delay_seconds``) make callers overlap for real: every caller of a wave is in flight when the
first answer comes back. Each wave runs under a time bound far above what it needs, so a stall or
a deadlock fails the test with how many calls finished instead of hanging the suite.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Awaitable, Callable

import httpx
import pytest

from telnyx_oauth import (
    APIConnectionError,
    APITimeoutError,
    ClientCredentials,
    InternalServerError,
    connect,
)
from telnyx_oauth.retries import AsyncRetryTransport, RetryTransport
from telnyx_oauth_api import AuthenticatedClient
from telnyx_oauth_api.api.oauth_clients import get_oauth_client
from telnyx_oauth_api.models import GrantType, OAuthClientResponse
from telnyx_oauth_sandbox import (
    ACCESS_TOKEN_LIFETIME_SECONDS,
    MANAGEMENT_SCOPE,
    SandboxControls,
    SandboxServer,
)
from tests._support.sleeps import Sleeps
from tests.e2e._flows import create_client, secret_of

TOKEN = "/v2/oauth/token"
# Long enough for every caller of a wave to be in flight when the first answer arrives.
API_DELAY_SECONDS = 0.2
WAVE_BOUND_SECONDS = 30.0


def _machine_auth(api: AuthenticatedClient) -> tuple[ClientCredentials, str]:
    """A fresh auth for a new client-credentials client, and that client's id."""
    client = create_client(
        api, grant_types=[GrantType.CLIENT_CREDENTIALS], scopes=[MANAGEMENT_SCOPE]
    )
    return ClientCredentials(client.client_id, secret_of(client)), client.client_id


def _expire_on_the_server(controls: SandboxControls) -> None:
    """The token dies on the server only: the auth still believes it fresh, so every caller of
    the next wave gets a 401 and renews, the case that deadlocked."""
    controls.advance_clock(ACCESS_TOKEN_LIFETIME_SECONDS + 1)
    controls.clear_stats()


def _threaded(calls: int, call: Callable[[], object]) -> list[object]:
    """``calls`` daemon threads released together; each result is a value or an exception.

    Daemon threads, so that a deadlock fails the test instead of keeping pytest from exiting.
    """
    results: list[object] = []
    lock = threading.Lock()
    start = threading.Barrier(calls)

    def run() -> None:
        start.wait()
        try:
            outcome: object = call()
        except Exception as exc:
            outcome = exc
        with lock:
            results.append(outcome)

    threads = [threading.Thread(target=run, daemon=True) for _ in range(calls)]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + WAVE_BOUND_SECONDS
    for thread in threads:
        thread.join(max(deadline - time.monotonic(), 0.0))
    with lock:
        done = list(results)
    assert len(done) == calls, (
        f"{len(done)} of {calls} threads finished within {WAVE_BOUND_SECONDS:g} s"
    )
    return done


async def _gathered(calls: int, call: Callable[[], Awaitable[object]]) -> list[object]:
    """``calls`` tasks started together; each result is a value or an exception."""

    async def run() -> object:
        try:
            return await call()
        except Exception as exc:
            return exc

    tasks = [asyncio.ensure_future(run()) for _ in range(calls)]
    done, pending = await asyncio.wait(tasks, timeout=WAVE_BOUND_SECONDS)
    for task in pending:
        task.cancel()
    await asyncio.gather(*pending, return_exceptions=True)
    assert not pending, f"{len(done)} of {calls} tasks finished within {WAVE_BOUND_SECONDS:g} s"
    return [task.result() for task in tasks]


def _kinds(results: list[object]) -> set[type]:
    return {type(result) for result in results}


# -- a server-side expiry with more callers than connections ----------------------------------


async def test_300_tasks_renew_once_through_a_server_side_expiry(
    api: AuthenticatedClient, sandbox: SandboxServer, controls: SandboxControls
) -> None:
    """300 tasks on one client (a pool of 100) all get a 401 at once: one token request, and
    every call succeeds (a 401 used to hold its connection while its flow waited)."""
    auth, client_id = _machine_auth(api)
    controls.fault(
        method="GET", path="/v2/oauth_clients/*", count=10**6, delay_seconds=API_DELAY_SECONDS
    )
    async with connect(auth=auth, base_url=sandbox.base_url) as machine:
        await get_oauth_client.asyncio(client_id, client=machine)
        _expire_on_the_server(controls)
        results = await _gathered(300, lambda: get_oauth_client.asyncio(client_id, client=machine))
    assert _kinds(results) == {OAuthClientResponse}
    assert controls.token_requests("client_credentials") == 1


def test_48_threads_renew_once_through_a_server_side_expiry(
    api: AuthenticatedClient, sandbox: SandboxServer, controls: SandboxControls
) -> None:
    """48 threads on a pool of 16 connections all get a 401 at once: one token request, and
    every call succeeds."""
    auth, client_id = _machine_auth(api)
    pool = httpx.Limits(max_connections=16, max_keepalive_connections=16)
    controls.fault(
        method="GET", path="/v2/oauth_clients/*", count=10**6, delay_seconds=API_DELAY_SECONDS
    )
    machine = connect(
        auth=auth,
        base_url=sandbox.base_url,
        transport=RetryTransport(httpx.HTTPTransport(limits=pool)),
    )
    get_oauth_client.sync(client_id, client=machine)
    _expire_on_the_server(controls)
    results = _threaded(48, lambda: get_oauth_client.sync(client_id, client=machine))
    machine.get_httpx_client().close()
    assert _kinds(results) == {OAuthClientResponse}
    assert controls.token_requests("client_credentials") == 1


def test_threads_and_tasks_share_one_token_request(
    api: AuthenticatedClient, sandbox: SandboxServer, controls: SandboxControls
) -> None:
    """Sync and async callers of one ClientCredentials share its renewal: 8 threads and 8 tasks
    starting together with no token make one token request between them."""
    auth, client_id = _machine_auth(api)
    controls.fault(method="POST", path=TOKEN, count=10, delay_seconds=0.3)
    machine = connect(auth=auth, base_url=sandbox.base_url)
    go = threading.Event()
    outcomes: list[object] = []

    def thread_call() -> None:
        go.wait(WAVE_BOUND_SECONDS)
        outcomes.append(get_oauth_client.sync(client_id, client=machine))

    threads = [threading.Thread(target=thread_call, daemon=True) for _ in range(8)]
    for thread in threads:
        thread.start()

    async def tasks() -> list[object]:
        go.set()
        return await _gathered(8, lambda: get_oauth_client.asyncio(client_id, client=machine))

    outcomes += asyncio.run(tasks())
    for thread in threads:
        thread.join(WAVE_BOUND_SECONDS)
    machine.get_httpx_client().close()
    assert len(outcomes) == 16
    assert _kinds(outcomes) == {OAuthClientResponse}
    assert controls.token_requests("client_credentials") == 1


# -- failures are shared with the waiters of the attempt ----------------------------------------


def _slow_failing_token_endpoint(
    controls: SandboxControls, *, status: int | None = None, drop_connection: bool = False
) -> None:
    # Slow, so that every caller joins the first attempt before it ends.
    controls.fault(
        method="POST",
        path=TOKEN,
        count=100,
        delay_seconds=0.3,
        status=status,
        drop_connection=drop_connection,
    )


def _machine(
    sandbox: SandboxServer, auth: ClientCredentials, sleeps: Sleeps
) -> AuthenticatedClient:
    return connect(
        auth=auth,
        base_url=sandbox.base_url,
        transport=RetryTransport(httpx.HTTPTransport(), sleep=sleeps),
        async_transport=AsyncRetryTransport(httpx.AsyncHTTPTransport(), sleep=sleeps.asleep),
    )


def test_503s_reach_every_waiting_thread_from_one_attempt(
    api: AuthenticatedClient, sandbox: SandboxServer, controls: SandboxControls, sleeps: Sleeps
) -> None:
    """16 threads and a token endpoint answering 503: one attempt (three requests, its
    retries), and every thread gets its InternalServerError."""
    auth, client_id = _machine_auth(api)
    _slow_failing_token_endpoint(controls, status=503)
    machine = _machine(sandbox, auth, sleeps)
    results = _threaded(16, lambda: get_oauth_client.sync(client_id, client=machine))
    machine.get_httpx_client().close()
    assert _kinds(results) == {InternalServerError}
    assert controls.requests("POST", TOKEN) == 3
    assert len({str(error) for error in results}) == 1
    assert len({id(error) for error in results}) == 16  # each caller raises its own copy


async def test_503s_reach_every_waiting_task_from_one_attempt(
    api: AuthenticatedClient, sandbox: SandboxServer, controls: SandboxControls, sleeps: Sleeps
) -> None:
    """100 tasks and a token endpoint answering 503: three token requests, 100 errors."""
    auth, client_id = _machine_auth(api)
    _slow_failing_token_endpoint(controls, status=503)
    async with _machine(sandbox, auth, sleeps) as machine:
        results = await _gathered(100, lambda: get_oauth_client.asyncio(client_id, client=machine))
    assert _kinds(results) == {InternalServerError}
    assert controls.requests("POST", TOKEN) == 3


def test_a_dropped_token_request_reaches_every_waiter_as_one_connection_error(
    api: AuthenticatedClient, sandbox: SandboxServer, controls: SandboxControls, sleeps: Sleeps
) -> None:
    """The token endpoint drops every connection: its three attempts end in one
    APIConnectionError naming the token request, and all 8 threads raise it."""
    auth, client_id = _machine_auth(api)
    _slow_failing_token_endpoint(controls, drop_connection=True)
    machine = _machine(sandbox, auth, sleeps)
    results = _threaded(8, lambda: get_oauth_client.sync(client_id, client=machine))
    machine.get_httpx_client().close()
    assert _kinds(results) == {APIConnectionError}
    assert controls.requests("POST", TOKEN) == 3
    (message,) = {str(error) for error in results}
    assert message.startswith(f"POST {sandbox.base_url}{TOKEN}: connection failed (")


# -- the token request keeps the caller's timeouts ----------------------------------------------


def test_slow_token_endpoint_times_out_with_the_clients_timeout(
    api: AuthenticatedClient, sandbox: SandboxServer, controls: SandboxControls
) -> None:
    """connect(timeout=0.25) and a token endpoint that answers after 1 s: APITimeoutError for
    the token request, instead of a success after the server's second."""
    auth, client_id = _machine_auth(api)
    controls.fault(method="POST", path=TOKEN, count=1, delay_seconds=1.0)
    machine = connect(auth=auth, base_url=sandbox.base_url, timeout=0.25, max_retries=0)
    with pytest.raises(APITimeoutError) as caught:
        get_oauth_client.sync(client_id, client=machine)
    machine.get_httpx_client().close()
    assert caught.value.request.url.path == TOKEN
    assert str(caught.value).startswith(f"POST {sandbox.base_url}{TOKEN}: timed out (ReadTimeout")


async def test_slow_token_endpoint_times_out_async(
    api: AuthenticatedClient, sandbox: SandboxServer, controls: SandboxControls
) -> None:
    """The same through the async client, for three tasks that wait on one token request."""
    auth, client_id = _machine_auth(api)
    controls.fault(method="POST", path=TOKEN, count=1, delay_seconds=1.0)
    async with connect(
        auth=auth, base_url=sandbox.base_url, timeout=0.25, max_retries=0
    ) as machine:
        results = await _gathered(3, lambda: get_oauth_client.asyncio(client_id, client=machine))
    assert _kinds(results) == {APITimeoutError}
    assert controls.requests("POST", TOKEN) == 1
