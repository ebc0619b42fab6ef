"""``httpx.Auth`` classes: a static API key, OAuth client authentication, and a
client-credentials token that renews itself.

``ClientCredentials`` keeps one cached token per instance, read without any lock. When it must
be renewed, the callers that need it at that moment coordinate through one ``SingleFlight``
(``_single_flight``): the first makes the token request, the others wait for that one attempt and
all get its outcome, the token or the typed error, whether they are threads or asyncio tasks (sync
and async callers of one instance share the same flight). Nothing is locked while a caller's own
request is in flight, so concurrent calls run concurrently. A failure is shared with the waiters
of its attempt and not remembered: the next caller after it tries again.

Two rules keep renewal from stalling under load. A caller that got a 401 reads it before waiting
for anyone: an unread response holds its pooled connection, and with more callers than the pool
holds, the token request would wait for a connection none of them gives back. And the token
request carries the caller's request's timeouts (httpx gives a request yielded by an auth flow
none: it would wait forever, for a connection or for an answer).

With ``store=`` (a ``TokenStore``: ``SQLiteTokenStore``, ``RedisTokenStore``), processes share
the token too: the leader of a renewal holds the store's lock for this client's key, adopts the
token another process saved there if it is still fresh (and not the one the API just refused),
and otherwise makes the token request and saves what it got (``_store_link``). Should the store
fail, the renewal goes on in this process alone, with one warning per outage: a
client-credentials token is not single-use. Waiters and the steady state never touch the store.

The token is renewed ``leeway_seconds`` before it expires (capped at half its lifetime), and once
more if the API answers 401 (a token revoked or expired early): if another caller already renewed
it in the meantime, the new one is reused rather than fetched again. A second 401 is returned to
the caller (and raised as ``AuthenticationError`` by the connected client). A failed token request
raises the typed status error (``AuthenticationError`` for ``invalid_client`` and so on); the
caller's request is never sent unauthenticated.
"""

from __future__ import annotations

import time
from collections.abc import AsyncGenerator, Callable, Generator, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import partial

import httpx

from telnyx_oauth_api.errors import connection_error

from ._client_auth import (
    ClientAuthMethod,
    apply_client_auth,
    client_secret_basic_header,
    join_scope,
    resolve_client_auth_method,
)
from ._constants import TOKEN_REFRESH_LEEWAY_SECONDS
from ._drive import Closed, Core, async_auth_flow, auth_flow
from ._errors import ConfigurationError
from ._http import status_error
from ._operations import FORM_CONTENT_TYPE, TOKEN_PATH
from ._retries import (
    ASYNC_RETRY_GUARD_EXTENSION,
    RETRY_GUARD_EXTENSION,
    TRANSPORT_FAILURE_EXTENSION,
    TransportFailure,
)
from ._single_flight import Leader, SingleFlight, Waiter, hashed_key
from ._store_link import AsyncLease, Lease, StoreLink
from ._token import Token, parse_token_response
from ._token_store import TokenStore, lock_ttl_seconds

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
    ``client_secret_post``. ``store`` shares the token with other processes (see the module
    docstring); by default it lives in this instance alone. ``clock`` is monotonic seconds
    (injectable for tests); tokens in a store carry wall-clock expiry times.
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
        store: TokenStore | None = None,
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
        self._flights: SingleFlight[_CachedToken] = SingleFlight()
        # One token per instance (and per store); the key names it without the secret.
        self._key = hashed_key("client_credentials", client_id, self.scope or "")
        self._link = StoreLink(
            store,
            fail_open=True,
            replace_unreadable=True,
            fallback="fetching client-credentials tokens in each process",
        )
        self._wall_clock = time.time

    def __repr__(self) -> str:
        return (
            f"ClientCredentials(client_id={self.client_id!r}, client_secret='***', "
            f"scope={self.scope!r})"
        )

    def invalidate(self) -> None:
        """Forget the cached token; the next request fetches a new one."""
        self._token = None

    # -- the flow -------------------------------------------------------------------------------
    # One core (``_drive``), driven by httpx's two entry points. A flow renews (``token is
    # None``) at most twice: when it has no fresh token, and after a 401.

    def sync_auth_flow(
        self, request: httpx.Request
    ) -> Generator[httpx.Request, httpx.Response, None]:
        return auth_flow(self._flow(request, is_async=False))

    def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        return async_auth_flow(self._flow(request, is_async=True))

    def _flow(self, request: httpx.Request, *, is_async: bool) -> Core[None]:
        token, refused = self._fresh_token(), None
        while True:
            while token is None:
                usable = partial(self._usable, refused)
                joined = self._flights.join(self._key, usable, is_async=is_async)
                if isinstance(joined, Leader):
                    token = yield from self._lead(joined, request, refused, is_async=is_async)
                elif isinstance(joined, Waiter):  # None: its leader gave up; join again
                    token = yield joined.wait_async() if is_async else joined.wait()
                else:
                    token = joined
            response = yield self._authorize(request, token)
            if response.status_code != 401 or refused is not None:
                return
            # Give the pooled connection back before waiting (see the module docstring).
            yield response.aread() if is_async else response.read()
            token, refused = None, token

    def _lead(
        self,
        joined: Leader[_CachedToken],
        request: httpx.Request,
        refused: _CachedToken | None,
        *,
        is_async: bool,
    ) -> Core[_CachedToken]:
        """Renew as the flight's leader: the store's token if fresh, else a token request."""
        failure = TransportFailure()
        with _landing(joined, failure):
            lease = (AsyncLease if is_async else Lease)(self._link, _lock_ttl(request))
            renewal = self._renew(lease, request, refused, failure)
            token = yield from self._link.hold(lease, self._key, renewal, shared=not joined.solo)
        joined.succeed(token)
        return token

    def _renew(
        self,
        lease: AsyncLease | Lease,
        request: httpx.Request,
        refused: _CachedToken | None,
        failure: TransportFailure,
    ) -> Core[_CachedToken]:
        """Under the store's lock: the token saved there if fresh, else a token request's."""
        token = self._adopt((yield from lease.load_steps()), refused)
        if token is None:
            is_async = lease.is_async
            guard_name = ASYNC_RETRY_GUARD_EXTENSION if is_async else RETRY_GUARD_EXTENSION
            guard = {guard_name: lease.before_retry}
            response = yield self._token_request(request, failure, guard)
            yield response.aread() if is_async else response.read()
            token, shared = self._store(response)
            yield from lease.save_steps(shared)
        return token

    # -- helpers --------------------------------------------------------------------------------

    def _fresh_token(self) -> _CachedToken | None:
        token = self._token
        if token is not None and self._clock() < token.renew_at:
            return token
        return None

    def _usable(self, refused: _CachedToken | None) -> _CachedToken | None:
        """The cached token if it is fresh and not the one the API just refused."""
        token = self._fresh_token()
        return None if token is None or token is refused else token

    def _token_request(
        self, request: httpx.Request, failure: TransportFailure, guard: Mapping[str, object]
    ) -> httpx.Request:
        url = self.token_url or request.url.copy_with(path=TOKEN_PATH, query=None, fragment=None)
        form = {"grant_type": "client_credentials"}
        if self.scope:
            form["scope"] = self.scope
        headers = {"Accept": "application/json", "Content-Type": FORM_CONTENT_TYPE}
        apply_client_auth(self._auth_method, self.client_id, self._client_secret, form, headers)
        extensions: dict[str, object] = {TRANSPORT_FAILURE_EXTENSION: failure, **guard}
        timeout = request.extensions.get("timeout")
        if timeout is not None:
            extensions["timeout"] = timeout
        return httpx.Request("POST", url, data=form, headers=headers, extensions=extensions)

    def _store(self, response: httpx.Response) -> tuple[_CachedToken, Token]:
        """The token in ``response``, cached here, and as a store keeps it (wall-clock time)."""
        if response.status_code >= 400:
            raise status_error(response, context="client credentials token request failed")
        now = self._clock()
        token = parse_token_response(response, now=now)
        lifetime = float("inf") if token.expires_in is None else token.expires_in
        cached = self._cache(token.access_token, now + lifetime - self._leeway(token))
        expires_at = None if token.expires_in is None else self._wall_clock() + token.expires_in
        return cached, replace(token, expires_at=expires_at)

    def _adopt(self, shared: Token | None, refused: _CachedToken | None) -> _CachedToken | None:
        """The token another process saved, cached here, if it is not due for renewal yet and
        not the one the API just refused."""
        if shared is None or (refused is not None and shared.access_token == refused.access_token):
            return None
        if shared.expires_at is None:
            return self._cache(shared.access_token, float("inf"))
        renew_in = shared.expires_at - self._wall_clock() - self._leeway(shared)
        return self._cache(shared.access_token, self._clock() + renew_in) if renew_in > 0 else None

    def _leeway(self, token: Token) -> float:
        if token.expires_in is None:
            return self.leeway_seconds
        return min(self.leeway_seconds, token.expires_in / 2)

    def _cache(self, access_token: str, renew_at: float) -> _CachedToken:
        cached = _CachedToken(access_token=access_token, renew_at=renew_at)
        self._token = cached  # published before the flight lands (see _single_flight)
        return cached

    @staticmethod
    def _authorize(request: httpx.Request, token: _CachedToken) -> httpx.Request:
        request.headers["Authorization"] = f"Bearer {token.access_token}"
        return request


def _lock_ttl(request: httpx.Request) -> float:
    """A store lock's TTL for the token request that authenticates ``request``: it carries
    ``request``'s timeouts (see ``_token_request``)."""
    timeout = request.extensions.get("timeout")
    return lock_ttl_seconds(timeout if isinstance(timeout, dict) else None)


@contextmanager
def _landing(leader: Leader[_CachedToken], failure: TransportFailure) -> Iterator[None]:
    """Land the leader's flight with the error that ends its token request, if one does."""
    try:
        yield
    except (Closed, GeneratorExit):
        # httpx closes the flow instead of throwing the token request's transport error into it;
        # the retry transport noted that error. Without one, the caller itself was cancelled.
        shared = None if failure.error is None else connection_error(failure.error)
        leader.fail(shared)
        raise
    except BaseException as exc:
        leader.fail(exc)
        raise
