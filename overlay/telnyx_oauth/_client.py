"""``connect()``: the generated client, with auth, timeouts, retries and typed errors plugged in.

What it returns is the generated ``AuthenticatedClient`` (``connect_anonymous()``: ``Client``), so
every generated function accepts it. It is a small subclass whose public ``get_httpx_client`` /
``get_async_httpx_client`` return httpx clients the overlay builds, on public httpx API only:

- auth is an ``httpx.Auth`` (``ApiKeyAuth`` or the caller's, such as ``ClientCredentials``),
  never the generated client's ``token`` field, which stays empty, so every kind of credential
  plugs in the same way;
- retries live in the transports given to httpx at construction (``RetryTransport`` around
  ``httpx.HTTPTransport``), below the auth, so a retry never re-runs the auth flow. httpx reads
  ``HTTP(S)_PROXY``/``ALL_PROXY``/``NO_PROXY`` only for transports it builds itself, so the
  proxy mounts are built here from the same variables (``_proxies``), each with its retries;
- ``send()`` raises typed errors after the whole auth flow has run (``_http``);
- timeouts are explicit (httpx's ``None`` means forever).

The httpx clients are built on first use (a sync-only program never builds the async one), one
sync client, and one async client per event loop, so threads that each run ``asyncio.run()``
share the client without sharing connections. ``with_headers`` / ``with_cookies`` /
``with_timeout`` return copies, as the generated ones do: the copy builds httpx clients of its
own from its own settings, and the original and the httpx clients it built are left as they were.

After ``os.fork()`` the child forgets every httpx client and build lock it inherited: a pooled
connection shared by two processes hands one the other's answer (``_fork``).

``base_url`` is the API host; a trailing ``/v2`` is dropped because the spec's paths carry it.
"""

from __future__ import annotations

import contextlib
import copy
import os
import threading
import weakref
from collections.abc import Mapping
from typing import Any, NamedTuple, TypeVar

import httpx

from telnyx_oauth_api import AuthenticatedClient, Client

from . import _fork
from ._client_auth import ApiKeyAuth
from ._constants import (
    API_KEY_ENV_VAR,
    ASYNC_KEEPALIVE_CONNECTIONS,
    DEFAULT_BASE_URL,
    DEFAULT_CONNECT_TIMEOUT_SECONDS,
    DEFAULT_TIMEOUT_SECONDS,
    MAX_CONNECTIONS,
)
from ._errors import ConfigurationError
from ._http import AsyncTypedErrorsClient, TypedErrorsClient, belongs_elsewhere, running_loop
from ._proxies import proxy_mounts
from ._redact import redact_httpx_log
from ._retries import AsyncRetryTransport, RetryPolicy, RetryTransport, resolve_policy

__all__ = ["connect", "connect_anonymous"]

DEFAULT_TIMEOUT = httpx.Timeout(DEFAULT_TIMEOUT_SECONDS, connect=DEFAULT_CONNECT_TIMEOUT_SECONDS)
# The sync pool keeps as many idle connections as it may open. httpcore 1.0 closes an "idle"
# connection whenever the pool holds more connections than max_keepalive_connections, and with
# more threads than connections that includes one just assigned to a waiting thread, whose
# request then hangs until the server drops the connection (encode/httpcore#1110; measured: 200
# threads on a pool of 100 stalled 5 s in 2 runs of 20 with httpx's 20, in none with 100). The
# async pool keeps httpx's default: it closes such a connection before another task can start
# on it, and each idle connection costs it a readability check per request (1,000 tasks ran 2.5
# to 6 times slower with 100). Applies to the transports built here, not to one passed in.
SYNC_CONNECTION_LIMITS = httpx.Limits(
    max_connections=MAX_CONNECTIONS, max_keepalive_connections=MAX_CONNECTIONS
)
ASYNC_CONNECTION_LIMITS = httpx.Limits(
    max_connections=MAX_CONNECTIONS, max_keepalive_connections=ASYNC_KEEPALIVE_CONNECTIONS
)


class Wiring:
    """What a connected client's httpx clients are built from, and the ones built so far.

    Each connected client has its own; ``with_headers`` & co. give the copy a ``derive``d one.
    """

    def __init__(
        self,
        *,
        base_url: str,
        auth: httpx.Auth | None,
        headers: dict[str, str],
        timeout: httpx.Timeout,
        policy: RetryPolicy,
        transport: httpx.BaseTransport | None,
        async_transport: httpx.AsyncBaseTransport | None,
    ) -> None:
        self.base_url = base_url
        self.auth = auth
        self.headers = headers
        self.cookies: dict[str, str] = {}
        self.timeout = timeout
        self.policy = policy
        self.transport = transport
        self.async_transport = async_transport
        self._forget()
        _fork.after_fork_in_child(self, Wiring._forget)

    def derive(
        self,
        *,
        headers: dict[str, str] | None = None,
        cookies: dict[str, str] | None = None,
        timeout: httpx.Timeout | None = None,
    ) -> Wiring:
        """The same settings with these changed, and no httpx client built yet. A transport
        passed to ``connect()`` is shared with the copy, as the caller gave it."""
        derived = Wiring(
            base_url=self.base_url,
            auth=self.auth,
            headers=dict(self.headers if headers is None else headers),
            timeout=self.timeout if timeout is None else timeout,
            policy=self.policy,
            transport=self.transport,
            async_transport=self.async_transport,
        )
        derived.cookies = dict(self.cookies if cookies is None else cookies)
        return derived

    def _forget(self) -> None:
        """Drop the built clients without closing them (after a fork the connections are the
        parent's: closing them here could write to its sockets), and take a fresh lock, which
        a thread of the parent may have held at the fork."""
        if hasattr(self, "build_lock"):  # in a forked child: set the parent's clients aside
            _fork.inherited.extend(self.built(locked=False))
        # Threads making their first call together must share one httpx client: without the
        # lock each would build its own and all but one would leak their connections.
        self.build_lock = threading.Lock()
        self.sync: httpx.Client | None = None
        # One async client per event loop; a loop that is gone takes its entry with it.
        self.per_loop: weakref.WeakKeyDictionary[Any, httpx.AsyncClient] = (
            weakref.WeakKeyDictionary()
        )
        self.loopless: httpx.AsyncClient | None = None

    def built(self, *, locked: bool = True) -> list[httpx.Client | httpx.AsyncClient]:
        """The httpx clients built so far (``locked=False``: in a forked child, whose lock a
        parent's thread may hold)."""
        with self.build_lock if locked else contextlib.nullcontext():
            clients: list[httpx.Client | httpx.AsyncClient] = list(self.per_loop.values())
            clients.extend(c for c in (self.sync, self.loopless) if c is not None)
        return clients

    def sync_client(self) -> httpx.Client:
        http = self.sync
        if http is None or http.is_closed:
            with self.build_lock:
                http = self.sync
                if http is None or http.is_closed:
                    http = self.sync = self._build_sync()
        return http

    def async_client(self) -> httpx.AsyncClient:
        """The async client of the running event loop, built on its first call there; a client
        closed (by ``async with``, or by its loop's shutdown) is replaced."""
        loop = running_loop()
        http = self.loopless if loop is None else self.per_loop.get(loop)
        if http is None or belongs_elsewhere(http):
            with self.build_lock:
                http = self.loopless if loop is None else self.per_loop.get(loop)
                if http is None or belongs_elsewhere(http):
                    # A client closed by its loop's shutdown keeps that loop alive (weak keys
                    # notwithstanding): drop those before adding one.
                    for gone in [k for k, v in self.per_loop.items() if v.is_closed]:
                        del self.per_loop[gone]
                    http = self._build_async()
                    if loop is None:
                        self.loopless = http
                    else:
                        self.per_loop[loop] = http
        return http

    def _build_sync(self) -> httpx.Client:
        client: httpx.Client = self._build(_SYNC, self.transport)
        return client

    def _build_async(self) -> httpx.AsyncClient:
        client: httpx.AsyncClient = self._build(_ASYNC, self.async_transport)
        return client

    def _build(self, kind: _Kind, given: Any) -> Any:
        """An httpx client of ``kind`` with retries in every transport it may use: ``given``
        (wrapped unless it already retries, so its own policy, sleep and clock stay), else
        ones built here, with the proxy mounts the environment asks for."""
        if given is not None:
            retrying = isinstance(given, kind.retry)
            transport, mounts = (given if retrying else kind.retry(given, policy=self.policy)), {}
        else:
            transport = kind.retry(kind.transport(limits=kind.limits), policy=self.policy)
            mounts = proxy_mounts(
                lambda proxy: kind.retry(
                    kind.transport(proxy=proxy, limits=kind.limits), policy=self.policy
                )
            )
        return kind.client(
            base_url=self.base_url,
            auth=self.auth,
            headers=self.headers,
            cookies=self.cookies,
            timeout=self.timeout,
            follow_redirects=False,
            transport=transport,
            mounts=mounts,
        )


class _Kind(NamedTuple):
    """The classes and pool limits of one side, sync or async."""

    client: Any
    retry: Any
    transport: Any
    limits: httpx.Limits


_SYNC = _Kind(TypedErrorsClient, RetryTransport, httpx.HTTPTransport, SYNC_CONNECTION_LIMITS)
_ASYNC = _Kind(
    AsyncTypedErrorsClient, AsyncRetryTransport, httpx.AsyncHTTPTransport, ASYNC_CONNECTION_LIMITS
)


_OWN_CLIENTS = (
    "a connected client builds its own httpx clients; pass transport=... (or async_transport)"
    " to connect(), or use the generated Client with an httpx client of your own"
)


class _Wired:
    """What ``connect()`` adds to the generated client classes, through their public methods
    only. A mixin, so the two wired classes below stay the generated classes with one line
    each."""

    __slots__ = ()
    wiring: Wiring

    def get_httpx_client(self) -> httpx.Client:
        return self.wiring.sync_client()

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        return self.wiring.async_client()

    def set_httpx_client(self, client: httpx.Client) -> Any:
        raise ConfigurationError(_OWN_CLIENTS)

    def set_async_httpx_client(self, async_client: httpx.AsyncClient) -> Any:
        raise ConfigurationError(_OWN_CLIENTS)

    # Copies, as the generated with_* make them: the original and the httpx clients it built keep
    # their settings. copy.copy keeps the generated fields (attrs copies its own); the copy's
    # wiring is its own, so it builds its own httpx clients on first use.
    def _derived(self, **changes: Any) -> Any:
        new: Any = copy.copy(self)  # one of the two wired classes below, which have the slot
        new.wiring = self.wiring.derive(**changes)
        return new

    def with_headers(self, headers: dict[str, str]) -> Any:
        return self._derived(headers={**self.wiring.headers, **headers})

    def with_cookies(self, cookies: dict[str, str]) -> Any:
        return self._derived(cookies={**self.wiring.cookies, **cookies})

    def with_timeout(self, timeout: httpx.Timeout) -> Any:
        return self._derived(timeout=timeout)


class ConnectedAuthenticatedClient(_Wired, AuthenticatedClient):
    """The generated ``AuthenticatedClient``, wired by ``telnyx_oauth.connect()``."""

    __slots__ = ("wiring",)


class ConnectedClient(_Wired, Client):
    """The generated ``Client``, wired by ``telnyx_oauth.connect_anonymous()``."""

    __slots__ = ("wiring",)


_C = TypeVar("_C", ConnectedClient, ConnectedAuthenticatedClient)


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
    max_retries: int | None = None,
    retry_policy: RetryPolicy | None = None,
    headers: Mapping[str, str] | None = None,
    transport: httpx.BaseTransport | None = None,
    async_transport: httpx.AsyncBaseTransport | None = None,
) -> AuthenticatedClient:
    """The generated ``AuthenticatedClient``, ready for sync and async calls.

    Authenticates with ``api_key`` (else the ``TELNYX_API_KEY`` environment variable) or with any
    ``httpx.Auth`` given as ``auth`` (for example ``ClientCredentials``); a missing key raises
    ``ConfigurationError`` here rather than a 401 later. ``timeout`` is seconds or an
    ``httpx.Timeout``. Retries follow ``retry_policy`` (a ``RetryPolicy``: attempts, the longest
    server-given wait honoured, the backoff), or the default policy with ``max_retries``
    retries; they wrap ``transport`` (default: httpx's, with the proxy mounts the environment
    asks for); a transport that already is a ``RetryTransport`` is used as given.
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
    base = _normalize_base_url(base_url)
    client = ConnectedAuthenticatedClient(
        base_url=base,
        # The credentials live in `auth` (any httpx.Auth), not in the generated token field.
        token="",
        prefix="",
        timeout=_timeout(timeout),
    )
    return _wire(
        client, base, auth, timeout, max_retries, retry_policy, headers, transport, async_transport
    )


def connect_anonymous(
    *,
    base_url: str | httpx.URL = DEFAULT_BASE_URL,
    timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
    max_retries: int | None = None,
    retry_policy: RetryPolicy | None = None,
    headers: Mapping[str, str] | None = None,
    transport: httpx.BaseTransport | None = None,
    async_transport: httpx.AsyncBaseTransport | None = None,
) -> Client:
    """The generated ``Client`` without credentials, wired like ``connect()``.

    For the operations that take no API key: discovery, JWKS, register, authorize, and the token
    and introspection endpoints (whose client authentication ``AuthorizationCodeFlow`` adds).
    """
    base = _normalize_base_url(base_url)
    client = ConnectedClient(base_url=base, timeout=_timeout(timeout))
    return _wire(
        client, base, None, timeout, max_retries, retry_policy, headers, transport, async_transport
    )


def _wire(
    client: _C,
    base_url: str,
    auth: httpx.Auth | None,
    timeout: float | httpx.Timeout,
    max_retries: int | None,
    retry_policy: RetryPolicy | None,
    headers: Mapping[str, str] | None,
    transport: httpx.BaseTransport | None,
    async_transport: httpx.AsyncBaseTransport | None,
) -> _C:
    redact_httpx_log()
    client.wiring = Wiring(
        base_url=base_url,
        auth=auth,
        headers=dict(headers or {}),
        timeout=_timeout(timeout),
        policy=resolve_policy(max_retries, retry_policy),
        transport=transport,
        async_transport=async_transport,
    )
    return client
