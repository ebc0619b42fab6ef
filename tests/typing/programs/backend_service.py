"""A backend that manages its account's OAuth clients with client credentials.

A user-style program for the typing suite: type-checked with mypy --strict, never run.
"""

from __future__ import annotations

import datetime
from typing import assert_type

import telnyx_oauth
from telnyx_oauth_api import AuthenticatedClient
from telnyx_oauth_api.api.oauth_clients import (
    create_oauth_client,
    get_oauth_client,
    list_oauth_clients,
)
from telnyx_oauth_api.api.oauth_grants import list_oauth_grants
from telnyx_oauth_api.models import ClientType, OAuthClient, OAuthClientCreateRequest, OAuthGrant
from telnyx_oauth_api.types import Unset


def stale_bots(client_id: str, client_secret: str) -> list[str]:
    auth = telnyx_oauth.ClientCredentials(client_id, client_secret, scope="admin")
    api = telnyx_oauth.connect(auth=auth, timeout=10.0)
    cutoff = datetime.datetime.now(datetime.UTC) - datetime.timedelta(days=90)
    stale = []
    for c in telnyx_oauth.paginate(
        list_oauth_clients, api, page_size=100, client_type="confidential", name_contains="bot"
    ):
        assert_type(c, OAuthClient)
        if c.updated_at < cutoff and c.client_type == ClientType.CONFIDENTIAL:
            stale.append(c.client_id)
    return stale


def grants_of(api: AuthenticatedClient) -> dict[str, list[str]]:
    scopes: dict[str, list[str]] = {}
    for page in telnyx_oauth.paginate(list_oauth_grants, api).pages():
        for grant in page.items:
            assert_type(grant, OAuthGrant)
            scopes.setdefault(grant.client_id, []).extend(grant.scopes)
    return scopes


def create_bot(api: AuthenticatedClient, name: str) -> tuple[str, str | None]:
    created = create_oauth_client.sync(
        client=api,
        body=OAuthClientCreateRequest(
            name=name,
            client_type="confidential",
            allowed_grant_types=["client_credentials"],
            allowed_scopes=["numbers.read"],
        ),
    )
    secret = created.data.client_secret
    return created.data.client_id, None if isinstance(secret, Unset) else secret


def describe(api: AuthenticatedClient, client_id: str) -> str:
    try:
        bot = get_oauth_client.sync(client_id, client=api).data
    except telnyx_oauth.NotFoundError:
        return f"{client_id}: gone"
    except telnyx_oauth.RateLimitError as error:
        return f"{client_id}: retry in {error.retry_after or error.reset} s"
    scopes = bot.allowed_scopes or []
    return f"{bot.name} ({bot.client_type}): {' '.join(scopes)}"
