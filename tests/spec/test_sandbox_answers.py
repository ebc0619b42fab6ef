"""Every answer the running sandbox gives is described by the spec, field by field.

A generated client in a strict language (Go, Java) decodes only the fields its models list, so a
field the sandbox sends and the spec leaves out is a field such a client never sees, or fails
on. Each probe below makes one request to a sandbox on 127.0.0.1 and names the operation it
calls; its answer must have a status the operation documents, a media type documented for that
status, and, for JSON, a body valid against the documented schema with every object *closed*:
a property the schema does not list fails, even where the published schema is open.
"""

from __future__ import annotations

import base64
import copy
import hashlib
import json
import secrets
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from telnyx_oauth_sandbox import SandboxServer, running
from tests.spec._spec import load_spec, operations, resolve

pytestmark = pytest.mark.e2e

REDIRECT_URI = "https://app.example.com/oauth/callback"
_CLOSED_URI = "urn:telnyx-oauth-spec-closed"


def _closed(node: Any) -> Any:
    """A copy of a schema tree where every object that lists properties allows no others.

    `additionalProperties` given as a schema (a map such as `InvalidFields`) stays: it describes
    the values of a map, not fields a model would drop.
    """
    if isinstance(node, list):
        return [_closed(item) for item in node]
    if not isinstance(node, dict):
        return node
    closed = {key: _closed(value) for key, value in node.items()}
    if "properties" in closed and not isinstance(closed.get("additionalProperties"), dict):
        closed["additionalProperties"] = False
    return closed


def _closed_validator(schema: dict[str, Any]) -> Draft202012Validator:
    spec = copy.deepcopy(load_spec())
    spec["components"]["schemas"] = _closed(spec["components"]["schemas"])
    resource: Resource[Any] = Resource.from_contents(spec, default_specification=DRAFT202012)
    registry: Registry[Any] = Registry().with_resource(_CLOSED_URI, resource)
    rooted = json.loads(json.dumps(_closed(schema)).replace('"#/', f'"{_CLOSED_URI}#/'))
    return Draft202012Validator(rooted, registry=registry, format_checker=FormatChecker())


@dataclass
class World:
    """A sandbox with one confidential client, one user grant and an access token."""

    http: httpx.Client
    server: SandboxServer
    client: dict[str, Any]
    grant_id: str
    consent_token: str

    @property
    def key(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.server.api_key}"}

    @property
    def basic(self) -> tuple[str, str]:
        return (self.client["client_id"], self.client["client_secret"])

    def new_client(self, **fields: Any) -> dict[str, Any]:
        body = {
            "name": "answers",
            "client_type": "confidential",
            "allowed_grant_types": ["authorization_code", "refresh_token", "client_credentials"],
            "allowed_scopes": ["admin", "numbers.read"],
            "redirect_uris": [REDIRECT_URI],
            **fields,
        }
        response = self.http.post("/v2/oauth_clients", json=body, headers=self.key)
        assert response.status_code == 201, response.text
        data: dict[str, Any] = response.json()["data"]
        return data

    def fresh_consent_token(self, client: dict[str, Any] | None = None) -> str:
        verifier = secrets.token_urlsafe(48)
        challenge = (
            base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest())
            .rstrip(b"=")
            .decode()
        )
        params = {
            "response_type": "code",
            "client_id": (client or self.client)["client_id"],
            "redirect_uri": REDIRECT_URI,
            "state": "s",
            "scope": "numbers.read",
            "code_challenge": challenge,
            "code_challenge_method": "S256",
        }
        response = self.http.get("/v2/oauth/authorize", params=params)
        assert response.status_code == 302, response.text
        return httpx.URL(response.headers["location"]).params["consent_token"]

    def grant(self, client: dict[str, Any] | None = None) -> str:
        """Consent to a fresh authorization request; returns the new grant's id."""
        before = {g["id"] for g in self._grants()}
        decision = {"consent_token": self.fresh_consent_token(client), "allowed": True}
        response = self.http.post("/v2/oauth/grants", json=decision, headers=self.key)
        assert response.status_code == 200, response.text
        (new,) = {str(g["id"]) for g in self._grants()} - before
        return new

    def _grants(self) -> list[dict[str, Any]]:
        response = self.http.get("/v2/oauth_grants", params={"page[size]": 100}, headers=self.key)
        assert response.status_code == 200, response.text
        data: list[dict[str, Any]] = response.json()["data"]
        return data

    def token(self, scope: str = "numbers.read") -> dict[str, Any]:
        response = self.http.post(
            "/v2/oauth/token",
            data={"grant_type": "client_credentials", "scope": scope},
            auth=self.basic,
        )
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    def rate_limited(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        """The request, made once the caller's rate-limit window is used up."""
        limit = self.http.post("/_sandbox/rate-limit", json={"limit": 1}, headers=self.key)
        assert limit.status_code == 200, limit.text
        try:
            self.http.request(method, path, **kwargs)
            return self.http.request(method, path, **kwargs)
        finally:
            off = self.http.post("/_sandbox/rate-limit", json={"limit": None}, headers=self.key)
            assert off.status_code == 200, off.text


@pytest.fixture(scope="module")
def world() -> Iterator[World]:
    with running() as server, httpx.Client(base_url=server.base_url) as http:
        partial = World(http, server, {}, "", "")
        partial.client = partial.new_client()
        partial.grant_id = partial.grant()
        partial.consent_token = partial.fresh_consent_token()
        yield partial


Probe = Callable[[World], httpx.Response]
PROBES: dict[str, tuple[str, Probe]] = {}


def probe(name: str, operation_id: str) -> Callable[[Probe], Probe]:
    def register(function: Probe) -> Probe:
        PROBES[name] = (operation_id, function)
        return function

    return register


# -- discovery ---------------------------------------------------------------------------------

probe("server metadata", "get_authorization_server_metadata")(
    lambda w: w.http.get("/.well-known/oauth-authorization-server")
)
probe("server metadata rate limited", "get_authorization_server_metadata")(
    lambda w: w.rate_limited("GET", "/.well-known/oauth-authorization-server")
)
probe("resource metadata", "get_protected_resource_metadata")(
    lambda w: w.http.get("/.well-known/oauth-protected-resource")
)

# -- oauth -------------------------------------------------------------------------------------

probe("authorize redirects", "authorize")(
    lambda w: w.http.get(
        "/v2/oauth/authorize",
        params={"response_type": "code", "client_id": w.client["client_id"], "state": "s"},
    )
)
probe("authorize unknown client", "authorize")(
    lambda w: w.http.get(
        "/v2/oauth/authorize",
        params={"response_type": "code", "client_id": "00000000-0000-4000-8000-000000000000"},
    )
)
probe("authorize bad request", "authorize")(
    lambda w: w.http.get("/v2/oauth/authorize", params={"response_type": "token"})
)
probe("consent details", "get_consent_details")(
    lambda w: w.http.get(f"/v2/oauth/consent/{w.consent_token}", headers=w.key)
)
probe("consent details unknown", "get_consent_details")(
    lambda w: w.http.get("/v2/oauth/consent/no-such-token", headers=w.key)
)
probe("consent details without key", "get_consent_details")(
    lambda w: w.http.get(f"/v2/oauth/consent/{w.consent_token}")
)
probe("consent decision", "submit_consent")(
    lambda w: w.http.post(
        "/v2/oauth/grants",
        json={"consent_token": w.fresh_consent_token(), "allowed": False},
        headers=w.key,
    )
)
probe("consent decision unknown token", "submit_consent")(
    lambda w: w.http.post(
        "/v2/oauth/grants", json={"consent_token": "no-such-token", "allowed": True}, headers=w.key
    )
)
probe("consent decision invalid body", "submit_consent")(
    lambda w: w.http.post("/v2/oauth/grants", json={"allowed": "yes"}, headers=w.key)
)
probe("token", "create_token")(
    lambda w: w.http.post(
        "/v2/oauth/token", data={"grant_type": "client_credentials"}, auth=w.basic
    )
)
probe("token bad secret", "create_token")(
    lambda w: w.http.post(
        "/v2/oauth/token",
        data={"grant_type": "client_credentials"},
        auth=(w.client["client_id"], "wrong"),
    )
)
probe("token bad code", "create_token")(
    lambda w: w.http.post(
        "/v2/oauth/token",
        data={"grant_type": "authorization_code", "code": "nope", "redirect_uri": REDIRECT_URI},
        auth=w.basic,
    )
)
probe("token bad scope", "create_token")(
    lambda w: w.http.post(
        "/v2/oauth/token",
        data={"grant_type": "client_credentials", "scope": "voice.write"},
        auth=w.basic,
    )
)
probe("introspect active", "introspect_token")(
    lambda w: w.http.post(
        "/v2/oauth/introspect", data={"token": w.token()["access_token"]}, auth=w.basic
    )
)
probe("introspect inactive", "introspect_token")(
    lambda w: w.http.post("/v2/oauth/introspect", data={"token": "unknown"}, auth=w.basic)
)
probe("introspect unauthenticated", "introspect_token")(
    lambda w: w.http.post("/v2/oauth/introspect", data={"token": "unknown"})
)
probe("jwks", "get_jwks")(lambda w: w.http.get("/v2/oauth/jwks"))
probe("register confidential", "register_client")(
    lambda w: w.http.post(
        "/v2/oauth/register",
        json={
            "client_name": "registered",
            "redirect_uris": [REDIRECT_URI],
            "grant_types": ["authorization_code", "refresh_token"],
            "scope": "numbers.read",
        },
    )
)
probe("register public", "register_client")(
    lambda w: w.http.post(
        "/v2/oauth/register",
        json={"redirect_uris": [REDIRECT_URI], "token_endpoint_auth_method": "none"},
    )
)
probe("register invalid", "register_client")(
    lambda w: w.http.post("/v2/oauth/register", json={"redirect_uris": ["not a uri"]})
)

# -- oauth_clients -----------------------------------------------------------------------------

probe("list clients", "list_oauth_clients")(
    lambda w: w.http.get("/v2/oauth_clients", params={"page[size]": 2}, headers=w.key)
)
probe("list clients without key", "list_oauth_clients")(lambda w: w.http.get("/v2/oauth_clients"))
probe("list clients bad page", "list_oauth_clients")(
    lambda w: w.http.get("/v2/oauth_clients", params={"page[size]": 0}, headers=w.key)
)
probe("list clients with a narrow token", "list_oauth_clients")(
    lambda w: w.http.get(
        "/v2/oauth_clients",
        headers={"Authorization": f"Bearer {w.token('numbers.read')['access_token']}"},
    )
)
probe("list clients rate limited", "list_oauth_clients")(
    lambda w: w.rate_limited("GET", "/v2/oauth_clients", headers=w.key)
)
probe("create client", "create_oauth_client")(
    lambda w: w.http.post(
        "/v2/oauth_clients",
        json={
            "name": "public one",
            "client_type": "public",
            "allowed_grant_types": ["authorization_code"],
            "allowed_scopes": ["numbers.read"],
            "redirect_uris": [REDIRECT_URI],
            "logo_uri": "https://app.example.com/logo.png",
        },
        headers=w.key,
    )
)
probe("create client invalid", "create_oauth_client")(
    lambda w: w.http.post("/v2/oauth_clients", json={"name": ""}, headers=w.key)
)
probe("get client", "get_oauth_client")(
    lambda w: w.http.get(f"/v2/oauth_clients/{w.client['client_id']}", headers=w.key)
)
probe("get client unknown", "get_oauth_client")(
    lambda w: w.http.get("/v2/oauth_clients/00000000-0000-4000-8000-000000000000", headers=w.key)
)
probe("update client", "update_oauth_client")(
    lambda w: w.http.put(
        f"/v2/oauth_clients/{w.client['client_id']}", json={"name": "renamed"}, headers=w.key
    )
)
probe("update client invalid", "update_oauth_client")(
    lambda w: w.http.put(
        f"/v2/oauth_clients/{w.client['client_id']}", json={"colour": "red"}, headers=w.key
    )
)
probe("delete client", "delete_oauth_client")(
    lambda w: w.http.delete(f"/v2/oauth_clients/{w.new_client()['client_id']}", headers=w.key)
)
probe("delete client unknown", "delete_oauth_client")(
    lambda w: w.http.delete("/v2/oauth_clients/00000000-0000-4000-8000-000000000000", headers=w.key)
)

# -- oauth_grants ------------------------------------------------------------------------------

probe("list grants", "list_oauth_grants")(lambda w: w.http.get("/v2/oauth_grants", headers=w.key))
probe("list grants without key", "list_oauth_grants")(lambda w: w.http.get("/v2/oauth_grants"))
probe("get grant", "get_oauth_grant")(
    lambda w: w.http.get(f"/v2/oauth_grants/{w.grant_id}", headers=w.key)
)
probe("get grant unknown", "get_oauth_grant")(
    lambda w: w.http.get("/v2/oauth_grants/00000000-0000-4000-8000-000000000000", headers=w.key)
)
probe("revoke grant", "revoke_oauth_grant")(
    lambda w: w.http.delete(f"/v2/oauth_grants/{w.grant(w.new_client())}", headers=w.key)
)
probe("revoke grant unknown", "revoke_oauth_grant")(
    lambda w: w.http.delete("/v2/oauth_grants/00000000-0000-4000-8000-000000000000", headers=w.key)
)

OPERATIONS = {op.operation_id: op for op in operations()}


def _media(content_type: str) -> str:
    return content_type.split(";", 1)[0].strip().lower()


@pytest.mark.parametrize("name", sorted(PROBES))
def test_answer_is_described_by_the_spec(world: World, name: str) -> None:
    """The answer's status, media type and every field of its body are in the spec."""
    operation_id, make = PROBES[name]
    response = make(world)
    responses = OPERATIONS[operation_id].data["responses"]
    documented = responses.get(str(response.status_code))
    assert documented is not None, (
        f"{operation_id} answered {response.status_code}, which it does not document: "
        f"{response.text[:300]}"
    )
    content = resolve(documented).get("content", {})
    if not response.content:
        assert not content or response.status_code in (302,), (
            f"{operation_id} {response.status_code}: empty body, spec documents {list(content)}"
        )
        return
    media = _media(response.headers.get("content-type", ""))
    assert media in content, f"{operation_id} {response.status_code}: {media} not documented"
    if media != "application/json":
        return
    validator = _closed_validator(content[media]["schema"])
    problems = [
        f"{'/'.join(map(str, error.absolute_path)) or '(body)'}: {error.message}"
        for error in validator.iter_errors(response.json())
    ]
    assert problems == [], f"{operation_id} {response.status_code}: " + "; ".join(problems)


def test_probes_cover_every_operation_with_a_success_and_an_error() -> None:
    """Each of the spec's operations has a probe for a success and, but JWKS, for an error."""
    by_operation: dict[str, int] = {op_id: 0 for op_id in OPERATIONS}
    for operation_id, _ in PROBES.values():
        by_operation[operation_id] += 1
    uncovered = {op_id for op_id, count in by_operation.items() if count == 0}
    assert uncovered == set()
    # Only the unauthenticated, parameterless reads have no error a request can provoke but
    # rate limiting, which two probes show for all.
    single = {op_id for op_id, count in by_operation.items() if count == 1}
    assert single == {"get_jwks", "get_protected_resource_metadata"}
