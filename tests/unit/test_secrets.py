"""Secrets never show in a repr, an exception message or a log record."""

from __future__ import annotations

import logging

import httpx
import pytest

import telnyx_oauth
from tests._support.sleeps import Sleeps
from tests.unit._support import (
    ACCESS_TOKEN,
    API_KEY,
    CLIENT_ID,
    CLIENT_SECRET,
    REFRESH_TOKEN,
    Recorder,
    connect,
    connect_anonymous,
    json_response,
    oauth_client_json,
    token_body,
)

CODE = "authorization_code_secret_value"
SECRETS = (API_KEY, CLIENT_SECRET, ACCESS_TOKEN, REFRESH_TOKEN, CODE)


def _clean(text: str, *extra: str) -> bool:
    return not any(secret in text for secret in (*SECRETS, *extra))


def test_reprs_hide_secrets() -> None:
    """Auth objects, tokens, flows, requests and connected clients print no secret."""
    flow = telnyx_oauth.AuthorizationCodeFlow(
        connect_anonymous(Recorder(lambda r: httpx.Response(500))),
        client_id=CLIENT_ID,
        redirect_uri="https://app/cb",
        client_secret=CLIENT_SECRET,
    )
    request = flow.start()
    objects = [
        telnyx_oauth.ApiKeyAuth(API_KEY),
        telnyx_oauth.ClientCredentials(CLIENT_ID, CLIENT_SECRET),
        telnyx_oauth.Token(access_token=ACCESS_TOKEN, refresh_token=REFRESH_TOKEN),
        flow,
        request,
        telnyx_oauth.connect(API_KEY),
        telnyx_oauth.connect(API_KEY).get_httpx_client(),
    ]
    for obj in objects:
        assert _clean(repr(obj), request.code_verifier, request.state), type(obj).__name__
        assert _clean(str(obj), request.code_verifier, request.state), type(obj).__name__


def test_client_credentials_repr_keeps_client_id() -> None:
    """The client id (not a secret) stays visible for debugging."""
    assert CLIENT_ID in repr(telnyx_oauth.ClientCredentials(CLIENT_ID, CLIENT_SECRET))


def test_token_error_messages_hide_secrets() -> None:
    """A failed exchange's error names the problem, not the code, verifier or secret."""
    recorder = Recorder(lambda r: json_response(400, {"error": "invalid_grant"}))
    flow = telnyx_oauth.AuthorizationCodeFlow(
        connect_anonymous(recorder),
        client_id=CLIENT_ID,
        redirect_uri="https://app/cb",
        client_secret=CLIENT_SECRET,
    )
    request = flow.start()
    with pytest.raises(telnyx_oauth.BadRequestError) as caught:
        flow.exchange(request, {"code": CODE, "state": request.state})
    for text in (str(caught.value), repr(caught.value)):
        assert _clean(text, request.code_verifier)


def test_malformed_token_response_message_hides_body() -> None:
    """An invalid token response is described without quoting its body."""
    recorder = Recorder(lambda r: json_response(200, {"refresh_token": REFRESH_TOKEN}))
    flow = telnyx_oauth.AuthorizationCodeFlow(
        connect_anonymous(recorder), client_id=CLIENT_ID, redirect_uri="https://app/cb"
    )
    with pytest.raises(telnyx_oauth.APIResponseValidationError) as caught:
        flow.refresh(telnyx_oauth.Token(access_token=ACCESS_TOKEN, refresh_token=REFRESH_TOKEN))
    assert _clean(str(caught.value))


def test_token_storage_error_hides_token() -> None:
    """TokenStorageError carries the token but does not print it."""
    error = telnyx_oauth.TokenStorageError(
        telnyx_oauth.Token(access_token=ACCESS_TOKEN, refresh_token=REFRESH_TOKEN)
    )
    assert _clean(str(error))
    assert _clean(repr(error))


def test_logs_hide_secrets(caplog: pytest.LogCaptureFixture, sleeps: Sleeps) -> None:
    """At DEBUG, a whole session (token, retry, calls, exchange, refresh) logs no secret."""
    from telnyx_oauth_api.api.oauth_clients import get_oauth_client

    answers = iter([httpx.Response(503), json_response(200, token_body(ACCESS_TOKEN))])

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/v2/oauth/token":
            grant = request.content.decode()
            if "client_credentials" in grant:
                return next(answers)
            return json_response(200, token_body(ACCESS_TOKEN, refresh_token=REFRESH_TOKEN))
        return json_response(200, {"data": oauth_client_json("abc")})

    recorder = Recorder(handler)
    with caplog.at_level(logging.DEBUG):
        auth = telnyx_oauth.ClientCredentials(CLIENT_ID, CLIENT_SECRET)
        get_oauth_client.sync("abc", client=connect(recorder, sleeps, auth=auth))
        get_oauth_client.sync("abc", client=connect(recorder, sleeps, api_key=API_KEY))
        flow = telnyx_oauth.AuthorizationCodeFlow(
            connect_anonymous(recorder, sleeps),
            client_id=CLIENT_ID,
            redirect_uri="https://app/cb",
            client_secret=CLIENT_SECRET,
        )
        request = flow.start()
        token = flow.exchange(request, {"code": CODE, "state": request.state})
        flow.refresh(token)
    assert len(caplog.records) >= 5  # httpx's own request lines and our retry line
    for record in caplog.records:
        assert _clean(record.getMessage(), request.code_verifier), record.getMessage()


CONSENT_TOKEN = "consent_token_capability_secret"


def test_retry_log_hides_consent_token_in_path(
    caplog: pytest.LogCaptureFixture, sleeps: Sleeps
) -> None:
    """A retried consent lookup is logged with its path template, not the consent token."""
    from telnyx_oauth_api.api.oauth import get_consent_details

    answers = iter([httpx.Response(503), httpx.Response(404, json={"error": "not_found"})])
    recorder = Recorder(lambda r: next(answers))
    with (
        caplog.at_level(logging.DEBUG, logger="telnyx_oauth"),
        pytest.raises(telnyx_oauth.NotFoundError),
    ):
        get_consent_details.sync(CONSENT_TOKEN, client=connect(recorder, sleeps))
    messages = [r.getMessage() for r in caplog.records if r.name == "telnyx_oauth"]
    assert messages == [
        "Retrying GET https://api.test/v2/oauth/consent/{consent_token} in 0.50 seconds "
        "(retry 1 of 2) after status 503"
    ]


def test_httpx_request_log_hides_consent_token(caplog: pytest.LogCaptureFixture) -> None:
    """httpx's own "HTTP Request" line for a consent lookup shows the path template only."""
    from telnyx_oauth_api.api.oauth import get_consent_details

    recorder = Recorder(lambda r: httpx.Response(404, json={"error": "not_found"}))
    client = connect(recorder)
    with caplog.at_level(logging.INFO, logger="httpx"), pytest.raises(telnyx_oauth.NotFoundError):
        get_consent_details.sync(CONSENT_TOKEN, client=client)
    lines = [r.getMessage() for r in caplog.records if r.name == "httpx"]
    url = "https://api.test/v2/oauth/consent/{consent_token}"
    assert lines == [f'HTTP Request: GET {url} "HTTP/1.1 404 Not Found"']


def test_httpx_log_filter_leaves_other_requests_alone(caplog: pytest.LogCaptureFixture) -> None:
    """Other requests keep httpx's usual line, query string included."""
    from telnyx_oauth_api.api.oauth_clients import list_oauth_clients

    recorder = Recorder(lambda r: httpx.Response(200, json={"data": []}))
    with caplog.at_level(logging.INFO, logger="httpx"):
        list_oauth_clients.sync(client=connect(recorder), page_size=5)
    lines = [r.getMessage() for r in caplog.records if r.name == "httpx"]
    assert lines == [
        'HTTP Request: GET https://api.test/v2/oauth_clients?page%5Bsize%5D=5 "HTTP/1.1 200 OK"'
    ]


def test_non_json_success_message_hides_consent_token() -> None:
    """A consent lookup answered with HTML names the path template, not the consent token."""
    from telnyx_oauth_api.api.oauth import get_consent_details

    recorder = Recorder(
        lambda r: httpx.Response(200, text="<html></html>", headers={"content-type": "text/html"})
    )
    with pytest.raises(telnyx_oauth.APIResponseValidationError) as caught:
        get_consent_details.sync(CONSENT_TOKEN, client=connect(recorder))
    assert str(caught.value) == (
        "get_consent_details: the 200 answer to GET "
        "https://api.test/v2/oauth/consent/{consent_token} is not JSON (text/html, 13 bytes)"
    )


def test_retry_log_hides_userinfo_of_base_url(
    caplog: pytest.LogCaptureFixture, sleeps: Sleeps
) -> None:
    """A base URL with user:password logs its retries without them."""
    from telnyx_oauth_api.api.oauth_clients import get_oauth_client

    answers = iter([httpx.Response(503), json_response(200, {"data": oauth_client_json("abc")})])
    recorder = Recorder(lambda r: next(answers))
    client = connect(recorder, sleeps, base_url="https://proxyuser:proxy_password@api.test")
    with caplog.at_level(logging.INFO, logger="telnyx_oauth"):
        get_oauth_client.sync("abc", client=client)
    messages = [r.getMessage() for r in caplog.records if r.name == "telnyx_oauth"]
    assert len(messages) == 1
    assert "proxy_password" not in messages[0]
    assert messages[0].startswith("Retrying GET https://api.test/v2/oauth_clients/abc in ")
