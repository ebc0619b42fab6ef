"""Canned response bodies for the in-memory transport, shaped as the real API answers."""

from __future__ import annotations

import json
from typing import Any

CLIENT_ID = "6a1f3c2e-8b4d-4e5f-9a7b-1c2d3e4f5a6b"
API_KEY = "KEYbench0000000000000000000000000"


def oauth_client(client_id: str = CLIENT_ID) -> dict[str, Any]:
    """One OAuthClient object with every documented field set."""
    return {
        "record_type": "oauth_client",
        "client_id": client_id,
        "name": "Benchmark client",
        "org_id": "2f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a",
        "user_id": "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d",
        "client_type": "confidential",
        "require_pkce": True,
        "created_at": "2025-03-14T09:26:53.589Z",
        "updated_at": "2025-06-01T12:00:00.000Z",
        "allowed_grant_types": ["client_credentials", "authorization_code", "refresh_token"],
        "allowed_scopes": ["admin", "numbers.read", "messaging.write"],
        "redirect_uris": ["https://app.example.com/callback", "http://127.0.0.1:8080/cb"],
        "client_secret": None,
        "logo_uri": "https://app.example.com/logo.png",
        "policy_uri": "https://app.example.com/privacy",
        "tos_uri": None,
    }


def oauth_client_body(client_id: str = CLIENT_ID) -> bytes:
    """The body of ``GET /v2/oauth_clients/{id}``: ``{"data": <OAuthClient>}``."""
    return json.dumps({"data": oauth_client(client_id)}, separators=(",", ":")).encode()
