"""The protocol that lets processes share one token lifecycle: a lock and a record per key.

Inside one process, ``_single_flight`` makes the callers that need a new token for one key at
the same moment wait for a single attempt. A ``TokenStore`` carries that across processes and
machines, and plugs in behind the in-process leader only:

1. The leader takes the store's lock for the key (``TokenStore.lock`` / ``alock``), waiting if
   another process holds it.
2. It reads the key's record (``TokenLease.load``): the current client-credentials token, or the
   successor of a spent refresh token. When that is usable, it adopts it, with no request.
3. Otherwise it makes the token request, saves the token as the key's record
   (``TokenLease.save``), runs ``on_token`` (refresh), and leaves, which releases the lock.

Waiters of the in-process flight and the steady state (a cached token that is still fresh)
never touch the store, so a store costs nothing between renewals.

Keys are SHA-256 hex digests (``hashed_key``) of what names the token (the client id and scope;
the refresh token), never a token or a secret. Records are bytes this module encodes (JSON with
a version, ASCII only) and decodes, refusing anything else with ``TokenRecordError``; a store
only keeps them, with an expiry: a record lives as long as its token (``record_expires_at``).

A lock lasts a token request's whole timeout plus a margin (``lock_ttl_seconds``); the leader
extends it before each retry (the retry transports ask it: ``RETRY_GUARD_EXTENSION``) and
before ``on_token``, so a live leader keeps it, and a dead one (``kill -9``) holds the others up
at most that long. A store whose locks die with their process (SQLite's file locks) needs no
TTL; it only bounds how long a waiter waits.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from contextlib import AbstractAsyncContextManager, AbstractContextManager
from typing import Protocol, TypeVar

import httpx

from ._constants import (
    DEFAULT_TIMEOUT_SECONDS,
    STORE_LOCK_TTL_MARGIN_SECONDS,
    STORE_RECORD_MIN_SECONDS,
    STORE_RECORD_SECONDS_WITHOUT_EXPIRY,
)
from ._errors import TokenRecordError
from ._token import Token, token_from_fields

__all__ = ["TokenStore"]

_T = TypeVar("_T")

_TIMEOUT_PHASES = ("connect", "write", "read", "pool")


class TokenLease(Protocol):
    """The lock for one key, held, and that key's record (sync)."""

    def load(self) -> bytes | None:
        """The key's record; ``None`` when there is none or it has expired."""
        ...

    def save(self, record: bytes, *, expires_at: float) -> None:
        """Keep ``record`` as the key's record until ``expires_at`` (Unix seconds). Others may
        see it once the lock is released, not before they hold it themselves."""
        ...

    def extend(self, ttl_seconds: float) -> None:
        """Keep the lock ``ttl_seconds`` from now; ``TokenStoreError`` if it was lost."""
        ...


class AsyncTokenLease(Protocol):
    """``TokenLease`` for asyncio code."""

    async def load(self) -> bytes | None:
        """See ``TokenLease.load``."""
        ...

    async def save(self, record: bytes, *, expires_at: float) -> None:
        """See ``TokenLease.save``."""
        ...

    async def extend(self, ttl_seconds: float) -> None:
        """See ``TokenLease.extend``."""
        ...


class TokenStore(Protocol):
    """Where processes coordinate tokens: a lock per key and a record per key.

    Pass one as ``store=`` to ``ClientCredentials`` or ``AuthorizationCodeFlow``:
    ``SQLiteTokenStore(path)`` for the processes of one host, ``RedisTokenStore(client)`` for a
    fleet, or your own class with these two methods. ``key`` is a SHA-256 hex digest.

    ``lock(key, ttl_seconds=...)`` waits until this caller holds the lock for ``key`` among
    every process sharing the store, at most about ``ttl_seconds`` (then ``TokenStoreError``),
    and gives a ``TokenLease`` for the key's record. A lock whose holder stops answering lapses
    ``ttl_seconds`` after it was taken or last extended, unless the store's locks die with
    their process. Leaving the block releases the lock; it raises ``TokenStoreError`` only
    when a record given to ``save()`` may not be stored. Every failure of the store raises
    ``TokenStoreError``, with a message that names the store and the reason.
    """

    def lock(self, key: str, *, ttl_seconds: float) -> AbstractContextManager[TokenLease]:
        """Hold the lock for ``key``; see the class docstring."""
        ...

    def alock(
        self, key: str, *, ttl_seconds: float
    ) -> AbstractAsyncContextManager[AsyncTokenLease]:
        """``lock`` for asyncio code."""
        ...


def lock_ttl_seconds(timeout: httpx.Timeout | Mapping[str, float | None] | None) -> float:
    """How long a store's lock lasts for a token request sent with ``timeout``.

    Each phase of the request (pool, connect, write, read) may take up to its timeout, one
    after the other; a phase without one counts as ``DEFAULT_TIMEOUT_SECONDS``. The margin
    covers the holder's work after the answer (parsing it, saving the record).
    """
    if timeout is None:
        phases: Mapping[str, float | None] = {}
    elif isinstance(timeout, httpx.Timeout):
        phases = timeout.as_dict()
    else:
        phases = timeout
    total = 0.0
    for phase in _TIMEOUT_PHASES:
        seconds = phases.get(phase)
        total += DEFAULT_TIMEOUT_SECONDS if seconds is None else float(seconds)
    return total + STORE_LOCK_TTL_MARGIN_SECONDS


def record_expires_at(token: Token, now: float) -> float:
    """When the record of ``token`` expires (Unix seconds): with the token, but not before
    ``STORE_RECORD_MIN_SECONDS`` from ``now``; ``token.expires_at`` is wall-clock time."""
    expires_at = token.expires_at
    if expires_at is None:
        expires_at = now + STORE_RECORD_SECONDS_WITHOUT_EXPIRY
    return max(expires_at, now + STORE_RECORD_MIN_SECONDS)


def encode_record(token: Token) -> bytes:
    """The record of ``token`` (with a wall-clock ``expires_at``): ``Token.to_dict()`` as ASCII
    JSON, so a record and what an application keeps for a user are one versioned form."""
    return json.dumps(token.to_dict(), separators=(",", ":"), allow_nan=False).encode("ascii")


def decode_record(record: bytes | str) -> Token:
    """The ``Token`` in ``record``, or ``TokenRecordError`` naming what is wrong (never a
    value: the record holds tokens)."""
    try:
        fields = json.loads(record)
    except (ValueError, UnicodeDecodeError):
        raise TokenRecordError("the token record is not JSON") from None
    return token_from_fields(fields, "the token record", TokenRecordError)


class LeaseInThreads:
    """A sync ``TokenLease`` for asyncio code: each step in a worker thread (``alock`` of a store
    whose I/O blocks: SQLite, a sync Redis client)."""

    __slots__ = ("_lease",)

    def __init__(self, lease: TokenLease) -> None:
        self._lease = lease

    async def load(self) -> bytes | None:
        return await in_worker_thread(self._lease.load)

    async def save(self, record: bytes, *, expires_at: float) -> None:
        await in_worker_thread(lambda: self._lease.save(record, expires_at=expires_at))

    async def extend(self, ttl_seconds: float) -> None:
        await in_worker_thread(lambda: self._lease.extend(ttl_seconds))


async def in_worker_thread(step: Callable[[], _T]) -> _T:
    """Run a blocking step of a store (a sync client, SQLite) without blocking the event loop.

    Not abandoned on cancellation: a lock taken in the thread must be released by the task.
    """
    import anyio.to_thread  # late: keeps `import telnyx_oauth` cheap

    return await anyio.to_thread.run_sync(step)
