"""The authorization-code flow: PKCE, single-use state, and refresh-token rotation that never
spends a refresh token twice (why and how: docs/design.md, "Authorization code")."""

from __future__ import annotations

import base64
import hashlib
import hmac
import inspect
import secrets
import threading
import time
from collections.abc import Awaitable, Callable, Coroutine, Iterable, Mapping
from dataclasses import dataclass, replace
from functools import partial
from typing import TYPE_CHECKING, Any, Literal

import httpx

from ._client_auth import (
    ClientAuthMethod,
    apply_client_auth,
    join_scope,
    resolve_client_auth_method,
)
from ._drive import Core, arun, run
from ._errors import (
    APIConnectionError,
    APIError,
    APIStatusError,
    AuthorizationCallbackError,
    AuthorizationRequestUsedError,
    ConfigurationError,
    InternalServerError,
    StateMismatchError,
    TokenStorageError,
)
from ._fork import after_fork_in_child
from ._http import api_base_url, running_loop, status_error
from ._operations import AUTHORIZE_PATH, FORM_CONTENT_TYPE, TOKEN_PATH
from ._retries import not_processed
from ._single_flight import Leader, SingleFlight, Waiter, hashed_key
from ._store_link import Lease, StoreLink
from ._token import Token, parse_token_response
from ._token_store import TokenStore, lock_ttl_seconds

if TYPE_CHECKING:
    import asyncio

    from telnyx_oauth_api import AuthenticatedClient, Client

__all__ = ["AuthorizationCodeFlow", "AuthorizationRequest"]

Scope = str | Iterable[str] | None
Callback = str | httpx.URL | Mapping[str, str]  # the redirect's URL, or its query parameters
STATE_BYTES = 32
PKCE_VERIFIER_BYTES = 48  # 64 URL-safe characters, inside RFC 7636's 43..128
ROTATED_REFRESH_TOKENS_REMEMBERED = 256  # spent refresh tokens kept with their successors


@dataclass(repr=False)
class AuthorizationRequest:
    """One authorization attempt: send the user to ``url``; keep the rest until the callback
    (rebuild it from its stored fields). ``used_by`` says what used it up. ``repr()`` hides the
    state, the verifier and the URL's query."""

    url: str
    state: str
    code_verifier: str
    redirect_uri: str
    scope: str | None = None
    used: bool = False
    used_by: str | None = None

    def __repr__(self) -> str:
        endpoint = str(httpx.URL(self.url).copy_with(query=None, fragment=None))
        return (
            f"AuthorizationRequest(url={endpoint!r}, redirect_uri={self.redirect_uri!r}, "
            f"scope={self.scope!r}, used={self.used!r}, used_by={self.used_by!r})"
        )


class AuthorizationCodeFlow:
    """Authorization code + PKCE for one OAuth client, over a client from ``connect*()``.

    ``auth_method``: ``client_secret_basic`` with a ``client_secret``, else ``none``.
    ``on_token(new, previous)`` gets every token obtained before anyone else (``previous`` is
    ``None`` after an exchange; a coroutine function for the async methods). ``store`` makes
    refreshes safe across processes; when it fails, a refresh raises ``TokenStoreError``
    (``on_store_failure="raise"``) or goes on in this process alone (``"refresh"``).
    """

    def __init__(
        self,
        client: AuthenticatedClient | Client,
        *,
        client_id: str,
        redirect_uri: str,
        client_secret: str | None = None,
        auth_method: ClientAuthMethod | None = None,
        scope: Scope = None,
        on_token: Callable[[Token, Token | None], object | Awaitable[object]] | None = None,
        store: TokenStore | None = None,
        on_store_failure: Literal["raise", "refresh"] = "raise",
        clock: Callable[[], float] = time.time,
    ) -> None:
        if not client_id:
            raise ConfigurationError("client_id is empty")
        if not redirect_uri:
            raise ConfigurationError("redirect_uri is empty")
        if on_store_failure not in ("raise", "refresh"):
            raise ConfigurationError("on_store_failure must be 'raise' or 'refresh'")
        self._client = client
        self.client_id = client_id
        self.redirect_uri = redirect_uri
        self._client_secret = client_secret
        self.auth_method = resolve_client_auth_method(auth_method, client_secret)
        self.scope = join_scope(scope)
        self._on_token = on_token
        self._clock = clock
        self._mutex = threading.Lock()  # for request.used and the successors; never across I/O
        after_fork_in_child(self, AuthorizationCodeFlow._fresh_mutex)
        self._refreshes: SingleFlight[Token] = SingleFlight()
        self._successors: dict[str, Token] = {}  # by key, oldest first
        self._link = StoreLink(
            store,
            fail_open=on_store_failure == "refresh",
            replace_unreadable=False,
            fallback=(
                "refreshing tokens in this process alone (another process refreshing the same "
                "token meanwhile would be a replay)"
            ),
        )

    def _fresh_mutex(self) -> None:
        self._mutex = threading.Lock()  # a parent's thread may have held it at the fork

    def __repr__(self) -> str:
        secret = "'***'" if self._client_secret else "None"
        return (
            f"AuthorizationCodeFlow(client_id={self.client_id!r}, client_secret={secret}, "
            f"redirect_uri={self.redirect_uri!r}, auth_method={self.auth_method!r})"
        )

    def start(
        self, *, scope: Scope = None, extra_params: Mapping[str, str] | None = None
    ) -> AuthorizationRequest:
        """A new authorization request with a fresh ``state`` and PKCE ``code_verifier``."""
        state = secrets.token_urlsafe(STATE_BYTES)
        code_verifier = secrets.token_urlsafe(PKCE_VERIFIER_BYTES)
        digest = hashlib.sha256(code_verifier.encode("ascii")).digest()  # RFC 7636 4.2, S256
        chosen_scope = join_scope(scope) if scope is not None else self.scope
        params: dict[str, str] = {
            **(extra_params or {}),
            "response_type": "code",
            "client_id": self.client_id,
            "redirect_uri": self.redirect_uri,
            "state": state,
            "code_challenge": base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii"),
            "code_challenge_method": "S256",
        }
        if chosen_scope:
            params["scope"] = chosen_scope
        url = httpx.URL(api_base_url(self._client) + AUTHORIZE_PATH, params=params)
        return AuthorizationRequest(str(url), state, code_verifier, self.redirect_uri, chosen_scope)

    def exchange(self, request: AuthorizationRequest, callback: Callback) -> Token:
        """Check the callback against ``request`` and exchange its code for a token. On failure,
        ``request.used`` and the message say whether ``request`` may be exchanged again."""
        return run(self._exchange(request, callback, is_async=False))

    async def aexchange(self, request: AuthorizationRequest, callback: Callback) -> Token:
        """Async ``exchange``."""
        return await arun(self._exchange(request, callback, is_async=True))

    def _exchange(
        self, request: AuthorizationRequest, callback: Callback, *, is_async: bool
    ) -> Core[Token]:
        if isinstance(callback, (str, httpx.URL)):
            try:
                params = dict(httpx.URL(str(callback)).params.items())
            except httpx.InvalidURL:
                # httpx's message is not ours to show: the URL around it carries the code.
                raise AuthorizationCallbackError(
                    "invalid_request", "the callback URL is malformed"
                ) from None
        else:
            params = {str(k): str(v) for k, v in callback.items()}
        state = params.get("state")
        with self._mutex:
            if request.used:
                how = f" by {request.used_by}" if request.used_by else ""
                raise AuthorizationRequestUsedError(
                    f"this authorization request was already used{how}"
                )
            if not state or not hmac.compare_digest(state.encode(), request.state.encode()):
                raise StateMismatchError("the callback's state does not match the request's")
            _mark_used(request, "an exchange still in progress")
        if error := params.get("error"):
            _mark_used(request, f"a callback with error={error!r}: start a new authorization")
            raise AuthorizationCallbackError(error, params.get("error_description"))
        if not (code := params.get("code")):
            _mark_used(request, "a callback without a code: start a new authorization")
            raise AuthorizationCallbackError("invalid_request", "the callback carries no code")
        form = {
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": request.redirect_uri,
            "code_verifier": request.code_verifier,
        }
        try:
            token = yield from self._send(form, "code exchange failed", is_async=is_async)
        except BaseException as exc:
            if isinstance(exc, APIError) and _never_processed(exc):
                with self._mutex:
                    request.used, request.used_by = False, None
                _amend(exc, "the code never reached the server: exchange the same request again")
                raise
            how = "interrupted"
            if isinstance(exc, APIError):
                how = f"that failed ({type(exc).__name__})"
                _amend(exc, "the code may be spent: start a new authorization with start()")
            _mark_used(
                request,
                f"an exchange {how} after its code may have reached the server; a code is "
                "single-use: start a new authorization",
            )
            raise
        _mark_used(request, "the exchange of its code for a token")
        yield from self._store(token, None, is_async=is_async)
        return token

    def refresh(self, token: Token, *, scope: Scope = None) -> Token:
        """A new token for ``token.refresh_token``, stored through ``on_token`` first."""
        return run(self._refresh(token, scope, is_async=False))

    async def arefresh(self, token: Token, *, scope: Scope = None) -> Token:
        """Async ``refresh``."""
        return await arun(self._refresh(token, scope, is_async=True))

    def _refresh(self, token: Token, scope: Scope, *, is_async: bool) -> Core[Token]:
        if not token.refresh_token:
            raise ConfigurationError("this token has no refresh_token")
        form = {"grant_type": "refresh_token", "refresh_token": token.refresh_token}
        if chosen := join_scope(scope):
            form["scope"] = chosen
        key = hashed_key("refresh_token", self.client_id, token.refresh_token)
        known = partial(self._successors.get, key)
        while True:
            joined = self._refreshes.join(key, known, is_async=is_async)
            if isinstance(joined, Leader):
                renew = partial(self._renew, key=key, token=token, form=form)
                ttl = partial(self._lock_ttl, is_async=is_async)
                landing = self._link.lead(joined, key, ttl, renew, is_async=is_async)
                return (yield _to_the_end(arun(landing))) if is_async else (yield from landing)
            if not isinstance(joined, Waiter):
                return joined
            successor: Token | None = yield joined.wait_async() if is_async else joined.wait()
            if successor is not None:  # None: its leader gave up; join again
                return successor

    def _renew(self, lease: Lease, key: str, token: Token, form: dict[str, str]) -> Core[Token]:
        found = yield from lease.load_steps()
        if found is not None:
            self._remember(key, found)
            return found
        try:
            new = yield from self._send(form, "refresh failed", lease, is_async=lease.is_async)
        except (APIConnectionError, InternalServerError) as exc:
            if not _never_processed(exc):
                _amend(
                    exc,
                    "the refresh token may be spent (the server may have rotated it before its "
                    "answer was lost): refresh with the same token once more, and if that fails "
                    "with invalid_grant the user must authorize again",
                )
            raise
        if new.refresh_token is None:  # not rotated: the old one stays valid
            new = replace(new, refresh_token=token.refresh_token)
        self._remember(key, new)
        yield from lease.save_steps(new)
        yield from lease.extend_steps()  # the hook runs under the lock: nobody sees it before
        yield from self._store(new, token, is_async=lease.is_async)
        return new

    def _remember(self, key: str, successor: Token) -> None:
        with self._mutex:
            self._successors[key] = successor
            while len(self._successors) > ROTATED_REFRESH_TOKENS_REMEMBERED:
                del self._successors[next(iter(self._successors))]

    def _http(self, *, is_async: bool) -> httpx.Client | httpx.AsyncClient:
        client = self._client
        return client.get_async_httpx_client() if is_async else client.get_httpx_client()

    def _lock_ttl(self, *, is_async: bool) -> float:
        return lock_ttl_seconds(self._http(is_async=is_async).timeout)

    def _send(
        self, form: dict[str, str], context: str, lease: Lease | None = None, *, is_async: bool
    ) -> Core[Token]:
        http = self._http(is_async=is_async)
        headers = {"Accept": "application/json", "Content-Type": FORM_CONTENT_TYPE}
        apply_client_auth(self.auth_method, self.client_id, self._client_secret, form, headers)
        guard = None if lease is None else {lease.retry_guard: lease.before_retry}
        request = http.build_request(
            "POST", TOKEN_PATH, data=form, headers=headers, extensions=guard
        )
        response = yield http.send(request, auth=None)
        yield response.aread() if is_async else response.read()
        # The connected client raises for >= 400 itself; this serves other httpx clients.
        if response.status_code >= 400:
            raise status_error(response, context=context)
        return parse_token_response(response, now=self._clock())

    def _store(self, token: Token, previous: Token | None, *, is_async: bool) -> Core[None]:
        """Hand ``token`` to ``on_token``; an async hook needs the async methods."""
        if self._on_token is None:
            return
        try:
            result = self._on_token(token, previous)
            if inspect.isawaitable(result):
                if not is_async:
                    close = getattr(result, "close", None)
                    if callable(close):
                        close()  # never awaited: no "coroutine was never awaited" warning
                    raise TypeError("on_token returned an awaitable; use aexchange/arefresh")
                yield result
        except Exception as exc:
            raise TokenStorageError(token) from exc


def _mark_used(request: AuthorizationRequest, by: str) -> None:
    request.used, request.used_by = True, by


def _never_processed(error: APIError) -> bool:
    if isinstance(error, APIStatusError):
        return not_processed(error.response)
    cause = error.__cause__
    return isinstance(error, APIConnectionError) and cause is not None and not_processed(cause)


def _amend(error: APIError, advice: str) -> None:
    error.message = f"{error.message}; {advice}"
    error.args = (error.message, *error.args[1:])


# Refreshes whose callers were cancelled, running to their end (held, or the loop may drop them).
_finishing: set[asyncio.Task[Token]] = set()


async def _to_the_end(work: Coroutine[Any, Any, Token]) -> Token:
    """Await ``work`` (a refresh) so that cancelling the caller does not lose the successor."""
    loop = running_loop()
    if loop is None:
        return await work
    import asyncio

    task = loop.create_task(work)
    _finishing.add(task)
    task.add_done_callback(_finished)
    try:
        return await asyncio.shield(task)
    except asyncio.CancelledError as exc:
        if not task.done():
            exc.add_note(
                "telnyx_oauth: the refresh goes on in the background: its successor reaches "
                "the store and on_token, and refreshing the same token again returns it"
            )
        raise


def _finished(task: asyncio.Task[Token]) -> None:
    _finishing.discard(task)
    if not task.cancelled():
        task.exception()  # retrieved: a failure nobody awaits was already shared and logged
