"""``RedisTokenStore``: a ``TokenStore`` in Redis, for a fleet of processes on many hosts.

The lock is redis-py's own ``Lock`` (``client.lock()``): ``SET key token NX PX ttl`` to take
it, a random owner token, and a Lua script that deletes the key only if it still holds that
token, so a process never releases a lock that lapsed and was taken by another. Its TTL is the
one the flow asks for (a token request's whole timeout plus a margin, ``lock_ttl_seconds``);
the leader extends it (``Lock.extend``, owner-checked too) before each retry and before
``on_token``. A process that dies holding it (``kill -9``) holds the others up until it lapses,
at most that TTL. A waiter polls every ``STORE_LOCK_POLL_SECONDS``, for at most the TTL (plus a
few polls), then gets ``TokenStoreError``.

Records are plain keys with the record as value and a TTL to match (``SET ... PX``), so Redis
forgets them when their token expires. Keys are ``{prefix}token:{key}`` and
``{prefix}lock:{key}``, ``key`` being a SHA-256 hex digest.

``client`` is a ``redis.Redis`` or a ``redis.asyncio.Redis``. An async client serves async
code only (its connections belong to an event loop); a sync one serves both, async callers
running each step in a worker thread. redis-py is imported here, when a ``RedisTokenStore`` is
built, never by ``import telnyx_oauth``.
"""

from __future__ import annotations

import logging
import secrets
import threading
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from typing import TYPE_CHECKING, Any

from ._constants import STORE_LOCK_POLL_SECONDS
from ._drive import Core, arun, run
from ._errors import ConfigurationError, TokenStoreError
from ._extras import missing_extra
from ._token_store import AsyncTokenLease, LeaseInThreads, TokenLease, in_worker_thread

if TYPE_CHECKING:
    import redis
    import redis.asyncio
    import redis.asyncio.lock
    import redis.lock

__all__ = ["RedisTokenStore"]

logger = logging.getLogger("telnyx_oauth")

# A waiter waits out the lock's TTL and a few polls more: redis-py gives up one poll early.
_WAIT_POLLS_BEYOND_TTL = 10
_OWNER_TOKEN_BYTES = 16


class RedisTokenStore:
    """A ``TokenStore`` in Redis: ``client`` is a ``redis.Redis`` (sync and async code) or a
    ``redis.asyncio.Redis`` (async code). Keys start with ``prefix``.

    Install the extra: ``pip install 'telnyx-oauth[redis]'``. See the module docstring for the
    lock, its TTL, and what a dead holder costs.
    """

    def __init__(
        self, client: redis.Redis | redis.asyncio.Redis, *, prefix: str = "telnyx_oauth:"
    ) -> None:
        try:
            import redis
            import redis.asyncio
        except ImportError as exc:
            raise missing_extra("RedisTokenStore", "redis", exc) from None
        if isinstance(client, redis.asyncio.Redis):
            self._is_async = True
        elif isinstance(client, redis.Redis):
            self._is_async = False
        else:
            raise ConfigurationError(
                f"RedisTokenStore needs a redis.Redis or a redis.asyncio.Redis, not "
                f"{type(client).__name__}"
            )
        self._client = client
        self.prefix = prefix
        # Clients like the caller's, with command timeouts: by the lock TTL they serve.
        self._bounded_clients: dict[float, Any] = {}
        self._bounded_lock = threading.Lock()

    def __repr__(self) -> str:
        return f"RedisTokenStore({_where(self._client)}, prefix={self.prefix!r})"

    @contextmanager
    def lock(self, key: str, *, ttl_seconds: float) -> Iterator[TokenLease]:
        """redis-py's ``Lock`` for ``key``, with its record (see ``TokenStore``)."""
        if self._is_async:
            raise ConfigurationError(
                "this RedisTokenStore wraps a redis.asyncio.Redis, which serves async code only: "
                "give synchronous code a RedisTokenStore(redis.Redis(...))"
            )
        lease = _RedisLease(self, key, ttl_seconds)
        lease.acquire()
        try:
            yield lease
        finally:
            lease.release()

    @asynccontextmanager
    async def alock(self, key: str, *, ttl_seconds: float) -> AsyncIterator[AsyncTokenLease]:
        """``lock`` for asyncio code."""
        if not self._is_async:
            threaded = _RedisLease(self, key, ttl_seconds)
            await in_worker_thread(threaded.acquire)
            try:
                yield LeaseInThreads(threaded)
            finally:
                await in_worker_thread(threaded.release)
            return
        lease = _AsyncRedisLease(self, key, ttl_seconds)
        await lease.acquire()
        try:
            yield lease
        finally:
            await lease.release()

    # -- for the leases --------------------------------------------------------------------------

    def _lock_options(self, key: str, ttl_seconds: float) -> dict[str, Any]:
        return {
            "name": f"{self.prefix}lock:{key}",
            "timeout": ttl_seconds,
            "sleep": STORE_LOCK_POLL_SECONDS,
            "blocking": True,
            "blocking_timeout": ttl_seconds + _WAIT_POLLS_BEYOND_TTL * STORE_LOCK_POLL_SECONDS,
            # Taken and released by different worker threads when async code uses a sync client.
            "thread_local": False,
        }

    def _bounded(self, ttl_seconds: float) -> Any:
        """The caller's client if its commands time out within ``ttl_seconds``; else one on a
        pool of its own with the same connection options but that timeout, and no retries.

        A Redis that stops answering (``SIGSTOP``, a stalled network) would otherwise hold a
        token renewal for as long as the socket stays open, whatever the HTTP client's
        timeout: the lock TTL is that timeout's whole length, so no store command may take
        longer. Without retries because a retry would start that wait again.
        """
        pool: Any = self._client.connection_pool
        options = dict(pool.connection_kwargs)
        limit = options.get("socket_timeout")
        if limit is not None and limit <= ttl_seconds:
            return self._client
        with self._bounded_lock:
            bounded = self._bounded_clients.get(ttl_seconds)
            if bounded is None:
                options["socket_timeout"] = ttl_seconds
                if options.get("socket_connect_timeout") is None:
                    options["socket_connect_timeout"] = ttl_seconds
                options["retry"] = _no_retries(is_async=self._is_async)
                bounded_pool = type(pool)(connection_class=pool.connection_class, **options)
                bounded = type(self._client)(connection_pool=bounded_pool)
                self._bounded_clients[ttl_seconds] = bounded
        return bounded

    def _record_key(self, key: str) -> str:
        return f"{self.prefix}token:{key}"

    def _error(self, exc: Exception, doing: str) -> TokenStoreError:
        return TokenStoreError(f"token store {self!r} failed {doing}: {exc} ({type(exc).__name__})")

    def _timed_out(self, ttl_seconds: float) -> TokenStoreError:
        return TokenStoreError(
            f"token store {self!r}: another process held the lock for more than {ttl_seconds:g} s"
        )

    def _lapsed(self, exc: Exception) -> None:
        # The lock lapsed (or Redis lost it, restarting) before its holder let go: the record,
        # if saved, is there all the same, but another process may have acted meanwhile.
        logger.warning("%s", self._error(exc, "releasing its lock"))


class _RedisSteps:
    """One held redis-py ``Lock`` and its key's record: each step written once (``_drive``),
    run by ``_RedisLease`` (a ``redis.Redis``) or ``_AsyncRedisLease`` (``redis.asyncio``)."""

    __slots__ = ("_key", "_lock", "_store", "_ttl_seconds")

    def __init__(self, store: RedisTokenStore, key: str, ttl_seconds: float) -> None:
        self._store = store
        self._key = key
        self._ttl_seconds = ttl_seconds
        self._lock: Any = None

    def _acquire(self) -> Core[None]:
        import redis

        client = self._store._bounded(self._ttl_seconds)
        lock = client.lock(**self._store._lock_options(self._key, self._ttl_seconds))
        try:
            taken = yield lock.acquire(token=secrets.token_hex(_OWNER_TOKEN_BYTES))
        except redis.RedisError as exc:
            raise self._store._error(exc, "taking its lock") from exc
        if not taken:
            raise self._store._timed_out(self._ttl_seconds)
        self._lock = lock

    def _release(self) -> Core[None]:
        import redis

        lock, self._lock = self._lock, None
        if lock is not None:
            try:
                yield lock.release()
            except redis.RedisError as exc:
                self._store._lapsed(exc)

    def _load(self) -> Core[bytes | None]:
        import redis

        client = self._store._bounded(self._ttl_seconds)
        try:
            value = yield client.get(self._store._record_key(self._key))
        except redis.RedisError as exc:
            raise self._store._error(exc, "reading a record") from exc
        return _as_bytes(value)

    def _save(self, record: bytes, expires_at: float) -> Core[None]:
        import redis

        client = self._store._bounded(self._ttl_seconds)
        key, milliseconds = self._store._record_key(self._key), _milliseconds_until(expires_at)
        try:
            yield client.set(key, record, px=milliseconds)
        except redis.RedisError as exc:
            raise self._store._error(exc, "saving a record") from exc

    def _extend(self, ttl_seconds: float) -> Core[None]:
        import redis

        if self._lock is None:
            raise TokenStoreError(f"token store {self._store!r}: the lock is no longer held")
        try:
            yield self._lock.extend(ttl_seconds, replace_ttl=True)
        except redis.RedisError as exc:
            raise self._store._error(exc, "extending its lock") from exc


class _RedisLease(_RedisSteps):
    """The steps on a ``redis.Redis``."""

    __slots__ = ()

    def acquire(self) -> None:
        run(self._acquire())

    def release(self) -> None:
        run(self._release())

    def load(self) -> bytes | None:
        return run(self._load())

    def save(self, record: bytes, *, expires_at: float) -> None:
        run(self._save(record, expires_at))

    def extend(self, ttl_seconds: float) -> None:
        run(self._extend(ttl_seconds))


class _AsyncRedisLease(_RedisSteps):
    """The steps on a ``redis.asyncio.Redis``, each command awaited."""

    __slots__ = ()

    async def acquire(self) -> None:
        await arun(self._acquire())

    async def release(self) -> None:
        await arun(self._release())

    async def load(self) -> bytes | None:
        return await arun(self._load())

    async def save(self, record: bytes, *, expires_at: float) -> None:
        await arun(self._save(record, expires_at))

    async def extend(self, ttl_seconds: float) -> None:
        await arun(self._extend(ttl_seconds))


def _no_retries(*, is_async: bool) -> Any:
    from redis.backoff import NoBackoff

    if is_async:
        from redis.asyncio.retry import Retry as AsyncRetry

        return AsyncRetry(NoBackoff(), 0)
    from redis.retry import Retry

    return Retry(NoBackoff(), 0)


def _as_bytes(value: object) -> bytes | None:
    """A record as bytes, whatever the client decodes (``decode_responses=True`` gives str)."""
    if value is None or isinstance(value, bytes):
        return value
    return str(value).encode("utf-8", "replace")


def _milliseconds_until(expires_at: float) -> int:
    # Relative to this host's clock, not Redis's: a TTL, so the two clocks need not agree.
    return max(1, int((expires_at - time.time()) * 1000))


def _where(client: object) -> str:
    """Where ``client`` connects: host, port and database, or a socket path; no credentials."""
    try:
        options = client.connection_pool.connection_kwargs  # type: ignore[attr-defined]
    except AttributeError:
        return type(client).__name__
    if options.get("path"):
        return f"unix:{options['path']}/{options.get('db', 0)}"
    return f"{options.get('host', '?')}:{options.get('port', '?')}/{options.get('db', 0)}"
