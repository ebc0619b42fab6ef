"""The authorization model, operation by operation: who may call what (``_access``).

Each operation that takes a credential is called with each kind of credential, and the answer
must be the one the table of docs/sandbox.md promises; then the holes the model closes, one by one.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from telnyx_oauth_sandbox._access import OPERATION_ACCESS, Rule
from telnyx_oauth_sandbox._spec import Spec
from tests.sandbox._helpers import (
    API_KEY,
    BEARER,
    NEW_CLIENT,
    REDIRECT_URI,
    access_token,
    advance,
    authorization_code,
    bearer,
    consent_token,
    create_client,
    exchange_as_public,
    pkce_pair,
    tokens,
)


def test_every_operation_has_exactly_one_rule() -> None:
    """The access table names every operation of the spec and nothing else."""
    assert set(OPERATION_ACCESS) == set(Spec.load().operations)


def test_only_discovery_jwks_and_authorize_are_open() -> None:
    """The operations that take no credential at all are the public documents and authorize."""
    open_operations = {op for op, rule in OPERATION_ACCESS.items() if rule is Rule.NONE}
    assert open_operations == {
        "get_authorization_server_metadata",
        "get_protected_resource_metadata",
        "get_jwks",
        "authorize",
    }


async def public_client_token(http: httpx.AsyncClient, scopes: list[str]) -> str:
    """An access token of a new public client, through the code flow with PKCE."""
    client = await create_client(
        http,
        client_type="public",
        allowed_grant_types=["authorization_code"],
        allowed_scopes=scopes,
    )
    verifier, challenge = pkce_pair()
    code = await authorization_code(http, client, challenge)
    response = await exchange_as_public(http, client, code, verifier)
    assert response.status_code == 200, response.text
    token: str = response.json()["access_token"]
    return token


@dataclass(frozen=True)
class World:
    """What the requests of one test act on, and the credentials they present."""

    victim: dict[str, Any]
    grant_id: str
    consent: str
    admin_token: str
    read_token: str


@pytest.fixture
async def world(http: httpx.AsyncClient) -> World:
    victim = await create_client(http, name="victim")
    await tokens(http, victim)
    (grant,) = (await http.get("/v2/oauth_grants", headers=BEARER)).json()["data"]
    admin = await create_client(http, allowed_scopes=["admin"])
    return World(
        victim=victim,
        grant_id=grant["id"],
        consent=await consent_token(http, victim, pkce_pair()[1]),
        admin_token=await access_token(http, admin),
        read_token=await public_client_token(http, ["numbers.read"]),
    )


# operationId -> (method, path, JSON body); {victim}, {grant} and {consent} are filled in.
GUARDED_REQUESTS: dict[str, tuple[str, str, dict[str, Any] | None]] = {
    "list_oauth_clients": ("GET", "/v2/oauth_clients", None),
    "create_oauth_client": ("POST", "/v2/oauth_clients", NEW_CLIENT),
    "get_oauth_client": ("GET", "/v2/oauth_clients/{victim}", None),
    "update_oauth_client": ("PUT", "/v2/oauth_clients/{victim}", {"name": "renamed"}),
    "delete_oauth_client": ("DELETE", "/v2/oauth_clients/{victim}", None),
    "list_oauth_grants": ("GET", "/v2/oauth_grants", None),
    "get_oauth_grant": ("GET", "/v2/oauth_grants/{grant}", None),
    "revoke_oauth_grant": ("DELETE", "/v2/oauth_grants/{grant}", None),
    "get_consent_details": ("GET", "/v2/oauth/consent/{consent}", None),
    "submit_consent": ("POST", "/v2/oauth/grants", {"allowed": True}),
}


def test_guarded_requests_cover_every_bearer_operation() -> None:
    """Every operation whose rule is the API key or management is exercised below."""
    bearer_rules = {Rule.API_KEY, Rule.MANAGEMENT}
    assert set(GUARDED_REQUESTS) == {
        op for op, rule in OPERATION_ACCESS.items() if rule in bearer_rules
    }


def _basic(secret: str) -> str:
    return "Basic " + base64.b64encode(f"x:{secret}".encode()).decode()


# credential -> the status the MANAGEMENT rule answers, the status the API_KEY rule answers
CREDENTIALS: dict[str, tuple[int, int]] = {
    "none": (401, 401),
    "API key as Bearer": (200, 200),
    "API key as Basic": (401, 401),
    "admin access token as Bearer": (200, 401),
    "admin access token as Basic": (401, 401),
    "numbers.read access token as Bearer": (403, 401),
    "expired admin access token": (401, 401),
    "made-up Bearer": (401, 401),
}


def _authorization(credential: str, world: World) -> str | None:
    return {
        "none": None,
        "API key as Bearer": f"Bearer {API_KEY}",
        "API key as Basic": _basic(API_KEY),
        "admin access token as Bearer": f"Bearer {world.admin_token}",
        "admin access token as Basic": f"Basic {world.admin_token}",
        "numbers.read access token as Bearer": f"Bearer {world.read_token}",
        "expired admin access token": f"Bearer {world.admin_token}",
        "made-up Bearer": "Bearer made-up",
    }[credential]


@pytest.mark.parametrize("credential", list(CREDENTIALS))
@pytest.mark.parametrize("operation_id", list(GUARDED_REQUESTS))
async def test_operation_answers_credential_as_the_table_says(
    http: httpx.AsyncClient, world: World, operation_id: str, credential: str
) -> None:
    """Management takes the API key or an admin access token; consent takes the API key only;
    a token without admin is 403 insufficient_scope; anything else is 401 invalid_token."""
    method, template, body = GUARDED_REQUESTS[operation_id]
    path = template.format(
        victim=world.victim["client_id"], grant=world.grant_id, consent=world.consent
    )
    if operation_id == "submit_consent" and body is not None:
        body = {**body, "consent_token": world.consent}
    if credential == "expired admin access token":
        await advance(http, 3601)
    authorization = _authorization(credential, world)
    headers = {} if authorization is None else {"Authorization": authorization}
    response = await http.request(method, path, json=body, headers=headers)
    management, api_key_only = CREDENTIALS[credential]
    rule = OPERATION_ACCESS[operation_id]
    expected = management if rule is Rule.MANAGEMENT else api_key_only
    if expected == 200:
        assert response.is_success, response.text
        return
    assert response.status_code == expected, response.text
    if expected == 401:
        assert response.json()["error"] == "invalid_token"
        assert response.headers["www-authenticate"].startswith("Bearer")
    else:
        assert response.json()["error"] == "insufficient_scope"
        assert response.headers["www-authenticate"] == (
            'Bearer realm="telnyx-oauth-sandbox", error="insufficient_scope", scope="admin"'
        )


# -- the holes of issue 12, one by one ---------------------------------------------------------


async def test_open_registration_grants_read_scopes_only(http: httpx.AsyncClient) -> None:
    """Registration without a scope grants the read scopes; its client's token cannot list or
    create OAuth clients."""
    registered = (
        await http.post(
            "/v2/oauth/register",
            json={"grant_types": ["client_credentials"], "response_types": []},
        )
    ).json()
    assert registered["scope"] == "numbers.read messaging.read calls.read"
    token = await access_token(
        http, {"client_id": registered["client_id"], "client_secret": registered["client_secret"]}
    )
    listed = await http.get("/v2/oauth_clients", headers=bearer(token))
    created = await http.post("/v2/oauth_clients", json=NEW_CLIENT, headers=bearer(token))
    assert (listed.status_code, created.status_code) == (403, 403)


async def test_open_registration_refuses_admin(http: httpx.AsyncClient) -> None:
    """Asking open registration for admin is 400 invalid_client_metadata naming scope."""
    response = await http.post(
        "/v2/oauth/register",
        json={"redirect_uris": [REDIRECT_URI], "scope": "numbers.read admin"},
    )
    body = response.json()
    assert (response.status_code, body["error"], list(body["invalid_fields"])) == (
        400,
        "invalid_client_metadata",
        ["scope"],
    )


async def test_registration_with_the_api_key_may_grant_admin(http: httpx.AsyncClient) -> None:
    """The API key as Bearer (RFC 7591's initial access token) may register an admin client."""
    response = await http.post(
        "/v2/oauth/register",
        json={"redirect_uris": [REDIRECT_URI], "scope": "admin"},
        headers=BEARER,
    )
    assert (response.status_code, response.json()["scope"]) == (201, "admin")


async def test_registration_ignores_another_bearer(http: httpx.AsyncClient) -> None:
    """A Bearer header that is not the API key does not lift the limit: still no admin."""
    response = await http.post(
        "/v2/oauth/register",
        json={"redirect_uris": [REDIRECT_URI], "scope": "admin"},
        headers=bearer("made-up"),
    )
    assert response.status_code == 400


async def test_read_token_cannot_escalate(http: httpx.AsyncClient, world: World) -> None:
    """A public client's numbers.read token can neither create an admin client, nor delete
    another client, nor approve a consent: each is refused and nothing changes."""
    auth = bearer(world.read_token)
    victim = f"/v2/oauth_clients/{world.victim['client_id']}"
    created = await http.post("/v2/oauth_clients", json=NEW_CLIENT, headers=auth)
    deleted = await http.delete(victim, headers=auth)
    approved = await http.post(
        "/v2/oauth/grants", json={"consent_token": world.consent, "allowed": True}, headers=auth
    )
    assert (created.status_code, deleted.status_code, approved.status_code) == (403, 403, 401)
    assert (await http.get(victim, headers=BEARER)).status_code == 200
    still_pending = await http.get(f"/v2/oauth/consent/{world.consent}", headers=BEARER)
    assert still_pending.status_code == 200
    listed = (await http.get("/v2/oauth_clients", headers=BEARER)).json()["data"]
    assert NEW_CLIENT["name"] not in [c["name"] for c in listed]


async def test_admin_token_use_marks_its_grant_used(http: httpx.AsyncClient) -> None:
    """A management call with an authorization-code token moves its grant's last_used_at."""
    client = await create_client(http, allowed_scopes=["admin"])
    issued = await tokens(http, client)
    (before,) = (await http.get("/v2/oauth_grants", headers=BEARER)).json()["data"]
    await advance(http, 30)
    assert (await http.get("/v2/oauth_grants", headers=bearer(issued["access_token"]))).is_success
    (after,) = (await http.get("/v2/oauth_grants", headers=BEARER)).json()["data"]
    assert after["last_used_at"] > before["last_used_at"]


# -- issue 19: a dead access token is described as an access token ----------------------------


async def _token_then(http: httpx.AsyncClient, ending: str) -> str:
    """An admin access token from the code flow, then ``ending`` done to it."""
    client = await create_client(http)
    token: str = (await tokens(http, client))["access_token"]
    if ending == "grant revoked":
        (grant,) = (await http.get("/v2/oauth_grants", headers=BEARER)).json()["data"]
        await http.delete(f"/v2/oauth_grants/{grant['id']}", headers=BEARER)
    elif ending == "client deleted":
        await http.delete(f"/v2/oauth_clients/{client['client_id']}", headers=BEARER)
    elif ending == "expired":
        await advance(http, 3601)
    elif ending == "sandbox reset":
        await http.post("/_sandbox/reset", headers=BEARER)
    return token


@pytest.mark.parametrize(
    ("ending", "description"),
    [
        ("grant revoked", "The access token was revoked (its grant or its client is gone)."),
        ("client deleted", "The access token was revoked (its grant or its client is gone)."),
        ("expired", "The access token has expired."),
        (
            "sandbox reset",
            "The access token is unknown: this sandbox did not issue it, or was reset since.",
        ),
    ],
)
async def test_dead_access_token_is_described_as_one(
    http: httpx.AsyncClient, ending: str, description: str
) -> None:
    """A management call with an access token that no longer works says what happened to the
    token, not that the API key is invalid."""
    token = await _token_then(http, ending)
    response = await http.get("/v2/oauth_clients", headers=bearer(token))
    assert response.status_code == 401
    assert response.json() == {"error": "invalid_token", "error_description": description}
    assert 'error="invalid_token"' in response.headers["www-authenticate"]


@pytest.mark.parametrize(
    ("credential", "description"),
    [
        ("KEY_not_the_one", "The API key is invalid."),
        (
            "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln",
            "The access token is unknown: this sandbox did not issue it, or was reset since.",
        ),
    ],
    ids=["wrong API key", "made-up JWT"],
)
async def test_unknown_bearer_is_named_by_its_shape(
    http: httpx.AsyncClient, credential: str, description: str
) -> None:
    """A credential shaped like a JWT is an access token; anything else a wrong API key."""
    response = await http.get("/v2/oauth_clients", headers=bearer(credential))
    assert response.status_code == 401
    assert response.json()["error_description"] == description


async def test_access_token_where_only_the_api_key_goes(http: httpx.AsyncClient) -> None:
    """A live admin token on a consent operation: 401 saying the API key is what it takes."""
    token = await _token_then(http, "nothing")
    response = await http.get("/v2/oauth/consent/whatever", headers=bearer(token))
    assert response.status_code == 401
    assert response.json()["error_description"] == (
        "An access token is not accepted here: this operation takes the API key."
    )
