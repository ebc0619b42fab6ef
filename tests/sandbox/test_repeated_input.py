"""A parameter or a key given twice is refused, never settled by "the last one wins": another
server (or a proxy in front of it) may keep the first, and the two would disagree."""

from __future__ import annotations

import httpx
import pytest

from tests.sandbox._helpers import BEARER, REDIRECT_URI, authorize_params, create_client

JSON = {"Content-Type": "application/json"}


@pytest.mark.parametrize(
    ("name", "values"),
    [
        ("state", ["one", "two"]),
        ("redirect_uri", ["https://elsewhere.example.com/cb", REDIRECT_URI]),
        ("scope", ["admin", "numbers.read"]),
        ("client_id", ["someone-else", "ours"]),
        ("code_challenge_method", ["plain", "S256"]),
    ],
)
async def test_repeated_authorize_parameter_is_an_html_400(
    http: httpx.AsyncClient, name: str, values: list[str]
) -> None:
    """RFC 6749 3.1: a request parameter must not appear twice. The answer is an HTML page
    naming it, and no redirect: the redirect URI itself cannot be trusted."""
    client = await create_client(http)
    params = authorize_params(client, None)
    params.pop(name, None)
    values = [client["client_id"] if v == "ours" else v for v in values]
    pairs = [*params.items(), *((name, value) for value in values)]
    response = await http.get("/v2/oauth/authorize", params=tuple(pairs))
    assert response.status_code == 400, response.text
    assert "location" not in response.headers
    assert response.headers["content-type"].startswith("text/html")
    assert f"{name}: must not be repeated" in response.text


async def test_unknown_authorize_parameter_may_repeat(http: httpx.AsyncClient) -> None:
    """Parameters the endpoint does not define are ignored, repeated or not (RFC 6749 3.1)."""
    client = await create_client(http)
    pairs = [*authorize_params(client, None).items(), ("utm", "a"), ("utm", "b")]
    response = await http.get("/v2/oauth/authorize", params=tuple(pairs))
    assert response.status_code == 302


async def test_repeated_page_parameter_is_422(http: httpx.AsyncClient) -> None:
    """The management endpoints refuse a repeated query parameter too, with their 422."""
    response = await http.get(
        "/v2/oauth_clients", params=[("page[size]", "1"), ("page[size]", "100")], headers=BEARER
    )
    assert response.status_code == 422
    assert response.json()["error_description"] == "page[size]: must not be repeated"


async def test_duplicate_key_in_registration_is_named(http: httpx.AsyncClient) -> None:
    """Registration answers 400 ``invalid_client_metadata`` with the key in ``invalid_fields``."""
    body = (
        b'{"client_name": "a", "client_name": "b", "redirect_uris": ["https://x.example.com/cb"]}'
    )
    response = await http.post("/v2/oauth/register", content=body, headers=JSON)
    assert response.status_code == 400
    answer = response.json()
    assert answer["error"] == "invalid_client_metadata"
    assert answer["invalid_fields"] == {"client_name": ["appears more than once in the JSON body"]}


async def test_duplicate_key_in_token_request_is_400(http: httpx.AsyncClient) -> None:
    """A JSON token request with ``grant_type`` twice is 400 ``invalid_request`` naming it."""
    body = b'{"grant_type": "client_credentials", "grant_type": "authorization_code"}'
    response = await http.post("/v2/oauth/token", content=body, headers=JSON)
    assert response.status_code == 400
    assert response.json() == {
        "error": "invalid_request",
        "error_description": "grant_type: appears more than once in the JSON body",
    }


async def test_duplicate_key_in_management_body_is_422(http: httpx.AsyncClient) -> None:
    """Create client: the spec's answer to a bad body is 422, and it names the key."""
    body = (
        b'{"name": "a", "name": "b", "client_type": "confidential", '
        b'"allowed_grant_types": ["client_credentials"], "allowed_scopes": ["numbers.read"]}'
    )
    response = await http.post("/v2/oauth_clients", content=body, headers={**BEARER, **JSON})
    assert response.status_code == 422
    assert response.json()["error_description"] == "name: appears more than once in the JSON body"
    listed = await http.get("/v2/oauth_clients", headers=BEARER)
    assert listed.json()["data"] == []


async def test_duplicate_nested_key_is_refused(http: httpx.AsyncClient) -> None:
    """Nested objects are held to the same rule (a control body's ``match``)."""
    body = b'{"match": {"method": "GET", "method": "POST"}, "status": 503}'
    response = await http.post("/_sandbox/faults", content=body, headers={**BEARER, **JSON})
    assert response.status_code == 422
    assert 'the key "method" appears more than once' in response.json()["errors"][0]["detail"]


async def test_a_long_duplicate_key_is_cut_in_the_answer(http: httpx.AsyncClient) -> None:
    """A caller's 10,000-character key is not echoed whole."""
    key = "k" * 10_000
    body = f'{{"{key}": 1, "{key}": 2}}'.encode()
    response = await http.post("/v2/oauth/register", content=body, headers=JSON)
    assert response.status_code == 400
    assert len(response.text) < 1_000
    assert "k" * 64 + "..." in response.text
