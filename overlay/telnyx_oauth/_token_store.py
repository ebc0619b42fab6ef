"""The ``TokenStore`` protocol and the records it keeps (docs/design.md, "Token stores")."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from contextlib import AbstractAsyncContextManager, AbstractContextManager
from typing import Any, Protocol, TypeVar

import httpx

from ._constants import DEFAULT_TIMEOUT_SECONDS
from ._drive import Core
from ._errors import TokenRecordError, TokenStoreError
from ._token import Token, token_from_fields

__all__ = ["TokenStore"]

_LOCK_TTL_MARGIN_SECONDS = 0.5
_RECORD_MIN_SECONDS = 60.0
_RECORD_SECONDS_WITHOUT_EXPIRY = 3600.0
_T = TypeVar("_T")
Drive = Callable[[Core[Any]], Any]  # how a lease's steps run: run, arun, or in a worker thread


class TokenLease(Protocol):
    """The lock for one key, held, and that key's record: ``load()`` gives it (``None`` when
    there is none or it expired); ``save()`` keeps it until ``expires_at`` (Unix seconds), seen
    by whoever holds the lock next; ``extend()`` keeps the lock ``ttl_seconds`` from now, or
    raises ``TokenStoreError`` if it was lost."""

    def load(self) -> bytes | None: ...
    def save(self, record: bytes, *, expires_at: float) -> None: ...
    def extend(self, ttl_seconds: float) -> None: ...


class AsyncTokenLease(Protocol):
    """``TokenLease`` for asyncio code."""

    async def load(self) -> bytes | None: ...
    async def save(self, record: bytes, *, expires_at: float) -> None: ...
    async def extend(self, ttl_seconds: float) -> None: ...


class TokenStore(Protocol):
    """Where processes coordinate tokens (``store=`` of the flows): a lock and a record per key.

    ``SQLiteTokenStore`` serves one host, ``RedisTokenStore`` a fleet; or write your own.
    Every failure raises ``TokenStoreError`` naming the store and the reason.
    """

    def lock(self, key: str, *, ttl_seconds: float) -> AbstractContextManager[TokenLease]:
        """Wait (about ``ttl_seconds`` at most) to hold the lock for ``key`` (a SHA-256 hex
        digest) among every process sharing the store; it lapses ``ttl_seconds`` after it was
        taken or extended if its holder stops answering. Leaving the block releases it, and
        raises only when a saved record may not be stored. ``alock``: for asyncio code."""

    def alock(
        self, key: str, *, ttl_seconds: float
    ) -> AbstractAsyncContextManager[AsyncTokenLease]: ...


def lock_ttl_seconds(timeout: httpx.Timeout | Mapping[str, float | None] | None) -> float:
    """A store lock's TTL for a token request sent with ``timeout`` (docs/design.md)."""
    phases = timeout.as_dict() if isinstance(timeout, httpx.Timeout) else timeout or {}
    seconds = (phases.get(phase) for phase in ("connect", "write", "read", "pool"))
    total = sum(DEFAULT_TIMEOUT_SECONDS if each is None else float(each) for each in seconds)
    return total + _LOCK_TTL_MARGIN_SECONDS


def record_expires_at(token: Token, now: float) -> float:
    """When the record of ``token`` expires, in Unix seconds (docs/design.md)."""
    if token.expires_at is None:
        return now + _RECORD_SECONDS_WITHOUT_EXPIRY
    return max(token.expires_at, now + _RECORD_MIN_SECONDS)


def encode_record(token: Token) -> bytes:
    return json.dumps(token.to_dict(), separators=(",", ":"), allow_nan=False).encode("ascii")


def decode_record(record: bytes | str) -> Token:
    """The ``Token`` in ``record``, or ``TokenRecordError`` naming what is wrong (no value)."""
    try:
        fields = json.loads(record)
    except (ValueError, UnicodeDecodeError):
        raise TokenRecordError("the token record is not JSON") from None
    except RecursionError:
        raise TokenRecordError("the token record nests too deeply") from None
    return token_from_fields(fields, "the token record", TokenRecordError)


def store_error(store: object, doing: str, exc: Exception) -> TokenStoreError:
    name = getattr(exc, "sqlite_errorname", None) or type(exc).__name__
    return TokenStoreError(f"token store {store!r} failed {doing}: {exc} ({name})")


async def in_worker_thread(step: Callable[[], _T]) -> _T:
    """Run ``step`` in a worker thread, not abandoned on cancellation (docs/design.md)."""
    import anyio.to_thread  # late: keeps `import telnyx_oauth` cheap

    return await anyio.to_thread.run_sync(step)
