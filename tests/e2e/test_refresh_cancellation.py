"""A refresh whose caller gives up (``asyncio.wait_for``) still lands: its successor reaches
the token store and ``on_token``, and refreshing the same token again returns it, against the
real sandbox, which rotates refresh tokens."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from telnyx_oauth import (
    APIConnectionError,
    APITimeoutError,
    AuthorizationCodeFlow,
    SQLiteTokenStore,
    Token,
    connect_anonymous,
)
from telnyx_oauth_api import AuthenticatedClient, Client
from telnyx_oauth_sandbox import SandboxControls, SandboxServer
from tests.e2e._flows import (
    REDIRECT_URI,
    SCOPES,
    acreate_client,
    alogin,
    create_client,
    login,
    secret_of,
)


async def test_refresh_survives_its_callers_timeout(
    aapi: AuthenticatedClient, aanon: Client, controls: SandboxControls, tmp_path: Path
) -> None:
    """wait_for gives up on a refresh the server answers late: the caller gets TimeoutError at
    once, the successor still reaches on_token and the store, and the app's retry with the old
    token gets that successor, from this flow or from another over the same store, with no
    second refresh request (which the server would refuse: the old token is spent)."""
    registered = await acreate_client(aapi)
    seen: list[tuple[Token, Token | None]] = []
    arrived = asyncio.Event()

    def on_token(new: Token, previous: Token | None) -> None:
        seen.append((new, previous))
        arrived.set()

    def flow() -> AuthorizationCodeFlow:
        return AuthorizationCodeFlow(
            aanon,
            client_id=registered.client_id,
            client_secret=secret_of(registered),
            redirect_uri=REDIRECT_URI,
            scope=SCOPES,
            store=SQLiteTokenStore(tmp_path / "tokens.db"),
            on_token=on_token,
        )

    app = flow()
    _, token = await alogin(aapi, aanon, app)
    seen.clear()
    arrived.clear()
    controls.delay(0.6, path="/v2/oauth/token", count=1)

    with pytest.raises(TimeoutError):
        await asyncio.wait_for(app.arefresh(token), 0.2)
    await asyncio.wait_for(arrived.wait(), 5)

    ((successor, previous),) = seen
    assert previous is not None
    assert previous.refresh_token == token.refresh_token
    assert successor.refresh_token != token.refresh_token
    assert (await app.arefresh(token)).access_token == successor.access_token
    assert (await flow().arefresh(token)).access_token == successor.access_token
    assert controls.token_requests("refresh_token") == 1


def test_a_refresh_that_timed_out_says_its_token_may_be_spent(
    api: AuthenticatedClient, sandbox: SandboxServer, controls: SandboxControls
) -> None:
    """A refresh whose answer does not come within the read timeout raises APITimeoutError
    saying the refresh token may be spent and what to do; a refused connection (the request
    surely never sent) does not say so."""
    registered = create_client(api)
    with connect_anonymous(base_url=sandbox.base_url, timeout=0.3) as anon:
        app = AuthorizationCodeFlow(
            anon,
            client_id=registered.client_id,
            client_secret=secret_of(registered),
            redirect_uri=REDIRECT_URI,
            scope=SCOPES,
        )
        _, token = login(api, anon, app)
        controls.delay(1.0, path="/v2/oauth/token", count=1)
        with pytest.raises(APITimeoutError) as caught:
            app.refresh(token)
    assert "the refresh token may be spent" in str(caught.value)
    assert "user must authorize again" in str(caught.value)

    with connect_anonymous(base_url="http://127.0.0.1:9", max_retries=0) as nowhere:
        unreachable = AuthorizationCodeFlow(
            nowhere, client_id="c", client_secret="s", redirect_uri=REDIRECT_URI
        )
        with pytest.raises(APIConnectionError) as refused:
            unreachable.refresh(token)
    assert "may be spent" not in str(refused.value)
