"""Production helpers on top of the generated ``telnyx_oauth_api`` client.

Keep calling the generated functions (``list_oauth_clients.sync(client=client)``) with a client
from ``connect()``, which adds auth, timeouts, per-operation retries and typed errors. The rest:
``ClientCredentials`` and ``AuthorizationCodeFlow`` for OAuth, ``paginate``/``apaginate`` for
lists, the discovery helpers, and ``verify_access_token`` for local token checks. A
``TokenStore`` (``SQLiteTokenStore``, ``RedisTokenStore``, optionally ``EncryptedTokenStore``)
shares one token lifecycle between processes.

``RetryPolicy`` holds the retry knobs ``connect(retry_policy=...)`` takes (attempts, the longest
server-given wait honoured, the backoff); the rest of the retry policy is a documented submodule,
``telnyx_oauth.retries``, for building a transport of your own; ``telnyx_oauth.token_stores``
holds the token stores (the most used are also here). Everything else here is what a user
calls; the modules with a leading underscore are not part of the interface, and their
``__all__`` lists only what this package re-exports.

Importing this package imports httpx, the standard library and the generated package's client and
errors (the one exception tree); the generated models and joserfc are imported when first needed,
sqlite3, redis-py and cryptography when a store that uses them is built or first locked.
"""

from . import retries, token_stores
from ._auth import ApiKeyAuth, ClientCredentials, ClientSecretBasic
from ._authorization_code import AuthorizationCodeFlow, AuthorizationRequest
from ._client import connect, connect_anonymous
from ._client_auth import ClientAuthMethod
from ._discovery import (
    aget_authorization_server_metadata,
    aget_protected_resource_metadata,
    get_authorization_server_metadata,
    get_protected_resource_metadata,
)
from ._errors import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    AuthorizationCallbackError,
    AuthorizationRequestUsedError,
    BadRequestError,
    ConfigurationError,
    ConflictError,
    ErrorDetail,
    InternalServerError,
    InvalidDataError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    RetryAfterTooLongError,
    StateMismatchError,
    TelnyxOAuthError,
    TokenRecordError,
    TokenStorageError,
    TokenStoreError,
    TokenVerificationError,
    UnexpectedStatusError,
    UnprocessableEntityError,
)
from ._pagination import AsyncPage, AsyncPaginator, Page, Paginator, apaginate, paginate
from ._redis_store import RedisTokenStore
from ._retries import RetryPolicy
from ._sqlite_store import SQLiteTokenStore
from ._token import Token
from ._token_store import TokenStore
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
    "RetryAfterTooLongError",
    "RetryPolicy",
    "SQLiteTokenStore",
    "StateMismatchError",
    "TelnyxOAuthError",
    "Token",
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
    "paginate",
    "retries",
    "token_stores",
    "verify_access_token",
]
