"""AuthorizationCodeFlow: PKCE, single-use state, exchange, atomic refresh with rotation."""

from __future__ import annotations

import asyncio
import base64
import dataclasses
import hashlib
import threading
from typing import Any

import httpx
import pytest

import telnyx_oauth
from telnyx_oauth._single_flight import SingleFlight, Waiter
from tests._support.sleeps import Sleeps
from tests.unit._support import (
    API_KEY,
    CLIENT_ID,
    CLIENT_SECRET,
    Recorder,
    connect,
    connect_anonymous,
    form,
    json_response,
    token_body,
)

REDIRECT_URI = "https://app.example/callback"
TOKEN_PATH = "/v2/oauth/token"


def _token_api(*tokens: dict[str, Any]) -> Recorder:
    answers = list(tokens)
    return Recorder(lambda request: json_response(200, answers.pop(0)))


def _flow(recorder: Recorder, **kwargs: Any) -> telnyx_oauth.AuthorizationCodeFlow:
    kwargs.setdefault("client_secret", CLIENT_SECRET)
    return telnyx_oauth.AuthorizationCodeFlow(
        connect_anonymous(recorder), client_id=CLIENT_ID, redirect_uri=REDIRECT_URI, **kwargs
    )


def _callback(request: telnyx_oauth.AuthorizationRequest, code: str = "the-code") -> str:
    return f"{REDIRECT_URI}?code={code}&state={request.state}"


def test_authorize_url_has_pkce_and_state() -> None:
    """The URL carries client_id, redirect_uri, scope, state and an S256 PKCE challenge."""
    request = _flow(Recorder(lambda r: httpx.Response(500)), scope=["numbers.read"]).start()
    url = httpx.URL(request.url)
    assert f"{url.scheme}://{url.host}{url.path}" == "https://api.test/v2/oauth/authorize"
    params = dict(url.params)
    digest = hashlib.sha256(request.code_verifier.encode()).digest()
    assert params == {
        "response_type": "code",
        "client_id": CLIENT_ID,
        "redirect_uri": REDIRECT_URI,
        "scope": "numbers.read",
        "state": request.state,
        "code_challenge": base64.urlsafe_b64encode(digest).rstrip(b"=").decode(),
        "code_challenge_method": "S256",
    }
    assert 43 <= len(request.code_verifier) <= 128
    assert request.code_verifier not in request.url


def test_each_start_has_fresh_state_and_verifier() -> None:
    """Two authorization requests never share a state or a verifier."""
    flow = _flow(Recorder(lambda r: httpx.Response(500)))
    first, second = flow.start(), flow.start()
    assert first.state != second.state
    assert first.code_verifier != second.code_verifier
    assert len(first.state) >= 32


def test_exchange_sends_code_verifier_and_same_redirect_uri() -> None:
    """The exchange posts the code, the verifier and the request's redirect_uri, Basic-auth'd."""
    recorder = _token_api(token_body(refresh_token="rt-1"))
    flow = _flow(recorder)
    request = flow.start()
    token = flow.exchange(request, _callback(request))
    sent = recorder.requests[0]
    assert sent.url.path == TOKEN_PATH
    assert form(sent) == {
        "grant_type": "authorization_code",
        "code": "the-code",
        "redirect_uri": REDIRECT_URI,
        "code_verifier": request.code_verifier,
    }
    expected = base64.b64encode(b"client-123:s3cr%3Aet%25%2F+with+space").decode()
    assert sent.headers["authorization"] == f"Basic {expected}"
    assert token.refresh_token == "rt-1"


async def test_aexchange() -> None:
    """The async exchange does the same and returns the token."""
    recorder = _token_api(token_body())
    flow = _flow(recorder)
    request = flow.start()
    token = await flow.aexchange(request, {"code": "c", "state": request.state})
    assert token.access_token
    assert form(recorder.requests[0])["code"] == "c"


def test_exchange_does_not_send_api_key() -> None:
    """Over an API-key client, the token request carries client auth, not the API key."""
    recorder = _token_api(token_body())
    flow = telnyx_oauth.AuthorizationCodeFlow(
        connect(recorder), client_id=CLIENT_ID, redirect_uri=REDIRECT_URI, client_secret="s"
    )
    request = flow.start()
    flow.exchange(request, _callback(request))
    assert API_KEY not in recorder.requests[0].headers["authorization"]


def test_client_secret_post() -> None:
    """client_secret_post puts id and secret in the form and sends no Authorization."""
    recorder = _token_api(token_body())
    flow = _flow(recorder, auth_method="client_secret_post")
    request = flow.start()
    flow.exchange(request, _callback(request))
    sent = recorder.requests[0]
    assert "authorization" not in sent.headers
    assert form(sent)["client_id"] == CLIENT_ID
    assert form(sent)["client_secret"] == CLIENT_SECRET


def test_public_client_sends_only_client_id() -> None:
    """Without a secret the method is none: client_id in the form, nothing else."""
    recorder = _token_api(token_body())
    flow = _flow(recorder, client_secret=None)
    assert flow.auth_method == "none"
    request = flow.start()
    flow.exchange(request, _callback(request))
    sent = recorder.requests[0]
    assert "authorization" not in sent.headers
    assert form(sent)["client_id"] == CLIENT_ID
    assert "client_secret" not in form(sent)


@pytest.mark.parametrize(
    ("method", "secret"),
    [("none", "s"), ("client_secret_basic", None), ("client_secret_post", None), ("x", "s")],
)
def test_inconsistent_client_auth_refused(method: str, secret: str | None) -> None:
    """A method that does not fit the secret (or is unknown) is a ConfigurationError."""
    with pytest.raises(telnyx_oauth.ConfigurationError):
        _flow(Recorder(lambda r: httpx.Response(500)), auth_method=method, client_secret=secret)


def test_wrong_state_rejected_without_request() -> None:
    """A callback whose state differs raises StateMismatchError and sends nothing."""
    recorder = _token_api(token_body())
    flow = _flow(recorder)
    request = flow.start()
    with pytest.raises(telnyx_oauth.StateMismatchError):
        flow.exchange(request, f"{REDIRECT_URI}?code=c&state=forged")
    assert recorder.requests == []


def test_missing_state_rejected() -> None:
    """A callback without state is rejected."""
    flow = _flow(_token_api())
    with pytest.raises(telnyx_oauth.StateMismatchError):
        flow.exchange(flow.start(), f"{REDIRECT_URI}?code=c")


def test_wrong_state_does_not_use_up_request() -> None:
    """A forged callback does not cancel the real one that follows."""
    recorder = _token_api(token_body())
    flow = _flow(recorder)
    request = flow.start()
    with pytest.raises(telnyx_oauth.StateMismatchError):
        flow.exchange(request, f"{REDIRECT_URI}?code=c&state=forged")
    flow.exchange(request, _callback(request))
    assert len(recorder.requests) == 1


def test_state_is_single_use() -> None:
    """A second callback with the same request is rejected without a token request."""
    recorder = _token_api(token_body(), token_body())
    flow = _flow(recorder)
    request = flow.start()
    flow.exchange(request, _callback(request))
    with pytest.raises(telnyx_oauth.StateMismatchError, match="already used"):
        flow.exchange(request, _callback(request))
    assert len(recorder.requests) == 1


def test_state_compared_in_constant_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """The state check goes through hmac.compare_digest."""
    import hmac

    calls: list[tuple[bytes, bytes]] = []
    real = hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(hmac, "compare_digest", spy)
    flow = _flow(_token_api(token_body()))
    request = flow.start()
    flow.exchange(request, _callback(request))
    assert calls == [(request.state.encode(), request.state.encode())]


def test_callback_error_raised() -> None:
    """?error=access_denied raises AuthorizationCallbackError after the state check."""
    recorder = _token_api()
    flow = _flow(recorder)
    request = flow.start()
    with pytest.raises(telnyx_oauth.AuthorizationCallbackError) as caught:
        flow.exchange(
            request,
            {"error": "access_denied", "error_description": "User said no", "state": request.state},
        )
    assert caught.value.error == "access_denied"
    assert caught.value.error_description == "User said no"
    assert recorder.requests == []


def test_callback_without_code() -> None:
    """A callback with the right state but no code is an AuthorizationCallbackError."""
    flow = _flow(_token_api())
    request = flow.start()
    with pytest.raises(telnyx_oauth.AuthorizationCallbackError):
        flow.exchange(request, {"state": request.state})


def test_exchange_failure_is_typed() -> None:
    """invalid_grant from the token endpoint raises BadRequestError."""
    recorder = Recorder(lambda r: json_response(400, {"error": "invalid_grant"}))
    flow = _flow(recorder)
    request = flow.start()
    with pytest.raises(telnyx_oauth.BadRequestError) as caught:
        flow.exchange(request, _callback(request))
    assert caught.value.error == "invalid_grant"


def test_exchange_not_retried_on_500(sleeps: Sleeps) -> None:
    """The code exchange is unsafe: a 500 is raised after one request, no sleep."""
    recorder = Recorder(lambda r: httpx.Response(500))
    flow = telnyx_oauth.AuthorizationCodeFlow(
        connect_anonymous(recorder, sleeps), client_id=CLIENT_ID, redirect_uri=REDIRECT_URI
    )
    request = flow.start()
    with pytest.raises(telnyx_oauth.InternalServerError):
        flow.exchange(request, _callback(request))
    assert len(recorder.requests) == 1
    assert sleeps.delays == []


def test_exchange_hook_receives_token() -> None:
    """on_token gets the exchanged token and previous=None."""
    stored: list[tuple[telnyx_oauth.Token, telnyx_oauth.Token | None]] = []
    flow = _flow(
        _token_api(token_body(refresh_token="rt-1")), on_token=lambda t, p: stored.append((t, p))
    )
    request = flow.start()
    token = flow.exchange(request, _callback(request))
    assert stored == [(token, None)]


def _token(refresh_token: str = "rt-1") -> telnyx_oauth.Token:
    return telnyx_oauth.Token(access_token="at-1", refresh_token=refresh_token, expires_in=60)


def test_refresh_stores_rotated_token_before_returning() -> None:
    """The rotated token is handed to on_token (with the old one) before refresh returns."""
    events: list[str] = []
    recorder = _token_api(token_body("at-2", refresh_token="rt-2"))
    flow = _flow(recorder, on_token=lambda new, old: events.append(f"stored {new.refresh_token}"))
    new = flow.refresh(_token())
    events.append("returned")
    assert events == ["stored rt-2", "returned"]
    assert (new.access_token, new.refresh_token) == ("at-2", "rt-2")
    assert form(recorder.requests[0]) == {"grant_type": "refresh_token", "refresh_token": "rt-1"}


def test_refresh_without_rotation_keeps_refresh_token() -> None:
    """A response without refresh_token keeps the old one on the new token."""
    flow = _flow(_token_api(token_body("at-2")))
    assert flow.refresh(_token()).refresh_token == "rt-1"


def test_refresh_with_scope() -> None:
    """A narrower scope is sent with the refresh grant."""
    recorder = _token_api(token_body("at-2"))
    _flow(recorder).refresh(_token(), scope="numbers.read")
    assert form(recorder.requests[0])["scope"] == "numbers.read"


def test_spent_refresh_token_not_spent_twice() -> None:
    """Refreshing the same old token again returns its successor without a request."""
    recorder = _token_api(token_body("at-2", refresh_token="rt-2"))
    stored: list[telnyx_oauth.Token] = []
    flow = _flow(recorder, on_token=lambda new, old: stored.append(new))
    first = flow.refresh(_token())
    second = flow.refresh(_token())
    assert second is first
    assert len(recorder.requests) == 1
    assert len(stored) == 1


def test_concurrent_refreshes_make_one_request() -> None:
    """Two threads refreshing the same token: one token request, one stored token, same result."""
    entered, release = threading.Event(), threading.Event()

    def handler(request: httpx.Request) -> httpx.Response:
        entered.set()
        release.wait(timeout=5)
        return json_response(200, token_body("at-2", refresh_token="rt-2"))

    recorder = Recorder(handler)
    stored: list[telnyx_oauth.Token] = []
    flow = _flow(recorder, on_token=lambda new, old: stored.append(new))
    results: list[telnyx_oauth.Token] = []
    first = threading.Thread(target=lambda: results.append(flow.refresh(_token())))
    second = threading.Thread(target=lambda: results.append(flow.refresh(_token())))
    first.start()
    assert entered.wait(timeout=5)
    second.start()
    release.set()
    first.join(timeout=5)
    second.join(timeout=5)
    assert len(recorder.requests) == 1
    assert len(stored) == 1
    assert results[0] is results[1]


async def test_arefresh_with_async_hook() -> None:
    """arefresh awaits a coroutine on_token before returning."""
    stored: list[str] = []

    async def save(new: telnyx_oauth.Token, old: telnyx_oauth.Token | None) -> None:
        stored.append(new.refresh_token or "")

    flow = _flow(_token_api(token_body("at-2", refresh_token="rt-2")), on_token=save)
    new = await flow.arefresh(_token())
    assert stored == ["rt-2"]
    assert new.refresh_token == "rt-2"


async def test_arefresh_dedupes_spent_token() -> None:
    """Async: the successor of a spent refresh token is reused."""
    recorder = _token_api(token_body("at-2", refresh_token="rt-2"))
    flow = _flow(recorder)
    assert await flow.arefresh(_token()) is await flow.arefresh(_token())
    assert len(recorder.requests) == 1


def test_hook_failure_keeps_new_token() -> None:
    """If on_token raises, TokenStorageError carries the new token, and the spent refresh token
    is never sent again: a second refresh of it gets the successor without a request."""

    def broken(new: telnyx_oauth.Token, old: telnyx_oauth.Token | None) -> None:
        raise OSError("disk full")

    recorder = _token_api(token_body("at-2", refresh_token="rt-2"))
    flow = _flow(recorder, on_token=broken)
    with pytest.raises(telnyx_oauth.TokenStorageError) as caught:
        flow.refresh(_token())
    assert caught.value.token.refresh_token == "rt-2"
    assert isinstance(caught.value.__cause__, OSError)
    assert flow.refresh(_token()) is caught.value.token
    assert len(recorder.requests) == 1


def test_sync_refresh_refuses_async_hook() -> None:
    """A coroutine hook with sync refresh is an error (it would never run)."""

    async def save(new: telnyx_oauth.Token, old: telnyx_oauth.Token | None) -> None:
        return None

    flow = _flow(_token_api(token_body("at-2")), on_token=save)
    with pytest.raises(telnyx_oauth.TokenStorageError) as caught:
        flow.refresh(_token())
    assert isinstance(caught.value.__cause__, TypeError)


def test_refresh_needs_refresh_token() -> None:
    """A token without refresh_token cannot be refreshed."""
    flow = _flow(_token_api())
    with pytest.raises(telnyx_oauth.ConfigurationError):
        flow.refresh(telnyx_oauth.Token(access_token="at"))


def test_refresh_not_retried_on_502(sleeps: Sleeps) -> None:
    """The refresh grant is unsafe: a 502 is raised after one request."""
    recorder = Recorder(lambda r: httpx.Response(502))
    flow = telnyx_oauth.AuthorizationCodeFlow(
        connect_anonymous(recorder, sleeps),
        client_id=CLIENT_ID,
        redirect_uri=REDIRECT_URI,
        client_secret="s",
    )
    with pytest.raises(telnyx_oauth.InternalServerError):
        flow.refresh(_token())
    assert len(recorder.requests) == 1
    assert sleeps.delays == []


def test_token_expiry() -> None:
    """Token.expires_at is now + expires_in, and is_expired honours the leeway."""
    flow = telnyx_oauth.AuthorizationCodeFlow(
        connect_anonymous(_token_api(token_body(expires_in=100))),
        client_id=CLIENT_ID,
        redirect_uri=REDIRECT_URI,
        clock=lambda: 1000.0,
    )
    request = flow.start()
    token = flow.exchange(request, _callback(request))
    assert token.expires_at == 1100.0
    assert not token.is_expired(leeway_seconds=10, now=1089.0)
    assert token.is_expired(leeway_seconds=10, now=1090.0)


@pytest.mark.parametrize(
    "callback", ["https://app.example/cb?code=c&state=\x00", "https://[::1/cb?code=c"]
)
def test_malformed_callback_url_is_a_callback_error(callback: str) -> None:
    """A callback URL that cannot be parsed raises AuthorizationCallbackError, sends nothing
    and leaves the request usable."""
    recorder = _token_api(token_body("at-1"))
    flow = _flow(recorder)
    request = flow.start()
    with pytest.raises(telnyx_oauth.AuthorizationCallbackError, match="callback URL is malformed"):
        flow.exchange(request, callback)
    assert recorder.requests == []
    assert request.used is False


# -- a failed exchange says whether the request can be exchanged again ---------------------------


def _failing_flow(error: Exception, sleeps: Sleeps) -> telnyx_oauth.AuthorizationCodeFlow:
    def fail(request: httpx.Request) -> httpx.Response:
        raise error

    return telnyx_oauth.AuthorizationCodeFlow(
        connect_anonymous(Recorder(fail), sleeps),
        client_id=CLIENT_ID,
        redirect_uri=REDIRECT_URI,
        client_secret=CLIENT_SECRET,
    )


def test_a_read_timeout_spends_the_request(sleeps: Sleeps) -> None:
    """The code may have reached the server: the request is used, and a second exchange says
    by what, without sending anything."""
    flow = _failing_flow(httpx.ReadTimeout("timed out"), sleeps)
    request = flow.start()
    with pytest.raises(telnyx_oauth.APITimeoutError) as caught:
        flow.exchange(request, _callback(request))
    assert str(caught.value).endswith(
        "; the code may be spent: start a new authorization with start()"
    )
    assert request.used
    assert request.used_by is not None
    assert "APITimeoutError" in request.used_by
    with pytest.raises(telnyx_oauth.AuthorizationRequestUsedError, match="an exchange that failed"):
        flow.exchange(request, _callback(request))


def test_a_refused_connection_leaves_the_request_usable(sleeps: Sleeps) -> None:
    """Nothing was sent: the request stays unused and the error says to exchange it again."""
    flow = _failing_flow(httpx.ConnectError("[Errno 111] Connection refused"), sleeps)
    request = flow.start()
    with pytest.raises(telnyx_oauth.APIConnectionError) as caught:
        flow.exchange(request, _callback(request))
    assert "exchange the same request again" in str(caught.value)
    assert (request.used, request.used_by) == (False, None)


async def test_aexchange_spends_the_request_the_same_way(sleeps: Sleeps) -> None:
    """aexchange records the outcome as exchange does."""
    flow = _failing_flow(httpx.ReadTimeout("timed out"), sleeps)
    request = flow.start()
    with pytest.raises(telnyx_oauth.APITimeoutError):
        await flow.aexchange(request, _callback(request))
    with pytest.raises(telnyx_oauth.AuthorizationRequestUsedError):
        await flow.aexchange(request, _callback(request))


def test_a_request_being_exchanged_cannot_be_exchanged_twice() -> None:
    """A second exchange while the first is in flight is refused, naming the one in progress."""
    entered, release = threading.Event(), threading.Event()

    def slow(request: httpx.Request) -> httpx.Response:
        entered.set()
        release.wait(timeout=5)
        return json_response(200, token_body())

    flow = _flow(Recorder(slow))
    request = flow.start()
    thread = threading.Thread(target=lambda: flow.exchange(request, _callback(request)))
    thread.start()
    assert entered.wait(timeout=5)
    with pytest.raises(
        telnyx_oauth.AuthorizationRequestUsedError,
        match="already used by an exchange still in progress",
    ):
        flow.exchange(request, _callback(request))
    release.set()
    thread.join(timeout=5)
    assert request.used_by == "the exchange of its code for a token"


def test_used_by_survives_a_rebuild_from_stored_fields() -> None:
    """A request rebuilt from its stored fields keeps saying how it was used."""
    flow = _flow(_token_api(token_body()))
    request = flow.start()
    flow.exchange(request, _callback(request))
    stored = telnyx_oauth.AuthorizationRequest(**dataclasses.asdict(request))
    with pytest.raises(telnyx_oauth.AuthorizationRequestUsedError) as caught:
        flow.exchange(stored, _callback(stored))
    assert str(caught.value) == (
        "this authorization request was already used by the exchange of its code for a token"
    )


# -- refreshes of one token share one attempt -----------------------------------------------------


class _CountingFlights(SingleFlight[Any]):
    """Refresh flights that count the callers waiting for another's attempt."""

    def __init__(self) -> None:
        super().__init__()
        self.waiters = threading.Semaphore(0)

    def join(self, key: str, current: Any, *, is_async: bool) -> Any:
        joined = super().join(key, current, is_async=is_async)
        if isinstance(joined, Waiter):
            self.waiters.release()
        return joined


def test_a_failed_refresh_reaches_every_caller_that_waited_for_it() -> None:
    """Four threads refreshing one token while the server answers invalid_grant: one request,
    and all four get the BadRequestError."""
    release = threading.Event()

    def refuse(request: httpx.Request) -> httpx.Response:
        release.wait(timeout=5)
        return json_response(400, {"error": "invalid_grant"})

    recorder = Recorder(refuse)
    flow = _flow(recorder)
    flights = _CountingFlights()
    flow._refreshes = flights
    errors: list[Exception] = []

    def refresh() -> None:
        try:
            flow.refresh(_token())
        except Exception as exc:
            errors.append(exc)

    threads = [threading.Thread(target=refresh) for _ in range(4)]
    for thread in threads:
        thread.start()
    for _ in range(3):  # one leads, three wait for it
        assert flights.waiters.acquire(timeout=5)
    release.set()
    for thread in threads:
        thread.join(timeout=5)
    assert len(recorder.requests) == 1
    assert [type(e) for e in errors] == [telnyx_oauth.BadRequestError] * 4


async def test_sync_and_async_refreshes_of_one_token_make_one_request() -> None:
    """refresh() in a thread and arefresh() in the loop, for the same token at the same time:
    one refresh request, and both get the same successor."""
    entered, release = threading.Event(), threading.Event()

    def slow(request: httpx.Request) -> httpx.Response:
        entered.set()
        release.wait(timeout=5)
        return json_response(200, token_body("at-2", refresh_token="rt-2"))

    recorder = Recorder(slow)
    flow = _flow(recorder)
    results: list[telnyx_oauth.Token] = []
    thread = threading.Thread(target=lambda: results.append(flow.refresh(_token())))
    thread.start()
    assert await asyncio.to_thread(entered.wait, 5)
    waiting = asyncio.ensure_future(flow.arefresh(_token()))
    await asyncio.sleep(0)
    release.set()
    results.append(await asyncio.wait_for(waiting, 5))
    thread.join(timeout=5)
    assert len(recorder.requests) == 1
    assert results[0] is results[1]


def test_different_refresh_tokens_refresh_in_parallel() -> None:
    """Two users' tokens refresh at the same time: both requests are in flight together."""
    both_in = threading.Barrier(2)

    def handler(request: httpx.Request) -> httpx.Response:
        both_in.wait(timeout=5)  # breaks (and fails the refresh) unless both arrive
        spent = form(request)["refresh_token"]
        return json_response(200, token_body(f"at-for-{spent}", refresh_token=f"{spent}-next"))

    recorder = Recorder(handler)
    flow = _flow(recorder)
    results: dict[str, telnyx_oauth.Token] = {}
    threads = [
        threading.Thread(target=lambda rt=rt: results.update({rt: flow.refresh(_token(rt))}))
        for rt in ("rt-alice", "rt-bob")
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    assert {rt: t.refresh_token for rt, t in results.items()} == {
        "rt-alice": "rt-alice-next",
        "rt-bob": "rt-bob-next",
    }
