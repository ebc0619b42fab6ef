"""What one process of a multi-process test does (run in fleet workers and spawned processes).

Everything here is picklable and imports only what a real user's process would: the overlay,
the generated client and redis-py. Results go back as plain values.
"""

from __future__ import annotations

import asyncio
import dataclasses
import os
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, TypeVar

import httpx
import redis
import redis.asyncio

from bench._processes import start_together
from telnyx_oauth import (
    AuthorizationCodeFlow,
    ClientCredentials,
    RedisTokenStore,
    SQLiteTokenStore,
    Token,
    TokenStore,
    connect,
    connect_anonymous,
)
from telnyx_oauth.token_stores import EncryptedTokenStore
from telnyx_oauth_api import Client
from telnyx_oauth_api.api.oauth_clients import get_oauth_client
from telnyx_oauth_sandbox import SandboxControls

REDIRECT_URI = "https://app.example.com/oauth/callback"
_T = TypeVar("_T")


@dataclass(frozen=True)
class StoreSpec:
    """How a process builds its store: ``sqlite`` (a file path) or ``redis`` (a URL)."""

    backend: str
    location: str
    keys: tuple[str, ...] = ()

    def build(self, *, asynchronous: bool = False, **redis_options: Any) -> TokenStore:
        """A new store object, as a fresh process would make it."""
        store: TokenStore
        if self.backend == "sqlite":
            store = SQLiteTokenStore(self.location)
        elif asynchronous:
            store = RedisTokenStore(redis.asyncio.Redis.from_url(self.location, **redis_options))
        else:
            store = RedisTokenStore(redis.Redis.from_url(self.location, **redis_options))
        return EncryptedTokenStore(store, list(self.keys)) if self.keys else store


@dataclass(frozen=True)
class Machine:
    """The sandbox, and the OAuth client the processes authenticate as."""

    base_url: str
    api_key: str
    client_id: str
    client_secret: str


def in_threads(threads: int, work: Callable[[], _T]) -> list[_T]:
    """``work()`` in ``threads`` threads released together; their results."""
    start_line = threading.Barrier(threads)

    def run() -> _T:
        start_line.wait(timeout=60)
        return work()

    with ThreadPoolExecutor(threads) as pool:
        return [future.result() for future in [pool.submit(run) for _ in range(threads)]]


def client_credentials(
    index: int,
    spec: StoreSpec,
    machine: Machine,
    asynchronous: bool,
    workers: int,
    calls: int,
) -> int:
    """Cold start, then a renewal at once: ``workers`` threads (or tasks) make ``calls`` calls
    each; the server's clock then jumps an hour (process 0 moves it), so every cached token
    gets a 401 at the same moment, and each worker makes ``calls`` more. Returns the calls
    that succeeded (a failure raises)."""
    auth = ClientCredentials(
        machine.client_id, machine.client_secret, store=spec.build(asynchronous=asynchronous)
    )
    client = connect(auth=auth, base_url=machine.base_url)

    def expire_tokens_on_the_server() -> None:
        start_together()
        if index == 0:
            with SandboxControls(machine.base_url, machine.api_key) as controls:
                controls.advance_clock(3600)
        start_together()

    if not asynchronous:

        def work() -> int:
            for _ in range(calls):
                get_oauth_client.sync(machine.client_id, client=client)
            return calls

        start_together()
        done = sum(in_threads(workers, work))
        expire_tokens_on_the_server()
        return done + sum(in_threads(workers, work))

    async def main() -> int:
        async def work() -> int:
            for _ in range(calls):
                await get_oauth_client.asyncio(machine.client_id, client=client)
            return calls

        await asyncio.to_thread(start_together)
        done = sum(await asyncio.gather(*(work() for _ in range(workers))))
        await asyncio.to_thread(expire_tokens_on_the_server)
        return done + sum(await asyncio.gather(*(work() for _ in range(workers))))

    return asyncio.run(main())


def app_flow(
    app: Machine, client: Client, store: TokenStore | None = None, **options: Any
) -> AuthorizationCodeFlow:
    """``app``'s authorization-code flow over ``client``, with ``store`` and ``options``."""
    return AuthorizationCodeFlow(
        client,
        client_id=app.client_id,
        client_secret=app.client_secret,
        redirect_uri=REDIRECT_URI,
        store=store,
        **options,
    )


def refresh_flow(
    spec: StoreSpec,
    machine: Machine,
    hook_log: str,
    *,
    asynchronous: bool = False,
    client: Client | None = None,
    base_url: str | None = None,
    timeout: float | None = None,
) -> AuthorizationCodeFlow:
    """A flow with a store whose ``on_token`` appends one line per rotation to ``hook_log``;
    over ``client`` when given (the caller closes it), else a new one for this process."""

    def on_token(new: Token, previous: Token | None) -> None:
        with open(hook_log, "a", encoding="utf-8") as log:
            log.write(f"{os.getpid()}\n")

    if client is None:
        options: dict[str, Any] = {} if timeout is None else {"timeout": httpx.Timeout(timeout)}
        client = connect_anonymous(base_url=base_url or machine.base_url, **options)
    return app_flow(machine, client, spec.build(asynchronous=asynchronous), on_token=on_token)


def refresh(
    index: int,
    spec: StoreSpec,
    machine: Machine,
    token: dict[str, Any],
    hook_log: str,
    asynchronous: bool,
    workers: int,
) -> list[dict[str, Any]]:
    """``workers`` threads (or tasks) refresh the same token, loaded from "the user's database"
    (built from its fields), at the same moment; the successors they got."""
    flow = refresh_flow(spec, machine, hook_log, asynchronous=asynchronous)
    loaded = Token(**token)
    start_together()
    if not asynchronous:
        return [dataclasses.asdict(t) for t in in_threads(workers, lambda: flow.refresh(loaded))]

    async def main() -> list[Token]:
        return list(await asyncio.gather(*(flow.arefresh(loaded) for _ in range(workers))))

    return [dataclasses.asdict(t) for t in asyncio.run(main())]


def refresh_once(
    spec: StoreSpec, machine: Machine, token: dict[str, Any], hook_log: str, base_url: str
) -> None:
    """One refresh with short timeouts against ``base_url`` (the dead-holder tests point it at a
    server that never finishes answering, so this process holds the lock until it is killed)."""
    flow = refresh_flow(spec, machine, hook_log, base_url=base_url, timeout=0.3)
    flow.refresh(Token(**token))


def as_nobody(job: Callable[..., _T], *args: Any) -> _T:
    """``job(*args)`` after dropping root (uid and gid 65534), so file modes bind this process
    as they bind any user; a process that is not root runs it as it is."""
    if os.geteuid() == 0:
        os.setgroups([])
        os.setgid(65534)
        os.setuid(65534)
    return job(*args)
