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
# The `X as X` imports are how a type checker is told a name is re-exported (PEP 484).
import importlib as _importlib
import typing as _typing

from ._client import connect as connect
from ._client import connect_anonymous as connect_anonymous
from ._client_auth import ApiKeyAuth as ApiKeyAuth
from ._client_auth import ClientAuthMethod as ClientAuthMethod
from ._client_auth import ClientSecretBasic as ClientSecretBasic
from ._errors import *  # noqa: F403 - the one error tree, listed in _errors.__all__
from ._retries import RetryPolicy as RetryPolicy

# Each name loaded on first use, by module; the TYPE_CHECKING imports below say the same to type
# checkers (tests/unit/test_public_api.py checks that they agree).
_LAZY = {
    ".retries": (),
    ".token_stores": (),
    "._auth": ("ClientCredentials",),
    "._authorization_code": ("AuthorizationCodeFlow", "AuthorizationRequest"),
    "._discovery": (
        "aget_authorization_server_metadata",
        "aget_protected_resource_metadata",
        "get_authorization_server_metadata",
        "get_protected_resource_metadata",
    ),
    "._pagination": ("AsyncPage", "AsyncPaginator", "Page", "Paginator", "apaginate", "paginate"),
    "._redis_store": ("RedisTokenStore",),
    "._sqlite_store": ("SQLiteTokenStore",),
    "._token": ("Token",),
    "._token_store": ("TokenStore",),
    "._verify": ("JWKSCache", "averify_access_token", "verify_access_token"),
}

if _typing.TYPE_CHECKING:
    from . import retries as retries
    from . import token_stores as token_stores
    from ._auth import ClientCredentials as ClientCredentials
    from ._authorization_code import AuthorizationCodeFlow as AuthorizationCodeFlow
    from ._authorization_code import AuthorizationRequest as AuthorizationRequest
    from ._discovery import aget_authorization_server_metadata as aget_authorization_server_metadata
    from ._discovery import aget_protected_resource_metadata as aget_protected_resource_metadata
    from ._discovery import get_authorization_server_metadata as get_authorization_server_metadata
    from ._discovery import get_protected_resource_metadata as get_protected_resource_metadata
    from ._pagination import AsyncPage as AsyncPage
    from ._pagination import AsyncPaginator as AsyncPaginator
    from ._pagination import Page as Page
    from ._pagination import Paginator as Paginator
    from ._pagination import apaginate as apaginate
    from ._pagination import paginate as paginate
    from ._redis_store import RedisTokenStore as RedisTokenStore
    from ._sqlite_store import SQLiteTokenStore as SQLiteTokenStore
    from ._token import Token as Token
    from ._token_store import TokenStore as TokenStore
    from ._verify import JWKSCache as JWKSCache
    from ._verify import averify_access_token as averify_access_token
    from ._verify import verify_access_token as verify_access_token

# Hidden from type checkers, which would take any misspelt name for one of its results; they read
# the names above instead (and, with no __all__ to read, every name imported `as` itself).
if not _typing.TYPE_CHECKING:
    _HOMES = {name: module for module, names in _LAZY.items() for name in names}
    _HOMES |= {module[1:]: module for module, names in _LAZY.items() if not names}
    _PUBLIC = {name for name in globals() if not name.startswith("_")} | set(_HOMES)
    __all__ = sorted(_PUBLIC)  # noqa: PLE0605 - the names bound now and the lazy ones

    def __getattr__(name: str) -> object:
        module = _HOMES.get(name)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        loaded = _importlib.import_module(module, __name__)
        value = loaded if module == f".{name}" else getattr(loaded, name)
        globals()[name] = value  # later lookups are plain attribute reads
        return value

    def __dir__() -> list[str]:
        return __all__
