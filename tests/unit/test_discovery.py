"""Discovery documents come from the host root whatever the base URL."""

from __future__ import annotations

import httpx
import pytest

import telnyx_oauth
from tests.unit._support import (
    CLIENT_ID,
    CLIENT_SECRET,
    Recorder,
    connect,
    connect_anonymous,
    json_response,
)

AS_METADATA = {
    "issuer": "https://api.test",
    "authorization_endpoint": "https://api.test/v2/oauth/authorize",
    "token_endpoint": "https://api.test/v2/oauth/token",
    "response_types_supported": ["code"],
    "code_challenge_methods_supported": ["S256"],
    "dpop_signing_alg_values_supported": ["ES256"],
}
PR_METADATA = {"resource": "https://api.test", "authorization_servers": ["https://api.test"]}


def _server() -> Recorder:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/.well-known/oauth-authorization-server":
            return json_response(200, AS_METADATA)
        if request.url.path == "/.well-known/oauth-protected-resource":
            return json_response(200, PR_METADATA)
        return json_response(404, {"error": "not_found"})

    return Recorder(handler)


@pytest.mark.parametrize(
    "base_url", ["https://api.test", "https://api.test/v2", "https://api.test/gateway/prefix"]
)
def test_authorization_server_metadata_from_host_root(base_url: str) -> None:
    """The RFC 8414 document is read at the host root, unknown fields kept."""
    recorder = _server()
    metadata = telnyx_oauth.get_authorization_server_metadata(
        connect_anonymous(recorder, base_url=base_url)
    )
    assert (
        str(recorder.requests[0].url) == "https://api.test/.well-known/oauth-authorization-server"
    )
    assert metadata.issuer == "https://api.test"
    assert metadata.additional_properties["dpop_signing_alg_values_supported"] == ["ES256"]


async def test_protected_resource_metadata_async() -> None:
    """The RFC 9728 document, async, also from the root."""
    recorder = _server()
    metadata = await telnyx_oauth.aget_protected_resource_metadata(
        connect_anonymous(recorder, base_url="https://api.test/prefix")
    )
    assert str(recorder.requests[0].url) == "https://api.test/.well-known/oauth-protected-resource"
    assert metadata.authorization_servers == ["https://api.test"]


def test_protected_resource_metadata_sync() -> None:
    """The sync twin returns the same document."""
    metadata = telnyx_oauth.get_protected_resource_metadata(connect_anonymous(_server()))
    assert metadata.resource == "https://api.test"


async def test_authorization_server_metadata_async() -> None:
    """The async authorization-server document."""
    metadata = await telnyx_oauth.aget_authorization_server_metadata(connect_anonymous(_server()))
    assert metadata.token_endpoint == "https://api.test/v2/oauth/token"


def test_discovery_sends_no_credentials() -> None:
    """Discovery is public: no API key, and no client-credentials token fetched for it."""
    recorder = _server()
    telnyx_oauth.get_authorization_server_metadata(connect(recorder))
    auth = telnyx_oauth.ClientCredentials(CLIENT_ID, CLIENT_SECRET)
    telnyx_oauth.get_authorization_server_metadata(connect(recorder, auth=auth))
    assert len(recorder.requests) == 2
    assert all("authorization" not in r.headers for r in recorder.requests)


def test_port_is_kept() -> None:
    """A local sandbox's port stays in the discovery URL."""
    recorder = _server()
    telnyx_oauth.get_authorization_server_metadata(
        connect_anonymous(recorder, base_url="http://127.0.0.1:8123/v2")
    )
    assert str(recorder.requests[0].url) == (
        "http://127.0.0.1:8123/.well-known/oauth-authorization-server"
    )


def test_invalid_document_raises() -> None:
    """A document missing required fields raises APIResponseValidationError with the response."""
    recorder = Recorder(lambda r: json_response(200, {"issuer": "x"}))
    with pytest.raises(telnyx_oauth.APIResponseValidationError) as caught:
        telnyx_oauth.get_authorization_server_metadata(connect_anonymous(recorder))
    assert caught.value.response is not None


def test_html_document_raises() -> None:
    """A non-JSON 200 raises APIResponseValidationError."""
    recorder = Recorder(lambda r: httpx.Response(200, text="<html></html>"))
    with pytest.raises(telnyx_oauth.APIResponseValidationError):
        telnyx_oauth.get_protected_resource_metadata(connect_anonymous(recorder))


def test_missing_document_is_typed() -> None:
    """A 404 raises NotFoundError."""
    recorder = Recorder(lambda r: httpx.Response(404, text="nope"))
    with pytest.raises(telnyx_oauth.NotFoundError):
        telnyx_oauth.get_protected_resource_metadata(connect_anonymous(recorder))


def test_a_refused_wait_is_named_with_a_client_of_ones_own() -> None:
    """With the generated Client on an httpx client of the user's own, retrying through
    ``RetryTransport``, a 429 asking for longer than the policy honours is still the
    ``RetryAfterTooLongError`` that ``connect()`` clients raise."""
    from telnyx_oauth.retries import RetryTransport
    from telnyx_oauth_api import Client

    def handler(request: httpx.Request) -> httpx.Response:
        return json_response(429, {"error": "slow_down"}, headers={"Retry-After": "3600"})

    transport = RetryTransport(httpx.MockTransport(handler))
    client = Client(base_url="https://api.test")
    client.set_httpx_client(httpx.Client(base_url="https://api.test", transport=transport))
    with pytest.raises(telnyx_oauth.RetryAfterTooLongError) as caught:
        telnyx_oauth.get_authorization_server_metadata(client)
    assert caught.value.retry_after_seconds == 3600
    assert isinstance(caught.value, telnyx_oauth.RateLimitError)
