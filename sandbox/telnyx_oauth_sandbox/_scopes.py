"""Scopes: the catalogue the sandbox knows, scope strings, and the scope that manages accounts."""

from __future__ import annotations

import re

from ._errors import OAuthError

SCOPE_CATALOGUE: dict[str, tuple[str, str]] = {
    "admin": ("Admin", "Full access to the account."),
    "numbers.read": ("Read numbers", "List and read phone numbers."),
    "numbers.write": ("Manage numbers", "Order, update and release phone numbers."),
    "messaging.read": ("Read messages", "Read messages and messaging profiles."),
    "messaging.write": ("Send messages", "Send messages and manage messaging profiles."),
    "calls.read": ("Read calls", "Read call records."),
    "calls.write": ("Make calls", "Place and control calls."),
}
"""Scopes the sandbox knows (id -> (name, description)); unknown scopes are allowed too."""

MANAGEMENT_SCOPE = "admin"
"""The scope an access token needs to call the OAuth client and grant management API."""

DEFAULT_REGISTRATION_SCOPES = ("numbers.read", "messaging.read", "calls.read")
"""What ``POST /v2/oauth/register`` grants when the request names no ``scope``: read-only."""

_SCOPE_TOKEN = re.compile(r"[\x21\x23-\x5b\x5d-\x7e]+")


def is_scope_token(value: str) -> bool:
    """Whether ``value`` is one scope-token of RFC 6749 3.3."""
    return _SCOPE_TOKEN.fullmatch(value) is not None


def split_scope(scope: str) -> list[str]:
    """Space-separated scope string -> list, order kept, duplicates dropped."""
    return list(dict.fromkeys(scope.split()))


def scope_details(scope: str) -> dict[str, str]:
    """A scope as the consent details show it: id, name and description."""
    name, description = SCOPE_CATALOGUE.get(scope, (scope, ""))
    return {"id": scope, "name": name, "description": description}


def scopes_outside(requested: list[str], allowed: list[str]) -> list[str]:
    """The requested scopes that ``allowed`` does not hold, in request order."""
    return [s for s in requested if s not in allowed]


def granted_scopes(requested: str | None, allowed: list[str]) -> list[str]:
    """The requested scopes if all are allowed, all allowed scopes if none were requested;
    400 ``invalid_scope`` naming the others."""
    if requested is None or not requested.strip():
        return list(allowed)
    scopes = split_scope(requested)
    outside = scopes_outside(scopes, allowed)
    if outside:
        raise OAuthError(400, "invalid_scope", f"scope not allowed: {' '.join(outside)}")
    return scopes
