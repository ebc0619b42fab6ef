"""Helpers for the sandbox's own tests: build clients and walk the authorization-code flow."""

from __future__ import annotations

import base64
import hashlib
import secrets
from typing import Any

import httpx

API_KEY = "KEY_sandbox_tests_0123456789"
ISSUER = "http://sandbox.test"
REDIRECT_URI = "http://127.0.0.1:8400/callback"
BEARER = {"Authorization": f"Bearer {API_KEY}"}
NEW_CLIENT = {
    "name": "made by the caller",
    "client_type": "confidential",
    "allowed_grant_types": ["client_credentials"],
    "allowed_scopes": ["admin"],
}
"""A valid create-client body asking for admin, for the requests a caller may not make."""


def pkce_pair() -> tuple[str, str]:
    """A fresh ``(code_verifier, S256 code_challenge)``."""
    verifier = secrets.token_urlsafe(48)
    digest = hashlib.sha256(verifier.encode()).digest()
    return verifier, base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


async def create_client(http: httpx.AsyncClient, **fields: Any) -> dict[str, Any]:
    """Create an OAuth client through the management API; returns its ``data``."""
    body: dict[str, Any] = {
        "name": "Test App",
        "client_type": "confidential",
        "allowed_grant_types": ["authorization_code", "refresh_token", "client_credentials"],
        "allowed_scopes": ["admin", "numbers.read"],
        "redirect_uris": [REDIRECT_URI],
    }
    body.update(fields)
    response = await http.post("/v2/oauth_clients", json=body, headers=BEARER)
    assert response.status_code == 201, response.text
    data: dict[str, Any] = response.json()["data"]
    return data


def authorize_params(client: dict[str, Any], challenge: str | None, **extra: str) -> dict[str, str]:
    params = {
        "response_type": "code",
        "client_id": client["client_id"],
        "redirect_uri": REDIRECT_URI,
        "state": "state-123",
    }
    if challenge is not None:
        params.update(code_challenge=challenge, code_challenge_method="S256")
    params.update(extra)
    return params


async def consent_token(
    http: httpx.AsyncClient, client: dict[str, Any], challenge: str | None, **extra: str
) -> str:
    """Run ``/v2/oauth/authorize``; returns the consent token of the consent URL."""
    response = await http.get(
        "/v2/oauth/authorize", params=authorize_params(client, challenge, **extra)
    )
    assert response.status_code == 302, response.text
    location = httpx.URL(response.headers["location"])
    return location.params["consent_token"]


async def authorization_code(
    http: httpx.AsyncClient, client: dict[str, Any], challenge: str | None, **extra: str
) -> str:
    """Authorize and consent; returns the code from the redirect."""
    token = await consent_token(http, client, challenge, **extra)
    response = await http.post(
        "/v2/oauth/grants", json={"consent_token": token, "allowed": True}, headers=BEARER
    )
    assert response.status_code == 200, response.text
    return httpx.URL(response.json()["redirect_uri"]).params["code"]


async def exchange(
    http: httpx.AsyncClient, client: dict[str, Any], code: str, verifier: str | None
) -> httpx.Response:
    data = {"grant_type": "authorization_code", "code": code, "redirect_uri": REDIRECT_URI}
    if verifier is not None:
        data["code_verifier"] = verifier
    return await http.post(
        "/v2/oauth/token", data=data, auth=(client["client_id"], client["client_secret"])
    )


async def exchange_as_public(
    http: httpx.AsyncClient, client: dict[str, Any], code: str, verifier: str
) -> httpx.Response:
    """The code exchange of a public client: ``client_id`` in the body, no secret, PKCE."""
    return await http.post(
        "/v2/oauth/token",
        data={
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": REDIRECT_URI,
            "code_verifier": verifier,
            "client_id": client["client_id"],
        },
    )


async def refresh(
    http: httpx.AsyncClient, client: dict[str, Any], refresh_token: str, **data: str
) -> httpx.Response:
    """A refresh-token grant of ``client`` (HTTP Basic), as answered."""
    return await http.post(
        "/v2/oauth/token",
        data={"grant_type": "refresh_token", "refresh_token": refresh_token, **data},
        auth=(client["client_id"], client["client_secret"]),
    )


async def tokens(http: httpx.AsyncClient, client: dict[str, Any]) -> dict[str, Any]:
    """Full flow with PKCE for a confidential client; returns the token response."""
    verifier, challenge = pkce_pair()
    code = await authorization_code(http, client, challenge)
    response = await exchange(http, client, code, verifier)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def introspect(http: httpx.AsyncClient, client: dict[str, Any], token: str) -> dict[str, Any]:
    response = await http.post(
        "/v2/oauth/introspect",
        data={"token": token},
        auth=(client["client_id"], client["client_secret"]),
    )
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def advance(http: httpx.AsyncClient, seconds: float) -> None:
    response = await http.post("/_sandbox/clock/advance", json={"seconds": seconds}, headers=BEARER)
    assert response.status_code == 200, response.text


async def token_response(
    http: httpx.AsyncClient, client: dict[str, Any], **data: str
) -> httpx.Response:
    """A client-credentials token request of ``client`` (HTTP Basic), as answered."""
    return await http.post(
        "/v2/oauth/token",
        data={"grant_type": "client_credentials", **data},
        auth=(client["client_id"], client["client_secret"]),
    )


async def access_token(http: httpx.AsyncClient, client: dict[str, Any], **data: str) -> str:
    """A client-credentials access token of ``client``."""
    response = await token_response(http, client, **data)
    assert response.status_code == 200, response.text
    token: str = response.json()["access_token"]
    return token


def bearer(token: str) -> dict[str, str]:
    """``Authorization: Bearer <token>``."""
    return {"Authorization": f"Bearer {token}"}
