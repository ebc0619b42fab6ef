"""The account's OAuth clients and grants, behind one lock.

Tokens, codes and consent requests live in ``_tokens`` and ``_consents``; they ask this store
whether a client or grant still exists, so deleting either ends what was issued under it.
"""

from __future__ import annotations

import math
import threading
import uuid
from typing import Any, TypeVar

from ._clock import Clock
from ._errors import OAuthError
from ._records import Client, Grant
from ._secrets import digest, new_secret

_T = TypeVar("_T")

LIST_FILTERS = {
    "filter[client_type]": "client_type",
    "filter[verified]": "verified",
    "filter[allowed_grant_types][contains]": "allowed_grant_types_contains",
    "filter[name]": "name",
    "filter[name][contains]": "name_contains",
    "filter[client_id]": "client_id",
}
"""Query parameter of ``list_oauth_clients`` -> the filter it sets."""


def not_found(kind: str) -> OAuthError:
    return OAuthError(404, "not_found", f"{kind} not found")


class Store:
    """Clients and grants of one sandbox account; every public method is thread-safe."""

    def __init__(
        self, *, clock: Clock, org_id: str | None = None, user_id: str | None = None
    ) -> None:
        self.clock = clock
        self.org_id = org_id or str(uuid.uuid4())
        self.user_id = user_id or str(uuid.uuid4())
        self._lock = threading.RLock()
        self._clients: dict[str, Client] = {}
        self._grants: dict[str, Grant] = {}

    def __repr__(self) -> str:
        return f"Store(clients={len(self._clients)}, grants={len(self._grants)})"

    def reset(self) -> None:
        """Forget every client and grant."""
        with self._lock:
            self._clients.clear()
            self._grants.clear()

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

    def find_client(self, client_id: str) -> Client | None:
        with self._lock:
            return self._clients.get(client_id)

    def get_client(self, client_id: str) -> Client:
        """The client, or 404 ``not_found``."""
        client = self.find_client(client_id)
        if client is None:
            raise not_found("oauth_client")
        return client

    def update_client(self, client_id: str, changes: dict[str, Any]) -> Client:
        """Apply the fields of an update request; ``updated_at`` moves to now."""
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
        """One page of the clients matching every filter (``LIST_FILTERS`` values as keys)."""
        with self._lock:
            clients = list(self._clients.values())
        selected = [c for c in clients if _client_matches(c, filters)] if filters else clients
        return _page(selected, page_number, page_size)

    # -- grants ----------------------------------------------------------------------------

    def add_consent(self, client_id: str, scopes: list[str]) -> Grant:
        """Record a user's consent: a new grant, or the client's grant with these scopes added."""
        with self._lock:
            grant = next((g for g in self._grants.values() if g.client_id == client_id), None)
            if grant is None:
                grant = Grant(
                    id=str(uuid.uuid4()),
                    client_id=client_id,
                    scopes=list(scopes),
                    created_at=self.clock.now(),
                )
                self._grants[grant.id] = grant
            else:
                grant.scopes = list(dict.fromkeys(grant.scopes + scopes))
            return grant

    def find_grant(self, grant_id: str) -> Grant | None:
        with self._lock:
            return self._grants.get(grant_id)

    def get_grant(self, grant_id: str) -> Grant:
        """The grant, or 404 ``not_found``."""
        grant = self.find_grant(grant_id)
        if grant is None:
            raise not_found("oauth_grant")
        return grant

    def mark_grant_used(self, grant_id: str) -> None:
        """Set the grant's ``last_used_at`` to now, if it still exists."""
        with self._lock:
            grant = self._grants.get(grant_id)
            if grant is not None:
                grant.last_used_at = self.clock.now()

    def list_grants(self, page_number: int, page_size: int) -> tuple[list[Grant], dict[str, int]]:
        with self._lock:
            grants = list(self._grants.values())
        return _page(grants, page_number, page_size)

    def revoke_grant(self, grant_id: str) -> Grant:
        """Remove a grant; every code and token issued under it stops working."""
        with self._lock:
            grant = self._grants.pop(grant_id, None)
        if grant is None:
            raise not_found("oauth_grant")
        return grant


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
        "total_pages": math.ceil(len(items) / page_size) if items else 0,
        "total_results": len(items),
    }
    return items[start : start + page_size], meta
