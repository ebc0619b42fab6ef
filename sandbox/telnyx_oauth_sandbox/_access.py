"""Who may call what: the sandbox's authorization model, enforced here and nowhere else.

``OPERATION_ACCESS`` gives every operation of the spec its rule (the route table refuses to
start without one); ``ApiKeyRequired`` guards every ``/_sandbox/`` control. The rules:

==================  =======================================================================
rule                accepted credential
==================  =======================================================================
NONE                nothing (discovery, JWKS, authorize)
REGISTRATION        nothing; with the API key (RFC 7591's initial access token) a client may
                    also be given ``admin``, which open registration never grants
CLIENT              OAuth client authentication (token endpoint); a Bearer header is ignored
INTROSPECTION       the API key as Bearer, or a confidential client's authentication; a client
                    sees only its own tokens (others answer ``active: false``, RFC 7662 2.2)
API_KEY             the API key as Bearer (consent decisions, test controls)
MANAGEMENT          the API key, or a live access token with the ``admin`` scope, as Bearer
==================  =======================================================================

Only the ``Bearer`` scheme carries an API key or an access token. A live access token without
``admin`` gets 403 ``insufficient_scope`` (RFC 6750 3.1); anything else 401, whose description
says which credential failed and why: an expired, revoked or unknown access token is described as
an access token (one shaped like a JWT is taken for one), not as a wrong API key.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from starlette.requests import Request
from starlette.types import ASGIApp, Receive, Scope, Send

from ._client_auth import authenticate_client, decode_basic, parse_client_authentication
from ._errors import BEARER_REALM, OAuthError
from ._problems import Problem
from ._records import Client, LiveToken
from ._runtime import Runtime
from ._scopes import MANAGEMENT_SCOPE
from ._secrets import same_digest, same_secret


class Rule(enum.Enum):
    """The credential an operation accepts; the values are the README's words."""

    NONE = "none"
    REGISTRATION = "none; the API key may also grant admin"
    CLIENT = "OAuth client authentication"
    INTROSPECTION = "the API key, or a confidential client (its own tokens only)"
    API_KEY = "the API key"
    MANAGEMENT = f"the API key, or an access token with {MANAGEMENT_SCOPE}"


OPERATION_ACCESS: Mapping[str, Rule] = {
    "get_authorization_server_metadata": Rule.NONE,
    "get_protected_resource_metadata": Rule.NONE,
    "get_jwks": Rule.NONE,
    "authorize": Rule.NONE,
    "register_client": Rule.REGISTRATION,
    "create_token": Rule.CLIENT,
    "introspect_token": Rule.INTROSPECTION,
    # A consent decision is the account owner's: no OAuth client may take it, whatever its
    # scopes, or a client could approve its own request.
    "get_consent_details": Rule.API_KEY,
    "submit_consent": Rule.API_KEY,
    "list_oauth_clients": Rule.MANAGEMENT,
    "create_oauth_client": Rule.MANAGEMENT,
    "get_oauth_client": Rule.MANAGEMENT,
    "update_oauth_client": Rule.MANAGEMENT,
    "delete_oauth_client": Rule.MANAGEMENT,
    "list_oauth_grants": Rule.MANAGEMENT,
    "get_oauth_grant": Rule.MANAGEMENT,
    "revoke_oauth_grant": Rule.MANAGEMENT,
}


class CallerKind(enum.Enum):
    ANONYMOUS = "anonymous"
    API_KEY = "api_key"
    ACCESS_TOKEN = "access_token"
    CLIENT = "client"


@dataclass(frozen=True)
class Caller:
    """Who a request proved to be: the account (API key), a token, a client, or nobody."""

    kind: CallerKind
    client: Client | None = None
    token: LiveToken | None = None


ANONYMOUS = Caller(CallerKind.ANONYMOUS)
ACCOUNT = Caller(CallerKind.API_KEY)


def bearer_token(authorization: str) -> str | None:
    """The credentials of an ``Authorization: Bearer ...`` header, else None."""
    scheme, _, credentials = authorization.partition(" ")
    token = credentials.strip()
    return token if scheme.lower() == "bearer" and token else None


def _unauthorized(description: str, challenge: str = BEARER_REALM) -> OAuthError:
    return OAuthError(401, "invalid_token", description, headers={"WWW-Authenticate": challenge})


_JWT_SHAPE = re.compile(r"[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*")
"""Three base64url parts: what every access token of the sandbox looks like, and no API key."""

_INVALID_TOKEN_CHALLENGE = BEARER_REALM + ', error="invalid_token"'


def _is_access_token(runtime: Runtime, token: str) -> bool:
    """Whether ``token`` is, or is shaped like, an access token rather than an API key."""
    return runtime.tokens.access_token_status(token) != "unknown" or bool(
        _JWT_SHAPE.fullmatch(token)
    )


def require_api_key(runtime: Runtime, authorization: str) -> Caller:
    """The account, for ``Authorization: Bearer <API key>``; 401 ``invalid_token`` otherwise."""
    token = bearer_token(authorization)
    if token is None:
        raise _unauthorized("The API key is missing.")
    if not same_secret(token, runtime.api_key):
        if _is_access_token(runtime, token):
            raise _unauthorized(
                "An access token is not accepted here: this operation takes the API key.",
                _INVALID_TOKEN_CHALLENGE,
            )
        raise _unauthorized("The API key is invalid.", _INVALID_TOKEN_CHALLENGE)
    return ACCOUNT


_DEAD_ACCESS_TOKEN = {
    "expired": "The access token has expired.",
    "revoked": "The access token was revoked (its grant or its client is gone).",
    "unknown": "The access token is unknown: this sandbox did not issue it, or was reset since.",
}


def _require_management(runtime: Runtime, authorization: str) -> Caller:
    token = bearer_token(authorization)
    if token is not None and not same_secret(token, runtime.api_key):
        live = runtime.tokens.live_access_token(token)
        if live is None and _is_access_token(runtime, token):
            status = runtime.tokens.access_token_status(token)
            description = _DEAD_ACCESS_TOKEN.get(status, _DEAD_ACCESS_TOKEN["unknown"])
            raise _unauthorized(description, _INVALID_TOKEN_CHALLENGE)
        if live is not None:
            if MANAGEMENT_SCOPE not in live.scopes:
                raise OAuthError(
                    403,
                    "insufficient_scope",
                    f"this access token lacks the {MANAGEMENT_SCOPE} scope",
                    headers={
                        "WWW-Authenticate": BEARER_REALM
                        + f', error="insufficient_scope", scope="{MANAGEMENT_SCOPE}"'
                    },
                )
            if live.grant_id is not None:
                runtime.store.mark_grant_used(live.grant_id)
            return Caller(CallerKind.ACCESS_TOKEN, token=live)
    return require_api_key(runtime, authorization)


def check_headers(rule: Rule, runtime: Runtime, request: Request) -> Caller:
    """The checks an operation makes before it reads the body; 401/403 when they fail."""
    authorization = request.headers.get("authorization", "")
    if rule is Rule.API_KEY:
        return require_api_key(runtime, authorization)
    if rule is Rule.MANAGEMENT:
        return _require_management(runtime, authorization)
    if rule is Rule.REGISTRATION:
        token = bearer_token(authorization)
        # Any other header is ignored: registration is open, and stays least-privileged.
        return ACCOUNT if token is not None and same_secret(token, runtime.api_key) else ANONYMOUS
    return ANONYMOUS


def check_client(
    rule: Rule, caller: Caller, runtime: Runtime, request: Request, params: Mapping[str, Any]
) -> Caller:
    """The checks that need the body's client credentials (token, introspection)."""
    authorization = request.headers.get("authorization", "")
    token = bearer_token(authorization)
    if rule is Rule.INTROSPECTION and token is not None:
        # The official SDK introspects with its API key; nothing else goes as Bearer here.
        if not same_secret(token, runtime.api_key):
            raise OAuthError(
                401,
                "invalid_client",
                "the API key is invalid",
                headers={"WWW-Authenticate": BEARER_REALM},
            )
        return ACCOUNT
    if rule not in (Rule.CLIENT, Rule.INTROSPECTION):
        return caller
    presented = parse_client_authentication(authorization, params)
    client = authenticate_client(runtime.store, presented)
    if rule is Rule.INTROSPECTION and client.client_type != "confidential":
        # RFC 7662 2.1: the caller must authenticate; a client_id alone is public knowledge.
        raise OAuthError(
            401,
            "invalid_client",
            "public clients cannot authenticate, so they cannot introspect: use a "
            "confidential client or the API key",
        )
    return Caller(CallerKind.CLIENT, client=client)


def registration_problems(caller: Caller, scopes: list[str]) -> list[Problem]:
    """Scopes that open registration must not grant (``admin``); the API key may."""
    if MANAGEMENT_SCOPE in scopes and caller.kind is not CallerKind.API_KEY:
        return [
            Problem(
                "scope",
                f"{MANAGEMENT_SCOPE} is granted only to registrations made with the API key",
            )
        ]
    return []


def may_see_token(caller: Caller, token_client_id: str) -> bool:
    """Whether an introspection caller may learn about a token of ``token_client_id``."""
    if caller.kind is CallerKind.API_KEY:
        return True
    return caller.client is not None and caller.client.client_id == token_client_id


def rate_limit_identity(runtime: Runtime, scope: Scope) -> str:
    """Whose budget a request spends: the API key, a client that proved itself (a live access
    token, or Basic credentials that verify), else the address it came from.

    Only verified credentials get a budget of their own, so a made-up header cannot escape the
    limit: it spends its address's budget.
    """
    authorization = ""
    for name, value in scope.get("headers", ()):
        if name == b"authorization":
            authorization = value.decode("latin-1")
            break
    token = bearer_token(authorization)
    if token is not None:
        if same_secret(token, runtime.api_key):
            return "api_key"
        live = runtime.tokens.live_access_token(token)
        if live is not None:
            return f"client:{live.client_id}"
    scheme, _, encoded = authorization.partition(" ")
    basic = decode_basic(encoded) if scheme.lower() == "basic" else None
    if basic is not None:
        client = runtime.store.find_client(basic[0])
        digest_ = None if client is None else client.secret_digest
        if digest_ is not None and basic[1] and same_digest(basic[1], digest_):
            return f"client:{basic[0]}"
    address = scope.get("client")
    return f"addr:{address[0]}" if address else "addr:unknown"


class ApiKeyRequired:
    """ASGI middleware: every request needs the API key as Bearer (the ``/_sandbox/`` mount)."""

    def __init__(self, app: ASGIApp, *, runtime: Runtime) -> None:
        self.app = app
        self.runtime = runtime

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            request = Request(scope)
            try:
                require_api_key(self.runtime, request.headers.get("authorization", ""))
            except OAuthError as exc:
                await exc.response()(scope, receive, send)
                return
        await self.app(scope, receive, send)
