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

from typing import TYPE_CHECKING, Any, cast

import httpx

from telnyx_oauth_api.errors import make_status_error, parse_json_body

from ._drive import Core, arun, run
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


def _document(
    client: AuthenticatedClient | Client, path: str, model: str, operation: str, *, is_async: bool
) -> Core[Any]:
    """Fetch and parse one discovery document (``_drive``); ``model`` names its generated model,
    imported only now to keep ``import telnyx_oauth`` cheap."""
    url = well_known_url(api_base_url(client), path)
    if is_async:
        response = yield client.get_async_httpx_client().get(url, auth=None)
    else:
        response = yield client.get_httpx_client().get(url, auth=None)
    if response.status_code >= 400:
        raise make_status_error(response)
    from telnyx_oauth_api import models

    # The generated model checks the document against the spec; a mismatch names the field.
    return parse_json_body(response, operation, getattr(models, model).from_dict)


_AS = (
    AUTHORIZATION_SERVER_METADATA_PATH,
    "AuthorizationServerMetadata",
    "get_authorization_server_metadata",
)
_PR = (
    PROTECTED_RESOURCE_METADATA_PATH,
    "ProtectedResourceMetadata",
    "get_protected_resource_metadata",
)


def get_authorization_server_metadata(
    client: AuthenticatedClient | Client,
) -> AuthorizationServerMetadata:
    """The RFC 8414 authorization server metadata of the client's host."""
    return cast("AuthorizationServerMetadata", run(_document(client, *_AS, is_async=False)))


async def aget_authorization_server_metadata(
    client: AuthenticatedClient | Client,
) -> AuthorizationServerMetadata:
    """Async ``get_authorization_server_metadata``."""
    return cast("AuthorizationServerMetadata", await arun(_document(client, *_AS, is_async=True)))


def get_protected_resource_metadata(
    client: AuthenticatedClient | Client,
) -> ProtectedResourceMetadata:
    """The RFC 9728 protected resource metadata of the client's host."""
    return cast("ProtectedResourceMetadata", run(_document(client, *_PR, is_async=False)))


async def aget_protected_resource_metadata(
    client: AuthenticatedClient | Client,
) -> ProtectedResourceMetadata:
    """Async ``get_protected_resource_metadata``."""
    return cast("ProtectedResourceMetadata", await arun(_document(client, *_PR, is_async=True)))
