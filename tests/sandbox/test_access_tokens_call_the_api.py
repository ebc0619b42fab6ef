"""Access tokens the sandbox issued call the API, as on Telnyx; the test controls stay key-only."""

from __future__ import annotations

from datetime import datetime, timedelta

import httpx

from tests.sandbox._helpers import BEARER, access_token, advance, create_client, tokens


async def test_client_credentials_token_lists_clients(http: httpx.AsyncClient) -> None:
    """A client-credentials access token is accepted as the bearer of a management call."""
    client = await create_client(http)
    token = await access_token(http, client)
    response = await http.get("/v2/oauth_clients", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200
    assert [c["client_id"] for c in response.json()["data"]] == [client["client_id"]]


async def test_expired_access_token_is_refused(http: httpx.AsyncClient) -> None:
    """Once expired, the same token gets 401 invalid_token."""
    client = await create_client(http)
    token = await access_token(http, client)
    await advance(http, 3601)
    response = await http.get("/v2/oauth_clients", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 401
    assert response.json()["error"] == "invalid_token"


async def test_refresh_token_is_not_an_access_token(http: httpx.AsyncClient) -> None:
    """A refresh token cannot call the API."""
    client = await create_client(http)
    issued = await tokens(http, client)
    bearer = {"Authorization": f"Bearer {issued['refresh_token']}"}
    response = await http.get("/v2/oauth_clients", headers=bearer)
    assert response.status_code == 401


async def test_using_a_grant_token_marks_the_grant_used(http: httpx.AsyncClient) -> None:
    """A call with an authorization-code token moves its grant's last_used_at to now."""
    client = await create_client(http)
    issued = await tokens(http, client)
    (before,) = (await http.get("/v2/oauth_grants", headers=BEARER)).json()["data"]
    await advance(http, 60)
    bearer = {"Authorization": f"Bearer {issued['access_token']}"}
    assert (await http.get(f"/v2/oauth_clients/{client['client_id']}", headers=bearer)).is_success
    (after,) = (await http.get("/v2/oauth_grants", headers=BEARER)).json()["data"]
    moved = datetime.fromisoformat(after["last_used_at"]) - datetime.fromisoformat(
        before["last_used_at"]
    )
    assert moved >= timedelta(seconds=60)


async def test_test_controls_refuse_access_tokens(http: httpx.AsyncClient) -> None:
    """/_sandbox/ controls take the API key only: an access token cannot reset the sandbox."""
    client = await create_client(http)
    token = await access_token(http, client)
    response = await http.post("/_sandbox/reset", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 401
