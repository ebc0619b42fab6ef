"""``httpx.Auth`` classes: a static API key, OAuth client authentication, and a
client-credentials token that renews itself.

``ClientCredentials`` keeps one cached token per instance. Its locks (a ``threading.Lock`` for sync
clients, an ``anyio.Lock`` for async ones) are held only while a token is fetched, never while the
caller's request is in flight, so concurrent calls run concurrently and only the token refresh is
serialised. Whoever waited on the lock re-checks the cache first, so N threads or tasks needing a
token cause one token request.

The token is renewed ``leeway_seconds`` before it expires (capped at half its lifetime), and once
more if the API answers 401 (a token revoked or expired early): if another caller already renewed
it in the meantime, the new one is reused rather than fetched again. A second 401 is returned to
the caller (and raised as ``AuthenticationError`` by the connected client). A failed token request
raises the typed status error (``AuthenticationError`` for ``invalid_client`` and so on); the
caller's request is never sent unauthenticated.

Sync and async locks are separate objects: a sync thread and an async task refreshing at the same
instant may cost one extra token request, never a wrong token.
"""

from __future__ import annotations

import threading
import time
from collections.abc import AsyncGenerator, Callable, Generator, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import httpx

from ._client_auth import (
    FORM_CONTENT_TYPE,
    TOKEN_PATH,
    ClientAuthMethod,
    apply_client_auth,
    client_secret_basic_header,
    join_scope,
    resolve_client_auth_method,
)
from ._constants import TOKEN_REFRESH_LEEWAY_SECONDS
from ._errors import ConfigurationError, make_status_error
from ._token import parse_token_response

if TYPE_CHECKING:
    import anyio

__all__ = ["ApiKeyAuth", "ClientCredentials", "ClientSecretBasic"]


class ApiKeyAuth(httpx.Auth):
    """Sends ``Authorization: Bearer <api_key>``; the key never shows in ``repr()``."""

    def __init__(self, api_key: str) -> None:
        if not api_key or not api_key.strip():
            raise ConfigurationError("api_key is empty")
        self._api_key = api_key.strip()

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = f"Bearer {self._api_key}"
        yield request

    def __repr__(self) -> str:
        return "ApiKeyAuth(api_key='***')"


class ClientSecretBasic(httpx.Auth):
    """OAuth client authentication ``client_secret_basic`` (RFC 6749 section 2.3.1).

    For the endpoints that authenticate the OAuth client rather than the account, such as
    introspection: ``connect(auth=ClientSecretBasic(client_id, client_secret))`` and then the
    generated ``introspect_token``. The id and secret are form-urlencoded before base64, as the
    RFC requires; the secret never shows in ``repr()``.
    """

    def __init__(self, client_id: str, client_secret: str) -> None:
        if not client_id:
            raise ConfigurationError("client_id is empty")
        if not client_secret:
            raise ConfigurationError("client_secret is empty")
        self.client_id = client_id
        self._header = client_secret_basic_header(client_id, client_secret)

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = self._header
        yield request

    def __repr__(self) -> str:
        return f"ClientSecretBasic(client_id={self.client_id!r}, client_secret='***')"


@dataclass(frozen=True)
class _CachedToken:
    access_token: str
    renew_at: float  # on the monotonic clock; inf when the server gave no lifetime

    def __repr__(self) -> str:
        return f"_CachedToken(access_token='***', renew_at={self.renew_at!r})"


class ClientCredentials(httpx.Auth):
    """Fetches, caches and renews a ``client_credentials`` access token.

    ``token_url`` defaults to ``/v2/oauth/token`` on the scheme and host of the request being
    authenticated, which is right for ``https://api.telnyx.com`` and for a local sandbox; pass it
    when the API sits under a path prefix. ``auth_method`` is ``client_secret_basic`` (default) or
    ``client_secret_post``. ``clock`` is monotonic seconds (injectable for tests).
    """

    def __init__(
        self,
        client_id: str,
        client_secret: str,
        *,
        scope: str | Iterable[str] | None = None,
        token_url: str | httpx.URL | None = None,
        auth_method: ClientAuthMethod = "client_secret_basic",
        leeway_seconds: float = TOKEN_REFRESH_LEEWAY_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if not client_id:
            raise ConfigurationError("client_id is empty")
        self._auth_method = resolve_client_auth_method(auth_method, client_secret)
        if self._auth_method == "none":
            raise ConfigurationError("client credentials need client authentication")
        self.client_id = client_id
        self._client_secret = client_secret
        self.scope = join_scope(scope)
        self.token_url = httpx.URL(token_url) if token_url is not None else None
        self.leeway_seconds = leeway_seconds
        self._clock = clock
        self._token: _CachedToken | None = None
        self._lock = threading.Lock()
        self._async_lock: anyio.Lock | None = None

    def __repr__(self) -> str:
        return (
            f"ClientCredentials(client_id={self.client_id!r}, client_secret='***', "
            f"scope={self.scope!r})"
        )

    def invalidate(self) -> None:
        """Forget the cached token; the next request fetches a new one."""
        self._token = None

    # -- the flows ------------------------------------------------------------------------------

    def sync_auth_flow(
        self, request: httpx.Request
    ) -> Generator[httpx.Request, httpx.Response, None]:
        token = self._fresh_token()
        if token is None:
            with self._lock:
                token = self._fresh_token()
                if token is None:
                    token_response = yield self._token_request(request)
                    token_response.read()
                    token = self._store(token_response)
        response = yield self._authorize(request, token)
        if response.status_code != 401:
            return
        with self._lock:
            current = self._token
            if current is None or current is token:
                token_response = yield self._token_request(request)
                token_response.read()
                current = self._store(token_response)
        yield self._authorize(request, current)

    async def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        lock = self._get_async_lock()
        token = self._fresh_token()
        if token is None:
            async with lock:
                token = self._fresh_token()
                if token is None:
                    token_response = yield self._token_request(request)
                    await token_response.aread()
                    token = self._store(token_response)
        response = yield self._authorize(request, token)
        if response.status_code != 401:
            return
        async with lock:
            current = self._token
            if current is None or current is token:
                token_response = yield self._token_request(request)
                await token_response.aread()
                current = self._store(token_response)
        yield self._authorize(request, current)

    # -- helpers --------------------------------------------------------------------------------

    def _get_async_lock(self) -> anyio.Lock:
        if self._async_lock is None:
            import anyio  # late: keeps `import telnyx_oauth` cheap; works under asyncio and trio

            self._async_lock = anyio.Lock()
        return self._async_lock

    def _fresh_token(self) -> _CachedToken | None:
        token = self._token
        if token is not None and self._clock() < token.renew_at:
            return token
        return None

    def _token_request(self, request: httpx.Request) -> httpx.Request:
        url = self.token_url or request.url.copy_with(path=TOKEN_PATH, query=None, fragment=None)
        form = {"grant_type": "client_credentials"}
        if self.scope:
            form["scope"] = self.scope
        headers = {"Accept": "application/json", "Content-Type": FORM_CONTENT_TYPE}
        apply_client_auth(self._auth_method, self.client_id, self._client_secret, form, headers)
        return httpx.Request("POST", url, data=form, headers=headers)

    def _store(self, response: httpx.Response) -> _CachedToken:
        if response.status_code >= 400:
            raise make_status_error(response, context="client credentials token request failed")
        now = self._clock()
        token = parse_token_response(response, now=now)
        if token.expires_in is None:
            renew_at = float("inf")
        else:
            renew_at = now + token.expires_in - min(self.leeway_seconds, token.expires_in / 2)
        cached = _CachedToken(access_token=token.access_token, renew_at=renew_at)
        self._token = cached
        return cached

    @staticmethod
    def _authorize(request: httpx.Request, token: _CachedToken) -> httpx.Request:
        request.headers["Authorization"] = f"Bearer {token.access_token}"
        return request
