"""Responses from a newer API parse: unknown enum values and unknown fields are kept, not fatal."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from telnyx_oauth_api import AuthenticatedClient
from telnyx_oauth_api.api.discovery import get_authorization_server_metadata
from telnyx_oauth_api.api.oauth_clients import list_oauth_clients
from telnyx_oauth_api.models import (
    AuthorizationServerMetadata,
    ClientType,
    GrantType,
    OAuthClient,
    OAuthClientListResponse,
)

NEWER_CLIENT: dict[str, Any] = {
    "record_type": "oauth_client",
    "client_id": "5f3c6c1e-8a4b-4a57-9a8f-1c2d3e4f5a6b",
    "name": "Example App",
    "org_id": "3b1c1b0e-2f4a-4d8e-9c77-0a1b2c3d4e5f",
    "user_id": "9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d",
    "client_type": "first_party",
    "require_pkce": True,
    "allowed_grant_types": ["authorization_code", "urn:ietf:params:oauth:grant-type:device_code"],
    "allowed_scopes": ["numbers.read"],
    "created_at": "2026-03-02T10:15:30+00:00",
    "updated_at": "2026-03-02T10:15:30+00:00",
    "verified": True,
    "rate_limit": {"per_minute": 600},
}


def test_unknown_extensible_value_parses_and_keeps_its_value() -> None:
    """A client type the spec does not list yet parses, and is sent back as it came.

    The spec describes answers' client types as extensible (`x-extensible-enum`), so the
    generated field is a string that takes any value.
    """
    client = OAuthClient.from_dict(NEWER_CLIENT)
    assert client.client_type == "first_party"
    assert client.to_dict()["client_type"] == "first_party"


def test_unknown_extensible_value_inside_an_array_parses() -> None:
    """A grant type the spec does not list yet, inside an array, is kept beside known ones,
    and the known ones still compare equal to the request enum's members."""
    grant_types = OAuthClient.from_dict(NEWER_CLIENT).allowed_grant_types
    assert grant_types == NEWER_CLIENT["allowed_grant_types"]
    assert isinstance(grant_types, list)
    assert grant_types[0] == GrantType.AUTHORIZATION_CODE


def test_unknown_request_enum_value_is_kept_by_the_enum() -> None:
    """The request enums stay closed in the spec; the Python enum still keeps a value it does
    not know rather than failing (a newer server's value read back by older code)."""
    value = ClientType("first_party")
    assert value == "first_party"
    assert not value.is_known()


def test_known_enum_values_are_still_the_members() -> None:
    """Known values keep resolving to the enum's own members, and the members are unchanged."""
    assert ClientType("public") is ClientType.PUBLIC
    assert set(ClientType) == {ClientType.PUBLIC, ClientType.CONFIDENTIAL}


def test_non_string_enum_value_is_still_an_error() -> None:
    """Forward compatibility covers new strings, not wrong types."""
    with pytest.raises(ValueError, match="3 is not a valid ClientType"):
        ClientType(3)  # type: ignore[arg-type]


def test_unknown_fields_are_kept_and_sent_back() -> None:
    """Fields the spec does not know land in `additional_properties` and survive `to_dict`."""
    client = OAuthClient.from_dict(NEWER_CLIENT)
    assert client.additional_properties == {"verified": True, "rate_limit": {"per_minute": 600}}
    assert client.to_dict() == NEWER_CLIENT


def test_discovery_document_keeps_fields_outside_any_schema() -> None:
    """Live metadata carries fields not in RFC 8414's list; they are kept."""
    document = {
        "issuer": "https://api.telnyx.com",
        "authorization_endpoint": "https://api.telnyx.com/v2/oauth/authorize",
        "token_endpoint": "https://api.telnyx.com/v2/oauth/token",
        "response_types_supported": ["code"],
        "code_challenge_methods_supported": ["S256", "S512"],
        "revocation_endpoint": "https://api.telnyx.com/v2/oauth/revoke",
    }
    metadata = AuthorizationServerMetadata.from_dict(document)
    assert metadata["revocation_endpoint"] == "https://api.telnyx.com/v2/oauth/revoke"
    assert metadata.to_dict() == document


def _client_answering(body: dict[str, Any]) -> AuthenticatedClient:
    client = AuthenticatedClient(base_url="https://api.telnyx.com", token="test-key")
    transport = httpx.MockTransport(lambda request: httpx.Response(200, json=body))
    return client.set_httpx_client(httpx.Client(base_url=client._base_url, transport=transport))


def test_generated_endpoint_parses_a_newer_list_response() -> None:
    """The generated list function returns a page holding the newer client, nothing lost."""
    body = {"data": [NEWER_CLIENT], "meta": {"page_number": 1, "cursor": "abc"}}
    page = list_oauth_clients.sync(client=_client_answering(body))
    assert isinstance(page, OAuthClientListResponse)
    assert page.to_dict() == body


def test_generated_discovery_endpoint_parses_a_newer_document() -> None:
    """The generated discovery function keeps an unknown response type value."""
    body = {
        "issuer": "https://api.telnyx.com",
        "authorization_endpoint": "https://api.telnyx.com/v2/oauth/authorize",
        "token_endpoint": "https://api.telnyx.com/v2/oauth/token",
        "response_types_supported": ["code", "code id_token"],
    }
    metadata = get_authorization_server_metadata.sync(client=_client_answering(body))
    assert isinstance(metadata, AuthorizationServerMetadata)
    assert metadata.to_dict() == body
