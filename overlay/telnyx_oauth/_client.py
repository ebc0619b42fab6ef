"""``connect()``: the generated client, with auth, timeouts, retries and typed errors plugged in.

What it returns is the generated ``AuthenticatedClient`` (``connect_anonymous()``: ``Client``), so
every generated function accepts it. Underneath it carries an ``httpx.Client`` and an
``httpx.AsyncClient`` built by the overlay:

- auth is an ``httpx.Auth`` (``ApiKeyAuth`` or the caller's, such as ``ClientCredentials``),
  never the generated client's ``token`` field, which stays empty, so every kind of credential
  plugs in the same way;
- the transport is ``RetryTransport`` / ``AsyncRetryTransport`` around the real one, below the
  auth, so a retry never re-runs the auth flow;
- ``send()`` raises typed errors after the whole auth flow has run (``_http``);
- timeouts are explicit (httpx's ``None`` means forever).

The httpx clients are built on first use (a sync-only program never builds the async one; each
costs tens of milliseconds of TLS setup), from the generated client's own ``headers``, ``cookies``
and ``timeout`` fields. The returned object is a small subclass of the generated class whose
``get_httpx_client`` / ``get_async_httpx_client`` build those clients; the generated
``with_headers`` / ``with_cookies`` / ``with_timeout`` return copies that keep the wiring and build
their own httpx clients from it, leaving the original's untouched.

``base_url`` is the API host; a trailing ``/v2`` is dropped because the spec's paths carry it.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, cast

import httpx

from telnyx_oauth_api import AuthenticatedClient, Client

from ._auth import ApiKeyAuth
from ._constants import (
    API_KEY_ENV_VAR,
    DEFAULT_BASE_URL,
    DEFAULT_CONNECT_TIMEOUT_SECONDS,
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT_SECONDS,
    MAX_CONNECTIONS,
)
from ._errors import ConfigurationError
from ._http import AsyncTypedErrorsClient, TypedErrorsClient, belongs_elsewhere
from ._redact import redact_httpx_log
from ._retries import AsyncRetryTransport, RetryTransport

if TYPE_CHECKING:
    pass

__all__ = ["connect", "connect_anonymous"]

DEFAULT_TIMEOUT = httpx.Timeout(DEFAULT_TIMEOUT_SECONDS, connect=DEFAULT_CONNECT_TIMEOUT_SECONDS)
# The sync pool keeps as many idle connections as it may open. httpcore 1.0 closes an "idle"
# connection whenever the pool holds more connections than max_keepalive_connections, and with
# more threads than connections that includes one just assigned to a waiting thread, whose
# request then hangs until the server drops the connection (encode/httpcore#1110; measured: 200
# threads on a pool of 100 stalled 5 s in 2 runs of 20 with httpx's 20, in none with 100). The
# async pool keeps httpx's default: it closes such a connection before another task can start
# on it, and each idle connection costs it a readability check per request (1,000 tasks ran 2.5
# to 6 times slower with 100). Applies to the transports httpx builds, not to one passed in.
SYNC_CONNECTION_LIMITS = httpx.Limits(
    max_connections=MAX_CONNECTIONS, max_keepalive_connections=MAX_CONNECTIONS
)


class _Wiring:
    """What the lazily built httpx clients need besides the generated client's own fields."""

    __slots__ = ("async_transport", "auth", "base_url", "build_lock", "max_retries", "transport")

    def __init__(
        self,
        *,
        base_url: str,
        auth: httpx.Auth | None,
        max_retries: int,
        transport: httpx.BaseTransport | None,
        async_transport: httpx.AsyncBaseTransport | None,
    ) -> None:
        self.base_url = base_url
        self.auth = auth
        self.max_retries = max_retries
        self.transport = transport
        self.async_transport = async_transport
        # Threads making their first call together must share one httpx client: without the
        # lock each would build its own and all but one would leak their connections.
        self.build_lock = threading.Lock()


class _GeneratedClient(Protocol):
    """The parts of the generated ``Client``/``AuthenticatedClient`` the wiring touches."""

    _client: httpx.Client | None
    _async_client: httpx.AsyncClient | None
    _headers: dict[str, str]
    _cookies: dict[str, str]
    _timeout: httpx.Timeout | None


_C = TypeVar("_C")


def _build_sync(client: _GeneratedClient, wiring: _Wiring) -> httpx.Client:
    http = TypedErrorsClient(
        base_url=wiring.base_url,
        auth=wiring.auth,
        headers=client._headers,
        cookies=client._cookies,
        timeout=client._timeout,
        follow_redirects=False,
        transport=wiring.transport,
        limits=SYNC_CONNECTION_LIMITS,
    )
    _wrap_transports(http, wiring.max_retries)
    return http


def _build_async(client: _GeneratedClient, wiring: _Wiring) -> httpx.AsyncClient:
    http = AsyncTypedErrorsClient(
        base_url=wiring.base_url,
        auth=wiring.auth,
        headers=client._headers,
        cookies=client._cookies,
        timeout=client._timeout,
        follow_redirects=False,
        transport=wiring.async_transport,
    )
    _wrap_transports(http, wiring.max_retries)
    return http


def _lazy_sync(client: Any) -> httpx.Client:
    """The generated client's httpx client, built once even when threads race for it."""
    if client._client is None:
        wiring: _Wiring = client._overlay_wiring
        with wiring.build_lock:
            if client._client is None:
                client._client = _build_sync(client, wiring)
    return cast(httpx.Client, client._client)


def _lazy_async(client: Any) -> httpx.AsyncClient:
    """The async twin of ``_lazy_sync`` (building takes no await, so a thread lock serves), one
    per event loop: a client closed (by ``async with``, or by its loop's shutdown) or bound to
    another loop is replaced by a new one, so one connected client serves successive
    ``asyncio.run()`` calls."""
    http = client._async_client
    if http is None or belongs_elsewhere(http):
        wiring: _Wiring = client._overlay_wiring
        with wiring.build_lock:
            http = client._async_client
            if http is None or belongs_elsewhere(http):
                http = client._async_client = _build_async(client, wiring)
    return cast(httpx.AsyncClient, http)


def _wrap_transports(http: httpx.Client | httpx.AsyncClient, max_retries: int) -> None:
    """Put every transport the httpx client may use inside the retry transport.

    The transports are wrapped after httpx has built them rather than passed in, because httpx
    honours ``HTTP(S)_PROXY``/``NO_PROXY``, ``SSL_CERT_FILE`` and friends only when it builds its
    own transport, and then routes proxied URLs to separate "mounts": wrapping only a transport
    of our own would lose either the proxy settings or, behind a proxy, the retries.
    ``_transport`` and ``_mounts`` are private to httpx (stable since 0.18); tests cover them.
    """
    is_async = isinstance(http, httpx.AsyncClient)
    target = cast(Any, http)
    target._transport = _with_retries(target._transport, max_retries, is_async)
    mounts: dict[Any, Any] = target._mounts
    for pattern, transport in mounts.items():
        if transport is not None:
            mounts[pattern] = _with_retries(transport, max_retries, is_async)


def _with_retries(transport: Any, max_retries: int, is_async: bool) -> Any:
    # Chosen by the client, not the transport: MockTransport is both sync and async.
    if isinstance(transport, (RetryTransport, AsyncRetryTransport)):
        return transport
    if is_async:
        return AsyncRetryTransport(transport, max_retries=max_retries)
    return RetryTransport(transport, max_retries=max_retries)


class _Wired:
    """What ``connect()`` adds to the generated client classes: ``get_httpx_client`` and
    ``get_async_httpx_client`` return httpx clients the overlay builds (auth, retries, typed
    errors) on first use, instead of bare ones. A mixin, so the two wired classes below stay
    the generated classes with one line each."""

    __slots__ = ()
    _overlay_wiring: _Wiring

    # The generated with_* methods copy the client (copy.copy); the generated classes are attrs
    # classes, whose state holds their own fields only, so the wiring is added to it here.
    def __getstate__(self) -> dict[str, Any]:
        state: dict[str, Any] = cast(Any, super()).__getstate__()
        return {**state, "_overlay_wiring": self._overlay_wiring}

    def __setstate__(self, state: dict[str, Any]) -> None:
        fields = dict(state)
        object.__setattr__(self, "_overlay_wiring", fields.pop("_overlay_wiring"))
        cast(Any, super()).__setstate__(fields)

    def get_httpx_client(self) -> httpx.Client:
        return _lazy_sync(self)

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        return _lazy_async(self)


class ConnectedAuthenticatedClient(_Wired, AuthenticatedClient):
    """The generated ``AuthenticatedClient``, wired by ``telnyx_oauth.connect()``."""

    __slots__ = ("_overlay_wiring",)


class ConnectedClient(_Wired, Client):
    """The generated ``Client``, wired by ``telnyx_oauth.connect_anonymous()``."""

    __slots__ = ("_overlay_wiring",)


def _normalize_base_url(base_url: str | httpx.URL) -> str:
    url = httpx.URL(str(base_url))
    if url.scheme not in ("http", "https") or not url.host:
        raise ConfigurationError("base_url must be an absolute http(s) URL")
    path = url.path.rstrip("/")
    if path.endswith("/v2"):
        path = path[: -len("/v2")]
    return str(url.copy_with(path=path or "/", query=None, fragment=None)).rstrip("/")


def _timeout(timeout: float | httpx.Timeout) -> httpx.Timeout:
    if isinstance(timeout, httpx.Timeout):
        return timeout
    if timeout <= 0:
        raise ConfigurationError("timeout must be a positive number of seconds or httpx.Timeout")
    return httpx.Timeout(float(timeout))


def connect(
    api_key: str | None = None,
    *,
    auth: httpx.Auth | None = None,
    base_url: str | httpx.URL = DEFAULT_BASE_URL,
    timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
    max_retries: int = DEFAULT_MAX_RETRIES,
    headers: Mapping[str, str] | None = None,
    transport: httpx.BaseTransport | None = None,
    async_transport: httpx.AsyncBaseTransport | None = None,
) -> AuthenticatedClient:
    """The generated ``AuthenticatedClient``, ready for sync and async calls.

    Authenticates with ``api_key`` (else the ``TELNYX_API_KEY`` environment variable) or with any
    ``httpx.Auth`` given as ``auth`` (for example ``ClientCredentials``); a missing key raises
    ``ConfigurationError`` here rather than a 401 later. ``timeout`` is seconds or an
    ``httpx.Timeout``. ``max_retries`` configures the ``RetryTransport`` put around ``transport``
    (default: the one httpx builds, with its proxy mounts); a transport that already is a
    ``RetryTransport`` is used as given.
    """
    if api_key is not None and auth is not None:
        raise ConfigurationError("pass either api_key or auth, not both")
    if auth is None:
        key = api_key if api_key is not None else os.environ.get(API_KEY_ENV_VAR)
        if not key or not key.strip():
            raise ConfigurationError(
                f"no API key: pass api_key=..., set {API_KEY_ENV_VAR}, or pass auth=..."
            )
        auth = ApiKeyAuth(key)
    client = ConnectedAuthenticatedClient(
        base_url=_normalize_base_url(base_url),
        # The credentials live in `auth` (any httpx.Auth), not in the generated token field.
        token="",
        prefix="",
        timeout=_timeout(timeout),
        headers=dict(headers or {}),
    )
    return _wire(client, auth, max_retries, transport, async_transport)


def connect_anonymous(
    *,
    base_url: str | httpx.URL = DEFAULT_BASE_URL,
    timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
    max_retries: int = DEFAULT_MAX_RETRIES,
    headers: Mapping[str, str] | None = None,
    transport: httpx.BaseTransport | None = None,
    async_transport: httpx.AsyncBaseTransport | None = None,
) -> Client:
    """The generated ``Client`` without credentials, wired like ``connect()``.

    For the operations that take no API key: discovery, JWKS, register, authorize, and the token
    and introspection endpoints (whose client authentication ``AuthorizationCodeFlow`` adds).
    """
    client = ConnectedClient(
        base_url=_normalize_base_url(base_url),
        timeout=_timeout(timeout),
        headers=dict(headers or {}),
    )
    return _wire(client, None, max_retries, transport, async_transport)


def _wire(
    client: _C,
    auth: httpx.Auth | None,
    max_retries: int,
    transport: httpx.BaseTransport | None,
    async_transport: httpx.AsyncBaseTransport | None,
) -> _C:
    if max_retries < 0:
        raise ConfigurationError("max_retries must be an integer >= 0")
    redact_httpx_log()
    cast(Any, client)._overlay_wiring = _Wiring(
        base_url=cast(Any, client)._base_url,
        auth=auth,
        max_retries=max_retries,
        transport=transport,
        async_transport=async_transport,
    )
    return client
