"""Retry policy: per-operation safety, delays, and the sync and async retrying transports."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import UTC, datetime
from email.utils import format_datetime

import httpx
import pytest

import telnyx_oauth
from telnyx_oauth.retries import is_safe_to_retry, retry_delay, should_retry
from tests._support.sleeps import Sleeps
from tests.unit._support import API_KEY, Recorder, connect, json_response

FORM = {"content-type": "application/x-www-form-urlencoded"}


def _post(path: str, data: dict[str, str] | None = None, json: object = None) -> httpx.Request:
    return httpx.Request("POST", f"https://api.test{path}", data=data, json=json)


@pytest.mark.parametrize(
    ("request_", "safe"),
    [
        (httpx.Request("GET", "https://api.test/v2/oauth_clients"), True),
        (httpx.Request("PUT", "https://api.test/v2/oauth_clients/x"), True),
        (httpx.Request("DELETE", "https://api.test/v2/oauth_grants/x"), True),
        (httpx.Request("PATCH", "https://api.test/v2/oauth_clients/x"), False),
        (_post("/v2/oauth/introspect", {"token": "t"}), True),
        (_post("/v2/oauth/token", {"grant_type": "client_credentials"}), True),
        (_post("/v2/oauth/token", {"grant_type": "authorization_code", "code": "c"}), False),
        (_post("/v2/oauth/token", {"grant_type": "refresh_token"}), False),
        (_post("/v2/oauth/token", json={"grant_type": "client_credentials"}), False),
        (_post("/v2/oauth/register", json={}), False),
        (_post("/v2/oauth_clients", json={}), False),
        (_post("/v2/oauth/grants", json={"consent_token": "c", "allowed": True}), False),
    ],
)
def test_is_safe_to_retry(request_: httpx.Request, safe: bool) -> None:
    """Safety is decided per operation, not per method."""
    assert is_safe_to_retry(request_) is safe


GET = httpx.Request("GET", "https://api.test/v2/oauth_clients")
REGISTER = _post("/v2/oauth/register", json={})


@pytest.mark.parametrize(
    ("request_", "outcome", "retry"),
    [
        (GET, httpx.Response(408), True),
        (GET, httpx.Response(429), True),
        (GET, httpx.Response(500), True),
        (GET, httpx.Response(502), True),
        (GET, httpx.Response(503), True),
        (GET, httpx.Response(504), True),
        (GET, httpx.Response(400), False),
        (GET, httpx.Response(401), False),
        (GET, httpx.Response(501), False),
        (GET, httpx.ReadTimeout("t"), True),
        (GET, httpx.RemoteProtocolError("r"), True),
        (GET, httpx.UnsupportedProtocol("u"), False),
        (REGISTER, httpx.Response(429), True),
        (REGISTER, httpx.Response(503, headers={"retry-after": "1"}), True),
        (REGISTER, httpx.Response(503, headers={"retry-after-ms": "10"}), True),
        (REGISTER, httpx.Response(503), False),
        (REGISTER, httpx.Response(500), False),
        (REGISTER, httpx.Response(502, headers={"retry-after": "1"}), False),
        (REGISTER, httpx.Response(408), False),
        (REGISTER, httpx.ConnectError("c"), True),
        (REGISTER, httpx.ConnectTimeout("c"), True),
        (REGISTER, httpx.PoolTimeout("p"), True),
        (REGISTER, httpx.ReadTimeout("t"), False),
        (REGISTER, httpx.WriteError("w"), False),
        (REGISTER, httpx.RemoteProtocolError("r"), False),
    ],
)
def test_should_retry(
    request_: httpx.Request, outcome: httpx.Response | Exception, retry: bool
) -> None:
    """Unsafe operations are retried only when the request surely was not processed."""
    assert should_retry(request_, outcome) is retry


def test_streamed_body_is_never_retried() -> None:
    """A request whose body cannot be replayed is not retried, even a GET-safe one."""

    def chunks() -> Iterator[bytes]:
        yield b"x"

    request = httpx.Request("PUT", "https://api.test/v2/oauth_clients/x", content=chunks())
    assert should_retry(request, httpx.ConnectError("c")) is False


NOW = 1_700_000_000.0


@pytest.mark.parametrize(
    ("headers", "delay"),
    [
        ({"retry-after-ms": "1500", "retry-after": "9", "x-ratelimit-reset": "20"}, 1.5),
        ({"retry-after": "9", "x-ratelimit-reset": "20"}, 9.0),
        ({"retry-after": format_datetime(datetime.fromtimestamp(NOW + 4, UTC), usegmt=True)}, 4.0),
        ({"retry-after": format_datetime(datetime.fromtimestamp(NOW - 4, UTC), usegmt=True)}, 0.0),
        ({"x-ratelimit-reset": "20"}, 20.0),
        ({"x-ratelimit-reset": str(int(NOW + 3))}, 3.0),
        ({"retry-after": "soon", "x-ratelimit-reset": "2"}, 2.0),
        ({"retry-after": "-3"}, 0.5),
    ],
)
def test_retry_delay_precedence(headers: dict[str, str], delay: float) -> None:
    """retry-after-ms, then Retry-After (seconds or date), then x-ratelimit-reset, else backoff."""
    delay_after_429 = retry_delay(0, headers, NOW, rate_limited=True, random=lambda: 0.0)
    assert delay_after_429 == pytest.approx(delay)


def test_ratelimit_reset_is_not_the_wait_after_a_5xx() -> None:
    """Every answer carries x-ratelimit-reset; after a 5xx the delay is backoff, not the window."""
    headers = {"x-ratelimit-reset": "29", "x-ratelimit-remaining": "99"}
    assert retry_delay(0, headers, NOW, rate_limited=False, random=lambda: 0.0) == 0.5


@pytest.mark.parametrize(("attempt", "delay"), [(0, 0.5), (1, 1.0), (2, 2.0), (3, 4.0), (4, 8.0)])
def test_backoff_doubles_up_to_cap(attempt: int, delay: float) -> None:
    """Without server headers the delay doubles from 0.5 s and stops at 8 s."""
    assert retry_delay(attempt, {}, NOW, random=lambda: 0.0) == delay
    assert retry_delay(attempt + 10, {}, NOW, random=lambda: 0.0) == 8.0


def test_backoff_jitter_shortens_by_at_most_a_quarter() -> None:
    """Jitter multiplies the backoff by a factor in (0.75, 1]."""
    assert retry_delay(1, {}, NOW, random=lambda: 0.999999) == pytest.approx(0.75, abs=1e-5)


def test_too_long_server_delay_means_no_retry() -> None:
    """A server delay above the bound returns None (raise, do not park the caller)."""
    assert retry_delay(0, {"retry-after": "3600"}, NOW) is None


# -- the transports, through connect() --------------------------------------------------------


def _sequence(*responses: httpx.Response | Exception) -> Recorder:
    queue = list(responses)

    def handler(request: httpx.Request) -> httpx.Response:
        item = queue.pop(0)
        if isinstance(item, Exception):
            raise item
        return item

    return Recorder(handler)


def _clients_ok() -> httpx.Response:
    return json_response(200, {"data": [], "meta": {"total_pages": 0}})


def test_safe_request_retried_until_success(sleeps: Sleeps) -> None:
    """A GET answered 503, 502, 200 is sent three times with two backoff sleeps."""
    from telnyx_oauth_api.api.oauth_clients import list_oauth_clients

    recorder = _sequence(httpx.Response(503), httpx.Response(502), _clients_ok())
    client = connect(recorder, sleeps)
    result = list_oauth_clients.sync(client=client)
    assert result is not None
    assert len(recorder.requests) == 3
    assert sleeps.delays == [0.5, 1.0]


async def test_safe_request_retried_until_success_async(sleeps: Sleeps) -> None:
    """The async transport retries the same way, with the injected async sleep."""
    from telnyx_oauth_api.api.oauth_clients import list_oauth_clients

    recorder = _sequence(httpx.ConnectError("c"), httpx.ReadTimeout("t"), _clients_ok())
    client = connect(recorder, sleeps)
    assert await list_oauth_clients.asyncio(client=client) is not None
    assert len(recorder.requests) == 3
    assert sleeps.delays == [0.5, 1.0]


def test_retries_exhausted_raises_last_status(sleeps: Sleeps) -> None:
    """After max_retries the last error response is raised as a typed error."""
    from telnyx_oauth_api.api.oauth_clients import list_oauth_clients

    recorder = _sequence(*(httpx.Response(500) for _ in range(3)))
    client = connect(recorder, sleeps)
    with pytest.raises(telnyx_oauth.InternalServerError):
        list_oauth_clients.sync(client=client)
    assert len(recorder.requests) == 3
    assert len(sleeps.delays) == 2


def test_max_retries_zero(sleeps: Sleeps) -> None:
    """max_retries=0 sends once."""
    from telnyx_oauth_api.api.oauth_clients import list_oauth_clients

    recorder = _sequence(httpx.Response(503))
    client = connect(recorder, sleeps, max_retries=0)
    with pytest.raises(telnyx_oauth.InternalServerError):
        list_oauth_clients.sync(client=client)
    assert len(recorder.requests) == 1
    assert sleeps.delays == []


def test_unsafe_request_not_retried_on_502(sleeps: Sleeps) -> None:
    """Register answered 502 is raised at once: it may have been processed."""
    from telnyx_oauth_api.api.oauth import register_client
    from telnyx_oauth_api.models import RegistrationRequest

    recorder = _sequence(httpx.Response(502), httpx.Response(201))
    client = connect(recorder, sleeps)
    with pytest.raises(telnyx_oauth.InternalServerError):
        register_client.sync(client=client, body=RegistrationRequest(client_name="x"))
    assert len(recorder.requests) == 1
    assert sleeps.delays == []


def test_unsafe_request_not_retried_on_read_timeout(sleeps: Sleeps) -> None:
    """Create-client that timed out reading is raised as APITimeoutError, never resent."""
    from telnyx_oauth_api.api.oauth_clients import create_oauth_client
    from telnyx_oauth_api.models import ClientType, GrantType, OAuthClientCreateRequest

    recorder = _sequence(httpx.ReadTimeout("slow"))
    client = connect(recorder, sleeps)
    body = OAuthClientCreateRequest(
        name="x",
        allowed_scopes=["admin"],
        client_type=ClientType.CONFIDENTIAL,
        allowed_grant_types=[GrantType.CLIENT_CREDENTIALS],
    )
    with pytest.raises(telnyx_oauth.APITimeoutError) as caught:
        create_oauth_client.sync(client=client, body=body)
    assert isinstance(caught.value.__cause__, httpx.ReadTimeout)
    assert len(recorder.requests) == 1


def test_unsafe_request_retried_on_connect_error(sleeps: Sleeps) -> None:
    """Consent that failed to connect is retried: it never reached the server."""
    from telnyx_oauth_api.api.oauth import submit_consent
    from telnyx_oauth_api.models import ConsentDecisionRequest

    recorder = _sequence(
        httpx.ConnectError("refused"), json_response(200, {"redirect_uri": "https://app/cb"})
    )
    client = connect(recorder, sleeps)
    result = submit_consent.sync(
        client=client, body=ConsentDecisionRequest(consent_token="ct", allowed=True)
    )
    assert result is not None
    assert len(recorder.requests) == 2
    assert sleeps.delays == [0.5]


def test_unsafe_request_retried_on_503_with_retry_after(sleeps: Sleeps) -> None:
    """Register answered 503 with Retry-After: 2 waits 2 s and retries once."""
    from telnyx_oauth_api.api.oauth import register_client
    from telnyx_oauth_api.models import RegistrationRequest

    recorder = _sequence(
        httpx.Response(503, headers={"retry-after": "2"}),
        json_response(201, {"client_id": "c", "client_id_issued_at": 1}),
    )
    client = connect(recorder, sleeps)
    register_client.sync(client=client, body=RegistrationRequest(client_name="x"))
    assert len(recorder.requests) == 2
    assert sleeps.delays == [2.0]


def test_5xx_backs_off_despite_ratelimit_reset(sleeps: Sleeps) -> None:
    """A 503 carrying the gateway's x-ratelimit-reset backs off; it does not wait out the window."""
    from telnyx_oauth_api.api.oauth_clients import list_oauth_clients

    recorder = _sequence(
        json_response(503, {"errors": [{"code": "90001"}]}, {"x-ratelimit-reset": "29"}),
        _clients_ok(),
    )
    client = connect(recorder, sleeps)
    list_oauth_clients.sync(client=client)
    assert len(recorder.requests) == 2
    assert sleeps.delays == [0.5]


def test_429_uses_ratelimit_reset(sleeps: Sleeps) -> None:
    """A Telnyx 429 without Retry-After waits x-ratelimit-reset seconds."""
    from telnyx_oauth_api.api.oauth_clients import list_oauth_clients

    recorder = _sequence(
        json_response(429, {"errors": [{"code": "10011"}]}, {"x-ratelimit-reset": "3"}),
        _clients_ok(),
    )
    client = connect(recorder, sleeps)
    list_oauth_clients.sync(client=client)
    assert len(recorder.requests) == 2
    assert sleeps.delays == [3.0]


def test_429_with_long_delay_raises_at_once(sleeps: Sleeps) -> None:
    """A 429 asking for an hour is raised without sleeping; the error carries the delay."""
    from telnyx_oauth_api.api.oauth_clients import list_oauth_clients

    recorder = _sequence(json_response(429, {}, {"retry-after": "3600"}))
    client = connect(recorder, sleeps)
    with pytest.raises(telnyx_oauth.RateLimitError) as caught:
        list_oauth_clients.sync(client=client)
    assert caught.value.retry_after == 3600.0
    assert len(recorder.requests) == 1
    assert sleeps.delays == []


async def test_async_unsafe_not_retried_on_500(sleeps: Sleeps) -> None:
    """The async transport applies the unsafe rule too."""
    from telnyx_oauth_api.api.oauth import register_client
    from telnyx_oauth_api.models import RegistrationRequest

    recorder = _sequence(httpx.Response(500))
    client = connect(recorder, sleeps)
    with pytest.raises(telnyx_oauth.InternalServerError):
        await register_client.asyncio(client=client, body=RegistrationRequest(client_name="x"))
    assert len(recorder.requests) == 1
    assert sleeps.delays == []


def test_retry_log_has_no_secret(sleeps: Sleeps, caplog: pytest.LogCaptureFixture) -> None:
    """A retry is logged at INFO with method, URL path and reason, and no credentials."""
    from telnyx_oauth_api.api.oauth_clients import list_oauth_clients

    recorder = _sequence(httpx.Response(503), _clients_ok())
    client = connect(recorder, sleeps)
    with caplog.at_level(logging.DEBUG):
        list_oauth_clients.sync(client=client, filter_name_contains="abc")
    messages = [r.getMessage() for r in caplog.records if r.name == "telnyx_oauth"]
    assert messages == [
        "Retrying GET https://api.test/v2/oauth_clients in 0.50 seconds (retry 1 of 2) "
        "after status 503"
    ]
    assert all(API_KEY not in r.getMessage() for r in caplog.records)


def test_negative_max_retries_rejected() -> None:
    """RetryTransport refuses a negative retry budget."""
    with pytest.raises(ValueError, match="max_retries"):
        telnyx_oauth.retries.RetryTransport(
            httpx.MockTransport(lambda r: httpx.Response(200)), max_retries=-1
        )


# -- what an auth flow learns of a request it yielded --------------------------------------------


def _noting_request() -> tuple[httpx.Request, telnyx_oauth._retries.TransportFailure]:
    from telnyx_oauth._retries import TRANSPORT_FAILURE_EXTENSION, TransportFailure

    failure = TransportFailure()
    request = _post("/v2/oauth/token", {"grant_type": "client_credentials"})
    request.extensions[TRANSPORT_FAILURE_EXTENSION] = failure
    return request, failure


def _refuse(request: httpx.Request) -> httpx.Response:
    raise httpx.ConnectError("[Errno 111] Connection refused", request=request)


def test_the_error_that_ends_the_retries_is_noted(sleeps: Sleeps) -> None:
    """A request carrying a TransportFailure gets the last transport error noted in it, the one
    the transport raises after its retries (httpx never shows it to an auth flow)."""
    request, failure = _noting_request()
    transport = telnyx_oauth.retries.RetryTransport(httpx.MockTransport(_refuse), sleep=sleeps)
    with pytest.raises(httpx.ConnectError) as caught:
        transport.handle_request(request)
    assert failure.error is caught.value
    assert len(sleeps.delays) == 2


async def test_the_error_that_ends_the_retries_is_noted_async(sleeps: Sleeps) -> None:
    """The async transport notes it too."""
    request, failure = _noting_request()
    transport = telnyx_oauth.retries.AsyncRetryTransport(
        httpx.MockTransport(_refuse), sleep=sleeps.asleep, max_retries=0
    )
    with pytest.raises(httpx.ConnectError) as caught:
        await transport.handle_async_request(request)
    assert failure.error is caught.value


@pytest.mark.parametrize(
    ("outcome", "untouched"),
    [
        (httpx.ConnectError("refused"), True),
        (httpx.ConnectTimeout("timed out"), True),
        (httpx.PoolTimeout("timed out"), True),
        (httpx.ReadTimeout("timed out"), False),
        (httpx.RemoteProtocolError("peer closed"), False),
        (httpx.Response(429), True),
        (httpx.Response(503, headers={"retry-after": "1"}), True),
        (httpx.Response(503), False),
        (httpx.Response(500), False),
        (httpx.Response(400), False),
    ],
)
def test_not_processed(outcome: httpx.Response | Exception, untouched: bool) -> None:
    """Only an error before any byte was sent, a 429, or a 503 with Retry-After prove the
    server did not act on a request."""
    from telnyx_oauth._retries import not_processed

    assert not_processed(outcome) is untouched
