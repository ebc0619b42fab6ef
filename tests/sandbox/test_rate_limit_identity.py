"""Whose budget a request spends: only credentials the sandbox verified get their own."""

from __future__ import annotations

import httpx

from tests.sandbox._helpers import BEARER, bearer, create_client


async def test_made_up_bearer_headers_share_the_address_budget(http: httpx.AsyncClient) -> None:
    """Unauthenticated token calls with a fresh random Bearer each still run out: they spend
    the budget of their address."""
    await http.post("/_sandbox/rate-limit", json={"limit": 3}, headers=BEARER)
    statuses = [
        (
            await http.post(
                "/v2/oauth/token",
                data={"grant_type": "client_credentials"},
                headers=bearer(f"random-{index}"),
            )
        ).status_code
        for index in range(4)
    ]
    assert statuses == [401, 401, 401, 429]


async def test_verified_credentials_have_their_own_budget(http: httpx.AsyncClient) -> None:
    """The API key and a client whose Basic credentials verify each get their own budget; a
    wrong secret spends the address's."""
    client = await create_client(http)
    await http.post("/_sandbox/rate-limit", json={"limit": 1}, headers=BEARER)
    assert (await http.get("/v2/oauth/jwks")).status_code == 200
    assert (await http.get("/v2/oauth/jwks")).status_code == 429
    assert (await http.get("/v2/oauth/jwks", headers=BEARER)).status_code == 200
    basic = (client["client_id"], client["client_secret"])
    assert (await http.get("/v2/oauth/jwks", auth=basic)).status_code == 200
    wrong = (client["client_id"], "wrong")
    assert (await http.get("/v2/oauth/jwks", auth=wrong)).status_code == 429
