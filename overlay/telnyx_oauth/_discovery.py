"""The two discovery documents, always read from the host root.

RFC 8414 and RFC 9728 put ``/.well-known/oauth-authorization-server`` and
``/.well-known/oauth-protected-resource`` at the root of the host, whatever path the API itself
lives under. The generated functions join their path to the client's ``base_url``, so a client
pointed at a gateway prefix (``https://gw.example.com/telnyx``) would ask the wrong URL; these
helpers build the absolute URL from the base URL's scheme, host and port only, send it through the
client's httpx client (retries, typed errors, timeouts) without credentials (discovery is public,
and a ``ClientCredentials`` auth would otherwise fetch a token for nothing), and parse it with the
generated models, which keep unknown fields in ``additional_properties``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Protocol, Self, TypeVar

import httpx

from telnyx_oauth_api.errors import make_status_error, parse_json_body

from ._http import api_base_url
from ._operations import AUTHORIZATION_SERVER_METADATA_PATH, PROTECTED_RESOURCE_METADATA_PATH

if TYPE_CHECKING:
    from telnyx_oauth_api import AuthenticatedClient, Client
    from telnyx_oauth_api.models import AuthorizationServerMetadata, ProtectedResourceMetadata

__all__ = [
    "aget_authorization_server_metadata",
    "aget_protected_resource_metadata",
    "get_authorization_server_metadata",
    "get_protected_resource_metadata",
]


def well_known_url(base_url: str | httpx.URL, path: str) -> httpx.URL:
    """``path`` at the root of ``base_url``'s host (scheme, host and port kept, path dropped)."""
    return httpx.URL(str(base_url)).copy_with(path=path, query=None, fragment=None)


def _url(client: AuthenticatedClient | Client, path: str) -> httpx.URL:
    return well_known_url(api_base_url(client), path)


class _Document(Protocol):
    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self: ...


_M = TypeVar("_M", bound=_Document)


def _parse(response: httpx.Response, model: type[_M], operation: str) -> _M:
    if response.status_code >= 400:
        raise make_status_error(response)
    # The generated model checks the document against the spec; a mismatch names the field.
    return parse_json_body(response, operation, model.from_dict)


def _get(client: AuthenticatedClient | Client, path: str, model: type[_M], operation: str) -> _M:
    response = client.get_httpx_client().get(_url(client, path), auth=None)
    return _parse(response, model, operation)


async def _aget(
    client: AuthenticatedClient | Client, path: str, model: type[_M], operation: str
) -> _M:
    response = await client.get_async_httpx_client().get(_url(client, path), auth=None)
    return _parse(response, model, operation)


def _models() -> Any:
    from telnyx_oauth_api import models

    return models


def get_authorization_server_metadata(
    client: AuthenticatedClient | Client,
) -> AuthorizationServerMetadata:
    """The RFC 8414 authorization server metadata of the client's host."""
    model: type[AuthorizationServerMetadata] = _models().AuthorizationServerMetadata
    return _get(
        client, AUTHORIZATION_SERVER_METADATA_PATH, model, "get_authorization_server_metadata"
    )


async def aget_authorization_server_metadata(
    client: AuthenticatedClient | Client,
) -> AuthorizationServerMetadata:
    """Async ``get_authorization_server_metadata``."""
    model: type[AuthorizationServerMetadata] = _models().AuthorizationServerMetadata
    return await _aget(
        client, AUTHORIZATION_SERVER_METADATA_PATH, model, "get_authorization_server_metadata"
    )


def get_protected_resource_metadata(
    client: AuthenticatedClient | Client,
) -> ProtectedResourceMetadata:
    """The RFC 9728 protected resource metadata of the client's host."""
    model: type[ProtectedResourceMetadata] = _models().ProtectedResourceMetadata
    return _get(client, PROTECTED_RESOURCE_METADATA_PATH, model, "get_protected_resource_metadata")


async def aget_protected_resource_metadata(
    client: AuthenticatedClient | Client,
) -> ProtectedResourceMetadata:
    """Async ``get_protected_resource_metadata``."""
    model: type[ProtectedResourceMetadata] = _models().ProtectedResourceMetadata
    return await _aget(
        client, PROTECTED_RESOURCE_METADATA_PATH, model, "get_protected_resource_metadata"
    )
