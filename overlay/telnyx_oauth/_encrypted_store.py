"""``EncryptedTokenStore``: encrypts every record before it reaches another ``TokenStore``.

Stored tokens are secrets; anyone who can read the SQLite file, or the Redis keys, can use them
until they expire. Wrapped in an ``EncryptedTokenStore``, the store only ever sees ciphertext.

The cipher is ``cryptography``'s Fernet (AES-128-CBC with an HMAC-SHA256 over everything: a
changed byte fails to decrypt), a recipe made for exactly this: small secrets at rest, keys of
32 random bytes in URL-safe base64 (``EncryptedTokenStore.generate_key()``). ``cryptography``
comes with the ``encryption`` extra, imported when the first ``EncryptedTokenStore`` is built.

Each record is encrypted together with its key, and a record read back under another key is
refused: someone who can write to the store cannot move one token's record to another token's
key. Several keys rotate: the first encrypts, any of them decrypts (``MultiFernet``), and
records last as long as their tokens, so an old key can go once its records have expired. A
record that does not decrypt (another key, damaged) is a ``TokenRecordError``, like any record
that cannot be read.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator, Sequence
from contextlib import asynccontextmanager, contextmanager
from typing import TYPE_CHECKING

from ._errors import ConfigurationError, TokenRecordError
from ._extras import missing_extra
from ._token_store import AsyncTokenLease, TokenLease, TokenStore

if TYPE_CHECKING:
    from cryptography.fernet import MultiFernet

__all__: list[str] = []  # telnyx_oauth.token_stores exports it


class EncryptedTokenStore:
    """A ``TokenStore`` that keeps every record in ``store`` encrypted with Fernet.

    ``keys``: one key, or several with the one to encrypt with first; each is 32 bytes in
    URL-safe base64, as ``EncryptedTokenStore.generate_key()`` makes them. Keep them out of the
    store (an environment variable, a secret manager).
    """

    def __init__(self, store: TokenStore, keys: str | bytes | Sequence[str | bytes]) -> None:
        try:
            from cryptography.fernet import Fernet, MultiFernet
        except ImportError as exc:
            raise missing_extra("EncryptedTokenStore", "encryption", exc) from None

        listed = [keys] if isinstance(keys, (str, bytes)) else list(keys)
        if not listed:
            raise ConfigurationError("EncryptedTokenStore needs at least one key")
        try:
            fernets = [Fernet(key) for key in listed]
        except (ValueError, TypeError):
            # Never the key itself in the message.
            raise ConfigurationError(
                "an EncryptedTokenStore key is not 32 bytes in URL-safe base64 "
                "(make one with EncryptedTokenStore.generate_key())"
            ) from None
        self._fernet = MultiFernet(fernets)
        self.store = store

    @staticmethod
    def generate_key() -> str:
        """A new random key (32 bytes, URL-safe base64)."""
        try:
            from cryptography.fernet import Fernet
        except ImportError as exc:
            raise missing_extra("EncryptedTokenStore", "encryption", exc) from None
        return Fernet.generate_key().decode("ascii")

    def __repr__(self) -> str:
        return f"EncryptedTokenStore({self.store!r}, keys='***')"

    @contextmanager
    def lock(self, key: str, *, ttl_seconds: float) -> Iterator[TokenLease]:
        """The wrapped store's lock; its record encrypted (see ``TokenStore``)."""
        with self.store.lock(key, ttl_seconds=ttl_seconds) as lease:
            yield _EncryptedLease(lease, _Sealer(self._fernet, key))

    @asynccontextmanager
    async def alock(self, key: str, *, ttl_seconds: float) -> AsyncIterator[AsyncTokenLease]:
        """``lock`` for asyncio code."""
        async with self.store.alock(key, ttl_seconds=ttl_seconds) as lease:
            yield _AsyncEncryptedLease(lease, _Sealer(self._fernet, key))


class _Sealer:
    """Encrypts and decrypts the records of one key, bound to that key."""

    __slots__ = ("_fernet", "_prefix")

    def __init__(self, fernet: MultiFernet, key: str) -> None:
        self._fernet = fernet
        self._prefix = key.encode("ascii") + b"\n"

    def seal(self, record: bytes) -> bytes:
        return self._fernet.encrypt(self._prefix + record)

    def open(self, sealed: bytes | None) -> bytes | None:
        from cryptography.fernet import InvalidToken

        if sealed is None:
            return None
        try:
            plain = self._fernet.decrypt(sealed)
        except (InvalidToken, TypeError):
            raise TokenRecordError(
                "the token record does not decrypt with the EncryptedTokenStore's keys "
                "(encrypted with another key, or damaged)"
            ) from None
        if not plain.startswith(self._prefix):
            raise TokenRecordError("the token record was encrypted for another key")
        return plain[len(self._prefix) :]


class _EncryptedLease:
    __slots__ = ("_lease", "_sealer")

    def __init__(self, lease: TokenLease, sealer: _Sealer) -> None:
        self._lease = lease
        self._sealer = sealer

    def load(self) -> bytes | None:
        return self._sealer.open(self._lease.load())

    def save(self, record: bytes, *, expires_at: float) -> None:
        self._lease.save(self._sealer.seal(record), expires_at=expires_at)

    def extend(self, ttl_seconds: float) -> None:
        self._lease.extend(ttl_seconds)


class _AsyncEncryptedLease:
    __slots__ = ("_lease", "_sealer")

    def __init__(self, lease: AsyncTokenLease, sealer: _Sealer) -> None:
        self._lease = lease
        self._sealer = sealer

    async def load(self) -> bytes | None:
        return self._sealer.open(await self._lease.load())

    async def save(self, record: bytes, *, expires_at: float) -> None:
        await self._lease.save(self._sealer.seal(record), expires_at=expires_at)

    async def extend(self, ttl_seconds: float) -> None:
        await self._lease.extend(ttl_seconds)
