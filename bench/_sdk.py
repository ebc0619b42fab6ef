"""Telnyx's official Python SDK (``pip install telnyx``), pointed at the same transports.

The SDK builds its ``OAuth2ClientCredentials`` auth through a process-wide ``lru_cache``
(``telnyx._oauth2.make_oauth2``), so two SDK clients with the same credentials share one token;
``fresh_token_cache()`` clears it so that every measured run starts without a token, as ours does.
"""

from __future__ import annotations

from typing import Any, cast

import httpx
import telnyx
from telnyx._oauth2 import make_oauth2

from bench._transports import AsyncRewriteHost, RewriteHost

VERSION: str = telnyx.__version__


def fresh_token_cache() -> None:
    """Forget every cached SDK OAuth2 auth object, and with it its token."""
    cast(Any, make_oauth2).cache_clear()


def with_transport(transport: httpx.BaseTransport, *, api_key: str) -> telnyx.Telnyx:
    """A sync SDK client with an API key whose requests go to ``transport``."""
    return telnyx.Telnyx(
        api_key=api_key,
        base_url="http://sandbox.invalid/v2",
        http_client=httpx.Client(transport=transport),
    )


def against(base_url: str, *, api_key: str) -> telnyx.Telnyx:
    """A sync SDK client with an API key, talking to a server at ``base_url`` (its /v2 inside)."""
    return telnyx.Telnyx(api_key=api_key, base_url=f"{base_url}/v2", http_client=httpx.Client())


def client_credentials(base_url: str, *, client_id: str, client_secret: str) -> telnyx.Telnyx:
    """A sync SDK client in client-credentials mode, its fixed token URL routed to ``base_url``."""
    return telnyx.Telnyx(
        client_id=client_id,
        client_secret=client_secret,
        base_url=f"{base_url}/v2",
        http_client=httpx.Client(transport=RewriteHost(base_url)),
    )


def async_client_credentials(
    base_url: str, *, client_id: str, client_secret: str
) -> telnyx.AsyncTelnyx:
    """The async twin of ``client_credentials``."""
    return telnyx.AsyncTelnyx(
        client_id=client_id,
        client_secret=client_secret,
        base_url=f"{base_url}/v2",
        http_client=httpx.AsyncClient(transport=AsyncRewriteHost(base_url)),
    )
