"""Telnyx's official Python SDK works against the sandbox unchanged, only pointed at it.

The sandbox is a stand-in for the real service, not for this project's client: a user testing
an integration written with the official SDK gets the same answers as from this project.
"""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
import telnyx

from telnyx_oauth_sandbox import SandboxServer


@pytest.fixture
def sdk(sandbox: SandboxServer) -> Iterator[telnyx.Telnyx]:
    with httpx.Client() as http:
        yield telnyx.Telnyx(
            api_key=sandbox.api_key, base_url=f"{sandbox.base_url}/v2", http_client=http
        )


def _create(sdk: telnyx.Telnyx, name: str = "SDK app") -> telnyx.types.OAuthClientCreateResponse:
    return sdk.oauth_clients.create(
        name=name,
        client_type="confidential",
        allowed_grant_types=["client_credentials"],
        allowed_scopes=["numbers.read"],
    )


def test_sdk_manages_oauth_clients(sdk: telnyx.Telnyx) -> None:
    """Create, retrieve, update, list with a filter, and delete through the SDK."""
    created = _create(sdk)
    assert created.data is not None
    client_id = created.data.client_id
    assert created.data.client_secret
    assert sdk.oauth_clients.retrieve(client_id).data.name == "SDK app"  # type: ignore[union-attr]
    sdk.oauth_clients.update(client_id, name="SDK app, renamed")
    listed = sdk.oauth_clients.list(filter_name_contains="renamed", page_size=10)
    assert [c.client_id for c in listed.data] == [client_id]
    sdk.oauth_clients.delete(client_id)
    with pytest.raises(telnyx.NotFoundError):
        sdk.oauth_clients.retrieve(client_id)


def test_sdk_token_and_introspection(sdk: telnyx.Telnyx) -> None:
    """The SDK's token call (JSON body, its API key as bearer) and introspection work."""
    created = _create(sdk)
    assert created.data is not None
    token = sdk.oauth.token(
        grant_type="client_credentials",
        client_id=created.data.client_id,
        client_secret=str(created.data.client_secret),
    )
    assert token.token_type == "Bearer"
    state = sdk.oauth.introspect(token=token.access_token)
    assert state.active is True
    assert state.client_id == created.data.client_id


def test_sdk_reads_jwks_and_grants(sdk: telnyx.Telnyx) -> None:
    """The JWKS carries RSA key material, and the grants list answers in the SDK's shape."""
    jwks = sdk.oauth.retrieve_jwks()
    assert jwks.keys
    assert jwks.keys[0].kty == "RSA"
    assert list(sdk.oauth_grants.list().data) == []


def test_sdk_client_credentials_mode_cannot_reach_the_sandbox(sandbox: SandboxServer) -> None:
    """docs/sandbox.md says so: given client_id and client_secret instead of an API key, the SDK
    asks https://api.telnyx.com/v2/oauth/token for its token, whatever base_url says. Recorded
    through a mock transport, so nothing leaves the machine; when a new SDK asks the sandbox
    instead, this fails and the page must change."""
    seen: list[httpx.URL] = []

    def record(request: httpx.Request) -> httpx.Response:
        seen.append(request.url)
        return httpx.Response(503, json={"errors": [{"code": "10001", "title": "recorded"}]})

    with httpx.Client(transport=httpx.MockTransport(record)) as http:
        sdk = telnyx.Telnyx(
            api_key=None,
            client_id="CLIENT_ID",
            client_secret="CLIENT_SECRET",
            base_url=f"{sandbox.base_url}/v2",
            http_client=http,
            max_retries=0,
        )
        with pytest.raises(telnyx.APIStatusError):  # the recorded 503
            sdk.oauth_grants.list()
    assert seen, "the SDK made no request"
    assert str(seen[0]) == "https://api.telnyx.com/v2/oauth/token"
