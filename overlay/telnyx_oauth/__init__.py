"""Production helpers on top of the generated ``telnyx_oauth_api`` client.

Call the generated functions (``list_oauth_clients.sync(client=client)``) with a client from
``connect()``: it adds auth, timeouts, retries and typed errors. The rest: ``ClientCredentials``
and ``AuthorizationCodeFlow`` for OAuth, ``paginate``/``apaginate`` for lists, the discovery
helpers, ``verify_access_token`` for local token checks, and the token stores that share one
token lifecycle between processes (``telnyx_oauth.token_stores``). ``telnyx_oauth.retries``
holds the retry policy's parts, for a transport of your own. Modules with a leading underscore
are not part of the interface.

Importing this package loads ``connect()`` and the error tree; every other name loads its module
on first use (PEP 562), so a program pays only for the flows it uses.
"""

# Underscored aliases: whatever this package binds without a leading underscore is exported.
import importlib as _importlib
import typing as _typing

from ._auth import ApiKeyAuth
from ._client import connect, connect_anonymous
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
from ._retries import RetryPolicy

if _typing.TYPE_CHECKING:
    from . import retries, token_stores
    from ._auth import ClientCredentials, ClientSecretBasic
    from ._authorization_code import AuthorizationCodeFlow, AuthorizationRequest
    from ._client_auth import ClientAuthMethod
    from ._discovery import (
        aget_authorization_server_metadata,
        aget_protected_resource_metadata,
        get_authorization_server_metadata,
        get_protected_resource_metadata,
    )
    from ._pagination import AsyncPage, AsyncPaginator, Page, Paginator, apaginate, paginate
    from ._redis_store import RedisTokenStore
    from ._sqlite_store import SQLiteTokenStore
    from ._token import Token
    from ._token_store import TokenStore
    from ._verify import JWKSCache, averify_access_token, verify_access_token

# Each lazily loaded name and the module it lives in (the TYPE_CHECKING imports above, for
# type checkers); tests/unit/test_public_api.py checks the two agree.
_LAZY = {
    "retries": ".retries",
    "token_stores": ".token_stores",
    "ClientCredentials": "._auth",
    "ClientSecretBasic": "._auth",
    "AuthorizationCodeFlow": "._authorization_code",
    "AuthorizationRequest": "._authorization_code",
    "ClientAuthMethod": "._client_auth",
    "aget_authorization_server_metadata": "._discovery",
    "aget_protected_resource_metadata": "._discovery",
    "get_authorization_server_metadata": "._discovery",
    "get_protected_resource_metadata": "._discovery",
    "AsyncPage": "._pagination",
    "AsyncPaginator": "._pagination",
    "Page": "._pagination",
    "Paginator": "._pagination",
    "apaginate": "._pagination",
    "paginate": "._pagination",
    "RedisTokenStore": "._redis_store",
    "SQLiteTokenStore": "._sqlite_store",
    "Token": "._token",
    "TokenStore": "._token_store",
    "JWKSCache": "._verify",
    "averify_access_token": "._verify",
    "verify_access_token": "._verify",
}

__all__ = ["ApiKeyAuth", "RetryPolicy", "connect", "connect_anonymous"]
__all__ += [
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "AuthorizationCallbackError",
    "AuthorizationRequestUsedError",
    "BadRequestError",
    "ConfigurationError",
    "ConflictError",
    "ErrorDetail",
    "InternalServerError",
    "InvalidDataError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "RetryAfterTooLongError",
    "StateMismatchError",
    "TelnyxOAuthError",
    "TokenRecordError",
    "TokenStorageError",
    "TokenStoreError",
    "TokenVerificationError",
    "UnexpectedStatusError",
    "UnprocessableEntityError",
]
__all__ += [
    "AsyncPage",
    "AsyncPaginator",
    "AuthorizationCodeFlow",
    "AuthorizationRequest",
    "ClientAuthMethod",
    "ClientCredentials",
    "ClientSecretBasic",
    "JWKSCache",
    "Page",
    "Paginator",
    "RedisTokenStore",
    "SQLiteTokenStore",
    "Token",
    "TokenStore",
    "aget_authorization_server_metadata",
    "aget_protected_resource_metadata",
    "apaginate",
    "averify_access_token",
    "get_authorization_server_metadata",
    "get_protected_resource_metadata",
    "paginate",
    "retries",
    "token_stores",
    "verify_access_token",
]
__all__.sort()


# Hidden from type checkers: they would take any misspelt attribute for one of its results.
if not _typing.TYPE_CHECKING:

    def __getattr__(name: str) -> object:
        module = _LAZY.get(name)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        loaded = _importlib.import_module(module, __name__)
        value = loaded if module == f".{name}" else getattr(loaded, name)
        globals()[name] = value  # later lookups are plain attribute reads
        return value


def __dir__() -> list[str]:
    return __all__
