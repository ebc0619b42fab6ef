"""The sandbox's state and the rules of a real authorization server, behind one lock.

Secrets (client secrets, codes, consent tokens, access and refresh tokens) are stored only as
SHA-256 digests; reprs leave them out.
"""

from __future__ import annotations

import threading
import uuid
from dataclasses import dataclass, field
from typing import Any, TypeVar

from ._clock import Clock
from ._constants import (
    ACCESS_TOKEN_LIFETIME_SECONDS,
    AUTHORIZATION_CODE_LIFETIME_SECONDS,
    CONSENT_TOKEN_LIFETIME_SECONDS,
    REFRESH_TOKEN_LIFETIME_SECONDS,
    SCOPE_CATALOGUE,
)
from ._errors import OAuthError
from ._keys import KeyRing
from ._util import (
    add_query,
    digest,
    is_code_verifier,
    isoformat,
    new_secret,
    page_count,
    s256,
    same_digest,
    split_scope,
)

GRANT_TYPES = ("client_credentials", "authorization_code", "refresh_token")
AUTH_METHODS = ("none", "client_secret_basic", "client_secret_post")

_T = TypeVar("_T")


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
    id: str
    client_id: str
    scopes: list[str]
    created_at: float
    last_used_at: float | None = None

    def to_json(self) -> dict[str, Any]:
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
    client_id: str
    redirect_uri: str
    scopes: list[str]
    state: str | None = field(repr=False)
    code_challenge: str | None = field(repr=False)
    expires_at: float


@dataclass
class AuthorizationCode:
    client_id: str
    redirect_uri: str
    scopes: list[str]
    code_challenge: str | None = field(repr=False)
    grant_id: str
    expires_at: float
    used: bool = False
    family_id: str | None = None


@dataclass
class Family:
    """The tokens descending from one code exchange; revoked together on code or refresh replay."""

    id: str
    client_id: str
    grant_id: str | None
    revoked: bool = False


@dataclass
class AccessToken:
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
    client_id: str
    sub: str
    scopes: list[str]
    issued_at: int
    expires_at: int
    family_id: str
    grant_id: str | None
    rotated: bool = False


@dataclass
class ClientCredentials:
    """Who the token/introspect caller says it is; the secret never appears in a repr."""

    client_id: str | None
    client_secret: str | None = field(repr=False)
    method: str  # "client_secret_basic" | "client_secret_post" | "none"
    basic_attempted: bool = False


def _invalid_client(description: str, credentials: ClientCredentials) -> OAuthError:
    headers = {}
    if credentials.basic_attempted:
        headers["WWW-Authenticate"] = 'Basic realm="telnyx-oauth-sandbox"'
    return OAuthError(401, "invalid_client", description, headers=headers)


def _not_found(kind: str) -> OAuthError:
    return OAuthError(404, "not_found", f"{kind} not found")


class Sandbox:
    """Every piece of state and every rule; all public methods are thread-safe."""

    def __init__(
        self,
        *,
        issuer: str,
        clock: Clock,
        keys: KeyRing,
        org_id: str | None = None,
        user_id: str | None = None,
    ) -> None:
        self.issuer = issuer
        self.clock = clock
        self.keys = keys
        self.org_id = org_id or str(uuid.uuid4())
        self.user_id = user_id or str(uuid.uuid4())
        self._lock = threading.RLock()
        self._clients: dict[str, Client] = {}
        self._grants: dict[str, Grant] = {}
        self._consents: dict[str, ConsentRequest] = {}
        self._codes: dict[str, AuthorizationCode] = {}
        self._families: dict[str, Family] = {}
        self._access: dict[str, AccessToken] = {}
        self._refresh: dict[str, RefreshToken] = {}

    def __repr__(self) -> str:
        return f"Sandbox(issuer={self.issuer!r}, clients={len(self._clients)})"

    def reset(self) -> None:
        """Forget every client, grant, code and token."""
        with self._lock:
            self._clients.clear()
            self._grants.clear()
            self._consents.clear()
            self._codes.clear()
            self._families.clear()
            self._access.clear()
            self._refresh.clear()

    # -- clients ---------------------------------------------------------------------------

    def create_client(
        self,
        *,
        name: str,
        client_type: str,
        allowed_grant_types: list[str],
        allowed_scopes: list[str],
        redirect_uris: list[str] | None = None,
        require_pkce: bool = False,
        logo_uri: str | None = None,
        policy_uri: str | None = None,
        tos_uri: str | None = None,
        auth_methods: tuple[str, ...] | None = None,
        verified: bool = False,
        client_secret: str | None = None,
    ) -> tuple[Client, str | None]:
        """Create a client; return it and, for a confidential client, its secret (shown once)."""
        now = self.clock.now()
        secret: str | None = None
        if client_type == "confidential":
            secret = client_secret or new_secret()
            methods = auth_methods or ("client_secret_basic", "client_secret_post")
        else:
            methods = ("none",)
        client = Client(
            client_id=str(uuid.uuid4()),
            name=name,
            org_id=self.org_id,
            user_id=self.user_id,
            client_type=client_type,
            require_pkce=require_pkce,
            allowed_grant_types=list(dict.fromkeys(allowed_grant_types)),
            allowed_scopes=list(dict.fromkeys(allowed_scopes)),
            redirect_uris=list(dict.fromkeys(redirect_uris or [])),
            created_at=now,
            updated_at=now,
            auth_methods=methods,
            secret_digest=None if secret is None else digest(secret),
            logo_uri=logo_uri,
            policy_uri=policy_uri,
            tos_uri=tos_uri,
            verified=verified,
        )
        with self._lock:
            self._clients[client.client_id] = client
        return client, secret

    def get_client(self, client_id: str) -> Client:
        with self._lock:
            client = self._clients.get(client_id)
        if client is None:
            raise _not_found("oauth_client")
        return client

    def update_client(self, client_id: str, changes: dict[str, Any]) -> Client:
        with self._lock:
            client = self.get_client(client_id)
            for name, value in changes.items():
                if name in ("allowed_grant_types", "allowed_scopes", "redirect_uris"):
                    setattr(client, name, list(dict.fromkeys(value)))
                else:
                    setattr(client, name, value)
            client.updated_at = self.clock.now()
            return client

    def delete_client(self, client_id: str) -> None:
        """Delete a client; its grants go with it, so none of its tokens stays active."""
        with self._lock:
            self.get_client(client_id)
            del self._clients[client_id]
            for grant_id in [g.id for g in self._grants.values() if g.client_id == client_id]:
                del self._grants[grant_id]

    def list_clients(
        self, filters: dict[str, Any], page_number: int, page_size: int
    ) -> tuple[list[Client], dict[str, int]]:
        with self._lock:
            clients = list(self._clients.values())
        selected = [c for c in clients if _client_matches(c, filters)] if filters else clients
        return _page(selected, page_number, page_size)

    # -- client authentication -------------------------------------------------------------

    def authenticate(self, credentials: ClientCredentials) -> Client:
        """The client that ``credentials`` prove, as it was registered; else invalid_client."""
        if not credentials.client_id:
            raise _invalid_client("client authentication is required", credentials)
        with self._lock:
            client = self._clients.get(credentials.client_id)
        if client is None:
            raise _invalid_client("unknown client", credentials)
        if client.client_type == "public" or client.secret_digest is None:
            if credentials.client_secret is not None or credentials.method != "none":
                raise _invalid_client(
                    "public clients do not authenticate with a secret", credentials
                )
            return client
        if credentials.client_secret is None:
            raise _invalid_client("confidential clients must authenticate", credentials)
        if credentials.method not in client.auth_methods:
            methods = " or ".join(client.auth_methods)
            raise _invalid_client(f"this client is registered to use {methods}", credentials)
        if not same_digest(credentials.client_secret, client.secret_digest):
            raise _invalid_client("client authentication failed", credentials)
        return client

    # -- authorization and consent ----------------------------------------------------------

    def start_consent(
        self,
        *,
        client: Client,
        redirect_uri: str,
        scopes: list[str],
        state: str | None,
        code_challenge: str | None,
    ) -> str:
        """Remember an authorization request; return its consent token (single use)."""
        token = new_secret(24)
        consent = ConsentRequest(
            client_id=client.client_id,
            redirect_uri=redirect_uri,
            scopes=scopes,
            state=state,
            code_challenge=code_challenge,
            expires_at=self.clock.now() + CONSENT_TOKEN_LIFETIME_SECONDS,
        )
        with self._lock:
            self._consents[digest(token)] = consent
        return token

    def _live_consent(self, consent_token: str) -> ConsentRequest:
        consent = self._consents.get(digest(consent_token))
        if consent is None or consent.expires_at <= self.clock.now():
            raise OAuthError(404, "not_found", "consent_token is unknown, used or expired")
        if consent.client_id not in self._clients:
            raise OAuthError(404, "not_found", "the client of this consent_token was deleted")
        return consent

    def consent_details(self, consent_token: str) -> dict[str, Any]:
        with self._lock:
            consent = self._live_consent(consent_token)
            client = self._clients[consent.client_id]
        return {
            "client_id": client.client_id,
            "name": client.name,
            "redirect_uri": consent.redirect_uri,
            "verified": client.verified,
            "logo_uri": client.logo_uri,
            "policy_uri": client.policy_uri,
            "tos_uri": client.tos_uri,
            "requested_scopes": [_scope_json(s) for s in consent.scopes],
        }

    def decide_consent(self, consent_token: str, allowed: bool) -> str:
        """Spend a consent token; return where to send the user (code or access_denied)."""
        now = self.clock.now()
        with self._lock:
            consent = self._live_consent(consent_token)
            del self._consents[digest(consent_token)]
            if not allowed:
                return add_query(
                    consent.redirect_uri, {"error": "access_denied", "state": consent.state}
                )
            grant = next(
                (g for g in self._grants.values() if g.client_id == consent.client_id), None
            )
            if grant is None:
                grant = Grant(
                    id=str(uuid.uuid4()),
                    client_id=consent.client_id,
                    scopes=list(consent.scopes),
                    created_at=now,
                )
                self._grants[grant.id] = grant
            else:
                grant.scopes = list(dict.fromkeys(grant.scopes + consent.scopes))
            code = new_secret()
            self._codes[digest(code)] = AuthorizationCode(
                client_id=consent.client_id,
                redirect_uri=consent.redirect_uri,
                scopes=list(consent.scopes),
                code_challenge=consent.code_challenge,
                grant_id=grant.id,
                expires_at=now + AUTHORIZATION_CODE_LIFETIME_SECONDS,
            )
        return add_query(consent.redirect_uri, {"code": code, "state": consent.state})

    # -- token endpoint --------------------------------------------------------------------

    def client_credentials(self, client: Client, scope: str | None) -> dict[str, Any]:
        _require_grant_type(client, "client_credentials")
        if client.client_type != "confidential":
            raise OAuthError(
                400, "unauthorized_client", "public clients cannot use client_credentials"
            )
        scopes = _granted_scopes(scope, client.allowed_scopes)
        with self._lock:
            return self._issue(client, scopes, sub=client.client_id, family=None, refresh=False)

    def exchange_code(
        self,
        client: Client,
        *,
        code: str | None,
        redirect_uri: str | None,
        code_verifier: str | None,
    ) -> dict[str, Any]:
        _require_grant_type(client, "authorization_code")
        if not code:
            raise OAuthError(400, "invalid_request", "code is required")
        if code_verifier is not None and not is_code_verifier(code_verifier):
            raise OAuthError(
                400, "invalid_request", "code_verifier must be 43-128 unreserved characters"
            )
        now = self.clock.now()
        with self._lock:
            record = self._codes.get(digest(code))
            if record is None or record.client_id != client.client_id:
                raise OAuthError(400, "invalid_grant", "code is invalid")
            if record.used:
                # RFC 6749 4.1.2: a code used twice revokes what it already issued.
                if record.family_id is not None:
                    self._families[record.family_id].revoked = True
                raise OAuthError(400, "invalid_grant", "code was already used")
            if record.expires_at <= now:
                raise OAuthError(400, "invalid_grant", "code has expired")
            if redirect_uri != record.redirect_uri:
                raise OAuthError(
                    400, "invalid_grant", "redirect_uri does not match the authorization request"
                )
            if record.code_challenge is not None:
                if code_verifier is None:
                    raise OAuthError(400, "invalid_grant", "code_verifier is required")
                if s256(code_verifier) != record.code_challenge:
                    raise OAuthError(400, "invalid_grant", "code_verifier does not match")
            elif code_verifier is not None:
                raise OAuthError(
                    400, "invalid_grant", "code_verifier given but no code_challenge was sent"
                )
            grant = self._grants.get(record.grant_id)
            if grant is None:
                raise OAuthError(400, "invalid_grant", "the grant behind this code was revoked")
            record.used = True
            family = Family(id=str(uuid.uuid4()), client_id=client.client_id, grant_id=grant.id)
            self._families[family.id] = family
            record.family_id = family.id
            grant.last_used_at = now
            refresh = "refresh_token" in client.allowed_grant_types
            return self._issue(
                client, record.scopes, sub=self.user_id, family=family, refresh=refresh
            )

    def refresh(
        self, client: Client, *, refresh_token: str | None, scope: str | None
    ) -> dict[str, Any]:
        _require_grant_type(client, "refresh_token")
        if not refresh_token:
            raise OAuthError(400, "invalid_request", "refresh_token is required")
        now = self.clock.now()
        with self._lock:
            record = self._refresh.get(digest(refresh_token))
            if record is None or record.client_id != client.client_id:
                raise OAuthError(400, "invalid_grant", "refresh_token is invalid")
            family = self._families[record.family_id]
            if record.rotated:
                # A rotated refresh token came back: it leaked, so the whole family ends.
                family.revoked = True
                raise OAuthError(400, "invalid_grant", "refresh_token was already used")
            if family.revoked:
                raise OAuthError(400, "invalid_grant", "refresh_token was revoked")
            if record.expires_at <= now:
                raise OAuthError(400, "invalid_grant", "refresh_token has expired")
            grant = None if record.grant_id is None else self._grants.get(record.grant_id)
            if record.grant_id is not None and grant is None:
                raise OAuthError(400, "invalid_grant", "the grant was revoked")
            scopes = record.scopes
            if scope is not None:
                scopes = _granted_scopes(scope, record.scopes)
            record.rotated = True
            if grant is not None:
                grant.last_used_at = now
            return self._issue(client, scopes, sub=record.sub, family=family, refresh=True)

    def _issue(
        self,
        client: Client,
        scopes: list[str],
        *,
        sub: str,
        family: Family | None,
        refresh: bool,
    ) -> dict[str, Any]:
        """Mint an access token (and a refresh token); caller holds the lock."""
        now = int(self.clock.now())
        jti = str(uuid.uuid4())
        scope = " ".join(scopes)
        claims = {
            "iss": self.issuer,
            "aud": self.issuer,
            "sub": sub,
            "client_id": client.client_id,
            "scope": scope,
            "iat": now,
            "nbf": now,
            "exp": now + ACCESS_TOKEN_LIFETIME_SECONDS,
            "jti": jti,
        }
        access_token = self.keys.sign(claims)
        grant_id = None if family is None else family.grant_id
        self._access[digest(access_token)] = AccessToken(
            jti=jti,
            client_id=client.client_id,
            sub=sub,
            scopes=scopes,
            issued_at=now,
            expires_at=now + ACCESS_TOKEN_LIFETIME_SECONDS,
            family_id=None if family is None else family.id,
            grant_id=grant_id,
        )
        body: dict[str, Any] = {
            "access_token": access_token,
            "token_type": "Bearer",
            "expires_in": ACCESS_TOKEN_LIFETIME_SECONDS,
            "scope": scope,
        }
        if refresh and family is not None:
            refresh_token = new_secret(48)
            self._refresh[digest(refresh_token)] = RefreshToken(
                client_id=client.client_id,
                sub=sub,
                scopes=scopes,
                issued_at=now,
                expires_at=now + REFRESH_TOKEN_LIFETIME_SECONDS,
                family_id=family.id,
                grant_id=grant_id,
            )
            body["refresh_token"] = refresh_token
        return body

    # -- introspection ---------------------------------------------------------------------

    def introspect(self, token: str) -> dict[str, Any]:
        """RFC 7662: the token's facts when active, else only ``{"active": false}``."""
        key = digest(token)
        now = self.clock.now()
        with self._lock:
            record: AccessToken | RefreshToken | None = self._access.get(key)
            token_type = "Bearer"
            if record is None:
                record = self._refresh.get(key)
                token_type = "refresh_token"
                if record is not None and record.rotated:
                    return {"active": False}
            if record is None or not self._is_live(record, now):
                return {"active": False}
        answer: dict[str, Any] = {
            "active": True,
            "scope": " ".join(record.scopes),
            "client_id": record.client_id,
            "token_type": token_type,
            "exp": record.expires_at,
            "iat": record.issued_at,
            "iss": self.issuer,
            "aud": self.issuer,
            "sub": record.sub,
        }
        if isinstance(record, AccessToken):
            answer["jti"] = record.jti
        return answer

    def use_access_token(self, token: str) -> bool:
        """Whether ``token`` is a live access token; if so, its grant was used just now."""
        key = digest(token)
        now = self.clock.now()
        with self._lock:
            record = self._access.get(key)
            if record is None or not self._is_live(record, now):
                return False
            if record.grant_id is not None:
                self._grants[record.grant_id].last_used_at = now
            return True

    def _is_live(self, record: AccessToken | RefreshToken, now: float) -> bool:
        if record.expires_at <= now or record.client_id not in self._clients:
            return False
        if record.family_id is not None and self._families[record.family_id].revoked:
            return False
        return record.grant_id is None or record.grant_id in self._grants

    # -- grants ----------------------------------------------------------------------------

    def list_grants(self, page_number: int, page_size: int) -> tuple[list[Grant], dict[str, int]]:
        with self._lock:
            grants = list(self._grants.values())
        return _page(grants, page_number, page_size)

    def get_grant(self, grant_id: str) -> Grant:
        with self._lock:
            grant = self._grants.get(grant_id)
        if grant is None:
            raise _not_found("oauth_grant")
        return grant

    def revoke_grant(self, grant_id: str) -> Grant:
        """Remove a grant; every token issued under it becomes inactive."""
        with self._lock:
            grant = self._grants.pop(grant_id, None)
            if grant is None:
                raise _not_found("oauth_grant")
            for family in self._families.values():
                if family.grant_id == grant_id:
                    family.revoked = True
            for code in self._codes.values():
                if code.grant_id == grant_id:
                    code.used = True
        return grant


def _scope_json(scope: str) -> dict[str, str]:
    name, description = SCOPE_CATALOGUE.get(scope, (scope, ""))
    return {"id": scope, "name": name, "description": description}


def _require_grant_type(client: Client, grant_type: str) -> None:
    if grant_type not in client.allowed_grant_types:
        raise OAuthError(
            400, "unauthorized_client", f"this client may not use the {grant_type} grant"
        )


def _granted_scopes(requested: str | None, allowed: list[str]) -> list[str]:
    """The requested scopes if all are allowed, all allowed scopes if none were requested."""
    if requested is None or not requested.strip():
        return list(allowed)
    scopes = split_scope(requested)
    outside = [s for s in scopes if s not in allowed]
    if outside:
        raise OAuthError(400, "invalid_scope", f"scope not allowed: {' '.join(outside)}")
    return scopes


def _client_matches(client: Client, filters: dict[str, Any]) -> bool:
    for name, value in filters.items():
        if name == "client_type" and client.client_type != value:
            return False
        if name == "verified" and client.verified is not value:
            return False
        if name == "allowed_grant_types_contains" and value not in client.allowed_grant_types:
            return False
        if name == "name" and client.name != value:
            return False
        if name == "name_contains" and str(value).lower() not in client.name.lower():
            return False
        if name == "client_id" and client.client_id != value:
            return False
    return True


def _page(items: list[_T], page_number: int, page_size: int) -> tuple[list[_T], dict[str, int]]:
    start = (page_number - 1) * page_size
    meta = {
        "page_number": page_number,
        "page_size": page_size,
        "total_pages": page_count(len(items), page_size),
        "total_results": len(items),
    }
    return items[start : start + page_size], meta
