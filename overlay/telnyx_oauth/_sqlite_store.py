"""``SQLiteTokenStore``: a ``TokenStore`` in one SQLite file, for one host (docs/design.md)."""

from __future__ import annotations

import os
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, closing, contextmanager, suppress
from typing import TYPE_CHECKING, Any

from ._errors import ConfigurationError, TokenStoreError
from ._token_store import AsyncTokenLease, TokenLease, in_worker_thread, store_error

if TYPE_CHECKING:
    import sqlite3

__all__ = ["SQLiteTokenStore"]

_TABLE = "telnyx_oauth_token_records"
_SCHEMA = (
    f"CREATE TABLE IF NOT EXISTS {_TABLE} "
    "(key TEXT PRIMARY KEY NOT NULL, record BLOB NOT NULL, expires_at REAL NOT NULL) WITHOUT ROWID"
)
_PURGE = f"DELETE FROM {_TABLE} WHERE expires_at <= ?"  # noqa: S608 - a constant table name
# A record as bytes even if another program wrote text there.
_LOAD = f"SELECT CAST(record AS BLOB) FROM {_TABLE} WHERE key = ? AND expires_at > ?"  # noqa: S608
_SAVE = f"INSERT OR REPLACE INTO {_TABLE} (key, record, expires_at) VALUES (?, ?, ?)"  # noqa: S608


class SQLiteTokenStore:
    """A ``TokenStore`` in the SQLite file at ``path``, created (mode 0600) when first used.
    Every process of the host (``gunicorn -w 4`` workers, say) passes the same path."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = os.fspath(path)
        if not self.path or self.path == ":memory:" or self.path.startswith("file:"):
            raise ConfigurationError(
                "SQLiteTokenStore needs the path of a file that every process opens "
                "(not ':memory:' or a URI)"
            )

    def __repr__(self) -> str:
        return f"SQLiteTokenStore({self.path!r})"

    @contextmanager
    def lock(self, key: str, *, ttl_seconds: float) -> Iterator[TokenLease]:
        """SQLite's write lock, with ``key``'s record (see ``TokenStore``)."""
        with closing(_SQLiteLease(self, key, ttl_seconds)) as lease:
            yield lease

    @asynccontextmanager
    async def alock(self, key: str, *, ttl_seconds: float) -> AsyncIterator[AsyncTokenLease]:
        """``lock`` for asyncio code: each step in a worker thread."""
        lease = await in_worker_thread(lambda: _SQLiteLease(self, key, ttl_seconds))
        try:
            yield _LeaseInThreads(lease)
        finally:
            await in_worker_thread(lease.close)

    def _connect(self, busy_timeout_seconds: float) -> sqlite3.Connection:
        """A connection of its own (tests add pragmas here); creates the file, 0600."""
        import sqlite3

        with suppress(FileExistsError):  # made earlier, or just now by another process
            os.close(os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        return sqlite3.connect(
            self.path,
            timeout=busy_timeout_seconds,
            isolation_level=None,  # transactions are ours: BEGIN IMMEDIATE ... COMMIT
            check_same_thread=False,  # async steps run in successive worker threads
        )


class _SQLiteLease:
    """A write transaction (begun when built) on a connection of its own: one key's lock and row."""

    def __init__(self, store: SQLiteTokenStore, key: str, ttl_seconds: float) -> None:
        import sqlite3

        self._store = store
        self._key = key
        self._saved = False
        try:
            connection = store._connect(ttl_seconds)
        except (OSError, sqlite3.Error) as exc:
            raise store_error(store, "opening its file", exc) from exc
        try:
            connection.execute("BEGIN IMMEDIATE")
            connection.execute(_SCHEMA)
            connection.execute(_PURGE, (time.time(),))
        except sqlite3.Error as exc:
            connection.close()
            if getattr(exc, "sqlite_errorname", "") == "SQLITE_BUSY":
                raise TokenStoreError(
                    f"token store {store!r}: another process held the lock for more than "
                    f"{ttl_seconds:g} s ({exc})"
                ) from exc
            raise store_error(store, "taking its lock", exc) from exc
        self._connection: sqlite3.Connection | None = connection

    def load(self) -> bytes | None:
        row = self._execute("reading a record", _LOAD, self._key, time.time())
        return None if row is None else bytes(row[0])

    def save(self, record: bytes, *, expires_at: float) -> None:
        self._execute("saving a record", _SAVE, self._key, record, expires_at)
        self._saved = True

    def extend(self, ttl_seconds: float) -> None:
        """Nothing to do: the lock lasts as long as its transaction, and dies with its process."""

    def close(self) -> None:
        """Commit (docs/design.md) and close; a failed commit raises only if a record was saved."""
        try:
            self._execute("committing a record", "COMMIT")
        except TokenStoreError:
            if self._saved:
                raise
        finally:
            connection, self._connection = self._connection, None
            if connection is not None:
                connection.close()  # rolls back whatever did not commit

    def _execute(self, doing: str, sql: str, *parameters: object) -> Any:
        import sqlite3

        if self._connection is None:
            raise TokenStoreError(f"token store {self._store!r}: the lock is no longer held")
        try:
            return self._connection.execute(sql, parameters).fetchone()
        except sqlite3.Error as exc:
            raise store_error(self._store, doing, exc) from exc


class _LeaseInThreads:
    def __init__(self, lease: _SQLiteLease) -> None:
        self._lease = lease

    async def load(self) -> bytes | None:
        return await in_worker_thread(self._lease.load)

    async def save(self, record: bytes, *, expires_at: float) -> None:
        await in_worker_thread(lambda: self._lease.save(record, expires_at=expires_at))

    async def extend(self, ttl_seconds: float) -> None:
        self._lease.extend(ttl_seconds)  # no I/O: no worker thread for it
