"""Redirect URIs: https, loopback http and private-use schemes; nothing a browser would run."""

from __future__ import annotations

import httpx
import pytest

from tests.sandbox._helpers import BEARER, NEW_CLIENT, create_client

REFUSED_REDIRECTS = [
    "javascript:alert(document.domain)",
    "JavaScript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "file:///etc/passwd",
    "vbscript:msgbox(1)",
    "http://app.example.com/callback",
    "myapp:/callback",
]
ALLOWED_REDIRECTS = [
    "https://app.example.com/callback",
    "http://127.0.0.1:8400/callback",
    "http://localhost/callback",
    "http://[::1]:9000/cb",
    "com.example.app:/oauth2redirect",
]


@pytest.mark.parametrize("uri", REFUSED_REDIRECTS)
async def test_dangerous_redirect_uris_are_refused_everywhere(
    http: httpx.AsyncClient, uri: str
) -> None:
    """Register (400 invalid_redirect_uri), create and update (422) all refuse the URI."""
    registered = await http.post("/v2/oauth/register", json={"redirect_uris": [uri]})
    created = await http.post(
        "/v2/oauth_clients", json={**NEW_CLIENT, "redirect_uris": [uri]}, headers=BEARER
    )
    client = await create_client(http)
    updated = await http.put(
        f"/v2/oauth_clients/{client['client_id']}", json={"redirect_uris": [uri]}, headers=BEARER
    )
    assert (registered.status_code, registered.json()["error"]) == (400, "invalid_redirect_uri")
    assert (created.status_code, updated.status_code) == (422, 422)
    assert created.json()["error_description"].startswith("redirect_uris[0]:")


@pytest.mark.parametrize("uri", REFUSED_REDIRECTS)
async def test_authorize_never_redirects_to_a_refused_uri(
    http: httpx.AsyncClient, uri: str
) -> None:
    """Since no client can hold such a URI, authorize answers an HTML 422, never a redirect."""
    client = await create_client(http)
    response = await http.get(
        "/v2/oauth/authorize",
        params={"response_type": "code", "client_id": client["client_id"], "redirect_uri": uri},
    )
    assert response.status_code in (400, 422)
    assert "location" not in response.headers
    assert response.headers["content-type"].startswith("text/html")


@pytest.mark.parametrize("uri", ALLOWED_REDIRECTS)
async def test_https_loopback_and_private_use_redirects_are_allowed(
    http: httpx.AsyncClient, uri: str
) -> None:
    """https, http on a loopback host and reverse-domain private-use schemes register."""
    response = await http.post("/v2/oauth/register", json={"redirect_uris": [uri]})
    assert response.status_code == 201, response.text
