"""connect() and connect_anonymous(): the generated client, wired."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

import telnyx_oauth
from tests.unit._loopback import loopback
from tests.unit._support import (
    API_KEY,
    BASE_URL,
    Recorder,
    connect,
    connect_anonymous,
    json_response,
    oauth_client_json,
)


def _ok_client(request: httpx.Request) -> httpx.Response:
    return json_response(200, {"data": oauth_client_json("abc")})


def test_returns_generated_authenticated_client() -> None:
    """connect() returns an instance of the generated AuthenticatedClient."""
    import telnyx_oauth_api

    client = telnyx_oauth.connect("k")
    assert isinstance(client, telnyx_oauth_api.AuthenticatedClient)


def test_missing_key_fails_at_construction() -> None:
    """Without api_key, TELNYX_API_KEY or auth, connect() raises ConfigurationError."""
    with pytest.raises(telnyx_oauth.ConfigurationError, match="TELNYX_API_KEY"):
        telnyx_oauth.connect()


def test_blank_key_fails_at_construction() -> None:
    """A blank key is as missing as no key."""
    with pytest.raises(telnyx_oauth.ConfigurationError):
        telnyx_oauth.connect("  ")


def test_key_and_auth_conflict() -> None:
    """Passing both api_key and auth is refused."""
    with pytest.raises(telnyx_oauth.ConfigurationError, match="not both"):
        telnyx_oauth.connect("k", auth=telnyx_oauth.ApiKeyAuth("k"))


def test_key_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """TELNYX_API_KEY is used when no key is passed."""
    from telnyx_oauth_api.api.oauth_clients import get_oauth_client

    monkeypatch.setenv("TELNYX_API_KEY", "env-key")
    recorder = Recorder(_ok_client)
    client = connect(recorder, api_key=None)
    get_oauth_client.sync("abc", client=client)
    assert recorder.requests[0].headers["authorization"] == "Bearer env-key"


def test_sync_call_sends_bearer_key() -> None:
    """A generated sync call goes to base_url with the API key as a Bearer token."""
    from telnyx_oauth_api.api.oauth_clients import get_oauth_client
    from telnyx_oauth_api.models import OAuthClientResponse

    recorder = Recorder(_ok_client)
    result = get_oauth_client.sync("abc", client=connect(recorder))
    assert isinstance(result, OAuthClientResponse)
    assert result.data.client_id == "abc"
    assert str(recorder.requests[0].url) == f"{BASE_URL}/v2/oauth_clients/abc"
    assert recorder.requests[0].headers["authorization"] == f"Bearer {API_KEY}"


async def test_async_call_sends_bearer_key() -> None:
    """The same client serves async generated calls."""
    from telnyx_oauth_api.api.oauth_clients import get_oauth_client

    recorder = Recorder(_ok_client)
    result = await get_oauth_client.asyncio("abc", client=connect(recorder))
    assert result is not None
    assert recorder.requests[0].headers["authorization"] == f"Bearer {API_KEY}"


def test_custom_auth_is_used() -> None:
    """Any httpx.Auth given as auth signs the requests."""
    from telnyx_oauth_api.api.oauth_clients import get_oauth_client

    class Custom(httpx.Auth):
        def auth_flow(self, request: httpx.Request):  # type: ignore[no-untyped-def]
            request.headers["Authorization"] = "Custom x"
            yield request

    recorder = Recorder(_ok_client)
    get_oauth_client.sync("abc", client=connect(recorder, auth=Custom()))
    assert recorder.requests[0].headers["authorization"] == "Custom x"


def test_status_error_is_typed_not_parsed() -> None:
    """A documented 401 raises AuthenticationError instead of returning a parsed model."""
    from telnyx_oauth_api.api.oauth_clients import get_oauth_client

    recorder = Recorder(lambda r: json_response(401, {"error": "invalid_token"}))
    with pytest.raises(telnyx_oauth.AuthenticationError) as caught:
        get_oauth_client.sync("abc", client=connect(recorder))
    assert caught.value.error == "invalid_token"


async def test_status_error_is_typed_async() -> None:
    """The async client raises typed errors too."""
    from telnyx_oauth_api.api.oauth_clients import get_oauth_client

    recorder = Recorder(lambda r: json_response(404, {"error": "not_found"}))
    with pytest.raises(telnyx_oauth.NotFoundError):
        await get_oauth_client.asyncio("abc", client=connect(recorder))


def test_html_error_keeps_response() -> None:
    """authorize's HTML 400 raises BadRequestError with the HTML kept, not a JSON error."""
    from telnyx_oauth_api.api.oauth import authorize
    from telnyx_oauth_api.models import ResponseType

    html = "<html><body><h1>Unknown redirect_uri</h1></body></html>"
    recorder = Recorder(
        lambda r: httpx.Response(400, text=html, headers={"content-type": "text/html"})
    )
    client = connect_anonymous(recorder)
    with pytest.raises(telnyx_oauth.BadRequestError) as caught:
        authorize.sync_detailed(
            client=client, response_type=ResponseType.CODE, client_id="c", redirect_uri="x"
        )
    assert caught.value.body == html
    assert "Unknown redirect_uri" in str(caught.value)


def test_redirect_is_not_followed() -> None:
    """authorize's 302 comes back as is (the Location is for the user's browser)."""
    from telnyx_oauth_api.api.oauth import authorize
    from telnyx_oauth_api.models import ResponseType

    recorder = Recorder(lambda r: httpx.Response(302, headers={"location": "https://app/cb"}))
    response = authorize.sync_detailed(
        client=connect_anonymous(recorder),
        response_type=ResponseType.CODE,
        client_id="c",
        redirect_uri="https://app/cb",
    )
    assert response.status_code == 302
    assert len(recorder.requests) == 1


def test_connection_error_is_typed() -> None:
    """A refused connection (after retries) raises APIConnectionError with the httpx cause."""
    from telnyx_oauth_api.api.oauth_clients import get_oauth_client

    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused")

    recorder = Recorder(refuse)
    with pytest.raises(telnyx_oauth.APIConnectionError) as caught:
        get_oauth_client.sync("abc", client=connect(recorder))
    assert isinstance(caught.value.__cause__, httpx.ConnectError)
    assert caught.value.request.url.path == "/v2/oauth_clients/abc"
    assert len(recorder.requests) == 3


def test_timeouts_are_explicit() -> None:
    """The httpx clients get the default timeout, never None."""
    client = telnyx_oauth.connect("k")
    timeout = client.get_httpx_client().timeout
    assert timeout.connect == 5.0
    assert timeout.read == 30.0
    assert client.get_async_httpx_client().timeout == timeout


def test_timeout_seconds() -> None:
    """A number of seconds becomes an httpx.Timeout."""
    client = telnyx_oauth.connect("k", timeout=2.5)
    assert client.get_httpx_client().timeout == httpx.Timeout(2.5)


def test_bad_timeout_rejected() -> None:
    """A zero or negative timeout is refused."""
    with pytest.raises(telnyx_oauth.ConfigurationError):
        telnyx_oauth.connect("k", timeout=0)


def test_negative_max_retries_rejected() -> None:
    """max_retries below zero is refused."""
    with pytest.raises(telnyx_oauth.ConfigurationError):
        telnyx_oauth.connect("k", max_retries=-1)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("https://api.telnyx.com", "https://api.telnyx.com"),
        ("https://api.telnyx.com/", "https://api.telnyx.com"),
        ("https://api.telnyx.com/v2", "https://api.telnyx.com"),
        ("https://api.telnyx.com/v2/", "https://api.telnyx.com"),
        ("http://127.0.0.1:8080", "http://127.0.0.1:8080"),
        ("https://gw.example.com/telnyx/v2", "https://gw.example.com/telnyx"),
    ],
)
def test_base_url_normalised(given: str, expected: str) -> None:
    """A trailing slash or /v2 is dropped: the spec's paths carry /v2."""
    client = telnyx_oauth.connect("k", base_url=given)
    assert str(client.get_httpx_client().base_url).rstrip("/") == expected


def test_misspelt_option_names_the_function_called() -> None:
    """The options are one TypedDict for type checkers; at run time a misspelt one is the
    TypeError Python gives for a misspelt keyword, naming what the user called."""
    with pytest.raises(
        TypeError, match=r"^connect\(\) got an unexpected keyword argument 'timout'"
    ):
        telnyx_oauth.connect("KEY", timout=3)  # type: ignore[call-arg]
    with pytest.raises(
        TypeError, match=r"^connect_anonymous\(\) got an unexpected keyword argument 'max_retry'"
    ):
        telnyx_oauth.connect_anonymous(max_retry=1)  # type: ignore[call-arg]


def test_relative_base_url_rejected() -> None:
    """A base_url that is not absolute http(s) is refused."""
    with pytest.raises(telnyx_oauth.ConfigurationError):
        telnyx_oauth.connect("k", base_url="api.telnyx.com")


def test_with_headers_keeps_wiring() -> None:
    """with_headers returns a client that still has auth, retries and typed errors."""
    from telnyx_oauth_api.api.oauth_clients import get_oauth_client

    recorder = Recorder(lambda r: json_response(404, {"error": "not_found"}))
    client = connect(recorder).with_headers({"X-Trace": "1"})
    with pytest.raises(telnyx_oauth.NotFoundError):
        get_oauth_client.sync("abc", client=client)
    assert recorder.requests[0].headers["x-trace"] == "1"
    assert recorder.requests[0].headers["authorization"] == f"Bearer {API_KEY}"
    assert len(recorder.requests) == 1


def test_with_timeout_before_first_use_applies() -> None:
    """with_timeout on a client not used yet sets the timeout of the clients built later."""
    client = telnyx_oauth.connect("k").with_timeout(httpx.Timeout(1.0))
    assert client.get_httpx_client().timeout == httpx.Timeout(1.0)
    assert isinstance(client.get_httpx_client(), httpx.Client)


def test_with_cookies_keeps_wiring() -> None:
    """with_cookies on an anonymous client keeps the overlay's transport."""
    from telnyx_oauth_api.api.oauth import get_jwks

    recorder = Recorder(lambda r: json_response(200, {"keys": []}))
    client = connect_anonymous(recorder).with_cookies({"a": "b"})
    get_jwks.sync(client=client)
    assert recorder.requests[0].headers["cookie"] == "a=b"


def test_anonymous_client_sends_no_credentials() -> None:
    """connect_anonymous() returns the generated Client and adds no Authorization header."""
    import telnyx_oauth_api
    from telnyx_oauth_api.api.oauth import get_jwks

    recorder = Recorder(lambda r: json_response(200, {"keys": []}))
    client = connect_anonymous(recorder)
    assert isinstance(client, telnyx_oauth_api.Client)
    get_jwks.sync(client=client)
    assert "authorization" not in recorder.requests[0].headers


def test_given_retry_transport_used_as_is(sleeps: object) -> None:
    """A transport that already retries is not wrapped a second time."""
    from telnyx_oauth_api.api.oauth import get_jwks

    recorder = Recorder(lambda r: httpx.Response(503))
    transport = telnyx_oauth.retries.RetryTransport(
        httpx.MockTransport(recorder), max_retries=1, sleep=lambda s: None
    )
    client = telnyx_oauth.connect_anonymous(base_url=BASE_URL, transport=transport, max_retries=5)
    with pytest.raises(telnyx_oauth.InternalServerError):
        get_jwks.sync(client=client)
    assert len(recorder.requests) == 2


def test_streamed_error_response_is_read() -> None:
    """An error on a streamed request is still parsed (the body is read before raising)."""
    recorder = Recorder(lambda r: json_response(409, {"error": "conflict"}))
    client = connect(recorder)
    http = client.get_httpx_client()
    with pytest.raises(telnyx_oauth.ConflictError) as caught:
        http.send(http.build_request("GET", "/v2/oauth_clients"), stream=True)
    assert caught.value.error == "conflict"


# No waiting between attempts: these tests check where retries happen, not how long apart.
NO_BACKOFF = telnyx_oauth.RetryPolicy(initial_delay_seconds=0.0, max_delay_seconds=0.0)


@pytest.mark.parametrize("variable", ["HTTP_PROXY", "http_proxy", "ALL_PROXY"])
async def test_proxy_from_environment_is_used_with_retries(
    monkeypatch: pytest.MonkeyPatch, variable: str
) -> None:
    """With a proxy in the environment, sync and async calls go through it, and are retried
    there too."""
    from telnyx_oauth_api.api.oauth import get_jwks

    with loopback([503, 200, 503, 200]) as proxy:
        monkeypatch.setenv(variable, proxy.url)
        client = telnyx_oauth.connect_anonymous(base_url="http://api.test", retry_policy=NO_BACKOFF)
        get_jwks.sync(client=client)
        await get_jwks.asyncio(client=client)
    assert proxy.targets == ["http://api.test/v2/oauth/jwks"] * 4


@pytest.mark.parametrize("no_proxy", ["127.0.0.1", "localhost,127.0.0.1", "*"])
def test_no_proxy_from_environment_is_honoured(
    monkeypatch: pytest.MonkeyPatch, no_proxy: str
) -> None:
    """A host in NO_PROXY is called directly, with retries, though a proxy is set."""
    from telnyx_oauth_api.api.oauth import get_jwks

    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")  # discard port: fails if used
    monkeypatch.setenv("NO_PROXY", no_proxy)
    with loopback([503, 200]) as server:
        client = telnyx_oauth.connect_anonymous(base_url=server.url, retry_policy=NO_BACKOFF)
        get_jwks.sync(client=client)
    assert server.targets == ["/v2/oauth/jwks"] * 2


async def test_plain_mock_transport_serves_both() -> None:
    """One plain MockTransport given for sync and async gets the right retry wrapper each."""
    from telnyx_oauth_api.api.oauth import get_jwks

    statuses = [503, 200, 503, 200]
    recorder = Recorder(lambda r: json_response(statuses.pop(0), {"keys": []}))
    mock = httpx.MockTransport(recorder)
    client = telnyx_oauth.connect_anonymous(
        base_url=BASE_URL, transport=mock, async_transport=mock, retry_policy=NO_BACKOFF
    )
    get_jwks.sync(client=client)
    await get_jwks.asyncio(client=client)
    assert len(recorder.requests) == 4


def test_default_transport_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without a transport, the one built for the client retries."""
    from telnyx_oauth_api.api.oauth import get_jwks

    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy"):
        monkeypatch.delenv(name, raising=False)
    with loopback([503, 503, 200]) as server:
        client = telnyx_oauth.connect_anonymous(base_url=server.url, retry_policy=NO_BACKOFF)
        get_jwks.sync(client=client)
    assert len(server.targets) == 3


def test_connected_client_refuses_a_foreign_httpx_client() -> None:
    """set_httpx_client on a connected client raises instead of being silently ignored."""
    client = telnyx_oauth.connect("k")
    with pytest.raises(telnyx_oauth.ConfigurationError, match="transport="):
        client.set_httpx_client(httpx.Client())


def test_threads_racing_for_the_first_call_share_one_httpx_client(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Threads that make their first call together get the same httpx client, built once.

    A client built per thread would leak all but one of them with their connections. The
    build is held open until every thread has asked, so a missing lock shows as extra builds.
    """
    import threading

    from telnyx_oauth import _client as client_module

    threads_count = 8
    asked = threading.Semaphore(0)
    builds: list[int] = []
    real_build = client_module.Wiring._build_sync

    def slow_build(wiring: Any) -> httpx.Client:
        builds.append(1)
        for _ in range(threads_count):  # wait (bounded) until every thread has asked
            asked.acquire(timeout=5)
        return real_build(wiring)

    monkeypatch.setattr(client_module.Wiring, "_build_sync", slow_build)
    client = telnyx_oauth.connect("k", transport=httpx.MockTransport(lambda r: httpx.Response(204)))
    seen: list[httpx.Client] = []

    def first_call() -> None:
        asked.release()
        seen.append(client.get_httpx_client())

    threads = [threading.Thread(target=first_call) for _ in range(threads_count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(builds) == 1
    assert len({id(http) for http in seen}) == 1
    client.get_httpx_client().close()


def _html_ok(request: httpx.Request) -> httpx.Response:
    return httpx.Response(
        200, text="<html>Gateway login</html>", headers={"content-type": "text/html"}
    )


def test_success_that_is_not_json_is_a_typed_error() -> None:
    """A 200 whose body is an HTML page raises APIResponseValidationError naming the call."""
    from telnyx_oauth_api.api.oauth_clients import get_oauth_client

    client = connect(Recorder(_html_ok))
    with pytest.raises(telnyx_oauth.APIResponseValidationError) as caught:
        get_oauth_client.sync("abc", client=client)
    assert str(caught.value) == (
        "get_oauth_client: the 200 answer to GET https://api.test/v2/oauth_clients/abc "
        "is not JSON (text/html, 26 bytes)"
    )
    assert caught.value.operation == "get_oauth_client"
    assert caught.value.status_code == 200
    assert caught.value.response is not None
    assert caught.value.response.text == "<html>Gateway login</html>"


async def test_async_success_that_is_not_json_is_a_typed_error() -> None:
    """The async client raises the same typed error for a success that is not JSON."""
    from telnyx_oauth_api.api.oauth_clients import get_oauth_client

    client = connect(Recorder(_html_ok))
    with pytest.raises(telnyx_oauth.APIResponseValidationError, match="is not JSON"):
        await get_oauth_client.asyncio("abc", client=client)


def test_not_json_message_keeps_the_body_out() -> None:
    """The message never quotes the body: a token answer cut short could hold a secret."""
    from telnyx_oauth_api.api.oauth_clients import get_oauth_client

    leaked = '{"access_token": "at_secret_value", "tok'
    client = connect(Recorder(lambda r: httpx.Response(200, text=leaked)))
    with pytest.raises(telnyx_oauth.APIResponseValidationError) as caught:
        get_oauth_client.sync("abc", client=client)
    assert "at_secret_value" not in str(caught.value)
    assert "at_secret_value" not in repr(caught.value)
