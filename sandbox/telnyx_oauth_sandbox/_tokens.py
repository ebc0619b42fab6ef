"""The token endpoint's rules: codes, access and refresh tokens, rotation, replay, introspection.

A token is live while it has not expired, its client and grant (if any) still exist, and no
replayed code or refresh token revoked its family. A live token may use those of its scopes its
client is still allowed: narrowing ``allowed_scopes`` applies at once, to held tokens and refreshes.

The module is longer than 300 lines because every rule here reads and writes the same records
under one lock: split, a code exchange, a rotation and a replay check would share that lock
across modules.
"""

from __future__ import annotations

import threading
import uuid
from typing import Any

from ._clock import Clock
from ._constants import (
    ACCESS_TOKEN_LIFETIME_SECONDS,
    AUTHORIZATION_CODE_LIFETIME_SECONDS,
    REFRESH_TOKEN_LIFETIME_SECONDS,
)
from ._errors import OAuthError
from ._keys import KeyRing
from ._pkce import is_code_verifier, s256
from ._records import (
    AccessToken,
    AuthorizationCode,
    Client,
    LiveToken,
    RefreshToken,
    TokenFamily,
)
from ._scopes import granted_scopes
from ._secrets import digest, new_secret
from ._store import Store


def _require_grant_type(client: Client, grant_type: str) -> None:
    if grant_type not in client.allowed_grant_types:
        raise OAuthError(
            400, "unauthorized_client", f"this client may not use the {grant_type} grant"
        )


class Tokens:
    """Codes and tokens the sandbox issued; every public method is thread-safe."""

    def __init__(self, *, issuer: str, clock: Clock, keys: KeyRing, store: Store) -> None:
        self.issuer = issuer
        self.clock = clock
        self.keys = keys
        self.store = store
        self._lock = threading.RLock()
        self._codes: dict[str, AuthorizationCode] = {}
        self._families: dict[str, TokenFamily] = {}
        self._access: dict[str, AccessToken] = {}
        self._refresh: dict[str, RefreshToken] = {}

    def __repr__(self) -> str:
        return f"Tokens(issuer={self.issuer!r}, access_tokens={len(self._access)})"

    def reset(self) -> None:
        """Forget every code and token."""
        with self._lock:
            self._codes.clear()
            self._families.clear()
            self._access.clear()
            self._refresh.clear()

    def new_code(
        self,
        *,
        client_id: str,
        redirect_uri: str,
        scopes: list[str],
        code_challenge: str | None,
        grant_id: str,
    ) -> str:
        """An authorization code for an allowed consent (single use, short-lived)."""
        code = new_secret()
        record = AuthorizationCode(
            client_id=client_id,
            redirect_uri=redirect_uri,
            scopes=list(scopes),
            code_challenge=code_challenge,
            grant_id=grant_id,
            expires_at=self.clock.now() + AUTHORIZATION_CODE_LIFETIME_SECONDS,
        )
        with self._lock:
            self._codes[digest(code)] = record
        return code

    # -- the three grants ------------------------------------------------------------------

    def issue_client_credentials_token(self, client: Client, scope: str | None) -> dict[str, Any]:
        """The ``client_credentials`` grant: a token of the client's own, in no grant."""
        _require_grant_type(client, "client_credentials")
        if client.client_type != "confidential":
            raise OAuthError(
                400, "unauthorized_client", "public clients cannot use client_credentials"
            )
        scopes = granted_scopes(scope, client.allowed_scopes)
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
        """The ``authorization_code`` grant, with PKCE and replay detection."""
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
            if self.store.find_grant(record.grant_id) is None:
                raise OAuthError(400, "invalid_grant", "the grant behind this code was revoked")
            record.used = True
            family = TokenFamily(
                id=str(uuid.uuid4()), client_id=client.client_id, grant_id=record.grant_id
            )
            self._families[family.id] = family
            record.family_id = family.id
            self.store.mark_grant_used(record.grant_id)
            refresh = "refresh_token" in client.allowed_grant_types
            return self._issue(
                client, record.scopes, sub=self.store.user_id, family=family, refresh=refresh
            )

    def refresh(
        self, client: Client, *, refresh_token: str | None, scope: str | None
    ) -> dict[str, Any]:
        """The ``refresh_token`` grant: rotation, replay revokes the family, scopes narrowed."""
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
            if record.grant_id is not None and self.store.find_grant(record.grant_id) is None:
                raise OAuthError(400, "invalid_grant", "the grant was revoked")
            still_allowed = [s for s in record.scopes if s in client.allowed_scopes]
            if record.scopes and not still_allowed:
                raise OAuthError(
                    400, "invalid_scope", "the client is no longer allowed any of these scopes"
                )
            scopes = still_allowed if scope is None else granted_scopes(scope, still_allowed)
            record.rotated = True
            if record.grant_id is not None:
                self.store.mark_grant_used(record.grant_id)
            return self._issue(client, scopes, sub=record.sub, family=family, refresh=True)

    def _issue(
        self,
        client: Client,
        scopes: list[str],
        *,
        sub: str,
        family: TokenFamily | None,
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

    # -- using tokens ----------------------------------------------------------------------

    def introspect(self, token: str) -> dict[str, Any]:
        """RFC 7662: the token's facts when live, else only ``{"active": false}``."""
        key = digest(token)
        with self._lock:
            record: AccessToken | RefreshToken | None = self._access.get(key)
            if record is None:
                record = self._refresh.get(key)
                if record is not None and record.rotated:
                    return {"active": False}
            scopes = None if record is None else self._live_scopes(record)
        if record is None or scopes is None:
            return {"active": False}
        # The fields the live API answers with (RFC 7662 allows more, such as token_type, sub
        # and jti; the API does not send them, so neither does the sandbox).
        return {
            "active": True,
            "scope": " ".join(scopes),
            "client_id": record.client_id,
            "exp": record.expires_at,
            "iat": record.issued_at,
            "iss": self.issuer,
            "aud": self.issuer,
        }

    def live_access_token(self, token: str) -> LiveToken | None:
        """What ``token`` may do as a bearer, or None unless it is a live access token."""
        with self._lock:
            record = self._access.get(digest(token))
            scopes = None if record is None else self._live_scopes(record)
        if record is None or scopes is None:
            return None
        return LiveToken(record.client_id, frozenset(scopes), record.grant_id)

    def access_token_status(self, token: str) -> str:
        """``live``, ``expired``, ``revoked`` (grant, client or family gone) or ``unknown``."""
        with self._lock:
            record = self._access.get(digest(token))
            if record is None or record.expires_at <= self.clock.now():
                return "unknown" if record is None else "expired"
            return "revoked" if self._live_scopes(record) is None else "live"

    def _live_scopes(self, record: AccessToken | RefreshToken) -> list[str] | None:
        """The scopes ``record`` still carries, or None when it is no longer live."""
        if record.expires_at <= self.clock.now():
            return None
        if record.family_id is not None and self._families[record.family_id].revoked:
            return None
        client = self.store.find_client(record.client_id)
        if client is None:
            return None
        if record.grant_id is not None and self.store.find_grant(record.grant_id) is None:
            return None
        return [s for s in record.scopes if s in client.allowed_scopes]
