"""What the sandbox remembers: clients, grants, consent requests, codes and tokens.

Secrets (client secrets, codes, consent tokens, access and refresh tokens) are kept only as
SHA-256 digests, as dictionary keys or ``*_digest`` fields that reprs leave out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

GRANT_TYPES = ("client_credentials", "authorization_code", "refresh_token")


def isoformat(timestamp: float) -> str:
    """RFC 3339 UTC time with milliseconds, as the Telnyx API writes it."""
    moment = datetime.fromtimestamp(timestamp, UTC)
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


@dataclass
class Client:
    """An OAuth client as the management API shows it, plus how it authenticates."""

    client_id: str
    name: str
    org_id: str
    user_id: str
    client_type: str
    require_pkce: bool
    allowed_grant_types: list[str]
    allowed_scopes: list[str]
    redirect_uris: list[str]
    created_at: float
    updated_at: float
    auth_methods: tuple[str, ...]
    secret_digest: str | None = field(default=None, repr=False)
    logo_uri: str | None = None
    policy_uri: str | None = None
    tos_uri: str | None = None
    verified: bool = False

    def to_json(self, client_secret: str | None = None) -> dict[str, Any]:
        """The spec's ``OAuthClient``; ``client_secret`` only in the answer that created it."""
        return {
            "record_type": "oauth_client",
            "client_id": self.client_id,
            "name": self.name,
            "org_id": self.org_id,
            "user_id": self.user_id,
            "client_type": self.client_type,
            "require_pkce": self.require_pkce,
            "allowed_grant_types": list(self.allowed_grant_types),
            "allowed_scopes": list(self.allowed_scopes),
            "redirect_uris": list(self.redirect_uris),
            "client_secret": client_secret,
            "logo_uri": self.logo_uri,
            "policy_uri": self.policy_uri,
            "tos_uri": self.tos_uri,
            "created_at": isoformat(self.created_at),
            "updated_at": isoformat(self.updated_at),
        }


@dataclass
class Grant:
    """What a user allowed one client: the union of the scopes of its consents."""

    id: str
    client_id: str
    scopes: list[str]
    created_at: float
    last_used_at: float | None = None

    def to_json(self) -> dict[str, Any]:
        """The spec's ``OAuthGrant``."""
        return {
            "id": self.id,
            "record_type": "oauth_grant",
            "client_id": self.client_id,
            "scopes": list(self.scopes),
            "created_at": isoformat(self.created_at),
            "last_used_at": None if self.last_used_at is None else isoformat(self.last_used_at),
        }


@dataclass
class ConsentRequest:
    """An authorization request waiting for the user's decision (key: its consent token)."""

    client_id: str
    redirect_uri: str
    scopes: list[str]
    state: str | None = field(repr=False)
    code_challenge: str | None = field(repr=False)
    expires_at: float


@dataclass
class AuthorizationCode:
    """A code waiting for its exchange (key: the code's digest)."""

    client_id: str
    redirect_uri: str
    scopes: list[str]
    code_challenge: str | None = field(repr=False)
    grant_id: str
    expires_at: float
    used: bool = False
    family_id: str | None = None


@dataclass
class TokenFamily:
    """The tokens descending from one code exchange; revoked together on code or refresh replay."""

    id: str
    client_id: str
    grant_id: str | None
    revoked: bool = False


@dataclass
class AccessToken:
    """An issued access token (key: the JWT's digest)."""

    jti: str
    client_id: str
    sub: str
    scopes: list[str]
    issued_at: int
    expires_at: int
    family_id: str | None
    grant_id: str | None


@dataclass
class RefreshToken:
    """An issued refresh token (key: its digest); spent once, then ``rotated``."""

    client_id: str
    sub: str
    scopes: list[str]
    issued_at: int
    expires_at: int
    family_id: str
    grant_id: str | None
    rotated: bool = False


@dataclass(frozen=True)
class LiveToken:
    """What a live access token presented as a bearer may do, and for whom."""

    client_id: str
    scopes: frozenset[str]
    grant_id: str | None
