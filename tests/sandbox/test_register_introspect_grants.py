"""Dynamic registration (RFC 7591), introspection (RFC 7662) and grant management."""

from __future__ import annotations

import httpx
import pytest

from tests.sandbox._helpers import (
    BEARER,
    ISSUER,
    REDIRECT_URI,
    access_token,
    advance,
    bearer,
    create_client,
    introspect,
    tokens,
)

# -- registration -----------------------------------------------------------------------------


async def test_register_applies_defaults(http: httpx.AsyncClient) -> None:
    """Defaults: authorization_code, code, client_secret_basic, a secret and an issue time."""
    response = await http.post("/v2/oauth/register", json={"redirect_uris": [REDIRECT_URI]})
    body = response.json()
    assert response.status_code == 201
    assert (body["grant_types"], body["response_types"], body["token_endpoint_auth_method"]) == (
        ["authorization_code"],
        ["code"],
        "client_secret_basic",
    )
    assert body["client_secret"]
    assert isinstance(body["client_id_issued_at"], int)


async def test_register_public_client_has_no_secret(http: httpx.AsyncClient) -> None:
    """token_endpoint_auth_method none registers a public client without a secret."""
    response = await http.post(
        "/v2/oauth/register",
        json={"redirect_uris": [REDIRECT_URI], "token_endpoint_auth_method": "none"},
    )
    body = response.json()
    assert "client_secret" not in body
    listed = await http.get(
        "/v2/oauth_clients", params={"filter[client_id]": body["client_id"]}, headers=BEARER
    )
    assert listed.json()["data"][0]["client_type"] == "public"


@pytest.mark.parametrize(
    ("body", "error", "field"),
    [
        ({"redirect_uris": ["not a uri"]}, "invalid_redirect_uri", "redirect_uris"),
        ({"redirect_uris": ["https://a.example/cb#x"]}, "invalid_redirect_uri", "redirect_uris"),
        ({}, "invalid_redirect_uri", "redirect_uris"),
        ({"colour": "red"}, "invalid_client_metadata", "colour"),
        ({"grant_types": ["password"]}, "invalid_client_metadata", "grant_types"),
        (
            {
                "grant_types": ["client_credentials"],
                "response_types": [],
                "token_endpoint_auth_method": "none",
            },
            "invalid_client_metadata",
            "grant_types",
        ),
    ],
)
async def test_register_rejects_bad_metadata(
    http: httpx.AsyncClient, body: dict[str, object], error: str, field: str
) -> None:
    """Bad metadata is 400 with the RFC 7591 error and invalid_fields naming the field."""
    response = await http.post("/v2/oauth/register", json=body)
    answer = response.json()
    assert response.status_code == 400
    assert answer["error"] == error
    assert list(answer["invalid_fields"]) == [field]


async def test_register_rejects_malformed_json(http: httpx.AsyncClient) -> None:
    """Malformed JSON is 400 invalid_client_metadata, not 500."""
    response = await http.post(
        "/v2/oauth/register", content=b"{", headers={"Content-Type": "application/json"}
    )
    assert (response.status_code, response.json()["error"]) == (400, "invalid_client_metadata")


# -- introspection ----------------------------------------------------------------------------


async def test_introspect_active_token(http: httpx.AsyncClient) -> None:
    """An active token's facts: active, scope, client_id, exp, iat, iss, aud, and no others."""
    client = await create_client(http)
    body = await tokens(http, client)
    answer = await introspect(http, client, body["access_token"])
    assert set(answer) == {"active", "scope", "client_id", "exp", "iat", "iss", "aud"}
    assert answer["active"] is True
    assert (answer["client_id"], answer["iss"], answer["aud"]) == (
        client["client_id"],
        ISSUER,
        ISSUER,
    )
    assert answer["exp"] - answer["iat"] == 3600
    assert answer["scope"] == "admin numbers.read"


@pytest.mark.parametrize("token", ["unknown", "a.b.c", "eyJhbGciOiJub25lIn0.e30."])
async def test_introspect_unknown_or_malformed_is_inactive(
    http: httpx.AsyncClient, token: str
) -> None:
    """Unknown and malformed tokens are only {"active": false}."""
    client = await create_client(http)
    assert await introspect(http, client, token) == {"active": False}


async def test_introspect_expired_token_is_inactive(http: httpx.AsyncClient) -> None:
    """An access token past its lifetime is only {"active": false}."""
    client = await create_client(http)
    body = await tokens(http, client)
    await advance(http, 3601)
    assert await introspect(http, client, body["access_token"]) == {"active": False}


async def test_introspect_refresh_token(http: httpx.AsyncClient) -> None:
    """A live refresh token introspects as active, for its client."""
    client = await create_client(http)
    body = await tokens(http, client)
    answer = await introspect(http, client, body["refresh_token"])
    assert (answer["active"], answer["client_id"]) == (True, client["client_id"])


async def test_introspect_requires_client_authentication(http: httpx.AsyncClient) -> None:
    """Introspection without client authentication is 401 invalid_client."""
    response = await http.post("/v2/oauth/introspect", data={"token": "x"})
    assert (response.status_code, response.json()["error"]) == (401, "invalid_client")


async def test_introspect_accepts_api_key(http: httpx.AsyncClient) -> None:
    """The API key as a bearer token (what the official SDK sends) may introspect."""
    client = await create_client(http)
    body = await tokens(http, client)
    response = await http.post(
        "/v2/oauth/introspect", json={"token": body["access_token"]}, headers=BEARER
    )
    assert response.json()["active"] is True


async def test_introspect_requires_token(http: httpx.AsyncClient) -> None:
    """A missing token is 400 invalid_request naming it."""
    client = await create_client(http)
    response = await http.post(
        "/v2/oauth/introspect", data={}, auth=(client["client_id"], client["client_secret"])
    )
    assert response.status_code == 400
    assert response.json() == {
        "error": "invalid_request",
        "error_description": "token: is required",
    }


async def test_deleting_client_ends_its_tokens(http: httpx.AsyncClient) -> None:
    """Tokens of a deleted client introspect as inactive."""
    client = await create_client(http)
    other = await create_client(http)
    body = await tokens(http, client)
    await http.delete(f"/v2/oauth_clients/{client['client_id']}", headers=BEARER)
    assert await introspect(http, other, body["access_token"]) == {"active": False}


# -- who may introspect what ----------------------------------------------------------------


async def test_public_client_cannot_introspect(http: httpx.AsyncClient) -> None:
    """A public client's client_id alone is no authentication: 401, even for another's token."""
    owner = await create_client(http)
    token = await access_token(http, owner)
    public = await create_client(
        http, client_type="public", allowed_grant_types=["authorization_code"]
    )
    response = await http.post(
        "/v2/oauth/introspect", data={"token": token, "client_id": public["client_id"]}
    )
    assert (response.status_code, response.json()["error"]) == (401, "invalid_client")
    assert "active" not in response.text


async def test_client_sees_only_its_own_tokens(http: httpx.AsyncClient) -> None:
    """A confidential client introspects its own token as active, another's as inactive."""
    owner = await create_client(http)
    other = await create_client(http)
    token = await access_token(http, owner)
    assert (await introspect(http, owner, token))["active"] is True
    assert await introspect(http, other, token) == {"active": False}


async def test_api_key_sees_every_token(http: httpx.AsyncClient) -> None:
    """The API key (the account) introspects any of its clients' tokens."""
    owner = await create_client(http)
    token = await access_token(http, owner)
    response = await http.post("/v2/oauth/introspect", data={"token": token}, headers=BEARER)
    assert (response.json()["active"], response.json()["client_id"]) == (True, owner["client_id"])


async def test_introspection_refuses_an_access_token_as_bearer(http: httpx.AsyncClient) -> None:
    """Only the API key goes as Bearer to introspection; an admin access token is 401."""
    owner = await create_client(http, allowed_scopes=["admin"])
    token = await access_token(http, owner)
    response = await http.post("/v2/oauth/introspect", data={"token": token}, headers=bearer(token))
    assert (response.status_code, response.json()["error"]) == (401, "invalid_client")


# -- grants -----------------------------------------------------------------------------------


async def test_consent_and_exchange_create_a_grant(http: httpx.AsyncClient) -> None:
    """An allowed consent creates a grant with the scopes; exchange sets last_used_at."""
    client = await create_client(http)
    await tokens(http, client)
    body = (await http.get("/v2/oauth_grants", headers=BEARER)).json()
    grant = body["data"][0]
    assert body["meta"]["total_results"] == 1
    assert (grant["record_type"], grant["client_id"], grant["scopes"]) == (
        "oauth_grant",
        client["client_id"],
        ["admin", "numbers.read"],
    )
    assert grant["last_used_at"] is not None


async def test_get_grant(http: httpx.AsyncClient) -> None:
    """A grant can be read by id."""
    client = await create_client(http)
    await tokens(http, client)
    grant = (await http.get("/v2/oauth_grants", headers=BEARER)).json()["data"][0]
    response = await http.get(f"/v2/oauth_grants/{grant['id']}", headers=BEARER)
    assert response.json()["data"] == grant


async def test_revoking_grant_ends_its_tokens(http: httpx.AsyncClient) -> None:
    """DELETE returns the revoked grant; its tokens go inactive and cannot refresh."""
    client = await create_client(http)
    body = await tokens(http, client)
    grant = (await http.get("/v2/oauth_grants", headers=BEARER)).json()["data"][0]
    revoked = await http.delete(f"/v2/oauth_grants/{grant['id']}", headers=BEARER)
    assert (revoked.status_code, revoked.json()["data"]["id"]) == (200, grant["id"])
    assert await introspect(http, client, body["access_token"]) == {"active": False}
    refresh = await http.post(
        "/v2/oauth/token",
        data={"grant_type": "refresh_token", "refresh_token": body["refresh_token"]},
        auth=(client["client_id"], client["client_secret"]),
    )
    assert refresh.json()["error"] == "invalid_grant"


async def test_revoking_grant_spares_client_credentials_tokens(http: httpx.AsyncClient) -> None:
    """client_credentials tokens belong to no grant and outlive a grant's revocation."""
    client = await create_client(http)
    await tokens(http, client)
    machine = (
        await http.post(
            "/v2/oauth/token",
            data={"grant_type": "client_credentials"},
            auth=(client["client_id"], client["client_secret"]),
        )
    ).json()
    grant = (await http.get("/v2/oauth_grants", headers=BEARER)).json()["data"][0]
    await http.delete(f"/v2/oauth_grants/{grant['id']}", headers=BEARER)
    assert (await introspect(http, client, machine["access_token"]))["active"] is True


@pytest.mark.parametrize("method", ["GET", "DELETE"])
async def test_unknown_grant_is_404(http: httpx.AsyncClient, method: str) -> None:
    """An unknown grant id is 404 not_found."""
    response = await http.request(
        method, "/v2/oauth_grants/7e2d9c4b-1a3f-4b6e-8d0c-5f4e3d2c1b0a", headers=BEARER
    )
    assert (response.status_code, response.json()["error"]) == (404, "not_found")


async def test_grants_list_rejects_page_size(http: httpx.AsyncClient) -> None:
    """page[size] above 100 is 422."""
    response = await http.get("/v2/oauth_grants", params={"page[size]": 500}, headers=BEARER)
    assert response.status_code == 422
