"""Narrowing a client's ``allowed_scopes`` narrows what its tokens can do, at once: live tokens
(introspection, API calls) and every refresh."""

from __future__ import annotations

from typing import Any

import httpx

from tests.sandbox._helpers import (
    BEARER,
    access_token,
    bearer,
    create_client,
    introspect,
    refresh,
    tokens,
)


async def _narrow(http: httpx.AsyncClient, client: dict[str, Any], scopes: list[str]) -> None:
    response = await http.put(
        f"/v2/oauth_clients/{client['client_id']}", json={"allowed_scopes": scopes}, headers=BEARER
    )
    assert response.status_code == 200, response.text


async def test_refresh_narrows_to_the_clients_current_scopes(http: httpx.AsyncClient) -> None:
    """After allowed_scopes shrinks to numbers.read, a refresh keeps only numbers.read, and
    asking for the removed scope is invalid_scope."""
    client = await create_client(http, allowed_scopes=["messaging.write", "numbers.read"])
    issued = await tokens(http, client)
    await _narrow(http, client, ["numbers.read"])
    refreshed = await refresh(http, client, issued["refresh_token"])
    assert (refreshed.status_code, refreshed.json()["scope"]) == (200, "numbers.read")
    wider = await refresh(http, client, refreshed.json()["refresh_token"], scope="messaging.write")
    assert wider.json()["error"] == "invalid_scope"


async def test_refresh_with_no_scope_left_is_invalid_scope(http: httpx.AsyncClient) -> None:
    """When the client is allowed none of the token's scopes any more, a refresh is refused."""
    client = await create_client(http, allowed_scopes=["messaging.write"])
    issued = await tokens(http, client)
    await _narrow(http, client, ["calls.read"])
    response = await refresh(http, client, issued["refresh_token"])
    assert (response.status_code, response.json()["error"]) == (400, "invalid_scope")


async def test_held_tokens_lose_removed_scopes_at_once(http: httpx.AsyncClient) -> None:
    """Narrowing applies to live tokens too: introspection shows the narrowed scope, and an
    admin token whose client lost admin gets 403."""
    client = await create_client(http, allowed_scopes=["admin", "numbers.read"])
    token = await access_token(http, client)
    await _narrow(http, client, ["numbers.read"])
    assert (await introspect(http, client, token))["scope"] == "numbers.read"
    response = await http.get("/v2/oauth_clients", headers=bearer(token))
    assert response.status_code == 403
