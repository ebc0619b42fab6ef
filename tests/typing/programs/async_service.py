"""An asyncio service that reads the account's clients and the server's metadata.

A user-style program for the typing suite: type-checked with mypy --strict, never run.
"""

from __future__ import annotations

import asyncio
from typing import assert_type

import telnyx_oauth
from telnyx_oauth_api.api.oauth_clients import get_oauth_client, list_oauth_clients
from telnyx_oauth_api.models import AuthorizationServerMetadata, OAuthClient


async def names(api_key: str) -> list[str]:
    api = telnyx_oauth.connect(api_key)
    async with api:
        found = []
        async for c in telnyx_oauth.apaginate(list_oauth_clients, api, client_type="public"):
            assert_type(c, OAuthClient)
            found.append(c.name)
        async for page in telnyx_oauth.apaginate(list_oauth_clients, api, page_size=5).pages():
            found.extend(c.name for c in page.items)
        return found


async def both(api_key: str, first: str, second: str) -> tuple[str, str]:
    api = telnyx_oauth.connect(api_key)
    one, two = await asyncio.gather(
        get_oauth_client.asyncio(first, client=api), get_oauth_client.asyncio(second, client=api)
    )
    return one.data.name, two.data.name


async def issuer() -> str:
    metadata = await telnyx_oauth.aget_authorization_server_metadata(
        telnyx_oauth.connect_anonymous()
    )
    assert_type(metadata, AuthorizationServerMetadata)
    return metadata.issuer
