"""Token stores: how processes and machines share one token lifecycle.

Pass a store as ``store=`` to ``ClientCredentials`` and ``AuthorizationCodeFlow`` (the README's
"Running more than one process" says what it guarantees and what each fault means):

- ``SQLiteTokenStore(path)``: the processes of one host (a file; SQLite's own write lock);
- ``RedisTokenStore(client)``: a fleet (redis-py's ``Lock``; a ``redis.Redis``, or a
  ``redis.asyncio.Redis`` for async code; ``pip install 'telnyx-oauth[redis]'``);
- ``EncryptedTokenStore(store, keys)``: any store, holding ciphertext only (Fernet);
- ``TokenStore``, ``TokenLease``, ``AsyncTokenLease``: the protocol, to keep tokens elsewhere;
- ``TokenStoreError`` (a store failed) and ``TokenRecordError`` (a record cannot be read).

``TokenStore``, ``SQLiteTokenStore`` and ``RedisTokenStore`` are also at the top of the
package. The design is in ``_token_store`` (the protocol and the records) and ``_store_link``
(what the flows do with a store, and with its failures).
"""

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
