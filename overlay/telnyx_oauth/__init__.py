"""Production helpers on top of the generated ``telnyx_oauth_api`` client.

Keep calling the generated functions (``list_oauth_clients.sync(client=client)``) with a client
from ``connect()``, which adds auth, timeouts, per-operation retries and typed errors. The rest:
``ClientCredentials`` and ``AuthorizationCodeFlow`` for OAuth, ``paginate``/``apaginate`` for
lists, the discovery helpers, and ``verify_access_token`` for local token checks. A
``TokenStore`` (``SQLiteTokenStore``, ``RedisTokenStore``, optionally ``EncryptedTokenStore``)
shares one token lifecycle between processes.

Importing this package imports httpx, the standard library and the generated package's client and
errors (the one exception tree); the generated models and joserfc are imported when first needed,
sqlite3, redis-py and cryptography when a store that uses them is built or first locked.
"""

from __future__ import annotations

from ._auth import ApiKeyAuth, ClientCredentials, ClientSecretBasic
from ._authorization_code import (
    AuthorizationCodeFlow,
    AuthorizationRequest,
    AuthorizationRequestUsedError,
    TokenStorageError,
)
from ._client import connect, connect_anonymous
from ._client_auth import ClientAuthMethod
from ._discovery import (
    aget_authorization_server_metadata,
    aget_protected_resource_metadata,
    get_authorization_server_metadata,
    get_protected_resource_metadata,
)
from ._encrypted_store import EncryptedTokenStore
from ._errors import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    AuthorizationCallbackError,
    BadRequestError,
    ConfigurationError,
    ConflictError,
    ErrorDetail,
    InternalServerError,
    InvalidDataError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    StateMismatchError,
    TelnyxOAuthError,
    TokenRecordError,
    TokenStoreError,
    TokenVerificationError,
    UnexpectedStatusError,
    UnprocessableEntityError,
)
from ._pagination import AsyncPage, AsyncPaginator, Page, Paginator, apaginate, paginate
from ._redis_store import RedisTokenStore
from ._retries import (
    AsyncRetryTransport,
    RetryTransport,
    is_safe_to_retry,
    retry_delay,
    should_retry,
)
from ._sqlite_store import SQLiteTokenStore
from ._token import Token
from ._token_store import AsyncTokenLease, TokenLease, TokenStore
from ._verify import JWKSCache, averify_access_token, verify_access_token

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "ApiKeyAuth",
    "AsyncPage",
    "AsyncPaginator",
    "AsyncRetryTransport",
    "AsyncTokenLease",
    "AuthenticationError",
    "AuthorizationCallbackError",
    "AuthorizationCodeFlow",
    "AuthorizationRequest",
    "AuthorizationRequestUsedError",
    "BadRequestError",
    "ClientAuthMethod",
    "ClientCredentials",
    "ClientSecretBasic",
    "ConfigurationError",
    "ConflictError",
    "EncryptedTokenStore",
    "ErrorDetail",
    "InternalServerError",
    "InvalidDataError",
    "JWKSCache",
    "NotFoundError",
    "Page",
    "Paginator",
    "PermissionDeniedError",
    "RateLimitError",
    "RedisTokenStore",
    "RetryTransport",
    "SQLiteTokenStore",
    "StateMismatchError",
    "TelnyxOAuthError",
    "Token",
    "TokenLease",
    "TokenRecordError",
    "TokenStorageError",
    "TokenStore",
    "TokenStoreError",
    "TokenVerificationError",
    "UnexpectedStatusError",
    "UnprocessableEntityError",
    "aget_authorization_server_metadata",
    "aget_protected_resource_metadata",
    "apaginate",
    "averify_access_token",
    "connect",
    "connect_anonymous",
    "get_authorization_server_metadata",
    "get_protected_resource_metadata",
    "is_safe_to_retry",
    "paginate",
    "retry_delay",
    "should_retry",
    "verify_access_token",
]
