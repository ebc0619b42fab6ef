"""``SQLiteTokenStore``: a ``TokenStore`` in one SQLite file, for the processes of one host.

The lock is SQLite's own write lock: the leader opens a connection of its own and starts a
write transaction (``BEGIN IMMEDIATE``), reads and writes the key's row inside it, and commits
when it leaves. No lock protocol of ours, and no TTL to tune:

- A process that waits for the lock waits in SQLite's busy handler (``busy_timeout``), at most
  the lock's TTL, then gets ``TokenStoreError``.
- A process that dies holding it (``kill -9``) loses its file locks with it, at once: the next
  process takes the lock straight away, and SQLite rolls the unfinished transaction back.
- What it costs: one write lock per file, so renewals of different keys (other clients, other
  users' refresh tokens) in that file take turns. A renewal holds it for one token request, once
  per token lifetime per key; a host that renews many keys at the same moment can use one file
  per client, or Redis.

Records are rows ``(key, record, expires_at)``: a read ignores a row past its ``expires_at``,
and every lock deletes such rows first. That delete is a write, so a file SQLite can only read
(a read-only disk or file) fails at the lock, before any token request.

The file is created with mode 0600 (only the user the processes run as can read it; SQLite gives
its journal the same mode); a file that exists keeps its mode. Async callers run each step in a
worker thread (``anyio.to_thread``); one connection passes from step to step, never used by two
threads at once.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from typing import TYPE_CHECKING

from ._errors import ConfigurationError, TokenStoreError
from ._token_store import AsyncTokenLease, LeaseInThreads, TokenLease, in_worker_thread

if TYPE_CHECKING:
    import sqlite3

__all__ = ["SQLiteTokenStore"]

_TABLE = "telnyx_oauth_token_records"
_SCHEMA = (
    f"CREATE TABLE IF NOT EXISTS {_TABLE} "
    "(key TEXT PRIMARY KEY NOT NULL, record BLOB NOT NULL, expires_at REAL NOT NULL) WITHOUT ROWID"
)
_PURGE = f"DELETE FROM {_TABLE} WHERE expires_at <= ?"  # noqa: S608 - a constant table name
_LOAD = f"SELECT record FROM {_TABLE} WHERE key = ? AND expires_at > ?"  # noqa: S608
_SAVE = f"INSERT OR REPLACE INTO {_TABLE} (key, record, expires_at) VALUES (?, ?, ?)"  # noqa: S608


class SQLiteTokenStore:
    """A ``TokenStore`` in the SQLite file at ``path``, created (mode 0600) when first used.

    For the processes of one host, such as ``gunicorn -w 4`` workers: every process passes the
    same path. See the module docstring for what the lock costs and how it fails.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        text = os.fspath(path)
        if not text or text == ":memory:" or text.startswith("file:"):
            raise ConfigurationError(
                "SQLiteTokenStore needs the path of a file that every process opens "
                "(not ':memory:' or a URI)"
            )
        self.path = text

    def __repr__(self) -> str:
        return f"SQLiteTokenStore({self.path!r})"

    @contextmanager
    def lock(self, key: str, *, ttl_seconds: float) -> Iterator[TokenLease]:
        """SQLite's write lock, with ``key``'s record (see ``TokenStore``)."""
        lease = _SQLiteLease(self, key, ttl_seconds)
        lease.begin()
        try:
            yield lease
        except BaseException:
            lease.end()
            raise
        lease.end()

    @asynccontextmanager
    async def alock(self, key: str, *, ttl_seconds: float) -> AsyncIterator[AsyncTokenLease]:
        """``lock`` for asyncio code: each step in a worker thread."""
        lease = _SQLiteLease(self, key, ttl_seconds)
        await in_worker_thread(lease.begin)
        try:
            yield LeaseInThreads(lease)
        except BaseException:
            await in_worker_thread(lease.end)
            raise
        await in_worker_thread(lease.end)

    def _connect(self, busy_timeout_seconds: float) -> sqlite3.Connection:
        """A connection of its own (tests add pragmas here); creates the file, 0600."""
        import sqlite3

        if not os.path.exists(self.path):
            with contextlib.suppress(FileExistsError):  # another process created it first
                os.close(os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        return sqlite3.connect(
            self.path,
            timeout=busy_timeout_seconds,
            isolation_level=None,  # transactions are ours: BEGIN IMMEDIATE ... COMMIT
            check_same_thread=False,  # async steps run in successive worker threads
        )

    def _error(self, exc: Exception, doing: str) -> TokenStoreError:
        name = getattr(exc, "sqlite_errorname", None) or type(exc).__name__
        return TokenStoreError(f"token store {self!r} failed {doing}: {exc} ({name})")


class _SQLiteLease:
    """One write transaction on one connection: the lock for one key, and its row."""

    __slots__ = ("_connection", "_key", "_saved", "_store", "_ttl_seconds")

    def __init__(self, store: SQLiteTokenStore, key: str, ttl_seconds: float) -> None:
        self._store = store
        self._key = key
        self._ttl_seconds = ttl_seconds
        self._connection: sqlite3.Connection | None = None
        self._saved = False

    def begin(self) -> None:
        import sqlite3

        try:
            connection = self._store._connect(self._ttl_seconds)
        except (OSError, sqlite3.Error) as exc:
            raise self._store._error(exc, "opening its file") from exc
        try:
            connection.execute("BEGIN IMMEDIATE")
            connection.execute(_SCHEMA)
            connection.execute(_PURGE, (time.time(),))
        except sqlite3.Error as exc:
            connection.close()
            if getattr(exc, "sqlite_errorname", "") == "SQLITE_BUSY":
                raise TokenStoreError(
                    f"token store {self._store!r}: another process held the lock for more than "
                    f"{self._ttl_seconds:g} s ({exc})"
                ) from exc
            raise self._store._error(exc, "taking its lock") from exc
        self._connection = connection

    def load(self) -> bytes | None:
        import sqlite3

        try:
            row = self._open().execute(_LOAD, (self._key, time.time())).fetchone()
        except sqlite3.Error as exc:
            raise self._store._error(exc, "reading a record") from exc
        if row is None:
            return None
        value = row[0]
        return value if isinstance(value, bytes) else str(value).encode("utf-8", "replace")

    def save(self, record: bytes, *, expires_at: float) -> None:
        import sqlite3

        try:
            self._open().execute(_SAVE, (self._key, record, expires_at))
        except sqlite3.Error as exc:
            raise self._store._error(exc, "saving a record") from exc
        self._saved = True

    def extend(self, ttl_seconds: float) -> None:
        """Nothing to do: the lock lasts as long as its transaction, and dies with its process."""

    def end(self) -> None:
        """Commit (a saved successor must survive an error after it; the purge of expired rows
        should stick too), then close. A failed commit raises only when a record was saved:
        that record may not be stored."""
        import sqlite3

        connection, self._connection = self._connection, None
        if connection is None:
            return
        try:
            connection.execute("COMMIT")
        except sqlite3.Error as exc:
            if self._saved:
                raise self._store._error(exc, "committing a record") from exc
        finally:
            connection.close()  # rolls back whatever did not commit

    def _open(self) -> sqlite3.Connection:
        if self._connection is None:
            raise TokenStoreError(f"token store {self._store!r}: the lock is no longer held")
        return self._connection
