"""Token stores (``store=``), the protocol and errors (README: "Running more than one process")."""

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
