"""One call, "get an OAuth client and parse it", three ways: ours, raw httpx, the SDK.

Figures 1 and 2 run the same three callables, first over an in-memory transport, then over
loopback against the sandbox.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import httpx
import telnyx

from telnyx_oauth import connect
from telnyx_oauth_api import AuthenticatedClient
from telnyx_oauth_api.api.oauth_clients import get_oauth_client

Call = Callable[[], object]


def ours(client: AuthenticatedClient, client_id: str) -> Call:
    """The generated ``get_oauth_client.sync`` through a ``connect()`` client."""

    def call() -> object:
        return get_oauth_client.sync(client_id, client=client)

    return call


def raw(http: httpx.Client, client_id: str) -> Call:
    """The floor: ``httpx.Client.get`` and ``json.loads`` of the body."""
    path = f"/v2/oauth_clients/{client_id}"

    def call() -> Any:
        return json.loads(http.get(path).content)

    return call


def sdk(client: telnyx.Telnyx, client_id: str) -> Call:
    """The official SDK's ``client.oauth_clients.retrieve``."""

    def call() -> object:
        return client.oauth_clients.retrieve(client_id)

    return call


def ours_client(
    base_url: str, api_key: str, transport: httpx.BaseTransport | None = None
) -> AuthenticatedClient:
    """A ``connect()`` client with an API key, over ``transport`` (default: the network)."""
    return connect(api_key, base_url=base_url, transport=transport)


def raw_client(
    base_url: str, api_key: str, transport: httpx.BaseTransport | None = None
) -> httpx.Client:
    """A plain ``httpx.Client`` sending the API key as a default header."""
    return httpx.Client(
        base_url=base_url, headers={"Authorization": f"Bearer {api_key}"}, transport=transport
    )
