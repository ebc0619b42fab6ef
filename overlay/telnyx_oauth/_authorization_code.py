"""The authorization-code flow with PKCE, state checking and atomic refresh-token rotation.

``AuthorizationCodeFlow.start()`` returns an ``AuthorizationRequest``: the URL to send the user
to, plus the ``state`` and ``code_verifier`` (PKCE S256, both from ``secrets``) the caller keeps,
typically in the user's session. ``exchange(request, callback_url)`` checks the callback's
``state`` against the request with ``hmac.compare_digest`` (constant time), marks the request used
(``state`` is single-use), then exchanges the code with the same ``redirect_uri`` and the
``code_verifier``. A callback with a wrong state does not use the request up, so a forged
callback cannot cancel a user's login.

A failed exchange says whether the same request can be tried again, in its message and in
``request.used``. It can when the request surely never reached the server (a connect error or a
pool timeout, or an answer the server gives before acting: 429, 503 with ``Retry-After``): the
request is marked unused again. Otherwise (a read timeout, a 5xx, ``invalid_grant``) the code may
be spent, codes are single-use, and the user must authorize again; exchanging the request again
raises ``AuthorizationRequestUsedError`` saying why, without a request.

Refresh is atomic in this sense:

1. Refreshes of one refresh token through one flow object make one request between them, sync
   and async callers alike (``_single_flight``): the first caller refreshes, the others wait for
   that attempt and get its outcome, the successor token or the error. Different refresh tokens
   (different users) refresh in parallel.
2. A caller that comes after a refresh of the same refresh token gets the successor token that
   refresh produced (a spent refresh token is remembered with its successor, under a hash of the
   two), instead of spending the old, rotated-out refresh token again, which a rotating server
   answers with ``invalid_grant`` (or treats as token theft and revokes the whole grant).
3. The caller's ``on_token(new_token, previous_token)`` hook runs before the new token is returned
   to anyone, once per rotation. If the hook raises, ``TokenStorageError`` carries the new token
   (the old refresh token is already spent) to the caller and to every caller that waited for
   that refresh, so they can still save it; the successor stays remembered, so nobody replays
   the spent refresh token.

4. With ``store=`` (a ``TokenStore``), the same holds across processes and machines: the leader
   of a refresh holds the store's lock for its refresh token's key, takes the successor from
   the store's record when another process already refreshed it (no request, no ``on_token``),
   and otherwise refreshes, saves the successor as that record, and runs ``on_token``, all
   before it releases the lock, so no other process sees the successor before the hook has
   run. A ``Token`` loaded from the caller's own storage refreshes through the store like one
   the flow issued: the key depends on the refresh token alone (and the client id).

   A store that fails before the refresh request (unreachable, timing out, read-only, its lock
   not had in time) raises ``TokenStoreError`` and the refresh token is not spent: a blind
   refresh could be a replay, which a rotating server answers by revoking the whole grant.
   ``on_store_failure="refresh"`` refreshes in this process alone instead (one warning per
   outage). A successor that may not reach the store (a full disk) still reaches ``on_token``
   and the caller; by default ``TokenStoreError`` carries it (``.token``). A record that cannot
   be read is never refreshed over (``TokenRecordError``): see ``_store_link``.

The hook must not refresh the same token through the same flow from its own thread (it would
refresh a second time). Hooks for different refresh tokens may run at the same time.

If the server does not rotate (no ``refresh_token`` in the response), the old refresh token is
kept on the new ``Token``.

Token requests go through the connected httpx client (retries, typed errors, timeouts) rather than
the generated ``create_token`` function, which cannot carry per-request client authentication
(the Basic header of ``client_secret_basic``). The exchange and refresh are unsafe to repeat, and
the retry policy knows it (see ``_operations``).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import inspect
import threading
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Coroutine, Iterable, Iterator, Mapping
from contextlib import contextmanager
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
from ._constants import PKCE_VERIFIER_BYTES, ROTATED_REFRESH_TOKENS_REMEMBERED, STATE_BYTES
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
from ._retries import ASYNC_RETRY_GUARD_EXTENSION, RETRY_GUARD_EXTENSION, not_processed
from ._single_flight import Leader, SingleFlight, Waiter, hashed_key
from ._store_link import AsyncLease, Lease, StoreLink
from ._token import Token, parse_token_response
from ._token_store import TokenStore, lock_ttl_seconds

if TYPE_CHECKING:
    import asyncio

    from telnyx_oauth_api import AuthenticatedClient, Client

__all__ = ["AuthorizationCodeFlow", "AuthorizationRequest"]

OnToken = Callable[[Token, Token | None], object | Awaitable[object]]
OnStoreFailure = Literal["raise", "refresh"]


def code_challenge_s256(code_verifier: str) -> str:
    """The PKCE ``code_challenge`` for ``code_verifier`` (RFC 7636 section 4.2, S256)."""
    digest = hashlib.sha256(code_verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


@dataclass(repr=False)
class AuthorizationRequest:
    """One authorization attempt: send the user to ``url``; keep the rest until the callback.

    ``repr()`` shows neither ``state`` nor ``code_verifier`` (nor the URL's query, which holds the
    state). Rebuild one from stored fields with
    ``AuthorizationRequest(url=..., state=..., code_verifier=..., redirect_uri=...)``.
    ``used_by`` says in words what used the request up (``None`` while ``used`` is False).
    """

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

    ``auth_method`` defaults to ``client_secret_basic`` when ``client_secret`` is given, else
    ``none`` (a public client). ``on_token(new, previous)`` is called with every token obtained
    (``previous`` is ``None`` after an exchange); it may be a coroutine function for the async
    methods. ``store`` makes refreshes safe across processes; ``on_store_failure`` says what a
    refresh does when the store fails: ``"raise"`` (default) or ``"refresh"`` in this process
    alone (see the module docstring).
    """

    def __init__(
        self,
        client: AuthenticatedClient | Client,
        *,
        client_id: str,
        redirect_uri: str,
        client_secret: str | None = None,
        auth_method: ClientAuthMethod | None = None,
        scope: str | Iterable[str] | None = None,
        on_token: OnToken | None = None,
        store: TokenStore | None = None,
        on_store_failure: OnStoreFailure = "raise",
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
        # Guards AuthorizationRequest.used (check and set) and the successors' bound; held for
        # a few field accesses, never across I/O.
        self._mutex = threading.Lock()
        after_fork_in_child(self, AuthorizationCodeFlow._fresh_mutex)
        self._refreshes: SingleFlight[Token] = SingleFlight()
        self._successors: OrderedDict[str, Token] = OrderedDict()
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

    # -- the authorization request ---------------------------------------------------------------

    def start(
        self,
        *,
        scope: str | Iterable[str] | None = None,
        extra_params: Mapping[str, str] | None = None,
    ) -> AuthorizationRequest:
        """A new authorization request with a fresh ``state`` and PKCE ``code_verifier``."""
        import secrets

        state = secrets.token_urlsafe(STATE_BYTES)
        verifier = secrets.token_urlsafe(PKCE_VERIFIER_BYTES)
        chosen_scope = join_scope(scope) if scope is not None else self.scope
        params: dict[str, str] = dict(extra_params or {})
        params.update(
            {
                "response_type": "code",
                "client_id": self.client_id,
                "redirect_uri": self.redirect_uri,
                "state": state,
                "code_challenge": code_challenge_s256(verifier),
                "code_challenge_method": "S256",
            }
        )
        if chosen_scope:
            params["scope"] = chosen_scope
        url = httpx.URL(api_base_url(self._client) + AUTHORIZE_PATH, params=params)
        return AuthorizationRequest(
            url=str(url),
            state=state,
            code_verifier=verifier,
            redirect_uri=self.redirect_uri,
            scope=chosen_scope,
        )

    # -- the code exchange -------------------------------------------------------------------

    def exchange(
        self, request: AuthorizationRequest, callback: str | httpx.URL | Mapping[str, str]
    ) -> Token:
        """Check the callback against ``request`` and exchange its code for a token.

        On failure, ``request.used`` and the error's message say whether ``request`` can be
        exchanged again (see the module docstring).
        """
        return run(self._exchange(request, callback, is_async=False))

    async def aexchange(
        self, request: AuthorizationRequest, callback: str | httpx.URL | Mapping[str, str]
    ) -> Token:
        """Async ``exchange``."""
        return await arun(self._exchange(request, callback, is_async=True))

    def _exchange(
        self,
        request: AuthorizationRequest,
        callback: str | httpx.URL | Mapping[str, str],
        *,
        is_async: bool,
    ) -> Core[Token]:
        form = self._exchange_form(request, callback)
        with self._exchanging(request):
            token = yield from self._send(form, is_async=is_async, context="code exchange failed")
        yield from self._store(token, None, is_async=is_async)
        return token

    def _exchange_form(
        self, request: AuthorizationRequest, callback: str | httpx.URL | Mapping[str, str]
    ) -> dict[str, str]:
        params = _callback_params(callback)
        state = params.get("state")
        with self._mutex:
            if request.used:
                how = f" by {request.used_by}" if request.used_by else ""
                raise AuthorizationRequestUsedError(
                    f"this authorization request was already used{how}"
                )
            if not state or not hmac.compare_digest(
                state.encode("utf-8"), request.state.encode("utf-8")
            ):
                raise StateMismatchError("the callback's state does not match the request's")
            _mark_used(request, "an exchange still in progress")
        error = params.get("error")
        if error:
            _mark_used(request, f"a callback with error={error!r}: start a new authorization")
            raise AuthorizationCallbackError(error, params.get("error_description"))
        code = params.get("code")
        if not code:
            _mark_used(request, "a callback without a code: start a new authorization")
            raise AuthorizationCallbackError("invalid_request", "the callback carries no code")
        return {
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": request.redirect_uri,
            "code_verifier": request.code_verifier,
        }

    @contextmanager
    def _exchanging(self, request: AuthorizationRequest) -> Iterator[None]:
        """Record how the exchange of ``request``'s code ended, and say it in its error."""
        try:
            yield
        except APIError as exc:
            if _never_processed(exc):
                with self._mutex:
                    request.used, request.used_by = False, None
                _amend(exc, "the code never reached the server: exchange the same request again")
            else:
                _mark_used(
                    request,
                    f"an exchange that failed ({type(exc).__name__}) after its code may have "
                    "reached the server; a code is single-use: start a new authorization",
                )
                _amend(exc, "the code may be spent: start a new authorization with start()")
            raise
        except BaseException:
            _mark_used(
                request,
                "an exchange interrupted after its code may have reached the server; a code is "
                "single-use: start a new authorization",
            )
            raise
        _mark_used(request, "the exchange of its code for a token")

    # -- refresh ---------------------------------------------------------------------------------

    def refresh(self, token: Token, *, scope: str | Iterable[str] | None = None) -> Token:
        """A new token for ``token.refresh_token``, stored through ``on_token`` first."""
        return run(self._refresh(token, scope, is_async=False))

    async def arefresh(self, token: Token, *, scope: str | Iterable[str] | None = None) -> Token:
        """Async ``refresh``."""
        return await arun(self._refresh(token, scope, is_async=True))

    def _refresh(
        self, token: Token, scope: str | Iterable[str] | None, *, is_async: bool
    ) -> Core[Token]:
        key = self._successor_key(token)
        while True:
            joined = self._refreshes.join(key, partial(self._successor_of, key), is_async=is_async)
            if isinstance(joined, Leader):
                landing = self._land(joined, key, token, scope, is_async=is_async)
                if not is_async:
                    return (yield from landing)
                # asyncio: the refresh outlives its caller's cancellation (see _to_the_end).
                new: Token = yield _to_the_end(arun(landing))
                return new
            if not isinstance(joined, Waiter):
                return joined
            successor: Token | None = yield joined.wait_async() if is_async else joined.wait()
            if successor is not None:  # None: its leader gave up; join again
                return successor

    def _land(
        self,
        joined: Leader[Token],
        key: str,
        token: Token,
        scope: str | Iterable[str] | None,
        *,
        is_async: bool,
    ) -> Core[Token]:
        with _leading(joined), _may_spend():
            shared = not joined.solo
            new = yield from self._lead(key, token, scope, shared=shared, is_async=is_async)
        joined.succeed(new)
        return new

    def _lead(
        self,
        key: str,
        token: Token,
        scope: str | Iterable[str] | None,
        *,
        shared: bool,
        is_async: bool,
    ) -> Core[Token]:
        """The leader's refresh: under the store's lock, the stored successor or a new one."""
        ttl = lock_ttl_seconds(self._http(is_async=is_async).timeout)
        lease = (AsyncLease if is_async else Lease)(self._link, ttl)
        renewal = self._renew(lease, key, token, scope)
        new: Token = yield from self._link.hold(lease, key, renewal, shared=shared)
        return new

    def _renew(
        self, lease: AsyncLease | Lease, key: str, token: Token, scope: str | Iterable[str] | None
    ) -> Core[Token]:
        found = yield from lease.load_steps()
        if found is not None:
            self._remember(key, found)
            return found
        form = self._refresh_form(token, scope)
        sent = yield from self._send(form, is_async=lease.is_async, lease=lease)
        new = self._keep_refresh_token(sent, token)
        # Remembered before the hook runs: should storing fail, later callers still get the
        # successor instead of replaying the spent refresh token, which a rotating server
        # answers by revoking the whole grant.
        self._remember(key, new)
        yield from lease.save_steps(new)
        yield from lease.extend_steps()  # the hook runs under the lock: nobody sees it before
        yield from self._store(new, token, is_async=lease.is_async)
        return new

    def _successor_key(self, token: Token) -> str:
        return hashed_key("refresh_token", self.client_id, _refresh_token_of(token))

    def _successor_of(self, key: str) -> Token | None:
        return self._successors.get(key)

    def _refresh_form(self, token: Token, scope: str | Iterable[str] | None) -> dict[str, str]:
        form = {"grant_type": "refresh_token", "refresh_token": _refresh_token_of(token)}
        chosen = join_scope(scope)
        if chosen:
            form["scope"] = chosen
        return form

    @staticmethod
    def _keep_refresh_token(new: Token, old: Token) -> Token:
        if new.refresh_token is None:
            return replace(new, refresh_token=old.refresh_token)
        return new

    def _remember(self, key: str, successor: Token) -> None:
        with self._mutex:
            self._successors[key] = successor
            while len(self._successors) > ROTATED_REFRESH_TOKENS_REMEMBERED:
                self._successors.popitem(last=False)

    # -- I/O -------------------------------------------------------------------------------------

    def _token_request(
        self,
        http: httpx.Client | httpx.AsyncClient,
        form: dict[str, str],
        guard: Mapping[str, object] | None,
    ) -> httpx.Request:
        headers = {"Accept": "application/json", "Content-Type": FORM_CONTENT_TYPE}
        apply_client_auth(self.auth_method, self.client_id, self._client_secret, form, headers)
        extensions = dict(guard) if guard else None
        return http.build_request(
            "POST", TOKEN_PATH, data=form, headers=headers, extensions=extensions
        )

    def _http(self, *, is_async: bool) -> httpx.Client | httpx.AsyncClient:
        if is_async:
            return self._client.get_async_httpx_client()
        return self._client.get_httpx_client()

    def _send(
        self,
        form: dict[str, str],
        *,
        is_async: bool,
        context: str = "refresh failed",
        lease: AsyncLease | Lease | None = None,
    ) -> Core[Token]:
        http = self._http(is_async=is_async)
        guard_name = ASYNC_RETRY_GUARD_EXTENSION if is_async else RETRY_GUARD_EXTENSION
        guard = None if lease is None else {guard_name: lease.before_retry}
        # auth=None: the client's own credentials (an API key) are not for the token endpoint.
        response = yield http.send(self._token_request(http, form, guard), auth=None)
        yield response.aread() if is_async else response.read()
        return self._parse(response, context)

    def _parse(self, response: httpx.Response, context: str) -> Token:
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
            if inspect.isawaitable(result) and not is_async:
                _close_awaitable(result)
                raise TypeError("on_token returned an awaitable; use aexchange/arefresh")
            if inspect.isawaitable(result):
                yield result
        except Exception as exc:
            raise TokenStorageError(token) from exc


def _mark_used(request: AuthorizationRequest, by: str) -> None:
    request.used, request.used_by = True, by


def _never_processed(error: APIError) -> bool:
    """Whether the failed request surely left the server untouched (see ``not_processed``)."""
    if isinstance(error, APIStatusError):
        return not_processed(error.response)
    cause = error.__cause__
    return isinstance(error, APIConnectionError) and cause is not None and not_processed(cause)


def _amend(error: APIError, advice: str) -> None:
    """Append ``advice`` to the message of an error this module is about to re-raise."""
    error.message = f"{error.message}; {advice}"
    error.args = (error.message, *error.args[1:])


@contextmanager
def _leading(leader: Leader[Token]) -> Iterator[None]:
    """Hand the error that ends a refresh to every caller that waited for it."""
    try:
        yield
    except BaseException as exc:
        leader.fail(exc)
        raise


MAY_BE_SPENT = (
    "the refresh token may be spent (the server may have rotated it before its answer was "
    "lost): refresh with the same token once more, and if that fails with invalid_grant the "
    "user must authorize again"
)


@contextmanager
def _may_spend() -> Iterator[None]:
    """Say so on an error after which the refresh token may be spent: a request that may have
    reached the server and got no answer, or a server error. The caller keeps ``token``, which
    is what a second try needs: should the successor have been saved meanwhile (by this
    process or, through the store, another), that try returns it without a request."""
    try:
        yield
    except (APIConnectionError, InternalServerError) as exc:
        if not _never_processed(exc):
            _amend(exc, MAY_BE_SPENT)
        raise


# Refreshes whose callers were cancelled, running to their end (a strong reference each, or
# the event loop could collect them half-way).
_finishing: set[asyncio.Task[Token]] = set()


async def _to_the_end(work: Coroutine[Any, Any, Token]) -> Token:
    """Await ``work`` (a refresh) so that cancelling the caller does not cancel it.

    A refresh token is spent the moment the server rotates it, whether or not anyone waits for
    the answer: a refresh cut short by ``asyncio.wait_for`` would lose the successor, and the
    app's retry with the spent token would get ``invalid_grant`` (and the grant revoked). So
    the refresh runs in a task of its own, shielded: cancelled, the caller leaves at once, and
    the task goes on to save the successor to the store, call ``on_token`` and remember it, so a
    refresh of the same token afterwards returns that successor without a request. Under
    another async library than asyncio the refresh is simply awaited.
    """
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


def _close_awaitable(value: Awaitable[Any]) -> None:
    close = getattr(value, "close", None)
    if callable(close):
        close()


def _refresh_token_of(token: Token) -> str:
    if not token.refresh_token:
        raise ConfigurationError("this token has no refresh_token")
    return token.refresh_token


def _callback_params(callback: str | httpx.URL | Mapping[str, str]) -> dict[str, str]:
    if isinstance(callback, (str, httpx.URL)):
        try:
            return dict(httpx.URL(str(callback)).params.items())
        except httpx.InvalidURL:
            # httpx's message is not ours to show: the URL around it carries the code.
            raise AuthorizationCallbackError(
                "invalid_request", "the callback URL is malformed"
            ) from None
    return {str(k): str(v) for k, v in callback.items()}
