"""A failed code exchange says what happened and whether the same authorization request can be
exchanged again, against the sandbox, with the token requests counted on the server."""

from __future__ import annotations

import httpx
import pytest

from bench._ports import free_port
from telnyx_oauth import (
    APIConnectionError,
    AuthorizationCodeFlow,
    AuthorizationRequestUsedError,
    InternalServerError,
    RateLimitError,
    StateMismatchError,
    connect_anonymous,
)
from telnyx_oauth.retries import RetryTransport
from telnyx_oauth_api import AuthenticatedClient, Client
from telnyx_oauth_sandbox import SandboxControls
from tests._support.sleeps import Sleeps
from tests.e2e._flows import REDIRECT_URI, SCOPES, consent, create_client, flow_for, secret_of

TOKEN = "/v2/oauth/token"


def test_an_exchange_that_may_have_reached_the_server_spends_the_request(
    api: AuthenticatedClient, anon: Client, controls: SandboxControls
) -> None:
    """A 500 from the token endpoint: the error says the code may be spent, and a second
    exchange says the request was used by that failed exchange, without a token request."""
    flow = flow_for(anon, create_client(api))
    request = flow.start()
    callback = consent(api, anon, request.url)
    controls.fault(method="POST", path=TOKEN, count=1, status=500)
    with pytest.raises(InternalServerError) as failed:
        flow.exchange(request, callback)
    assert str(failed.value).endswith(
        "; the code may be spent: start a new authorization with start()"
    )
    assert request.used
    with pytest.raises(AuthorizationRequestUsedError) as again:
        flow.exchange(request, callback)
    assert str(again.value) == (
        "this authorization request was already used by an exchange that failed "
        "(InternalServerError) after its code may have reached the server; a code is "
        "single-use: start a new authorization"
    )
    assert isinstance(again.value, StateMismatchError)  # code catching the old error still works
    assert controls.requests("POST", TOKEN) == 1


def test_an_exchange_that_never_connected_can_be_tried_again(
    api: AuthenticatedClient, anon: Client, controls: SandboxControls, sleeps: Sleeps
) -> None:
    """The token endpoint unreachable (connection refused, after the retries): the request is
    not used up, the error says so, and the same request is exchanged once the server answers."""
    oauth_client = create_client(api)
    flow = flow_for(anon, oauth_client)
    unreachable = AuthorizationCodeFlow(
        connect_anonymous(
            base_url=f"http://127.0.0.1:{free_port()}",
            transport=RetryTransport(httpx.HTTPTransport(), sleep=sleeps),
        ),
        client_id=oauth_client.client_id,
        client_secret=secret_of(oauth_client),
        redirect_uri=REDIRECT_URI,
        scope=SCOPES,
    )
    request = flow.start()
    callback = consent(api, anon, request.url)
    with pytest.raises(APIConnectionError) as failed:
        unreachable.exchange(request, callback)
    assert "Connection refused" in str(failed.value)
    assert str(failed.value).endswith(
        "; the code never reached the server: exchange the same request again"
    )
    assert not request.used
    assert request.used_by is None
    token = flow.exchange(request, callback)
    assert token.access_token
    assert controls.token_requests("authorization_code") == 1


def test_a_rate_limited_exchange_can_be_tried_again(
    api: AuthenticatedClient, anon: Client, controls: SandboxControls, sleeps: Sleeps
) -> None:
    """A 429 on every attempt (the server rejects before handling): the request stays usable."""
    flow = flow_for(anon, create_client(api))
    request = flow.start()
    callback = consent(api, anon, request.url)
    controls.fault(method="POST", path=TOKEN, count=3, status=429, retry_after=1)
    with pytest.raises(RateLimitError) as failed:
        flow.exchange(request, callback)
    assert "exchange the same request again" in str(failed.value)
    assert not request.used
    assert flow.exchange(request, callback).access_token
    assert controls.requests("POST", TOKEN) == 4
