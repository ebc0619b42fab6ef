"""The overlay's discovery helpers read the two documents from the host root, sync and async."""

from __future__ import annotations

from telnyx_oauth import (
    aget_authorization_server_metadata,
    aget_protected_resource_metadata,
    connect_anonymous,
    get_authorization_server_metadata,
    get_protected_resource_metadata,
)
from telnyx_oauth_api import Client
from telnyx_oauth_sandbox import SandboxControls, SandboxServer


def test_metadata_from_host_root_with_v2_base_url(
    sandbox: SandboxServer, controls: SandboxControls
) -> None:
    """A base URL ending in /v2 still reads ``/.well-known/...`` at the root of the host."""
    with connect_anonymous(base_url=f"{sandbox.base_url}/v2") as anon:
        metadata = get_authorization_server_metadata(anon)
    assert metadata.issuer == sandbox.base_url
    assert controls.requests("GET", "/.well-known/oauth-authorization-server") == 1


def test_metadata_lists_introspection_auth_methods(anon: Client) -> None:
    """RFC 8414's ``introspection_endpoint_auth_methods_supported`` is read into its field:
    only authenticated clients may introspect (unknown fields are kept too, as
    tests/spec/test_forward_compatibility.py shows)."""
    metadata = get_authorization_server_metadata(anon)
    assert metadata.introspection_endpoint_auth_methods_supported == [
        "client_secret_basic",
        "client_secret_post",
    ]
    assert metadata.additional_properties == {}


def test_protected_resource_metadata(anon: Client, sandbox: SandboxServer) -> None:
    """The protected resource document names the sandbox as its authorization server."""
    resource = get_protected_resource_metadata(anon)
    assert resource.authorization_servers == [sandbox.base_url]


async def test_async_discovery(aanon: Client, sandbox: SandboxServer) -> None:
    """The async helpers return the same documents."""
    metadata = await aget_authorization_server_metadata(aanon)
    resource = await aget_protected_resource_metadata(aanon)
    assert metadata.jwks_uri == f"{sandbox.base_url}/v2/oauth/jwks"
    assert resource.resource == sandbox.base_url
