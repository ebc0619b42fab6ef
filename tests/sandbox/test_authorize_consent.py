"""The authorization endpoint, the consent step and the consent page."""

from __future__ import annotations

import httpx
import pytest

from tests.sandbox._helpers import (
    BEARER,
    ISSUER,
    REDIRECT_URI,
    advance,
    authorize_params,
    consent_token,
    create_client,
    pkce_pair,
)


async def test_authorize_redirects_to_consent_url(http: httpx.AsyncClient) -> None:
    """A valid request is answered 302 to the sandbox consent URL carrying a consent_token."""
    client = await create_client(http)
    _, challenge = pkce_pair()
    response = await http.get("/v2/oauth/authorize", params=authorize_params(client, challenge))
    location = httpx.URL(response.headers["location"])
    assert response.status_code == 302
    assert str(location.copy_with(query=None)) == f"{ISSUER}/_sandbox/consent"
    assert location.params["consent_token"]


@pytest.mark.parametrize(
    ("change", "status", "text"),
    [
        ({"client_id": "unknown"}, 404, "client_id"),
        ({"redirect_uri": "http://127.0.0.1:8400/other"}, 422, "redirect_uri"),
        ({"response_type": "token"}, 400, "response_type"),
        ({"code_challenge_method": "plain"}, 400, "code_challenge_method"),
    ],
)
async def test_authorize_untrusted_errors_are_html(
    http: httpx.AsyncClient, change: dict[str, str], status: int, text: str
) -> None:
    """Errors before the redirect URI is trusted are HTML pages, never redirects."""
    client = await create_client(http)
    params = {**authorize_params(client, pkce_pair()[1]), **change}
    response = await http.get("/v2/oauth/authorize", params=params)
    assert response.status_code == status
    assert response.headers["content-type"].startswith("text/html")
    assert text in response.text


async def test_authorize_missing_client_id_is_html_400(http: httpx.AsyncClient) -> None:
    """A missing required parameter is an HTML 400 naming it."""
    response = await http.get("/v2/oauth/authorize", params={"response_type": "code"})
    assert response.status_code == 400
    assert "client_id: is required" in response.text


@pytest.mark.parametrize(
    ("client_fields", "extra", "error"),
    [
        (
            {"client_type": "public", "allowed_grant_types": ["authorization_code"]},
            {},
            "invalid_request",
        ),
        ({"require_pkce": True}, {}, "invalid_request"),
        ({}, {"scope": "messaging.write"}, "invalid_scope"),
        ({"allowed_grant_types": ["client_credentials"]}, {}, "unauthorized_client"),
    ],
)
async def test_authorize_trusted_errors_redirect_with_state(
    http: httpx.AsyncClient,
    client_fields: dict[str, object],
    extra: dict[str, str],
    error: str,
) -> None:
    """Once the redirect URI is trusted, errors go back to it with error and state."""
    client = await create_client(http, **client_fields)
    response = await http.get("/v2/oauth/authorize", params=authorize_params(client, None, **extra))
    location = httpx.URL(response.headers["location"])
    assert response.status_code == 302
    assert str(location.copy_with(query=None)) == REDIRECT_URI
    assert (location.params["error"], location.params["state"]) == (error, "state-123")


async def test_consent_details_describe_request(http: httpx.AsyncClient) -> None:
    """Consent details show the client, redirect URI and requested scopes with names."""
    client = await create_client(http)
    token = await consent_token(http, client, pkce_pair()[1], scope="numbers.read")
    response = await http.get(f"/v2/oauth/consent/{token}", headers=BEARER)
    data = response.json()["data"]
    assert (data["client_id"], data["redirect_uri"], data["verified"]) == (
        client["client_id"],
        REDIRECT_URI,
        False,
    )
    assert data["requested_scopes"] == [
        {
            "id": "numbers.read",
            "name": "Read numbers",
            "description": "List and read phone numbers.",
        }
    ]


async def test_consent_details_need_api_key(http: httpx.AsyncClient) -> None:
    """Consent details require the API key."""
    client = await create_client(http)
    token = await consent_token(http, client, pkce_pair()[1])
    assert (await http.get(f"/v2/oauth/consent/{token}")).status_code == 401


async def test_consent_allow_redirects_with_code_and_state(http: httpx.AsyncClient) -> None:
    """Allowing answers the client's redirect URI with code and state."""
    client = await create_client(http)
    token = await consent_token(http, client, pkce_pair()[1])
    response = await http.post(
        "/v2/oauth/grants", json={"consent_token": token, "allowed": True}, headers=BEARER
    )
    target = httpx.URL(response.json()["redirect_uri"])
    assert response.status_code == 200
    assert target.params["state"] == "state-123"
    assert target.params["code"]


async def test_consent_deny_redirects_with_access_denied(http: httpx.AsyncClient) -> None:
    """Denying answers the redirect URI with error=access_denied and state, and no code."""
    client = await create_client(http)
    token = await consent_token(http, client, pkce_pair()[1])
    response = await http.post(
        "/v2/oauth/grants", json={"consent_token": token, "allowed": False}, headers=BEARER
    )
    params = httpx.URL(response.json()["redirect_uri"]).params
    assert (params["error"], params["state"], "code" in params) == (
        "access_denied",
        "state-123",
        False,
    )


async def test_consent_token_is_single_use(http: httpx.AsyncClient) -> None:
    """A consent token decides once; the second decision is 404."""
    client = await create_client(http)
    token = await consent_token(http, client, pkce_pair()[1])
    body = {"consent_token": token, "allowed": True}
    await http.post("/v2/oauth/grants", json=body, headers=BEARER)
    again = await http.post("/v2/oauth/grants", json=body, headers=BEARER)
    assert again.status_code == 404
    assert again.json()["error"] == "not_found"


async def test_consent_token_expires(http: httpx.AsyncClient) -> None:
    """A consent token older than its lifetime is 404."""
    client = await create_client(http)
    token = await consent_token(http, client, pkce_pair()[1])
    await advance(http, 601)
    response = await http.get(f"/v2/oauth/consent/{token}", headers=BEARER)
    assert response.status_code == 404


async def test_submit_consent_validates_body(http: httpx.AsyncClient) -> None:
    """A decision without ``allowed`` gets 422 naming it."""
    response = await http.post("/v2/oauth/grants", json={"consent_token": "x"}, headers=BEARER)
    assert response.status_code == 422
    assert response.json()["error_description"] == "allowed: is required"


async def test_consent_page_allows_through_form(http: httpx.AsyncClient) -> None:
    """The consent page shows the client; its form POST answers 303 to the redirect with a code."""
    client = await create_client(http, name="Shiny <App>")
    token = await consent_token(http, client, pkce_pair()[1])
    page = await http.get("/_sandbox/consent", params={"consent_token": token})
    assert page.status_code == 200
    assert "Shiny &lt;App&gt;" in page.text
    response = await http.post(
        "/_sandbox/consent", data={"consent_token": token, "allowed": "true"}
    )
    assert response.status_code == 303
    assert httpx.URL(response.headers["location"]).params["code"]


async def test_sandbox_html_cannot_be_framed(http: httpx.AsyncClient) -> None:
    """The consent page, its error page and authorize's error page forbid framing."""
    client = await create_client(http)
    token = await consent_token(http, client, pkce_pair()[1])
    pages = [
        await http.get("/_sandbox/consent", params={"consent_token": token}),
        await http.get("/_sandbox/consent", params={"consent_token": "unknown"}),
        await http.get("/v2/oauth/authorize", params={"response_type": "code"}),
    ]
    assert [page.status_code for page in pages] == [200, 404, 400]
    for page in pages:
        assert "frame-ancestors 'none'" in page.headers["content-security-policy"]
        assert page.headers["x-frame-options"] == "DENY"
        assert page.headers["referrer-policy"] == "no-referrer"


@pytest.mark.parametrize("allowed", [True, False], ids=["allow", "deny"])
async def test_consent_rechecks_the_redirect_uri(http: httpx.AsyncClient, allowed: bool) -> None:
    """A redirect URI removed from the client after authorize: the decision is 404 naming it,
    nothing is granted, no code is issued, and the consent token is spent."""
    other = "https://other.example.com/cb"
    client = await create_client(http, redirect_uris=[REDIRECT_URI, other])
    token = await consent_token(http, client, pkce_pair()[1])
    path = f"/v2/oauth_clients/{client['client_id']}"
    removed = await http.put(path, json={"redirect_uris": [other]}, headers=BEARER)
    assert removed.status_code == 200
    body = {"consent_token": token, "allowed": allowed}
    response = await http.post("/v2/oauth/grants", json=body, headers=BEARER)
    assert response.status_code == 404
    assert response.json() == {
        "error": "not_found",
        "error_description": "the redirect_uri of this consent_token is no longer registered "
        "for its client; start the authorization again",
    }
    grants = await http.get("/v2/oauth_grants", headers=BEARER)
    assert grants.json()["data"] == []
    await http.put(path, json={"redirect_uris": [REDIRECT_URI]}, headers=BEARER)
    again = await http.post("/v2/oauth/grants", json=body, headers=BEARER)
    assert again.json()["error_description"] == "consent_token is unknown, used or expired"


async def test_consent_page_rechecks_the_redirect_uri(http: httpx.AsyncClient) -> None:
    """The consent page of such a request offers no Allow button: it says why instead."""
    client = await create_client(http, redirect_uris=[REDIRECT_URI, "https://o.example.com/cb"])
    token = await consent_token(http, client, pkce_pair()[1])
    await http.put(
        f"/v2/oauth_clients/{client['client_id']}",
        json={"redirect_uris": ["https://o.example.com/cb"]},
        headers=BEARER,
    )
    page = await http.get("/_sandbox/consent", params={"consent_token": token})
    assert page.status_code == 404
    assert "no longer registered" in page.text
    assert "Allow" not in page.text
