"""The two discovery documents (RFC 8414, RFC 9728), always read from the host root; why the
root, and why without credentials: docs/design.md, "Discovery"."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

import httpx

from telnyx_oauth_api.errors import parse_json_body

from ._drive import Core, arun, run
from ._http import api_base_url, status_error

if TYPE_CHECKING:
    from telnyx_oauth_api import AuthenticatedClient, Client
    from telnyx_oauth_api.models import AuthorizationServerMetadata, ProtectedResourceMetadata

__all__ = [
    "aget_authorization_server_metadata",
    "aget_protected_resource_metadata",
    "get_authorization_server_metadata",
    "get_protected_resource_metadata",
]

# Each document: its path, its generated model (imported on first use) and its operation's name.
_AS = (
    "/.well-known/oauth-authorization-server",
    "AuthorizationServerMetadata",
    "get_authorization_server_metadata",
)
_PR = (
    "/.well-known/oauth-protected-resource",
    "ProtectedResourceMetadata",
    "get_protected_resource_metadata",
)


def _document(
    client: AuthenticatedClient | Client, path: str, model: str, operation: str, *, is_async: bool
) -> Core[Any]:
    url = httpx.URL(api_base_url(client)).copy_with(path=path, query=None, fragment=None)
    http = client.get_async_httpx_client() if is_async else client.get_httpx_client()
    response = yield http.get(url, auth=None)
    if response.status_code >= 400:
        raise status_error(response)
    from telnyx_oauth_api import models

    return parse_json_body(response, operation, getattr(models, model).from_dict)


def get_authorization_server_metadata(
    client: AuthenticatedClient | Client,
) -> AuthorizationServerMetadata:
    """The RFC 8414 authorization server metadata of the client's host."""
    return cast("AuthorizationServerMetadata", run(_document(client, *_AS, is_async=False)))


def get_protected_resource_metadata(
    client: AuthenticatedClient | Client,
) -> ProtectedResourceMetadata:
    """The RFC 9728 protected resource metadata of the client's host."""
    return cast("ProtectedResourceMetadata", run(_document(client, *_PR, is_async=False)))


async def aget_authorization_server_metadata(
    client: AuthenticatedClient | Client,
) -> AuthorizationServerMetadata:
    """Async ``get_authorization_server_metadata``."""
    return cast("AuthorizationServerMetadata", await arun(_document(client, *_AS, is_async=True)))


async def aget_protected_resource_metadata(
    client: AuthenticatedClient | Client,
) -> ProtectedResourceMetadata:
    """Async ``get_protected_resource_metadata``."""
    return cast("ProtectedResourceMetadata", await arun(_document(client, *_PR, is_async=True)))
