"""The sandbox's access log names each answer by operation and never carries a secret."""

from __future__ import annotations

import logging

import httpx
import pytest
from starlette.types import Message

from telnyx_oauth_sandbox import SandboxApp
from tests.sandbox._helpers import (
    API_KEY,
    BEARER,
    consent_token,
    create_client,
    exchange,
    pkce_pair,
)


async def test_access_log_lines_name_operations_not_secrets(
    http: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    """A whole code flow logs one line per answer; no key, secret, token or code appears."""
    caplog.set_level(logging.DEBUG, logger="telnyx_oauth_sandbox")
    client = await create_client(http)
    verifier, challenge = pkce_pair()
    consent = await consent_token(http, client, challenge)
    details = await http.get(f"/v2/oauth/consent/{consent}", headers=BEARER)
    assert details.status_code == 200
    decision = await http.post(
        "/v2/oauth/grants", json={"consent_token": consent, "allowed": True}, headers=BEARER
    )
    code = httpx.URL(decision.json()["redirect_uri"]).params["code"]
    issued = (await exchange(http, client, code, verifier)).json()

    lines = [r.getMessage() for r in caplog.records if r.name == "telnyx_oauth_sandbox.access"]
    assert "GET get_consent_details 200" in lines
    assert "POST create_token 200" in lines
    assert "GET authorize 302" in lines
    secrets = [
        API_KEY,
        client["client_secret"],
        consent,
        code,
        verifier,
        issued["access_token"],
        issued["refresh_token"],
    ]
    text = "\n".join(r.getMessage() for r in caplog.records)
    assert [secret for secret in secrets if secret in text] == []


async def test_test_controls_are_logged_without_their_query(
    http: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    """A control is logged by its path only; the consent page's token stays out."""
    caplog.set_level(logging.INFO, logger="telnyx_oauth_sandbox")
    client = await create_client(http)
    consent = await consent_token(http, client, pkce_pair()[1])
    page = await http.get("/_sandbox/consent", params={"consent_token": consent})
    assert page.status_code == 200
    lines = [r.getMessage() for r in caplog.records if r.name == "telnyx_oauth_sandbox.access"]
    assert "GET /_sandbox/consent 200" in lines
    assert not any(consent in line for line in lines)


@pytest.mark.parametrize(("method", "suffix"), [("POST", ""), ("GET", "/"), ("GET", "/extra")])
async def test_unmatched_consent_paths_hide_the_token(
    http: httpx.AsyncClient, caplog: pytest.LogCaptureFixture, method: str, suffix: str
) -> None:
    """A consent path no operation matches (wrong method, extra segment) is logged and counted
    without its consent token."""
    caplog.set_level(logging.DEBUG, logger="telnyx_oauth_sandbox")
    client = await create_client(http)
    consent = await consent_token(http, client, pkce_pair()[1])
    response = await http.request(method, f"/v2/oauth/consent/{consent}{suffix}", headers=BEARER)
    assert response.status_code < 500
    stats = (await http.get("/_sandbox/stats", headers=BEARER)).json()
    lines = [r.getMessage() for r in caplog.records if r.name == "telnyx_oauth_sandbox.access"]
    assert f"{method} /v2/oauth/consent/{{consent_token}} {response.status_code}" in lines
    assert not any(consent in line for line in lines)
    assert not any(consent in key for key in stats["requests"])


async def test_client_disconnect_mid_body_is_one_info_line(
    app: SandboxApp, caplog: pytest.LogCaptureFixture
) -> None:
    """A client that hangs up halfway through its body costs one INFO line, no traceback, and
    no answer is attempted on the dead connection."""
    caplog.set_level(logging.DEBUG, logger="telnyx_oauth_sandbox")
    incoming: list[Message] = [
        {"type": "http.request", "body": b"grant_type=cl", "more_body": True},
        {"type": "http.disconnect"},
    ]
    sent: list[Message] = []

    async def receive() -> Message:
        return incoming.pop(0)

    async def send(message: Message) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/v2/oauth/token",
        "raw_path": b"/v2/oauth/token",
        "query_string": b"",
        "root_path": "",
        "headers": [
            (b"host", b"sandbox.test"),
            (b"content-type", b"application/x-www-form-urlencoded"),
            (b"content-length", b"100"),
        ],
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 80),
    }
    await app(scope, receive, send)
    assert sent == []
    records = [r for r in caplog.records if r.name.startswith("telnyx_oauth_sandbox")]
    assert [(r.levelno, r.getMessage()) for r in records] == [
        (logging.INFO, "POST create_token: the client disconnected before sending its whole body")
    ]
    assert records[0].exc_info is None
