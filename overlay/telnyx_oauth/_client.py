"""``connect()``: the generated client with auth, retries and typed errors (docs/design.md)."""

from __future__ import annotations

import copy
import ipaddress
import os
import threading
import urllib.request
from collections.abc import Callable, Mapping
from typing import Any, TypedDict, Unpack
from weakref import WeakKeyDictionary

import httpx

from telnyx_oauth_api import AuthenticatedClient, Client

from . import _fork
from ._client_auth import ApiKeyAuth
from ._constants import DEFAULT_TIMEOUT_SECONDS, MAX_CONNECTIONS
from ._errors import ConfigurationError
from ._http import AsyncTypedErrorsClient, TypedErrorsClient, running_loop
from ._redact import redact_httpx_log
from ._retries import AsyncRetryTransport, RetryPolicy, RetryTransport, resolve_policy

__all__ = ["connect", "connect_anonymous"]

DEFAULT_BASE_URL = "https://api.telnyx.com"
API_KEY_ENV_VAR = "TELNYX_API_KEY"
DEFAULT_TIMEOUT = httpx.Timeout(DEFAULT_TIMEOUT_SECONDS, connect=5.0)
# Per side: the retry transport, the transport it wraps unless given one, and the idle connections
# kept by the pool of one built here: all it may open (sync), httpx's default (async; why: docs).
_SYNC = (RetryTransport, httpx.HTTPTransport, MAX_CONNECTIONS)
_ASYNC = (AsyncRetryTransport, httpx.AsyncHTTPTransport, 20)
_OWN_CLIENTS = (
    "a connected client builds its own httpx clients; pass transport=... (or async_transport)"
    " to connect(), or use the generated Client with an httpx client of your own"
)


class _NoLoop:
    """The async client's key where no asyncio loop runs (trio): the class, as keys are weak."""


class _Options(TypedDict, total=False):
    """The keyword arguments ``connect()`` and ``connect_anonymous()`` share (``Wiring``)."""

    base_url: str | httpx.URL
    timeout: float | httpx.Timeout
    max_retries: int | None
    retry_policy: RetryPolicy | None
    headers: Mapping[str, str] | None
    transport: httpx.BaseTransport | None
    async_transport: httpx.AsyncBaseTransport | None


class Wiring:
    """What a connected client's httpx clients are built from, and the ones built so far."""

    def __init__(self, caller: str, auth: httpx.Auth | None, options: _Options) -> None:
        # A misspelt keyword is reported as Python would for the function the user called.
        if unknown := sorted(options.keys() - _Options.__optional_keys__):
            raise TypeError(f"{caller}() got an unexpected keyword argument {unknown[0]!r}")
        url = httpx.URL(str(options.get("base_url", DEFAULT_BASE_URL)))
        if url.scheme not in ("http", "https") or not url.host:
            raise ConfigurationError("base_url must be an absolute http(s) URL")
        path = url.path.rstrip("/").removesuffix("/v2")  # the spec's paths carry it
        self.base_url = str(url.copy_with(path=path or "/", query=None, fragment=None)).rstrip("/")
        given = options.get("timeout", DEFAULT_TIMEOUT)
        if not isinstance(given, httpx.Timeout) and given <= 0:
            raise ConfigurationError(
                "timeout must be a positive number of seconds or httpx.Timeout"
            )
        self.timeout = given if isinstance(given, httpx.Timeout) else httpx.Timeout(float(given))
        self.policy = resolve_policy(options.get("max_retries"), options.get("retry_policy"))
        self.auth = auth
        self.headers = dict(options.get("headers") or {})
        self.cookies: dict[str, str] = {}
        self.transport = options.get("transport")
        self.async_transport = options.get("async_transport")
        redact_httpx_log()
        self._reset()

    def _reset(self) -> None:
        """No httpx client built yet, a fresh lock, and the same again in a forked child."""
        self.build_lock = threading.Lock()
        self.sync: httpx.Client | None = None
        # One async client per event loop; a loop that is gone takes its entry with it.
        self.per_loop: WeakKeyDictionary[Any, AsyncTypedErrorsClient] = WeakKeyDictionary()
        _fork.after_fork_in_child(self, Wiring._forget)

    def _forget(self) -> None:
        """In a forked child: set the parent's httpx clients aside unclosed, and start afresh."""
        built = [self.sync, *self.per_loop.values()]
        _fork.inherited.extend(http for http in built if http is not None)
        self._reset()

    def sync_client(self) -> httpx.Client:
        http = self.sync
        if http is None or http.is_closed:
            with self.build_lock:
                http = self.sync
                if http is None or http.is_closed:
                    http = self.sync = self._build_sync()
        return http

    def async_client(self) -> httpx.AsyncClient:
        """The running event loop's async client, built on its first call there (anew if closed)."""
        loop = running_loop() or _NoLoop
        http = self.per_loop.get(loop)
        if http is None or http.belongs_elsewhere():
            with self.build_lock:
                http = self.per_loop.get(loop)
                if http is None or http.belongs_elsewhere():
                    # A client closed by its loop's shutdown keeps that loop alive (weak keys
                    # notwithstanding): drop those before adding one.
                    for gone in [k for k, v in self.per_loop.items() if v.is_closed]:
                        del self.per_loop[gone]
                    http = self.per_loop[loop] = self._build_async()
        return http

    def _build_sync(self) -> httpx.Client:
        return TypedErrorsClient(**self._options(self.transport, *_SYNC))

    def _build_async(self) -> AsyncTypedErrorsClient:
        return AsyncTypedErrorsClient(**self._options(self.async_transport, *_ASYNC))

    def _options(self, given: Any, retry: Any, build: Any, idle: int) -> dict[str, Any]:
        """An httpx client's arguments, with retries in every transport it may use: ``given``
        (wrapped unless it already retries), else ones built here, and the environment's proxies."""
        mounts = {}
        if given is None:
            limits = httpx.Limits(max_connections=MAX_CONNECTIONS, max_keepalive_connections=idle)
            given = build(limits=limits)
            mounts = _proxy_mounts(
                lambda proxy: retry(build(proxy=proxy, limits=limits), policy=self.policy)
            )
        return {
            "base_url": self.base_url,
            "auth": self.auth,
            "headers": self.headers,
            "cookies": self.cookies,
            "timeout": self.timeout,
            "follow_redirects": False,
            "transport": given if isinstance(given, retry) else retry(given, policy=self.policy),
            "mounts": mounts,
        }


def _proxy_mounts(build: Callable[[httpx.Proxy], Any]) -> dict[str, Any]:
    """``mounts=`` as httpx builds them from the environment for its own transports:
    ``build(proxy)`` per proxied scheme, ``None`` (no proxy) per ``NO_PROXY`` entry."""
    env = urllib.request.getproxies()
    mounts: dict[str, Any] = {}
    for scheme in ("http", "https", "all"):
        if url := env.get(scheme):
            mounts[f"{scheme}://"] = build(httpx.Proxy(url if "://" in url else f"http://{url}"))
    hosts = [entry.strip() for entry in env.get("no", "").split(",") if entry.strip()]
    if not mounts or "*" in hosts:
        return {}
    mounts.update(dict.fromkeys(map(_no_proxy_pattern, hosts)))
    return mounts


def _no_proxy_pattern(host: str) -> str:
    if "://" in host:
        return host
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return "all://localhost" if host == "localhost" else f"all://*{host}"
    return f"all://[{host}]" if address.version == 6 else f"all://{host}"


class _Wired:
    """What ``connect()`` adds to the generated client classes, through their public methods."""

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

    # Copies as with_* make them; each builds its own httpx clients (a given transport is shared).
    def _derived(self, **changes: Any) -> Any:
        new: Any = copy.copy(self)  # one of the two wired classes below, which have the slot
        new.wiring = copy.copy(self.wiring)
        vars(new.wiring).update(changes)
        new.wiring._reset()
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


def connect(
    api_key: str | None = None, *, auth: httpx.Auth | None = None, **options: Unpack[_Options]
) -> AuthenticatedClient:
    """The generated ``AuthenticatedClient``, ready for sync and async calls.

    Authenticates with ``api_key`` (else ``TELNYX_API_KEY``) or any ``httpx.Auth`` as ``auth``
    (``ClientCredentials``, say); no key raises ``ConfigurationError``. ``base_url`` (default
    ``https://api.telnyx.com``), ``timeout`` (seconds or ``httpx.Timeout``; default 30 s, 5 s to
    connect) and ``headers`` apply to every request. Retries follow ``retry_policy``, or the
    default one with ``max_retries`` (default 2), around ``transport`` / ``async_transport``
    (default: httpx's, with the environment's proxies); a ``RetryTransport`` is used as given.
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
    wiring = Wiring("connect", auth, options)
    client = ConnectedAuthenticatedClient(
        base_url=wiring.base_url, token="", prefix="", timeout=wiring.timeout
    )
    client.wiring = wiring
    return client


def connect_anonymous(**options: Unpack[_Options]) -> Client:
    """The generated ``Client`` without credentials, wired like ``connect()``: for discovery, JWKS,
    register, authorize, and the token and introspection endpoints."""
    wiring = Wiring("connect_anonymous", None, options)
    client = ConnectedClient(base_url=wiring.base_url, timeout=wiring.timeout)
    client.wiring = wiring
    return client
