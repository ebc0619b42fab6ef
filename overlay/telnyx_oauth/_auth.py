"""``ClientCredentials``: an ``httpx.Auth`` whose client-credentials token renews itself (the
rules: docs/design.md, "Client credentials").
"""

from __future__ import annotations

import math
import time
from collections.abc import AsyncGenerator, Callable, Generator, Iterable
from dataclasses import dataclass, field
from functools import partial

import httpx

from ._client_auth import (
    ClientAuthMethod,
    apply_client_auth,
    join_scope,
    resolve_client_auth_method,
)
from ._constants import TOKEN_REFRESH_LEEWAY_SECONDS
from ._drive import Core, async_auth_flow, auth_flow
from ._errors import ConfigurationError
from ._http import status_error
from ._operations import FORM_CONTENT_TYPE, TOKEN_PATH
from ._retries import TRANSPORT_FAILURE_EXTENSION, TransportFailure
from ._single_flight import Leader, SingleFlight, Waiter, hashed_key
from ._store_link import Lease, StoreLink
from ._token import Token, parse_token_response
from ._token_store import TokenStore, lock_ttl_seconds

__all__ = ["ClientCredentials"]


@dataclass(frozen=True)
class _CachedToken:
    access_token: str = field(repr=False)
    renew_at: float  # on the monotonic clock; inf when the server gave no lifetime


class ClientCredentials(httpx.Auth):
    """Fetches, caches and renews a ``client_credentials`` access token.

    ``token_url`` defaults to ``/v2/oauth/token`` on the host of the request being
    authenticated (pass it for an API under a path prefix); ``auth_method`` is
    ``client_secret_basic`` or ``client_secret_post``; ``store`` shares the token with other
    processes; ``clock`` is monotonic seconds (tests inject one).
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
        self._key = hashed_key("client_credentials", client_id, self.scope or "")
        self._link = StoreLink(
            store,
            fail_open=True,
            replace_unreadable=True,
            fallback="fetching client-credentials tokens in each process",
        )

    def __repr__(self) -> str:
        return (
            f"ClientCredentials(client_id={self.client_id!r}, client_secret='***', "
            f"scope={self.scope!r})"
        )

    def invalidate(self) -> None:
        """Forget the cached token; the next request fetches a new one."""
        self._token = None

    def sync_auth_flow(
        self, request: httpx.Request
    ) -> Generator[httpx.Request, httpx.Response, None]:
        return auth_flow(self._flow(request, is_async=False))

    def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        return async_auth_flow(self._flow(request, is_async=True))

    def _flow(self, request: httpx.Request, *, is_async: bool) -> Core[None]:
        token, refused = self._usable(None), None
        while True:
            while token is None:
                usable = partial(self._usable, refused)
                joined = self._flights.join(self._key, usable, is_async=is_async)
                if isinstance(joined, Leader):
                    failure = TransportFailure()
                    renew = partial(self._renew, request=request, refused=refused, failure=failure)
                    ttl = partial(lock_ttl_seconds, request.extensions.get("timeout"))
                    token = yield from self._link.lead(
                        joined, self._key, ttl, renew, is_async=is_async, failure=failure
                    )
                elif isinstance(joined, Waiter):  # None: its leader gave up; join again
                    token = yield joined.wait_async() if is_async else joined.wait()
                else:
                    token = joined
            request.headers["Authorization"] = f"Bearer {token.access_token}"
            response = yield request
            if response.status_code != 401 or refused is not None:
                return
            # Give the pooled connection back before waiting (docs/design.md says why).
            yield response.aread() if is_async else response.read()
            token, refused = None, token

    def _renew(
        self,
        lease: Lease,
        request: httpx.Request,
        refused: _CachedToken | None,
        failure: TransportFailure,
    ) -> Core[_CachedToken]:
        """Under the store's lock: the saved token if fresh and not refused, else a new one."""
        saved = yield from lease.load_steps()
        if saved is not None and (refused is None or saved.access_token != refused.access_token):
            lifetime = None if saved.expires_at is None else saved.expires_at - time.time()
            if lifetime is None or lifetime > self._leeway(saved):
                return self._cache(saved, lifetime)
        url = self.token_url or request.url.copy_with(path=TOKEN_PATH, query=None, fragment=None)
        form = {"grant_type": "client_credentials"}
        if self.scope:
            form["scope"] = self.scope
        headers = {"Accept": "application/json", "Content-Type": FORM_CONTENT_TYPE}
        apply_client_auth(self._auth_method, self.client_id, self._client_secret, form, headers)
        extensions = {TRANSPORT_FAILURE_EXTENSION: failure, lease.retry_guard: lease.before_retry}
        if (timeout := request.extensions.get("timeout")) is not None:
            extensions["timeout"] = timeout
        response = yield httpx.Request(
            "POST", url, data=form, headers=headers, extensions=extensions
        )
        yield response.aread() if lease.is_async else response.read()
        if response.status_code >= 400:
            raise status_error(response, context="client credentials token request failed")
        shared = parse_token_response(response, now=time.time())  # as a store keeps it
        token = self._cache(shared, shared.expires_in)
        yield from lease.save_steps(shared)
        return token

    def _usable(self, refused: _CachedToken | None) -> _CachedToken | None:
        token = self._token
        fresh = token is not None and token is not refused and self._clock() < token.renew_at
        return token if fresh else None

    def _leeway(self, token: Token) -> float:
        if token.expires_in is None:
            return self.leeway_seconds
        return min(self.leeway_seconds, token.expires_in / 2)

    def _cache(self, token: Token, lifetime: float | None) -> _CachedToken:
        """Cache ``token`` to renew a leeway before ``lifetime`` (seconds from now) runs out."""
        renew_at = math.inf if lifetime is None else self._clock() + lifetime - self._leeway(token)
        cached = _CachedToken(access_token=token.access_token, renew_at=renew_at)
        self._token = cached  # published before the flight lands (see _single_flight)
        return cached
