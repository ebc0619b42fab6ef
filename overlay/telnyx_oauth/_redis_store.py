"""``RedisTokenStore``: a ``TokenStore`` in Redis, for processes on many hosts (docs/design.md)."""

from __future__ import annotations

import logging
import secrets
import time
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from functools import partial
from typing import TYPE_CHECKING, Any

from ._drive import Core, arun, run
from ._errors import ConfigurationError, TokenStoreError, missing_extra
from ._token_store import AsyncTokenLease, Drive, TokenLease, in_worker_thread, store_error

if TYPE_CHECKING:
    import redis
    import redis.asyncio

__all__ = ["RedisTokenStore"]

_LOCK_POLL_SECONDS = 0.01


class RedisTokenStore:
    """A ``TokenStore`` in Redis (the ``redis`` extra): ``client`` is a ``redis.Redis`` (sync and
    async code) or a ``redis.asyncio.Redis`` (async code only); keys start with ``prefix``."""

    def __init__(
        self, client: redis.Redis | redis.asyncio.Redis, *, prefix: str = "telnyx_oauth:"
    ) -> None:
        try:
            import redis.asyncio  # binds redis too
        except ImportError as exc:
            raise missing_extra("RedisTokenStore", "redis", exc) from None
        if not isinstance(client, (redis.Redis, redis.asyncio.Redis)):
            raise ConfigurationError(
                f"RedisTokenStore needs a redis.Redis or a redis.asyncio.Redis, not "
                f"{type(client).__name__}"
            )
        self._is_async = isinstance(client, redis.asyncio.Redis)
        self._client = client
        self.prefix = prefix
        self._bounded_clients: dict[float, Any] = {}

    def __repr__(self) -> str:
        options = self._client.connection_pool.connection_kwargs  # shown without credentials
        path = options.get("path")
        where = f"unix:{path}" if path else f"{options.get('host', '?')}:{options.get('port', '?')}"
        return f"RedisTokenStore({where}/{options.get('db', 0)}, prefix={self.prefix!r})"

    @contextmanager
    def lock(self, key: str, *, ttl_seconds: float) -> Iterator[TokenLease]:
        """redis-py's ``Lock`` for ``key``, with its record (see ``TokenStore``)."""
        if self._is_async:
            raise ConfigurationError(
                "this RedisTokenStore wraps a redis.asyncio.Redis, which serves async code only: "
                "give synchronous code a RedisTokenStore(redis.Redis(...))"
            )
        lease = _RedisLease(self, key, ttl_seconds, run)
        run(lease.acquire())
        try:
            yield lease
        finally:
            run(lease.release())

    @asynccontextmanager
    async def alock(self, key: str, *, ttl_seconds: float) -> AsyncIterator[AsyncTokenLease]:
        """``lock`` for asyncio code: a sync client's steps each run in a worker thread."""
        drive: Drive = arun if self._is_async else lambda core: in_worker_thread(lambda: run(core))
        lease = _RedisLease(self, key, ttl_seconds, drive)
        await drive(lease.acquire())
        try:
            yield lease
        finally:
            await drive(lease.release())

    def _bounded(self, ttl_seconds: float) -> Any:
        """The client, or its twin for ``ttl_seconds`` (docs/design.md: no command outlasts it)."""
        pool: Any = self._client.connection_pool
        limit = pool.connection_kwargs.get("socket_timeout")
        if limit is not None and limit <= ttl_seconds:
            return self._client
        if ttl_seconds not in self._bounded_clients:
            from redis.asyncio.retry import Retry as AsyncRetry
            from redis.backoff import NoBackoff
            from redis.retry import Retry

            options = dict(pool.connection_kwargs, socket_timeout=ttl_seconds)
            if options.get("socket_connect_timeout") is None:
                options["socket_connect_timeout"] = ttl_seconds
            options["retry"] = (AsyncRetry if self._is_async else Retry)(NoBackoff(), 0)
            pool = type(pool)(connection_class=pool.connection_class, **options)
            # Two threads may build one each: the loser, with no connection opened, is dropped.
            self._bounded_clients.setdefault(ttl_seconds, type(self._client)(connection_pool=pool))
        return self._bounded_clients[ttl_seconds]


class _RedisLease:
    def __init__(self, store: RedisTokenStore, key: str, ttl_seconds: float, drive: Drive) -> None:
        self._store = store
        self._drive = drive
        self._client = store._bounded(ttl_seconds)
        self._record = f"{store.prefix}token:{key}"
        self._lock: Any = self._client.lock(
            f"{store.prefix}lock:{key}",
            timeout=ttl_seconds,
            sleep=_LOCK_POLL_SECONDS,
            blocking_timeout=ttl_seconds + 10 * _LOCK_POLL_SECONDS,
            thread_local=False,  # async code's worker threads take and release it
        )

    def load(self) -> Any:
        command = partial(self._client.get, self._record)
        return self._drive(self._command("reading a record", command))

    def save(self, record: bytes, *, expires_at: float) -> Any:
        milliseconds = max(1, int((expires_at - time.time()) * 1000))
        command = partial(self._client.set, self._record, record, px=milliseconds)
        return self._drive(self._command("saving a record", command))

    def extend(self, ttl_seconds: float) -> Any:
        if self._lock is None:
            raise TokenStoreError(f"token store {self._store!r}: the lock is no longer held")
        command = partial(self._lock.extend, ttl_seconds, replace_ttl=True)
        return self._drive(self._command("extending its lock", command))

    def _command(self, doing: str, command: Callable[[], Any]) -> Core[Any]:
        import redis

        try:
            value = yield command()
        except redis.RedisError as exc:
            raise store_error(self._store, doing, exc) from exc
        return value.encode("utf-8", "replace") if isinstance(value, str) else value

    def acquire(self) -> Core[None]:
        owner = secrets.token_hex(16)
        taken = yield from self._command("taking its lock", lambda: self._lock.acquire(token=owner))
        if not taken:
            raise TokenStoreError(
                f"token store {self._store!r}: another process held the lock for more than "
                f"{self._lock.timeout:g} s"
            )

    def release(self) -> Core[None]:
        lock, self._lock = self._lock, None
        try:
            yield from self._command("releasing its lock", lock.release)
        except TokenStoreError as exc:  # it lapsed before its release: docs/design.md
            logging.getLogger("telnyx_oauth").warning("%s", exc)
