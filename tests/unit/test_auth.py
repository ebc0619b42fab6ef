"""ApiKeyAuth and ClientCredentials: caching, renewal, locking, typed failures."""

from __future__ import annotations

import asyncio
import base64
import threading
from typing import Any

import httpx
import pytest

import telnyx_oauth
from telnyx_oauth._single_flight import SingleFlight, Waiter
from tests._support.sleeps import Sleeps
from tests.unit._support import (
    CLIENT_ID,
    CLIENT_SECRET,
    Recorder,
    connect,
    form,
    json_response,
    oauth_client_json,
    token_body,
)

TOKEN_PATH = "/v2/oauth/token"
API_REQUEST = httpx.Request("GET", "https://api.test/v2/oauth_clients/abc")


class Clock:
    """A settable monotonic clock."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _token_response(access_token: str = "tok-1", expires_in: int = 3600) -> httpx.Response:
    return httpx.Response(200, json=token_body(access_token, expires_in))


class Driver:
    """Drives an auth flow by hand, attaching each response to the request it answers."""

    def __init__(self, auth: telnyx_oauth.ClientCredentials, request: httpx.Request) -> None:
        self.flow = auth.sync_auth_flow(request)
        self.last = next(self.flow)

    def send(self, response: httpx.Response) -> httpx.Request:
        response.request = self.last
        self.last = self.flow.send(response)
        return self.last


def _auth(clock: Clock | None = None, **kwargs: Any) -> telnyx_oauth.ClientCredentials:
    return telnyx_oauth.ClientCredentials(
        CLIENT_ID, CLIENT_SECRET, clock=clock or Clock(), **kwargs
    )


def test_api_key_auth_sets_bearer() -> None:
    """ApiKeyAuth adds Authorization: Bearer <key>."""
    flow = telnyx_oauth.ApiKeyAuth("abc").sync_auth_flow(httpx.Request("GET", "https://x"))
    assert next(flow).headers["authorization"] == "Bearer abc"


def test_api_key_auth_rejects_empty() -> None:
    """An empty key is a ConfigurationError."""
    with pytest.raises(telnyx_oauth.ConfigurationError):
        telnyx_oauth.ApiKeyAuth("")


# -- driven by hand ---------------------------------------------------------------------------


def test_first_request_fetches_token() -> None:
    """The flow first yields a client-credentials token request, then the authorized request."""
    auth = _auth(scope=["numbers.read", "messaging.write"])
    flow = Driver(auth, API_REQUEST)
    token_request = flow.last
    assert token_request.method == "POST"
    assert str(token_request.url) == "https://api.test/v2/oauth/token"
    assert form(token_request) == {
        "grant_type": "client_credentials",
        "scope": "numbers.read messaging.write",
    }
    expected = base64.b64encode(b"client-123:s3cr%3Aet%25%2F+with+space").decode()
    assert token_request.headers["authorization"] == f"Basic {expected}"
    request = flow.send(_token_response())
    assert request.headers["authorization"] == "Bearer tok-1"
    with pytest.raises(StopIteration):
        flow.send(httpx.Response(200))


def test_cached_token_reused() -> None:
    """A second request within the token's life uses the cached token, no token request."""
    auth = _auth()
    flow = Driver(auth, API_REQUEST)
    flow.send(_token_response())
    second = auth.sync_auth_flow(httpx.Request("GET", "https://api.test/v2/oauth_grants"))
    assert next(second).headers["authorization"] == "Bearer tok-1"


def test_renews_before_expiry_with_leeway() -> None:
    """The token is renewed leeway_seconds before expires_in runs out, not after."""
    clock = Clock()
    auth = _auth(clock, leeway_seconds=30)
    flow = Driver(auth, API_REQUEST)
    flow.send(_token_response(expires_in=3600))
    clock.now += 3600 - 30 - 1
    assert next(auth.sync_auth_flow(API_REQUEST)).url.path == "/v2/oauth_clients/abc"
    clock.now += 2
    assert next(auth.sync_auth_flow(API_REQUEST)).url.path == TOKEN_PATH


def test_short_lived_token_leeway_capped_at_half() -> None:
    """For a 10 s token the leeway shrinks to 5 s, so the token is used for 5 s."""
    clock = Clock()
    auth = _auth(clock, leeway_seconds=30)
    flow = Driver(auth, API_REQUEST)
    flow.send(_token_response(expires_in=10))
    clock.now += 4.9
    assert next(auth.sync_auth_flow(API_REQUEST)).url.path == "/v2/oauth_clients/abc"
    clock.now += 0.2
    assert next(auth.sync_auth_flow(API_REQUEST)).url.path == TOKEN_PATH


def test_renews_once_on_401() -> None:
    """A 401 renews the token and resends the request once; a second 401 is returned."""
    auth = _auth()
    flow = Driver(auth, API_REQUEST)
    flow.send(_token_response("tok-1"))
    renewal = flow.send(httpx.Response(401))
    assert renewal.url.path == TOKEN_PATH
    retried = flow.send(_token_response("tok-2"))
    assert retried.headers["authorization"] == "Bearer tok-2"
    with pytest.raises(StopIteration):
        flow.send(httpx.Response(401))


def test_401_after_concurrent_renewal_reuses_new_token() -> None:
    """If another caller renewed meanwhile, the 401 retry uses that token without fetching."""
    auth = _auth()
    flow_a = Driver(auth, API_REQUEST)
    flow_a.send(_token_response("tok-1"))
    flow_b = Driver(auth, API_REQUEST)  # sent with tok-1
    flow_a.send(httpx.Response(401))
    flow_a.send(_token_response("tok-2"))
    retried = flow_b.send(httpx.Response(401))
    assert retried.headers["authorization"] == "Bearer tok-2"


def test_failed_token_request_raises_typed_error() -> None:
    """A 401 invalid_client from the token endpoint raises AuthenticationError."""
    flow = Driver(_auth(), API_REQUEST)
    with pytest.raises(telnyx_oauth.AuthenticationError) as caught:
        flow.send(json_response(401, {"error": "invalid_client"}))
    assert caught.value.error == "invalid_client"
    assert "token request failed" in str(caught.value)


def test_malformed_token_response_raises() -> None:
    """A 200 without access_token raises APIResponseValidationError."""
    flow = Driver(_auth(), API_REQUEST)
    with pytest.raises(telnyx_oauth.APIResponseValidationError):
        flow.send(json_response(200, {"token_type": "Bearer"}))


def test_non_bearer_token_type_rejected() -> None:
    """A token that is not a Bearer token is refused."""
    flow = Driver(_auth(), API_REQUEST)
    with pytest.raises(telnyx_oauth.APIResponseValidationError, match="Bearer"):
        flow.send(json_response(200, {"access_token": "x", "token_type": "DPoP"}))


def test_client_secret_post() -> None:
    """client_secret_post sends the credentials in the form, no Authorization header."""
    token_request = next(_auth(auth_method="client_secret_post").sync_auth_flow(API_REQUEST))
    assert "authorization" not in token_request.headers
    assert form(token_request) == {
        "grant_type": "client_credentials",
        "client_id": CLIENT_ID,
        "client_secret": CLIENT_SECRET,
    }


def test_explicit_token_url() -> None:
    """token_url overrides the same-origin default."""
    auth = _auth(token_url="https://gw.test/telnyx/v2/oauth/token")
    assert str(next(auth.sync_auth_flow(API_REQUEST)).url) == (
        "https://gw.test/telnyx/v2/oauth/token"
    )


def test_auth_method_none_refused() -> None:
    """Client credentials without client authentication make no sense and are refused."""
    with pytest.raises(telnyx_oauth.ConfigurationError):
        telnyx_oauth.ClientCredentials(CLIENT_ID, "", auth_method="none")


def test_lock_not_held_during_callers_request() -> None:
    """While one caller's request is in flight, another caller gets its request at once."""
    auth = _auth()
    flow_a = Driver(auth, API_REQUEST)
    flow_a.send(_token_response())  # flow_a's request is now "in flight"
    result: list[httpx.Request] = []
    thread = threading.Thread(target=lambda: result.append(next(auth.sync_auth_flow(API_REQUEST))))
    thread.start()
    thread.join(timeout=5)
    assert not thread.is_alive()
    assert result[0].headers["authorization"] == "Bearer tok-1"


class _AnnouncingFlights(SingleFlight[Any]):
    """Flights that set an Event when a caller starts waiting for another's token request, so
    no test has to sleep."""

    def __init__(self) -> None:
        super().__init__()
        self.waiting = threading.Event()

    def join(self, key: str, current: Any, *, is_async: bool) -> Any:
        joined = super().join(key, current, is_async=is_async)
        if isinstance(joined, Waiter):
            self.waiting.set()
        return joined


def _announce_lock_waits(auth: telnyx_oauth.ClientCredentials) -> threading.Event:
    flights = _AnnouncingFlights()
    auth._flights = flights
    return flights.waiting


def test_waiter_on_refresh_reuses_fetched_token() -> None:
    """A thread that waited for the token request in flight uses the token it fetched."""
    auth = _auth()
    waiting = _announce_lock_waits(auth)
    flow_a = Driver(auth, API_REQUEST)
    assert flow_a.last.url.path == TOKEN_PATH  # flow_a leads the renewal now
    result: list[httpx.Request] = []
    thread = threading.Thread(target=lambda: result.append(next(auth.sync_auth_flow(API_REQUEST))))
    thread.start()
    assert waiting.wait(timeout=5)  # the thread waits for flow_a's token request
    assert thread.is_alive()
    flow_a.send(_token_response())
    thread.join(timeout=5)
    assert result[0].url.path == "/v2/oauth_clients/abc"
    assert result[0].headers["authorization"] == "Bearer tok-1"


def test_lock_released_when_token_request_fails() -> None:
    """A failed token request releases the lock: the next caller can try again."""
    auth = _auth()
    flow = Driver(auth, API_REQUEST)
    with pytest.raises(telnyx_oauth.InternalServerError):
        flow.send(httpx.Response(500))
    assert next(auth.sync_auth_flow(API_REQUEST)).url.path == TOKEN_PATH


# -- through connect() ------------------------------------------------------------------------


def _api(token_delay: asyncio.Event | None = None) -> Recorder:
    issued = iter(range(1, 1000))

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == TOKEN_PATH:
            return _token_response(f"tok-{next(issued)}")
        return json_response(200, {"data": oauth_client_json("abc")})

    return Recorder(handler)


def test_threads_share_one_token_request() -> None:
    """Eight threads calling through one client cause one token request."""
    from telnyx_oauth_api.api.oauth_clients import get_oauth_client

    recorder = _api()
    client = connect(recorder, auth=_auth())
    barrier = threading.Barrier(8)

    def call() -> None:
        barrier.wait()
        get_oauth_client.sync("abc", client=client)

    threads = [threading.Thread(target=call) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    assert recorder.count(TOKEN_PATH) == 1
    assert recorder.count("/v2/oauth_clients/abc") == 8
    assert {r.headers["authorization"] for r in recorder.requests[1:]} == {"Bearer tok-1"}


async def test_tasks_share_one_token_request() -> None:
    """Ten concurrent tasks cause one token request, and all requests carry that token."""
    from telnyx_oauth_api.api.oauth_clients import get_oauth_client

    requests: list[httpx.Request] = []

    async def handler(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        await asyncio.sleep(0)  # let the other tasks run into the lock
        if request.url.path == TOKEN_PATH:
            return _token_response("tok-1")
        return json_response(200, {"data": oauth_client_json("abc")})

    client = telnyx_oauth.connect(
        auth=_auth(), base_url="https://api.test", async_transport=httpx.MockTransport(handler)
    )
    await asyncio.gather(*(get_oauth_client.asyncio("abc", client=client) for _ in range(10)))
    assert sum(r.url.path == TOKEN_PATH for r in requests) == 1
    assert sum(r.url.path != TOKEN_PATH for r in requests) == 10


async def test_async_renews_once_on_401() -> None:
    """Async: a 401 renews the token once and the request is resent with the new one."""
    from telnyx_oauth_api.api.oauth_clients import get_oauth_client

    issued = iter(["tok-1", "tok-2"])

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == TOKEN_PATH:
            return _token_response(next(issued))
        if request.headers["authorization"] == "Bearer tok-1":
            return json_response(401, {"error": "invalid_token"})
        return json_response(200, {"data": oauth_client_json("abc")})

    recorder = Recorder(handler)
    client = connect(recorder, auth=_auth())
    assert await get_oauth_client.asyncio("abc", client=client) is not None
    assert recorder.paths() == [TOKEN_PATH, "/v2/oauth_clients/abc"] * 2


def test_second_401_raises_authentication_error() -> None:
    """When the renewed token is refused too, AuthenticationError is raised after 2+2 requests."""
    from telnyx_oauth_api.api.oauth_clients import get_oauth_client

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == TOKEN_PATH:
            return _token_response()
        return json_response(401, {"error": "invalid_token"})

    recorder = Recorder(handler)
    with pytest.raises(telnyx_oauth.AuthenticationError):
        get_oauth_client.sync("abc", client=connect(recorder, auth=_auth()))
    assert recorder.count(TOKEN_PATH) == 2
    assert recorder.count("/v2/oauth_clients/abc") == 2


def test_failed_token_request_never_sends_the_call() -> None:
    """When the token request fails, the API call is not sent unauthenticated."""
    from telnyx_oauth_api.api.oauth_clients import get_oauth_client

    recorder = Recorder(lambda r: json_response(401, {"error": "invalid_client"}))
    with pytest.raises(telnyx_oauth.AuthenticationError):
        get_oauth_client.sync("abc", client=connect(recorder, auth=_auth()))
    assert recorder.paths() == [TOKEN_PATH]


async def test_failed_token_request_async() -> None:
    """Async: a failing token endpoint raises the typed error and sends nothing else."""
    from telnyx_oauth_api.api.oauth_clients import get_oauth_client

    recorder = Recorder(lambda r: json_response(400, {"error": "invalid_scope"}))
    with pytest.raises(telnyx_oauth.BadRequestError):
        await get_oauth_client.asyncio("abc", client=connect(recorder, auth=_auth()))
    assert recorder.paths() == [TOKEN_PATH]


def test_token_request_is_retried(sleeps: Sleeps) -> None:
    """A client-credentials token request is safe: a 503 is retried with one sleep."""
    from telnyx_oauth_api.api.oauth_clients import get_oauth_client

    answers = iter([httpx.Response(503), _token_response()])

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == TOKEN_PATH:
            return next(answers)
        return json_response(200, {"data": oauth_client_json("abc")})

    recorder = Recorder(handler)
    get_oauth_client.sync("abc", client=connect(recorder, sleeps, auth=_auth()))
    assert recorder.paths() == [TOKEN_PATH, TOKEN_PATH, "/v2/oauth_clients/abc"]
    assert sleeps.delays == [0.5]


def test_invalidate_forgets_token() -> None:
    """invalidate() makes the next request fetch a new token."""
    auth = _auth()
    flow = Driver(auth, API_REQUEST)
    flow.send(_token_response())
    auth.invalidate()
    assert next(auth.sync_auth_flow(API_REQUEST)).url.path == TOKEN_PATH


def test_client_secret_basic_form_urlencodes_before_base64() -> None:
    """ClientSecretBasic sends id and secret form-urlencoded, then base64 (RFC 6749 2.3.1)."""
    flow = telnyx_oauth.ClientSecretBasic(CLIENT_ID, CLIENT_SECRET).sync_auth_flow(
        httpx.Request("POST", "https://api.test/v2/oauth/introspect")
    )
    header = next(flow).headers["authorization"]
    scheme, encoded = header.split(" ")
    assert scheme == "Basic"
    assert base64.b64decode(encoded).decode() == "client-123:s3cr%3Aet%25%2F+with+space"


def test_client_secret_basic_keeps_the_secret_out_of_repr() -> None:
    """repr() names the client but not its secret."""
    text = repr(telnyx_oauth.ClientSecretBasic(CLIENT_ID, CLIENT_SECRET))
    assert CLIENT_ID in text
    assert CLIENT_SECRET not in text


def test_client_secret_basic_needs_a_secret() -> None:
    """An empty secret is a configuration error at construction, not a 401 later."""
    with pytest.raises(telnyx_oauth.ConfigurationError, match="client_secret is empty"):
        telnyx_oauth.ClientSecretBasic(CLIENT_ID, "")


def test_generated_introspection_through_connect_with_client_secret_basic() -> None:
    """connect(auth=ClientSecretBasic(...)) authenticates the generated introspect_token."""
    from telnyx_oauth_api.api.oauth import introspect_token
    from telnyx_oauth_api.models import IntrospectRequest, IntrospectResponse

    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"active": False})

    client = telnyx_oauth.connect(
        auth=telnyx_oauth.ClientSecretBasic(CLIENT_ID, CLIENT_SECRET),
        base_url="https://api.test",
        transport=httpx.MockTransport(answer),
    )
    result = introspect_token.sync(client=client, body=IntrospectRequest(token="t"))
    assert isinstance(result, IntrospectResponse)
    assert result.active is False
    (request,) = seen
    assert request.headers["authorization"].startswith("Basic ")
    assert form(request) == {"token": "t"}


# -- renewal under load: what a waiting caller holds, and what it gets -------------------------


def test_token_request_keeps_the_callers_timeouts() -> None:
    """The token request carries the caller's timeout extension: httpx gives a request yielded
    by an auth flow none, and it would wait forever for a connection or an answer."""
    timeouts = {"connect": 1.0, "read": 2.0, "write": 3.0, "pool": 4.0}
    request = httpx.Request("GET", API_REQUEST.url, extensions={"timeout": timeouts})
    token_request = next(_auth().sync_auth_flow(request))
    assert token_request.url.path == TOKEN_PATH
    assert token_request.extensions["timeout"] == timeouts


def test_a_401_is_read_before_its_caller_waits_for_the_renewal() -> None:
    """A caller whose request got a 401 while another renews reads that 401 (giving its pooled
    connection back) before it waits, then resends with the renewed token."""
    auth = _auth()
    first = Driver(auth, API_REQUEST)
    first.send(_token_response("tok-1"))
    second = Driver(auth, httpx.Request("GET", "https://api.test/v2/oauth_clients/def"))
    assert second.last.headers["authorization"] == "Bearer tok-1"
    waiting = _announce_lock_waits(auth)
    assert first.send(httpx.Response(401)).url.path == TOKEN_PATH  # first leads the renewal
    refused = httpx.Response(401, stream=httpx.ByteStream(b'{"error": "invalid_token"}'))
    resent: list[httpx.Request] = []
    thread = threading.Thread(target=lambda: resent.append(second.send(refused)))
    thread.start()
    assert waiting.wait(timeout=5)
    assert refused.is_closed  # read and released while its caller waits
    first.send(_token_response("tok-2"))
    thread.join(timeout=5)
    assert resent[0].headers["authorization"] == "Bearer tok-2"


def test_a_waiter_leads_the_next_attempt_when_the_leader_gives_up() -> None:
    """The leader's flow closed with nothing noted (its caller was cancelled): a waiting caller
    makes the next token request itself instead of waiting forever."""
    auth = _auth()
    waiting = _announce_lock_waits(auth)
    leader = Driver(auth, API_REQUEST)
    result: list[httpx.Request] = []
    thread = threading.Thread(target=lambda: result.append(next(auth.sync_auth_flow(API_REQUEST))))
    thread.start()
    assert waiting.wait(timeout=5)
    leader.flow.close()
    thread.join(timeout=5)
    assert result[0].url.path == TOKEN_PATH


def test_a_token_request_that_got_no_answer_fails_every_waiter_alike() -> None:
    """When the retry transport noted why the token request failed, the waiters raise the same
    APIConnectionError as the leader's caller, naming the token request."""
    from telnyx_oauth._retries import TRANSPORT_FAILURE_EXTENSION

    auth = _auth()
    waiting = _announce_lock_waits(auth)
    leader = Driver(auth, API_REQUEST)
    errors: list[Exception] = []

    def wait() -> None:
        try:
            next(auth.sync_auth_flow(API_REQUEST))
        except Exception as exc:
            errors.append(exc)

    thread = threading.Thread(target=wait)
    thread.start()
    assert waiting.wait(timeout=5)
    token_request = leader.last
    failure = token_request.extensions[TRANSPORT_FAILURE_EXTENSION]
    failure.error = httpx.ConnectError("[Errno 111] Connection refused", request=token_request)
    leader.flow.close()
    thread.join(timeout=5)
    (error,) = errors
    assert type(error) is telnyx_oauth.APIConnectionError
    assert str(error) == (
        "POST https://api.test/v2/oauth/token: connection failed "
        "(ConnectError: [Errno 111] Connection refused)"
    )
