"""The token endpoint: three grants, client authentication, codes, PKCE, rotation, replay."""

from __future__ import annotations

import base64
from urllib.parse import quote_plus

import httpx
import pytest
from joserfc import jwt
from joserfc.jwk import KeySet

from tests.sandbox._helpers import (
    BEARER,
    ISSUER,
    advance,
    authorization_code,
    create_client,
    exchange,
    exchange_as_public,
    introspect,
    pkce_pair,
    token_response,
    tokens,
)


async def test_client_credentials_with_basic(http: httpx.AsyncClient) -> None:
    """client_credentials with HTTP Basic issues a Bearer token of the allowed scopes."""
    client = await create_client(http)
    response = await token_response(http, client)
    body = response.json()
    assert response.status_code == 200
    assert (body["token_type"], body["expires_in"], body["scope"]) == (
        "Bearer",
        3600,
        "admin numbers.read",
    )
    assert "refresh_token" not in body


async def test_token_responses_are_not_cached(http: httpx.AsyncClient) -> None:
    """Token answers carry Cache-Control: no-store and Pragma: no-cache."""
    client = await create_client(http)
    response = await token_response(http, client)
    assert (response.headers["cache-control"], response.headers["pragma"]) == (
        "no-store",
        "no-cache",
    )


async def test_client_credentials_with_body_credentials(http: httpx.AsyncClient) -> None:
    """client_secret_post: credentials in the form body work too."""
    client = await create_client(http)
    response = await http.post(
        "/v2/oauth/token",
        data={
            "grant_type": "client_credentials",
            "client_id": client["client_id"],
            "client_secret": client["client_secret"],
        },
    )
    assert response.status_code == 200


async def test_token_accepts_json_body(http: httpx.AsyncClient) -> None:
    """A JSON body is accepted like a form body."""
    client = await create_client(http)
    response = await http.post(
        "/v2/oauth/token",
        json={
            "grant_type": "client_credentials",
            "client_id": client["client_id"],
            "client_secret": client["client_secret"],
            "scope": "numbers.read",
        },
    )
    assert (response.status_code, response.json()["scope"]) == (200, "numbers.read")


async def test_basic_credentials_are_form_urlencoded(http: httpx.AsyncClient) -> None:
    """Basic credentials are form-urlencoded before base64 (RFC 6749 2.3.1)."""
    secret = "s3cret:with+special%chars"
    seeded = await http.post(
        "/_sandbox/seed/oauth_clients", json={"count": 1, "client_secret": secret}, headers=BEARER
    )
    client_id = seeded.json()["data"]["client_ids"][0]
    raw = f"{quote_plus(client_id)}:{quote_plus(secret)}".encode()
    header = "Basic " + base64.b64encode(raw).decode()
    response = await http.post(
        "/v2/oauth/token",
        data={"grant_type": "client_credentials"},
        headers={"Authorization": header},
    )
    assert response.status_code == 200


async def test_wrong_secret_with_basic_is_401_with_challenge(http: httpx.AsyncClient) -> None:
    """A wrong secret via Basic is 401 invalid_client with WWW-Authenticate: Basic."""
    client = await create_client(http)
    response = await http.post(
        "/v2/oauth/token",
        data={"grant_type": "client_credentials"},
        auth=(client["client_id"], "wrong"),
    )
    assert response.status_code == 401
    assert response.json()["error"] == "invalid_client"
    assert response.headers["www-authenticate"].startswith("Basic")


async def test_wrong_secret_in_body_is_401_without_challenge(http: httpx.AsyncClient) -> None:
    """A wrong secret in the body is 401 invalid_client without a Basic challenge."""
    client = await create_client(http)
    response = await http.post(
        "/v2/oauth/token",
        data={
            "grant_type": "client_credentials",
            "client_id": client["client_id"],
            "client_secret": "wrong",
        },
    )
    assert response.status_code == 401
    assert "www-authenticate" not in response.headers


async def test_confidential_client_must_authenticate(http: httpx.AsyncClient) -> None:
    """A confidential client sending only its client_id is invalid_client."""
    client = await create_client(http)
    response = await http.post(
        "/v2/oauth/token",
        data={"grant_type": "client_credentials", "client_id": client["client_id"]},
    )
    assert (response.status_code, response.json()["error"]) == (401, "invalid_client")


async def test_registered_auth_method_is_enforced(http: httpx.AsyncClient) -> None:
    """A client registered for client_secret_basic cannot authenticate in the body."""
    registered = (
        await http.post(
            "/v2/oauth/register",
            json={
                "grant_types": ["client_credentials"],
                "response_types": [],
                "token_endpoint_auth_method": "client_secret_basic",
            },
        )
    ).json()
    response = await http.post(
        "/v2/oauth/token",
        data={
            "grant_type": "client_credentials",
            "client_id": registered["client_id"],
            "client_secret": registered["client_secret"],
        },
    )
    assert (response.status_code, response.json()["error"]) == (401, "invalid_client")


@pytest.mark.parametrize(
    ("data", "status", "error"),
    [
        ({"grant_type": "password"}, 400, "unsupported_grant_type"),
        ({}, 400, "invalid_request"),
        ({"grant_type": "client_credentials", "scope": "calls.write"}, 400, "invalid_scope"),
    ],
)
async def test_token_errors(
    http: httpx.AsyncClient, data: dict[str, str], status: int, error: str
) -> None:
    """Unsupported grant types, missing grant_type and scopes beyond the client's are refused."""
    client = await create_client(http)
    response = await http.post(
        "/v2/oauth/token", data=data, auth=(client["client_id"], client["client_secret"])
    )
    assert (response.status_code, response.json()["error"]) == (status, error)


async def test_grant_type_not_allowed_is_unauthorized_client(http: httpx.AsyncClient) -> None:
    """A grant type the client was not given is unauthorized_client."""
    client = await create_client(http, allowed_grant_types=["authorization_code"])
    response = await token_response(http, client)
    assert (response.status_code, response.json()["error"]) == (400, "unauthorized_client")


async def test_unsupported_content_type_is_invalid_request(http: httpx.AsyncClient) -> None:
    """A body that is neither form nor JSON is invalid_request."""
    response = await http.post(
        "/v2/oauth/token", content=b"<xml/>", headers={"Content-Type": "application/xml"}
    )
    assert (response.status_code, response.json()["error"]) == (400, "invalid_request")


async def test_access_token_is_rs256_jwt_verifiable_with_jwks(http: httpx.AsyncClient) -> None:
    """Access tokens are RS256 JWTs whose kid is in the JWKS, with the documented claims."""
    client = await create_client(http)
    access_token = (await token_response(http, client)).json()["access_token"]
    jwks = KeySet.import_key_set((await http.get("/v2/oauth/jwks")).json())
    token = jwt.decode(access_token, jwks, algorithms=["RS256"])
    assert token.header["alg"] == "RS256"
    assert {"iss", "aud", "sub", "client_id", "scope", "exp", "iat", "jti"} <= set(token.claims)
    assert (token.claims["iss"], token.claims["aud"], token.claims["client_id"]) == (
        ISSUER,
        ISSUER,
        client["client_id"],
    )


async def test_code_exchange_with_pkce(http: httpx.AsyncClient) -> None:
    """A code with the right verifier gives access and refresh tokens."""
    client = await create_client(http)
    body = await tokens(http, client)
    assert body["refresh_token"]
    assert body["scope"] == "admin numbers.read"


async def test_public_client_exchanges_with_client_id_only(http: httpx.AsyncClient) -> None:
    """A public client authenticates with client_id alone (none) and PKCE."""
    client = await create_client(
        http, client_type="public", allowed_grant_types=["authorization_code"]
    )
    verifier, challenge = pkce_pair()
    code = await authorization_code(http, client, challenge)
    response = await exchange_as_public(http, client, code, verifier)
    assert response.status_code == 200


async def test_wrong_code_verifier_is_invalid_grant(http: httpx.AsyncClient) -> None:
    """A verifier that does not match the challenge is invalid_grant."""
    client = await create_client(http)
    code = await authorization_code(http, client, pkce_pair()[1])
    response = await exchange(http, client, code, pkce_pair()[0])
    assert (response.status_code, response.json()["error"]) == (400, "invalid_grant")


async def test_missing_code_verifier_is_invalid_grant(http: httpx.AsyncClient) -> None:
    """A code issued with a challenge needs the verifier."""
    client = await create_client(http)
    code = await authorization_code(http, client, pkce_pair()[1])
    response = await exchange(http, client, code, None)
    assert (response.status_code, response.json()["error"]) == (400, "invalid_grant")


async def test_code_is_bound_to_redirect_uri(http: httpx.AsyncClient) -> None:
    """A different redirect_uri at the token endpoint is invalid_grant."""
    client = await create_client(http)
    verifier, challenge = pkce_pair()
    code = await authorization_code(http, client, challenge)
    response = await http.post(
        "/v2/oauth/token",
        data={
            "grant_type": "authorization_code",
            "code": code,
            "code_verifier": verifier,
            "redirect_uri": "http://127.0.0.1:8400/elsewhere",
        },
        auth=(client["client_id"], client["client_secret"]),
    )
    assert (response.status_code, response.json()["error"]) == (400, "invalid_grant")


async def test_code_is_bound_to_client(http: httpx.AsyncClient) -> None:
    """Another client cannot exchange the code."""
    client = await create_client(http)
    other = await create_client(http)
    verifier, challenge = pkce_pair()
    code = await authorization_code(http, client, challenge)
    response = await exchange(http, other, code, verifier)
    assert (response.status_code, response.json()["error"]) == (400, "invalid_grant")


async def test_code_expires(http: httpx.AsyncClient) -> None:
    """A code older than 60 seconds is invalid_grant."""
    client = await create_client(http)
    verifier, challenge = pkce_pair()
    code = await authorization_code(http, client, challenge)
    await advance(http, 61)
    response = await exchange(http, client, code, verifier)
    assert (response.status_code, response.json()["error"]) == (400, "invalid_grant")


async def test_reused_code_revokes_its_tokens(http: httpx.AsyncClient) -> None:
    """A second use of a code fails and revokes the tokens the first use issued."""
    client = await create_client(http)
    verifier, challenge = pkce_pair()
    code = await authorization_code(http, client, challenge)
    first = (await exchange(http, client, code, verifier)).json()
    second = await exchange(http, client, code, verifier)
    assert (second.status_code, second.json()["error"]) == (400, "invalid_grant")
    assert await introspect(http, client, first["access_token"]) == {"active": False}


async def test_refresh_rotates(http: httpx.AsyncClient) -> None:
    """A refresh gives a new access token and a new refresh token."""
    client = await create_client(http)
    first = await tokens(http, client)
    response = await http.post(
        "/v2/oauth/token",
        data={"grant_type": "refresh_token", "refresh_token": first["refresh_token"]},
        auth=(client["client_id"], client["client_secret"]),
    )
    second = response.json()
    assert response.status_code == 200
    assert second["refresh_token"] != first["refresh_token"]
    assert second["access_token"] != first["access_token"]


async def test_refresh_can_narrow_scope(http: httpx.AsyncClient) -> None:
    """A refresh may ask for fewer scopes, never more."""
    client = await create_client(http)
    first = await tokens(http, client)
    auth = (client["client_id"], client["client_secret"])
    narrow = await http.post(
        "/v2/oauth/token",
        auth=auth,
        data={
            "grant_type": "refresh_token",
            "refresh_token": first["refresh_token"],
            "scope": "numbers.read",
        },
    )
    wide = await http.post(
        "/v2/oauth/token",
        auth=auth,
        data={
            "grant_type": "refresh_token",
            "refresh_token": narrow.json()["refresh_token"],
            "scope": "calls.write",
        },
    )
    assert narrow.json()["scope"] == "numbers.read"
    assert wide.json()["error"] == "invalid_scope"


async def test_replayed_refresh_token_revokes_family(http: httpx.AsyncClient) -> None:
    """Reusing a rotated refresh token fails and ends every token of its family."""
    client = await create_client(http)
    first = await tokens(http, client)
    auth = (client["client_id"], client["client_secret"])
    data = {"grant_type": "refresh_token", "refresh_token": first["refresh_token"]}
    second = (await http.post("/v2/oauth/token", data=data, auth=auth)).json()
    replay = await http.post("/v2/oauth/token", data=data, auth=auth)
    assert (replay.status_code, replay.json()["error"]) == (400, "invalid_grant")
    assert await introspect(http, client, second["access_token"]) == {"active": False}
    after = await http.post(
        "/v2/oauth/token",
        auth=auth,
        data={"grant_type": "refresh_token", "refresh_token": second["refresh_token"]},
    )
    assert after.json()["error"] == "invalid_grant"


async def test_api_key_bearer_is_not_client_auth(http: httpx.AsyncClient) -> None:
    """An Authorization: Bearer API key (as the official SDK sends) does not block body auth."""
    client = await create_client(http)
    response = await http.post(
        "/v2/oauth/token",
        headers=BEARER,
        data={
            "grant_type": "client_credentials",
            "client_id": client["client_id"],
            "client_secret": client["client_secret"],
        },
    )
    assert response.status_code == 200
