"""``EncryptedTokenStore``: every record encrypted before it reaches a store (docs/design.md)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator, Sequence
from contextlib import asynccontextmanager, contextmanager
from typing import TYPE_CHECKING, Any

from ._drive import Core, arun, run
from ._errors import ConfigurationError, TokenRecordError, missing_extra
from ._token_store import AsyncTokenLease, Drive, TokenLease, TokenStore

if TYPE_CHECKING:
    from cryptography.fernet import MultiFernet


class EncryptedTokenStore:
    """A ``TokenStore`` that keeps every record in ``store`` encrypted with Fernet. ``keys``: one
    key, or several with the one to encrypt with first, each from ``generate_key()``; keep them
    out of the store (an environment variable, a secret manager)."""

    def __init__(self, store: TokenStore, keys: str | bytes | Sequence[str | bytes]) -> None:
        try:
            from cryptography.fernet import Fernet, MultiFernet
        except ImportError as exc:
            raise missing_extra("EncryptedTokenStore", "encryption", exc) from None
        listed = [keys] if isinstance(keys, (str, bytes)) else list(keys)
        if not listed:
            raise ConfigurationError("EncryptedTokenStore needs at least one key")
        try:
            self._fernet = MultiFernet([Fernet(key) for key in listed])
        except (ValueError, TypeError):
            raise ConfigurationError(
                "an EncryptedTokenStore key is not 32 bytes in URL-safe base64 "
                "(make one with EncryptedTokenStore.generate_key())"
            ) from None
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
            yield _EncryptedLease(lease, self._fernet, key, run)

    @asynccontextmanager
    async def alock(self, key: str, *, ttl_seconds: float) -> AsyncIterator[AsyncTokenLease]:
        """``lock`` for asyncio code."""
        async with self.store.alock(key, ttl_seconds=ttl_seconds) as lease:
            yield _EncryptedLease(lease, self._fernet, key, arun)


class _EncryptedLease:
    def __init__(
        self, lease: TokenLease | AsyncTokenLease, fernet: MultiFernet, key: str, drive: Drive
    ) -> None:
        self._lease = lease
        self._fernet = fernet
        self._prefix = key.encode("ascii") + b"\n"
        self._drive = drive

    def load(self) -> Any:
        return self._drive(self._load())

    def save(self, record: bytes, *, expires_at: float) -> Any:
        return self._lease.save(self._fernet.encrypt(self._prefix + record), expires_at=expires_at)

    def extend(self, ttl_seconds: float) -> Any:
        return self._lease.extend(ttl_seconds)

    def _load(self) -> Core[bytes | None]:
        from cryptography.fernet import InvalidToken

        sealed = yield self._lease.load()
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
