"""Token stores: how processes and machines share one token lifecycle (``store=`` of the flows).

The stores, the ``TokenStore`` protocol to keep tokens elsewhere, and the errors of a store and
of a record; README "Running more than one process" says what each guarantees."""

from __future__ import annotations

from ._encrypted_store import EncryptedTokenStore
from ._errors import TokenRecordError, TokenStoreError
from ._redis_store import RedisTokenStore
from ._sqlite_store import SQLiteTokenStore
from ._token_store import AsyncTokenLease, TokenLease, TokenStore

__all__ = [
    "AsyncTokenLease",
    "EncryptedTokenStore",
    "RedisTokenStore",
    "SQLiteTokenStore",
    "TokenLease",
    "TokenRecordError",
    "TokenStore",
    "TokenStoreError",
]
