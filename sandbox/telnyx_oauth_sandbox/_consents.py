"""Consent requests: what ``/v2/oauth/authorize`` asks the user, and the user's decision.

A consent token is a capability (whoever holds it can see and decide the request), so it is
kept as a digest, lasts ``CONSENT_TOKEN_LIFETIME_SECONDS`` and decides once. Anyone can start a
request, so expired ones are forgotten as new ones arrive, and at most ``max_pending`` wait.
"""

from __future__ import annotations

import threading
from typing import Any

from ._clock import Clock
from ._constants import CONSENT_TOKEN_LIFETIME_SECONDS, MAX_PENDING_CONSENTS
from ._errors import OAuthError
from ._records import Client, ConsentRequest
from ._redirect_uris import add_query
from ._scopes import scope_details
from ._secrets import digest, new_secret
from ._store import Store
from ._tokens import Tokens


class TooManyPendingConsentsError(Exception):
    """``max_pending`` authorization requests already wait for a decision."""


class Consents:
    """Consent requests waiting for a decision; every public method is thread-safe."""

    def __init__(
        self,
        *,
        clock: Clock,
        store: Store,
        tokens: Tokens,
        max_pending: int = MAX_PENDING_CONSENTS,
    ) -> None:
        self.clock = clock
        self.store = store
        self.tokens = tokens
        self.max_pending = max_pending
        self._lock = threading.Lock()
        # Insertion order is expiry order: every request lives as long, and the clock only
        # moves forward (a reset empties this too), so the expired ones are always at the front.
        self._requests: dict[str, ConsentRequest] = {}

    def __repr__(self) -> str:
        return f"Consents(waiting={len(self._requests)})"

    def __len__(self) -> int:
        """How many requests wait for a decision (expired ones not yet forgotten included)."""
        return len(self._requests)

    def _forget_expired(self, now: float) -> None:
        """Drop the expired requests at the front; called with the lock held."""
        expired = []
        for key, request in self._requests.items():
            if request.expires_at > now:
                break
            expired.append(key)
        for key in expired:
            del self._requests[key]

    def reset(self) -> None:
        """Forget every consent request."""
        with self._lock:
            self._requests.clear()

    def start(
        self,
        *,
        client: Client,
        redirect_uri: str,
        scopes: list[str],
        state: str | None,
        code_challenge: str | None,
    ) -> str:
        """Remember an authorization request; return its consent token (single use).

        ``TooManyPendingConsentsError`` when ``max_pending`` live requests already wait.
        """
        token = new_secret(24)
        request = ConsentRequest(
            client_id=client.client_id,
            redirect_uri=redirect_uri,
            scopes=scopes,
            state=state,
            code_challenge=code_challenge,
            expires_at=self.clock.now() + CONSENT_TOKEN_LIFETIME_SECONDS,
        )
        with self._lock:
            self._forget_expired(self.clock.now())
            if len(self._requests) >= self.max_pending:
                raise TooManyPendingConsentsError
            self._requests[digest(token)] = request
        return token

    def _live(self, consent_token: str) -> tuple[ConsentRequest, Client]:
        """The request and its client, or 404 when it can no longer be decided (it is then
        forgotten). Called with the lock held."""
        key = digest(consent_token)
        request = self._requests.get(key)
        if request is None or request.expires_at <= self.clock.now():
            raise OAuthError(404, "not_found", "consent_token is unknown, used or expired")
        client = self.store.find_client(request.client_id)
        if client is None:
            del self._requests[key]
            raise OAuthError(404, "not_found", "the client of this consent_token was deleted")
        if request.redirect_uri not in client.redirect_uris:
            # Checked again at decision time: the client may have dropped the URI since
            # authorize trusted it, and a code must never travel to a URI it no longer owns.
            del self._requests[key]
            raise OAuthError(
                404,
                "not_found",
                "the redirect_uri of this consent_token is no longer registered for its client; "
                "start the authorization again",
            )
        return request, client

    def details(self, consent_token: str) -> dict[str, Any]:
        """The spec's ``ConsentDetails``: who asks, for what, and where the user goes next."""
        with self._lock:
            request, client = self._live(consent_token)
        return {
            "client_id": client.client_id,
            "name": client.name,
            "redirect_uri": request.redirect_uri,
            "verified": client.verified,
            "logo_uri": client.logo_uri,
            "policy_uri": client.policy_uri,
            "tos_uri": client.tos_uri,
            "requested_scopes": [scope_details(s) for s in request.scopes],
        }

    def decide(self, consent_token: str, allowed: bool) -> str:
        """Spend a consent token; return where to send the user (code or access_denied)."""
        with self._lock:
            request, _ = self._live(consent_token)
            del self._requests[digest(consent_token)]
        if not allowed:
            return add_query(
                request.redirect_uri, {"error": "access_denied", "state": request.state}
            )
        grant = self.store.add_consent(request.client_id, request.scopes)
        code = self.tokens.new_code(
            client_id=request.client_id,
            redirect_uri=request.redirect_uri,
            scopes=request.scopes,
            code_challenge=request.code_challenge,
            grant_id=grant.id,
        )
        return add_query(request.redirect_uri, {"code": code, "state": request.state})
