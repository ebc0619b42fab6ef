"""Retries and their limits under faults injected into the sandbox, counted on the server side.

The retry transports sleep through the ``sleeps`` recorder (see conftest), so nothing waits; the
recorded delays show what the overlay would have waited.
"""

from __future__ import annotations

import httpx
import pytest

from telnyx_oauth import APIConnectionError, InternalServerError, RateLimitError, connect
from telnyx_oauth.retries import RetryTransport
from telnyx_oauth_api import AuthenticatedClient, Client
from telnyx_oauth_api.api.oauth import introspect_token
from telnyx_oauth_api.api.oauth_clients import create_oauth_client, list_oauth_clients
from telnyx_oauth_api.models import (
    GrantType,
    IntrospectRequest,
    OAuthClientListResponse,
)
from telnyx_oauth_sandbox import SandboxControls, SandboxServer
from tests._support.sleeps import Sleeps
from tests.e2e._flows import (
    client_request,
    consent,
    create_client,
    flow_for,
)

CLIENTS = "/v2/oauth_clients"
TOKEN = "/v2/oauth/token"


def _listed(api: AuthenticatedClient) -> OAuthClientListResponse:
    return list_oauth_clients.sync(client=api)


def _total(api: AuthenticatedClient) -> int | None:
    """How many clients the account holds, by the list's meta."""
    meta = _listed(api).meta
    assert meta, "the list answer carries no meta"
    return meta.total_results or None


def test_get_retried_through_two_503s(
    api: AuthenticatedClient, controls: SandboxControls, sleeps: Sleeps
) -> None:
    """Two 503s on a GET: three requests reach the server and the third succeeds."""
    controls.fault(method="GET", path=CLIENTS, count=2, status=503)
    _listed(api)
    assert controls.requests("GET", CLIENTS) == 3
    assert len(sleeps.delays) == 2


def test_backoff_grows_between_retries(
    api: AuthenticatedClient, controls: SandboxControls, sleeps: Sleeps
) -> None:
    """Without a server-given delay, the second wait is longer than the first (backoff)."""
    controls.fault(method="GET", path=CLIENTS, count=2, status=500)
    _listed(api)
    first, second = sleeps.delays
    assert 0 < first < second


def test_get_gives_up_after_max_retries(
    api: AuthenticatedClient, controls: SandboxControls, sleeps: Sleeps
) -> None:
    """Three 503s exceed the two retries: the third 503 is raised after three requests."""
    controls.fault(method="GET", path=CLIENTS, count=3, status=503)
    with pytest.raises(InternalServerError) as caught:
        _listed(api)
    assert caught.value.status_code == 503
    assert controls.requests("GET", CLIENTS) == 3


def test_max_retries_zero_sends_once(sandbox: SandboxServer, controls: SandboxControls) -> None:
    """``max_retries=0`` turns retries off: one request, one error."""
    controls.fault(method="GET", path=CLIENTS, count=1, status=503)
    transport = RetryTransport(httpx.HTTPTransport(), max_retries=0, sleep=Sleeps())
    with (
        connect(sandbox.api_key, base_url=sandbox.base_url, transport=transport) as api,
        pytest.raises(InternalServerError),
    ):
        _listed(api)
    assert controls.requests("GET", CLIENTS) == 1


def test_server_retry_after_is_obeyed(
    api: AuthenticatedClient, controls: SandboxControls, sleeps: Sleeps
) -> None:
    """A 503 with ``Retry-After: 2`` makes the overlay wait exactly 2 seconds."""
    controls.fault(method="GET", path=CLIENTS, count=1, status=503, retry_after=2)
    _listed(api)
    assert sleeps.delays == [2.0]


def test_create_client_not_retried_on_bare_503(
    api: AuthenticatedClient, controls: SandboxControls, sleeps: Sleeps
) -> None:
    """POST create client with a 503 and no Retry-After: one request, error raised, no wait."""
    controls.fault(method="POST", path=CLIENTS, count=1, status=503)
    with pytest.raises(InternalServerError):
        create_oauth_client.sync(client=api, body=client_request())
    assert controls.requests("POST", CLIENTS) == 1
    assert sleeps.delays == []


def test_create_client_retried_on_503_with_retry_after(
    api: AuthenticatedClient, controls: SandboxControls, sleeps: Sleeps
) -> None:
    """A 503 with Retry-After says the request was not processed: create is retried once."""
    controls.fault(method="POST", path=CLIENTS, count=1, status=503, retry_after=1)
    create_oauth_client.sync(client=api, body=client_request())
    assert controls.requests("POST", CLIENTS) == 2
    assert sleeps.delays == [1.0]
    assert _total(api) == 1


def test_create_client_retried_on_429(
    api: AuthenticatedClient, controls: SandboxControls, sleeps: Sleeps
) -> None:
    """A 429 happens before the request is handled, so even create is retried."""
    controls.fault(method="POST", path=CLIENTS, count=1, status=429)
    create_oauth_client.sync(client=api, body=client_request())
    assert controls.requests("POST", CLIENTS) == 2
    assert len(sleeps.delays) == 1


def test_dropped_connection_on_get_retried(
    api: AuthenticatedClient, controls: SandboxControls
) -> None:
    """A GET whose connection drops without an answer is sent again and succeeds."""
    controls.fault(method="GET", path=CLIENTS, count=1, drop_connection=True)
    _listed(api)
    assert controls.requests("GET", CLIENTS) == 2


def test_dropped_connection_on_create_not_retried(
    api: AuthenticatedClient, controls: SandboxControls
) -> None:
    """A POST create whose connection drops may have been processed: raised, not repeated."""
    controls.fault(method="POST", path=CLIENTS, count=1, drop_connection=True)
    with pytest.raises(APIConnectionError):
        create_oauth_client.sync(client=api, body=client_request())
    assert controls.requests("POST", CLIENTS) == 1


def test_code_exchange_not_retried_on_502(
    api: AuthenticatedClient, anon: Client, controls: SandboxControls
) -> None:
    """The authorization-code exchange (single-use code) is never repeated after a 502."""
    flow = flow_for(anon, create_client(api))
    request = flow.start()
    callback = consent(api, anon, request.url)
    controls.fault(method="POST", path=TOKEN, count=1, status=502)
    with pytest.raises(InternalServerError):
        flow.exchange(request, callback)
    assert controls.token_requests("authorization_code") == 0
    assert controls.requests("POST", TOKEN) == 1


def test_introspection_retried(api: AuthenticatedClient, controls: SandboxControls) -> None:
    """Introspection is read-only, so a POST to it is retried like a GET."""
    controls.fault(method="POST", path="/v2/oauth/introspect", count=2, status=503)
    result = introspect_token.sync(client=api, body=IntrospectRequest(token="unknown"))
    assert result.active is False
    assert controls.requests("POST", "/v2/oauth/introspect") == 3


def test_client_credentials_token_retried(
    api: AuthenticatedClient, sandbox: SandboxServer, controls: SandboxControls, sleeps: Sleeps
) -> None:
    """A client-credentials token request is safe to repeat: retried through a 503."""
    from telnyx_oauth import ClientCredentials
    from telnyx_oauth_api.api.oauth import get_jwks

    client = create_client(api, grant_types=[GrantType.CLIENT_CREDENTIALS])
    auth = ClientCredentials(client.client_id, str(client.client_secret))
    controls.fault(method="POST", path=TOKEN, count=1, status=503)
    transport = RetryTransport(httpx.HTTPTransport(), sleep=sleeps)
    with connect(auth=auth, base_url=sandbox.base_url, transport=transport) as machine:
        get_jwks.sync(client=machine)
    assert controls.requests("POST", TOKEN) == 2
    assert controls.token_requests("client_credentials") == 1


async def test_async_get_retried_through_two_503s(
    aapi: AuthenticatedClient, controls: SandboxControls, sleeps: Sleeps
) -> None:
    """The async transport retries the same way: three requests, two recorded waits."""
    controls.fault(method="GET", path=CLIENTS, count=2, status=503)
    await list_oauth_clients.asyncio(client=aapi)
    assert controls.requests("GET", CLIENTS) == 3
    assert len(sleeps.delays) == 2


async def test_async_create_not_retried_on_bare_503(
    aapi: AuthenticatedClient, controls: SandboxControls
) -> None:
    """Async create with a bare 503: one request, error raised."""
    controls.fault(method="POST", path=CLIENTS, count=1, status=503)
    with pytest.raises(InternalServerError):
        await create_oauth_client.asyncio(client=aapi, body=client_request())
    assert controls.requests("POST", CLIENTS) == 1


def test_rate_limit_exhausted_raises_typed_error(
    api: AuthenticatedClient, controls: SandboxControls, sleeps: Sleeps
) -> None:
    """A spent quota: two retries wait for the window, then ``RateLimitError`` with its headers."""
    controls.set_rate_limit(1, window_seconds=60)
    _listed(api)
    with pytest.raises(RateLimitError) as caught:
        _listed(api)
    assert (caught.value.limit, caught.value.remaining) == (1, 0)
    assert caught.value.errors[0].code == "10011"
    assert controls.requests("GET", CLIENTS) == 4
    assert len(sleeps.delays) == 2
    assert all(0 < delay <= 60 for delay in sleeps.delays)


def test_rate_limit_wait_follows_window_reset(
    sandbox: SandboxServer, controls: SandboxControls
) -> None:
    """Waiting what ``x-ratelimit-reset`` says (on the sandbox clock) is enough to get through."""
    controls.set_rate_limit(1, window_seconds=60)
    waited: list[float] = []

    def sleep_on_sandbox_clock(seconds: float) -> None:
        waited.append(seconds)
        controls.advance_clock(seconds)

    transport = RetryTransport(httpx.HTTPTransport(), sleep=sleep_on_sandbox_clock)
    with connect(sandbox.api_key, base_url=sandbox.base_url, transport=transport) as api:
        _listed(api)
        _listed(api)
    assert len(waited) == 1
    assert controls.requests("GET", CLIENTS) == 3
