"""OAuth client management: CRUD, secrets shown once, pagination, filters, validation."""

from __future__ import annotations

import httpx
import pytest

from tests.sandbox._helpers import BEARER, create_client


async def test_create_confidential_returns_secret_once(http: httpx.AsyncClient) -> None:
    """A confidential client's secret is in the create answer and null on later reads."""
    created = await create_client(http)
    assert created["client_secret"]
    response = await http.get(f"/v2/oauth_clients/{created['client_id']}", headers=BEARER)
    assert response.status_code == 200
    assert response.json()["data"]["client_secret"] is None


async def test_create_public_has_no_secret(http: httpx.AsyncClient) -> None:
    """A public client is created without a secret."""
    created = await create_client(
        http, client_type="public", allowed_grant_types=["authorization_code"]
    )
    assert created["client_secret"] is None
    assert created["record_type"] == "oauth_client"


async def test_create_rejects_unknown_field(http: httpx.AsyncClient) -> None:
    """An unknown field gets 422 invalid_request naming the field."""
    response = await http.post(
        "/v2/oauth_clients",
        json={
            "name": "x",
            "client_type": "public",
            "allowed_scopes": [],
            "allowed_grant_types": [],
            "colour": "red",
        },
        headers=BEARER,
    )
    assert response.status_code == 422
    assert response.json() == {
        "error": "invalid_request",
        "error_description": "colour: is not allowed",
    }


async def test_create_names_missing_field(http: httpx.AsyncClient) -> None:
    """A missing required field gets 422 naming it."""
    response = await http.post(
        "/v2/oauth_clients",
        json={"client_type": "public", "allowed_scopes": [], "allowed_grant_types": []},
        headers=BEARER,
    )
    assert response.status_code == 422
    assert response.json()["error_description"] == "name: is required"


async def test_create_names_wrong_enum(http: httpx.AsyncClient) -> None:
    """A value outside an enum gets 422 naming the field and the allowed values."""
    response = await http.post(
        "/v2/oauth_clients",
        json={
            "name": "x",
            "client_type": "secret",
            "allowed_scopes": [],
            "allowed_grant_types": [],
        },
        headers=BEARER,
    )
    assert response.status_code == 422
    assert response.json()["error_description"].startswith("client_type: must be one of")


async def test_create_rejects_redirect_uri_with_fragment(http: httpx.AsyncClient) -> None:
    """A redirect URI with a fragment (RFC 6749 3.1.2) gets 422 naming its index."""
    response = await http.post(
        "/v2/oauth_clients",
        json={
            "name": "x",
            "client_type": "public",
            "allowed_scopes": [],
            "allowed_grant_types": [],
            "redirect_uris": ["https://a.example/cb#frag"],
        },
        headers=BEARER,
    )
    assert response.status_code == 422
    assert response.json()["error_description"].startswith("redirect_uris[0]:")


@pytest.mark.parametrize(
    ("content", "headers"),
    [
        (b"{not json", {"Content-Type": "application/json"}),
        (b"name=x", {"Content-Type": "application/x-www-form-urlencoded"}),
        (b"[1, 2]", {"Content-Type": "application/json"}),
        (b"", {"Content-Type": "application/json"}),
    ],
)
async def test_create_rejects_bad_bodies(
    http: httpx.AsyncClient, content: bytes, headers: dict[str, str]
) -> None:
    """Malformed JSON, a form body, a non-object and an empty body all get 422, not 500."""
    response = await http.post("/v2/oauth_clients", content=content, headers={**BEARER, **headers})
    assert response.status_code == 422
    assert response.json()["error"] == "invalid_request"


async def test_oversized_body_is_413(http: httpx.AsyncClient) -> None:
    """A body over the limit is refused with 413 before it is parsed."""
    response = await http.post(
        "/v2/oauth_clients",
        content=b"x" * (65 * 1024),
        headers={**BEARER, "Content-Type": "application/json"},
    )
    assert response.status_code == 413
    assert response.json()["errors"][0]["code"] == "413"


@pytest.mark.parametrize(
    ("headers", "description"),
    [
        ({}, "The API key is missing."),
        ({"Authorization": "Bearer nope"}, "The API key is invalid."),
    ],
)
async def test_management_requires_api_key(
    http: httpx.AsyncClient, headers: dict[str, str], description: str
) -> None:
    """Without the right API key the answer is 401 invalid_token with a Bearer challenge."""
    response = await http.get("/v2/oauth_clients", headers=headers)
    assert response.status_code == 401
    assert response.json() == {"error": "invalid_token", "error_description": description}
    assert response.headers["www-authenticate"].startswith("Bearer")


async def test_get_unknown_client_is_404(http: httpx.AsyncClient) -> None:
    """An unknown client id gets 404 in the OAuth error shape."""
    response = await http.get("/v2/oauth_clients/not-a-client", headers=BEARER)
    assert response.status_code == 404
    assert response.json()["error"] == "not_found"


async def test_update_changes_fields(http: httpx.AsyncClient) -> None:
    """PUT changes the given fields, keeps the rest and moves updated_at."""
    created = await create_client(http)
    await http.post("/_sandbox/clock/advance", json={"seconds": 5}, headers=BEARER)
    response = await http.put(
        f"/v2/oauth_clients/{created['client_id']}", json={"name": "Renamed"}, headers=BEARER
    )
    data = response.json()["data"]
    assert response.status_code == 200
    assert (data["name"], data["allowed_scopes"]) == ("Renamed", created["allowed_scopes"])
    assert data["updated_at"] > created["updated_at"]


async def test_update_rejects_client_type(http: httpx.AsyncClient) -> None:
    """client_type cannot change: it is an unknown field of the update body."""
    created = await create_client(http)
    response = await http.put(
        f"/v2/oauth_clients/{created['client_id']}",
        json={"client_type": "public"},
        headers=BEARER,
    )
    assert response.status_code == 422
    assert response.json()["error_description"] == "client_type: is not allowed"


async def test_delete_then_get_is_404(http: httpx.AsyncClient) -> None:
    """DELETE answers 204 without a body; the client is gone afterwards."""
    created = await create_client(http)
    url = f"/v2/oauth_clients/{created['client_id']}"
    deleted = await http.delete(url, headers=BEARER)
    assert (deleted.status_code, deleted.content) == (204, b"")
    assert (await http.get(url, headers=BEARER)).status_code == 404


async def test_list_paginates_with_meta(http: httpx.AsyncClient) -> None:
    """Pages hold page[size] clients and meta counts pages and results."""
    await http.post("/_sandbox/seed/oauth_clients", json={"count": 250}, headers=BEARER)
    response = await http.get(
        "/v2/oauth_clients", params={"page[number]": 3, "page[size]": 100}, headers=BEARER
    )
    body = response.json()
    assert len(body["data"]) == 50
    assert body["meta"] == {
        "page_number": 3,
        "page_size": 100,
        "total_pages": 3,
        "total_results": 250,
    }
    assert body["data"][0]["name"] == "seed-00200"


async def test_list_defaults_to_20(http: httpx.AsyncClient) -> None:
    """Without page parameters the first 20 clients come back."""
    await http.post("/_sandbox/seed/oauth_clients", json={"count": 30}, headers=BEARER)
    body = (await http.get("/v2/oauth_clients", headers=BEARER)).json()
    assert (len(body["data"]), body["meta"]["page_number"], body["meta"]["page_size"]) == (
        20,
        1,
        20,
    )


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"page[size]": "0"}, "page[size]"),
        ({"page[size]": "101"}, "page[size]"),
        ({"page[number]": "0"}, "page[number]"),
        ({"page[number]": "two"}, "page[number]"),
        ({"filter[verified]": "maybe"}, "filter[verified]"),
        ({"filter[client_type]": "secret"}, "filter[client_type]"),
    ],
)
async def test_list_rejects_bad_query(
    http: httpx.AsyncClient, params: dict[str, str], field: str
) -> None:
    """Out-of-range pages and bad filter values get 422 naming the parameter."""
    response = await http.get("/v2/oauth_clients", params=params, headers=BEARER)
    assert response.status_code == 422
    assert response.json()["error_description"].startswith(f"{field}:")


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"filter[client_type]": "public"}, {"pub-00000", "pub-00001"}),
        ({"filter[verified]": "true"}, {"ver-00000"}),
        (
            {"filter[allowed_grant_types][contains]": "client_credentials"},
            {"conf-00000", "ver-00000"},
        ),
        ({"filter[name]": "pub-00001"}, {"pub-00001"}),
        ({"filter[name][contains]": "CONF"}, {"conf-00000"}),
    ],
)
async def test_list_filters(
    http: httpx.AsyncClient, params: dict[str, str], expected: set[str]
) -> None:
    """Each filter selects exactly the matching clients."""
    await http.post(
        "/_sandbox/seed/oauth_clients",
        json={"count": 2, "name_prefix": "pub", "client_type": "public"},
        headers=BEARER,
    )
    await http.post(
        "/_sandbox/seed/oauth_clients", json={"count": 1, "name_prefix": "conf"}, headers=BEARER
    )
    await http.post(
        "/_sandbox/seed/oauth_clients",
        json={"count": 1, "name_prefix": "ver", "verified": True},
        headers=BEARER,
    )
    body = (await http.get("/v2/oauth_clients", params=params, headers=BEARER)).json()
    assert {c["name"] for c in body["data"]} == expected


async def test_list_filters_by_client_id(http: httpx.AsyncClient) -> None:
    """filter[client_id] selects one client."""
    first = await create_client(http)
    await create_client(http)
    body = (
        await http.get(
            "/v2/oauth_clients", params={"filter[client_id]": first["client_id"]}, headers=BEARER
        )
    ).json()
    assert [c["client_id"] for c in body["data"]] == [first["client_id"]]


async def test_create_names_every_missing_field(http: httpx.AsyncClient) -> None:
    """Several missing required fields are each named once, not the first one repeated."""
    response = await http.post("/v2/oauth_clients", json={"name": "n"}, headers=BEARER)
    assert response.status_code == 422
    assert response.json()["error_description"] == (
        "allowed_scopes: is required; client_type: is required; allowed_grant_types: is required"
    )


async def test_create_rejects_non_json_numbers(http: httpx.AsyncClient) -> None:
    """NaN, which is not JSON, is refused as invalid JSON rather than read as a number."""
    response = await http.post(
        "/v2/oauth_clients",
        content=b'{"name": NaN}',
        headers={**BEARER, "Content-Type": "application/json"},
    )
    assert response.status_code == 422
    assert response.json()["error_description"] == "the request body is not valid JSON"


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/v2/oauth_clients/"),
        ("DELETE", "/v2/oauth_clients/%2F"),
        ("GET", "/.well-known/oauth-authorization-server/"),
    ],
)
async def test_paths_outside_the_spec_are_404_not_redirects(
    http: httpx.AsyncClient, method: str, path: str
) -> None:
    """A trailing slash or an encoded slash is not redirected elsewhere: it is a documented 404."""
    response = await http.request(method, path, headers=BEARER)
    assert response.status_code == 404
    assert "location" not in response.headers
    assert response.json()["errors"][0]["code"]
