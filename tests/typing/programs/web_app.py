"""A web app that signs users in with the authorization-code flow and keeps their tokens.

A user-style program for the typing suite: type-checked with mypy --strict, never run.
"""

from __future__ import annotations

from typing import assert_type

import telnyx_oauth
from telnyx_oauth_api.api.oauth import introspect_token
from telnyx_oauth_api.models import IntrospectRequest, IntrospectResponse

SESSIONS: dict[str, telnyx_oauth.AuthorizationRequest] = {}
TOKENS: dict[str, telnyx_oauth.Token] = {}


def store(new: telnyx_oauth.Token, previous: telnyx_oauth.Token | None) -> None:
    TOKENS["user"] = new


flow = telnyx_oauth.AuthorizationCodeFlow(
    telnyx_oauth.connect_anonymous(),
    client_id="CLIENT_ID",
    client_secret="CLIENT_SECRET",
    redirect_uri="https://app.example.com/oauth/callback",
    scope=["numbers.read", "messaging.write"],
    on_token=store,
)


def login(session_id: str) -> str:
    request = flow.start()
    SESSIONS[session_id] = request
    return request.url


def callback(session_id: str, url: str) -> telnyx_oauth.Token:
    try:
        return flow.exchange(SESSIONS.pop(session_id), url)
    except telnyx_oauth.AuthorizationCallbackError as error:
        raise PermissionError(error.error) from error


def still_active(token: telnyx_oauth.Token) -> bool:
    as_client = telnyx_oauth.connect(
        auth=telnyx_oauth.ClientSecretBasic("CLIENT_ID", "CLIENT_SECRET")
    )
    state = introspect_token.sync(
        client=as_client, body=IntrospectRequest(token=token.access_token)
    )
    assert_type(state, IntrospectResponse)
    return state.active


def verified_claims(token: telnyx_oauth.Token) -> dict[str, object]:
    jwks = telnyx_oauth.JWKSCache(telnyx_oauth.connect_anonymous())
    return telnyx_oauth.verify_access_token(
        token.access_token, jwks=jwks, issuer="https://api.telnyx.com"
    )


async def refreshed(token: telnyx_oauth.Token) -> telnyx_oauth.Token:
    if token.is_expired():
        return await flow.arefresh(token)
    return token
