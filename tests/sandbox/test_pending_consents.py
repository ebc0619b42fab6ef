"""Authorization requests waiting for consent: anyone can start one, so expired ones are
forgotten as new ones arrive, and only so many may wait at once."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from telnyx_oauth_sandbox import SandboxApp, create_app
from telnyx_oauth_sandbox._constants import CONSENT_TOKEN_LIFETIME_SECONDS, MAX_PENDING_CONSENTS
from tests.sandbox._helpers import (
    API_KEY,
    BEARER,
    ISSUER,
    REDIRECT_URI,
    advance,
    authorize_params,
    create_client,
)

LIMIT = 3


@pytest.fixture
def small_app() -> SandboxApp:
    return create_app(api_key=API_KEY, issuer=ISSUER, max_pending_consents=LIMIT)


@pytest.fixture
async def small(small_app: SandboxApp) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=small_app, client=("127.0.0.1", 50000))
    async with httpx.AsyncClient(transport=transport, base_url=ISSUER) as client:
        yield client


async def _authorize(http: httpx.AsyncClient, client: dict[str, str]) -> httpx.URL:
    params = authorize_params(client, None, state="x" * 4096)
    response = await http.get("/v2/oauth/authorize", params=params)
    assert response.status_code == 302, response.text
    return httpx.URL(response.headers["location"])


def test_the_default_bound() -> None:
    """By default, 10,000 requests may wait (the README says so)."""
    assert MAX_PENDING_CONSENTS == 10_000
    app = create_app(api_key=API_KEY, issuer=ISSUER)
    assert app.runtime.consents.max_pending == MAX_PENDING_CONSENTS


async def test_expired_requests_are_forgotten(http: httpx.AsyncClient, app: SandboxApp) -> None:
    """Once the clock passes their expiry, the next authorization request frees them all."""
    client = await create_client(http)
    for _ in range(20):
        await _authorize(http, client)
    assert len(app.runtime.consents) == 20
    await advance(http, CONSENT_TOKEN_LIFETIME_SECONDS)
    await _authorize(http, client)
    assert len(app.runtime.consents) == 1


async def test_live_requests_are_kept(http: httpx.AsyncClient, app: SandboxApp) -> None:
    """Forgetting stops at the first request still live: newer ones survive and can be decided."""
    client = await create_client(http)
    await _authorize(http, client)
    await advance(http, CONSENT_TOKEN_LIFETIME_SECONDS - 100)
    kept = (await _authorize(http, client)).params["consent_token"]
    await advance(http, 100)
    await _authorize(http, client)
    assert len(app.runtime.consents) == 2
    decision = await http.post(
        "/v2/oauth/grants", json={"consent_token": kept, "allowed": True}, headers=BEARER
    )
    assert decision.status_code == 200


async def test_beyond_the_bound_the_browser_goes_back_unavailable(
    small: httpx.AsyncClient, small_app: SandboxApp
) -> None:
    """With the bound reached, authorize sends the browser back to the client with
    ``temporarily_unavailable`` and its state (RFC 6749 4.1.2.1); a decision makes room."""
    client = await create_client(small)
    waiting = [await _authorize(small, client) for _ in range(LIMIT)]
    assert all(url.path == "/_sandbox/consent" for url in waiting)
    refused = await _authorize(small, client)
    assert str(refused.copy_with(query=None)) == REDIRECT_URI
    assert refused.params["error"] == "temporarily_unavailable"
    assert refused.params["state"] == "x" * 4096
    assert len(small_app.runtime.consents) == LIMIT
    token = waiting[0].params["consent_token"]
    await small.post(
        "/v2/oauth/grants", json={"consent_token": token, "allowed": False}, headers=BEARER
    )
    assert (await _authorize(small, client)).path == "/_sandbox/consent"


async def test_expiry_makes_room_too(small: httpx.AsyncClient) -> None:
    """A full sandbox takes new requests again once the waiting ones expire."""
    client = await create_client(small)
    for _ in range(LIMIT):
        await _authorize(small, client)
    await advance(small, CONSENT_TOKEN_LIFETIME_SECONDS)
    assert (await _authorize(small, client)).path == "/_sandbox/consent"
